/**
 * The metrics of each task behind one interface, chosen from a registry by task, so
 * evaluation, slices and the bootstrap never branch on the task themselves.
 */
import { BINARY_METRICS, binaryMetrics, type BinaryMetric, prepareBinary } from './binary.ts';
import { MULTICLASS_METRICS, multiclassMetrics, type MulticlassMetric, prepareMulticlass } from './multiclass.ts';
import { REGRESSION_METRICS, regressionMetrics, type RegressionMetric } from './regression.ts';
import type { PredictionRows, Task, Weights } from './types.ts';

export interface MetricSuite {
  task: Task;
  /** Every metric the task has, in report order. */
  names: readonly string[];
  rows: number;
  /** The named metrics (all by default) under `weights`; NaN where undefined. */
  compute(weights: Weights, names?: readonly string[]): Record<string, number>;
}

/** Whether a higher value is better, for every metric trainyard computes. */
export const GREATER_IS_BETTER: Record<string, boolean> = {
  accuracy: true,
  precision: true,
  recall: true,
  f1: true,
  roc_auc: true,
  pr_auc: true,
  log_loss: false,
  brier: false,
  ece: false,
  f1_macro: true,
  f1_weighted: true,
  rmse: false,
  mae: false,
  r2: true,
  mape: false,
};

/** The metric names of a task. */
export const TASK_METRICS: Record<Task, readonly string[]> = {
  binary: BINARY_METRICS,
  multiclass: MULTICLASS_METRICS,
  regression: REGRESSION_METRICS,
};

function pick<T extends string>(known: readonly T[], names: readonly string[] | undefined): T[] {
  return names === undefined ? [...known] : known.filter((name) => names.includes(name));
}

export function metricSuite(rows: PredictionRows): MetricSuite {
  const n = rows.label.length;
  switch (rows.task) {
    case 'binary': {
      const prepared = prepareBinary(rows);
      return { task: 'binary', names: BINARY_METRICS, rows: n, compute: (weights, names) => binaryMetrics(prepared, weights, pick<BinaryMetric>(BINARY_METRICS, names)) };
    }
    case 'multiclass': {
      const prepared = prepareMulticlass(rows);
      return { task: 'multiclass', names: MULTICLASS_METRICS, rows: n, compute: (weights, names) => multiclassMetrics(prepared, weights, pick<MulticlassMetric>(MULTICLASS_METRICS, names)) };
    }
    case 'regression':
      return { task: 'regression', names: REGRESSION_METRICS, rows: n, compute: (weights, names) => regressionMetrics(rows, weights, pick<RegressionMetric>(REGRESSION_METRICS, names)) };
  }
}
