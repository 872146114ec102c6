/**
 * The numbers of one chunk: realized metrics over the rows whose labels arrived (equal
 * to scikit-learn's), metrics estimated over all rows by confidence-based performance
 * estimation (CBPE), and latency percentiles.
 */
import { argsortDescending } from '../metrics/argsort.ts';
import { BINARY_METRICS, binaryMetrics, prepareBinary } from '../metrics/binary.ts';
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
  let count = 0;
  for (let i = 0; i < label.length; i++) if (!Number.isNaN(label[i]!)) count++;
  if (count === 0) return null;
  // The labelled rows in order, copied in one loop (typed arrays; a mapping callback per row costs more than the metrics).
  const output = new Float64Array(count);
  const target = new Float64Array(count);
  for (let i = 0, k = 0; i < label.length; i++) {
    if (Number.isNaN(label[i]!)) continue;
    output[k] = prediction[i]!;
    target[k++] = label[i]!;
  }
  const weights = new Uint8Array(count).fill(1);
  const values: MetricValues = {};
  if (task === 'binary') {
    const labels = new Uint8Array(count);
    const predicted = new Uint8Array(count);
    for (let k = 0; k < count; k++) {
      labels[k] = target[k] === 1 ? 1 : 0;
      predicted[k] = output[k]! >= threshold ? 1 : 0;
    }
    const computed = binaryMetrics(prepareBinary({ task: 'binary', label: labels, score: output, predicted }), weights, BINARY_METRICS.filter((m) => (REALIZED_BINARY as readonly string[]).includes(m)));
    for (const name of REALIZED_BINARY) values[name] = finiteOrNull(computed[name]);
  } else {
    const computed = regressionMetrics({ task: 'regression', label: target, predicted: output }, weights, REALIZED_REGRESSION);
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
  // The non-missing latencies copied in one loop (a callback per row costs more than the selection).
  let count = 0;
  for (let i = 0; i < latency.length; i++) if (!Number.isNaN(latency[i]!)) count++;
  if (count === 0) return null;
  const values = new Float64Array(count);
  for (let i = 0, k = 0; i < latency.length; i++) if (!Number.isNaN(latency[i]!)) values[k++] = latency[i]!;
  // The six order statistics the interpolations read, selected in place (expected linear time, no sort).
  const positions = [50, 95, 99].map((q) => (q / 100) * (values.length - 1));
  const ranks = [...new Set(positions.flatMap((p) => [Math.floor(p), Math.min(Math.floor(p) + 1, values.length - 1)]))].sort((a, b) => a - b);
  let from = 0;
  for (const rank of ranks) {
    select(values, rank, from, values.length - 1);
    from = rank + 1;
  }
  const at = (position: number): number => {
    const below = Math.floor(position);
    const low = values[below]!;
    const high = values[Math.min(below + 1, values.length - 1)]!;
    const fraction = position - below;
    // numpy's lerp, exact at both ends.
    return fraction >= 0.5 ? high - (high - low) * (1 - fraction) : low + (high - low) * fraction;
  };
  return { p50: at(positions[0]!), p95: at(positions[1]!), p99: at(positions[2]!) };
}

/** Moves the k-th smallest of values[left..right] to index k, smaller ones before it, larger after (quickselect). */
function select(values: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    const pivot = values[(left + right) >>> 1]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i++] = values[j]!;
        values[j--] = swap;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}
