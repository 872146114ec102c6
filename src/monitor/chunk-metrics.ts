/**
 * The numbers of one chunk: realized metrics over the rows whose labels arrived (equal
 * to scikit-learn's), metrics estimated over all rows by confidence-based performance
 * estimation (CBPE), and latency percentiles.
 */
import { argsortDescending } from '../metrics/argsort.ts';
import { BINARY_METRICS, binaryMetrics, prepareBinary } from '../metrics/binary.ts';
import { sortedPercentile } from '../metrics/percentile.ts';
import { regressionMetrics } from '../metrics/regression.ts';
import type { MetricValues, MonitorTask } from './types.ts';

export const REALIZED_BINARY = ['roc_auc', 'accuracy', 'precision', 'recall', 'f1', 'log_loss'] as const;
export const ESTIMATED_BINARY = ['roc_auc', 'accuracy', 'precision', 'recall', 'f1'] as const;
export const REALIZED_REGRESSION = ['rmse', 'mae', 'r2'] as const;

export function metricNames(task: MonitorTask): readonly string[] {
  return task === 'binary' ? REALIZED_BINARY : REALIZED_REGRESSION;
}

const finiteOrNull = (value: number | undefined): number | null => (value === undefined || !Number.isFinite(value) ? null : value);

/**
 * Realized metrics of the labelled rows (label not NaN). Binary: the predicted class is
 * score >= threshold; roc_auc is null with one class, log_loss null when a score lies
 * outside [0, 1]; precision, recall and F1 follow sklearn's zero_division (0).
 */
export function realizedMetrics(task: MonitorTask, prediction: Float64Array, label: Float64Array, threshold: number): MetricValues | null {
  const rows: number[] = [];
  for (let i = 0; i < label.length; i++) if (!Number.isNaN(label[i]!)) rows.push(i);
  if (rows.length === 0) return null;
  const weights = new Uint8Array(rows.length).fill(1);
  const values: MetricValues = {};
  if (task === 'binary') {
    const score = Float64Array.from(rows, (i) => prediction[i]!);
    const labels = Uint8Array.from(rows, (i) => (label[i]! === 1 ? 1 : 0));
    const predicted = Uint8Array.from(score, (s) => (s >= threshold ? 1 : 0));
    const computed = binaryMetrics(prepareBinary({ task: 'binary', label: labels, score, predicted }), weights, BINARY_METRICS.filter((m) => (REALIZED_BINARY as readonly string[]).includes(m)));
    for (const name of REALIZED_BINARY) values[name] = finiteOrNull(computed[name]);
  } else {
    const computed = regressionMetrics({ task: 'regression', label: Float64Array.from(rows, (i) => label[i]!), predicted: Float64Array.from(rows, (i) => prediction[i]!) }, weights, REALIZED_REGRESSION);
    for (const name of REALIZED_REGRESSION) values[name] = finiteOrNull(computed[name]);
  }
  return values;
}

const share = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/**
 * CBPE over every row of a chunk from its calibrated probabilities `p`. The expected
 * confusion matrix counts each row as a positive with weight p and a negative with
 * weight 1 − p, the predicted class being score >= threshold; the expected ROC AUC is
 * the area under the ROC curve of rows sorted by raw score (ties grouped) with those
 * weights. A metric whose denominator is zero is null.
 */
export function estimatedMetrics(score: Float64Array, p: Float64Array, threshold: number): MetricValues | null {
  const n = score.length;
  if (n === 0) return null;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (let i = 0; i < n; i++) {
    const q = p[i]!;
    if (score[i]! >= threshold) {
      tp += q;
      fp += 1 - q;
    } else {
      fn += q;
      tn += 1 - q;
    }
  }
  return {
    roc_auc: expectedRocAuc(score, p),
    accuracy: share(tp + tn, tp + tn + fp + fn),
    precision: share(tp, tp + fp),
    recall: share(tp, tp + fn),
    f1: share(2 * tp, 2 * tp + fp + fn),
  };
}

/** Trapezoids of the weighted ROC curve, by descending score, tied scores one step. */
export function expectedRocAuc(score: Float64Array, p: Float64Array): number | null {
  const order = argsortDescending(score);
  let positives = 0;
  let negatives = 0;
  let area = 0;
  let groupPos = 0;
  let groupNeg = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    groupPos += p[i]!;
    groupNeg += 1 - p[i]!;
    const next = order[k + 1];
    if (next === undefined || score[next] !== score[i]) {
      area += groupNeg * (positives + groupPos / 2);
      positives += groupPos;
      negatives += groupNeg;
      groupPos = 0;
      groupNeg = 0;
    }
  }
  return positives > 0 && negatives > 0 ? area / (positives * negatives) : null;
}

/** p50, p95 and p99 of the non-missing latencies (numpy's linear interpolation); null when none. */
export function latencyPercentiles(latency: Float64Array): { p50: number; p95: number; p99: number } | null {
  const values = latency.filter((value) => !Number.isNaN(value)).sort();
  if (values.length === 0) return null;
  return { p50: sortedPercentile(values, 50), p95: sortedPercentile(values, 95), p99: sortedPercentile(values, 99) };
}
