/**
 * Binary classification metrics, equal to scikit-learn's (accuracy_score,
 * precision_score, recall_score, f1_score, roc_auc_score, average_precision_score,
 * log_loss, brier_score_loss) and an expected calibration error on calibration_curve's
 * ten uniform bins. Rows are prepared once (sorted by score, per-row losses), so a
 * bootstrap resample costs a few passes over weights, not a sort.
 */
import { argsortDescending } from './argsort.ts';
import type { BinaryRows, Weights } from './types.ts';

/** float64 machine epsilon: sklearn's log_loss clips probabilities to [eps, 1 - eps]. */
const EPS = 2.220446049250313e-16;
export const ECE_BINS = 10;

export const BINARY_METRICS = ['accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'pr_auc', 'log_loss', 'brier', 'ece'] as const;
export type BinaryMetric = (typeof BINARY_METRICS)[number];
const PROBABILITY_METRICS = new Set<BinaryMetric>(['log_loss', 'brier', 'ece']);

export interface PreparedBinary {
  rows: BinaryRows;
  /** Row indices by descending score. */
  order: Uint32Array;
  /** 1 at positions of `order` that end a group of tied scores. */
  groupEnd: Uint8Array;
  /** The labels in `order`, so the ranking pass reads them in sequence. */
  sortedLabel: Uint8Array;
  /** Whether every score lies in [0, 1], so probability metrics apply. */
  probabilities: boolean;
  logLoss: Float64Array;
  squaredError: Float64Array;
  /** calibration_curve's bin of each row: searchsorted(interior edges, score, 'left'). */
  bin: Uint8Array;
}

/** The edges np.linspace(0, 1, bins + 1) computes: i * (1 / bins), the last exactly 1. */
function binOf(score: number, bins: number): number {
  const step = 1 / bins;
  let bin = Math.min(bins - 1, Math.max(0, Math.ceil(score / step) - 1));
  while (bin > 0 && score <= (bin) * step) bin--;
  while (bin < bins - 1 && score > (bin + 1) * step) bin++;
  return bin;
}

export function prepareBinary(rows: BinaryRows): PreparedBinary {
  const n = rows.label.length;
  const { score, label } = rows;
  const order = argsortDescending(score);
  const groupEnd = new Uint8Array(n);
  for (let k = 0; k < n; k++) groupEnd[k] = k === n - 1 || score[order[k]!] !== score[order[k + 1]!] ? 1 : 0;
  const sortedLabel = new Uint8Array(n);
  for (let k = 0; k < n; k++) sortedLabel[k] = label[order[k]!]!;
  let probabilities = true;
  for (let i = 0; i < n && probabilities; i++) probabilities = score[i]! >= 0 && score[i]! <= 1;
  const logLoss = new Float64Array(n);
  const squaredError = new Float64Array(n);
  const bin = new Uint8Array(n);
  if (probabilities) {
    for (let i = 0; i < n; i++) {
      const p = Math.min(Math.max(score[i]!, EPS), 1 - EPS);
      // sklearn renormalises the row [1 - p, p] before taking the log.
      const q = 1 - p;
      logLoss[i] = -Math.log((label[i] ? p : q) / (q + p));
      squaredError[i] = (label[i]! - score[i]!) ** 2;
      bin[i] = binOf(score[i]!, ECE_BINS);
    }
  }
  return { rows, order, groupEnd, sortedLabel, probabilities, logLoss, squaredError, bin };
}

/** tn, fp, fn, tp of the predicted classes, weighted. */
export function confusion(rows: BinaryRows, weights: Weights): { tn: number; fp: number; fn: number; tp: number } {
  let tn = 0;
  let fp = 0;
  let fn = 0;
  let tp = 0;
  const { label, predicted } = rows;
  for (let i = 0; i < label.length; i++) {
    const w = weights[i]!;
    if (w === 0) continue;
    if (label[i]) {
      if (predicted[i]) tp += w;
      else fn += w;
    } else if (predicted[i]) fp += w;
    else tn += w;
  }
  return { tn, fp, fn, tp };
}

/**
 * ROC AUC (ties count half, as sklearn's trapezoids do) and, when asked, average
 * precision, in one pass over the rows by descending score.
 */
export function rankingMetrics(prepared: PreparedBinary, weights: Weights, withPrecision = true): { rocAuc: number; averagePrecision: number } {
  const { order, groupEnd, sortedLabel } = prepared;
  let positives = 0;
  let negatives = 0;
  let area = 0;
  let groupPos = 0;
  let groupNeg = 0;
  let precisionSum = 0;
  for (let k = 0; k < order.length; k++) {
    const w = weights[order[k]!]!;
    const positive = sortedLabel[k]!;
    groupPos += w * positive;
    groupNeg += w - w * positive;
    if (groupEnd[k]) {
      area += groupNeg * (positives + groupPos / 2);
      positives += groupPos;
      negatives += groupNeg;
      // Average precision: each threshold's recall step times its precision.
      if (withPrecision && groupPos > 0) precisionSum += (groupPos * positives) / (positives + negatives);
      groupPos = 0;
      groupNeg = 0;
    }
  }
  const rocAuc = positives > 0 && negatives > 0 ? area / (positives * negatives) : Number.NaN;
  const averagePrecision = withPrecision && positives > 0 ? precisionSum / positives : Number.NaN;
  return { rocAuc, averagePrecision };
}

function weightedMean(values: Float64Array, weights: Weights): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const w = weights[i]!;
    if (w === 0) continue;
    sum += w * values[i]!;
    total += w;
  }
  return total > 0 ? sum / total : Number.NaN;
}

