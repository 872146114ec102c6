/**
 * Metrics of one model's predictions, overall and per segment. Pure: typed rows in,
 * plain numbers out. A metric that is undefined on these rows (ROC AUC with one class,
 * log loss on scores outside [0, 1]) is left out and listed with the reason, never
 * written as NaN into a metrics file.
 */
import { confusion } from './binary.ts';
import type { Slicing } from './load-predictions.ts';
import type { MetricValues } from './read-metrics.ts';
import { metricSuite } from './suite.ts';
import { type PredictionRows, type Task, unitWeights } from './types.ts';

export interface UndefinedMetric {
  name: string;
  reason: string;
}

export interface SegmentMetrics {
  segment: string;
  rows: number;
  metrics: MetricValues;
  undefined: UndefinedMetric[];
}

export interface EvaluationResult {
  task: Task;
  rows: number;
  metrics: MetricValues;
  undefined: UndefinedMetric[];
  /** Binary: [[tn, fp], [fn, tp]], as sklearn's confusion_matrix orders it. */
  confusionMatrix: number[][] | null;
  slices: { column: string; segments: SegmentMetrics[] } | null;
}

function whyUndefined(name: string, rows: PredictionRows): string {
  if (name === 'log_loss' && rows.task === 'multiclass') return 'no probability columns';
  if (['log_loss', 'brier', 'ece'].includes(name)) return 'scores are not probabilities in [0, 1]';
  if (name === 'pr_auc') return 'no positive rows';
  if (name === 'roc_auc') return 'the labels have one class only';
  return 'no rows';
}

function split(values: Record<string, number>, rows: PredictionRows): { metrics: MetricValues; undefined: UndefinedMetric[] } {
  const metrics: MetricValues = {};
  const missing: UndefinedMetric[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (Number.isFinite(value)) metrics[name] = value;
    else missing.push({ name, reason: whyUndefined(name, rows) });
  }
  return { metrics, undefined: missing };
}

export function evaluateRows(rows: PredictionRows, slicing: Slicing | null = null): EvaluationResult {
  const suite = metricSuite(rows);
  const n = suite.rows;
  const all = unitWeights(n);
  const overall = split(suite.compute(all), rows);
  let confusionMatrix: number[][] | null = null;
  if (rows.task === 'binary') {
    const { tn, fp, fn, tp } = confusion(rows, all);
    confusionMatrix = [[tn, fp], [fn, tp]];
  }
  let slices: EvaluationResult['slices'] = null;
  if (slicing) {
    const segments = slicing.names.map((segment, code) => {
      const weights = new Uint8Array(n);
      let count = 0;
      for (let i = 0; i < n; i++) {
        if (slicing.codes[i] === code) {
          weights[i] = 1;
          count++;
        }
      }
      return { segment, rows: count, ...split(suite.compute(weights), rows) };
    });
    slices = { column: slicing.column, segments };
  }
  return { task: suite.task, rows: n, ...overall, confusionMatrix, slices };
}