/** Expected calibration error: Σ (n_b / n) |mean label − mean score| over non-empty bins. */
export function expectedCalibrationError(prepared: PreparedBinary, weights: Weights): number {
  const count = new Float64Array(ECE_BINS);
  const scoreSum = new Float64Array(ECE_BINS);
  const labelSum = new Float64Array(ECE_BINS);
  const { label, score } = prepared.rows;
  let total = 0;
  for (let i = 0; i < label.length; i++) {
    const w = weights[i]!;
    if (w === 0) continue;
    const b = prepared.bin[i]!;
    count[b]! += w;
    scoreSum[b]! += w * score[i]!;
    labelSum[b]! += w * label[i]!;
    total += w;
  }
  let ece = 0;
  for (let b = 0; b < ECE_BINS; b++) if (count[b]! > 0) ece += (count[b]! / total) * Math.abs(labelSum[b]! / count[b]! - scoreSum[b]! / count[b]!);
  return total > 0 ? ece : Number.NaN;
}

const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);

/**
 * The named metrics under `weights`; NaN where a metric is undefined (ROC AUC with one
 * class, probability metrics on scores outside [0, 1]). Precision, recall and F1 with
 * a zero denominator are 0, sklearn's zero_division default.
 */
export function binaryMetrics(prepared: PreparedBinary, weights: Weights, names: readonly BinaryMetric[] = BINARY_METRICS): Partial<Record<BinaryMetric, number>> {
  const wanted = new Set(names);
  const out: Partial<Record<BinaryMetric, number>> = {};
  if (wanted.has('accuracy') || wanted.has('precision') || wanted.has('recall') || wanted.has('f1')) {
    const { tn, fp, fn, tp } = confusion(prepared.rows, weights);
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    const values: Record<string, number> = {
      accuracy: ratio(tp + tn, tn + fp + fn + tp),
      precision,
      recall,
      f1: ratio(2 * tp, 2 * tp + fp + fn),
    };
    for (const name of ['accuracy', 'precision', 'recall', 'f1'] as const) if (wanted.has(name)) out[name] = values[name]!;
  }
  if (wanted.has('roc_auc') || wanted.has('pr_auc')) {
    const { rocAuc, averagePrecision } = rankingMetrics(prepared, weights, wanted.has('pr_auc'));
    if (wanted.has('roc_auc')) out.roc_auc = rocAuc;
    if (wanted.has('pr_auc')) out.pr_auc = averagePrecision;
  }
  for (const name of PROBABILITY_METRICS) {
    if (!wanted.has(name)) continue;
    if (!prepared.probabilities) out[name] = Number.NaN;
    else if (name === 'log_loss') out[name] = weightedMean(prepared.logLoss, weights);
    else if (name === 'brier') out[name] = weightedMean(prepared.squaredError, weights);
    else out[name] = expectedCalibrationError(prepared, weights);
  }
  return out;
}
