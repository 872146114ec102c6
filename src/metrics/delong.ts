/**
 * DeLong's test for two correlated ROC AUCs on the same rows (DeLong, DeLong and
 * Clarke-Pearson 1988, in the fast form of Sun and Xu 2014). Each positive's
 * structural component is the share of negatives it outranks (ties count half), each
 * negative's the share of positives that outrank it; the AUC difference over the
 * standard error from their covariances is standard normal under the null.
 */
import { argsortDescending } from './argsort.ts';
import { normalSf } from './normal.ts';
import type { BinaryRows } from './types.ts';

export interface DeLongResult {
  test: 'delong';
  auc: [number, number];
  /** Variance of the AUC difference. */
  variance: number;
  z: number;
  p: number;
}

/** Structural components: v10 per positive, v01 per negative, in row order of each class. */
function components(label: Uint8Array, score: Float64Array): { v10: Float64Array; v01: Float64Array } {
  const n = label.length;
  // Ascending by score; the order inside a group of ties does not matter here.
  const order = argsortDescending(score).reverse();
  let positives = 0;
  for (let i = 0; i < n; i++) positives += label[i]!;
  const negatives = n - positives;
  const v10 = new Float64Array(n);
  const v01 = new Float64Array(n);
  let negBelow = 0;
  let posBelow = 0;
  for (let start = 0; start < n; ) {
    let end = start;
    let groupPos = 0;
    let groupNeg = 0;
    while (end < n && score[order[end]!] === score[order[start]!]) {
      if (label[order[end]!]) groupPos++;
      else groupNeg++;
      end++;
    }
    for (let k = start; k < end; k++) {
      const row = order[k]!;
      if (label[row]) v10[row] = (negBelow + groupNeg / 2) / negatives;
      else v01[row] = (positives - posBelow - groupPos + groupPos / 2) / positives;
    }
    negBelow += groupNeg;
    posBelow += groupPos;
    start = end;
  }
  return { v10, v01 };
}

function covariance(a: number[], b: number[]): number {
  const n = a.length;
  let meanA = 0;
  let meanB = 0;
  for (let i = 0; i < n; i++) {
    meanA += a[i]!;
    meanB += b[i]!;
  }
  meanA /= n;
  meanB /= n;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (a[i]! - meanA) * (b[i]! - meanB);
  return sum / (n - 1);
}

/** Null when either class has fewer than two rows (no variance to estimate). */
export function delong(candidate: BinaryRows, baseline: BinaryRows): DeLongResult | null {
  const { label } = candidate;
  const split = (values: Float64Array, positive: boolean) => Array.from(label.keys()).filter((i) => (label[i] === 1) === positive).map((i) => values[i]!);
  const a = components(label, candidate.score);
  const b = components(label, baseline.score);
  const a10 = split(a.v10, true);
  const b10 = split(b.v10, true);
  const a01 = split(a.v01, false);
  const b01 = split(b.v01, false);
  const m = a10.length;
  const n = a01.length;
  if (m < 2 || n < 2) return null;
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const auc: [number, number] = [mean(a10), mean(b10)];
  const variance = (covariance(a10, a10) + covariance(b10, b10) - 2 * covariance(a10, b10)) / m + (covariance(a01, a01) + covariance(b01, b01) - 2 * covariance(a01, b01)) / n;
  const difference = auc[0] - auc[1];
  if (!(variance > 0)) return { test: 'delong', auc, variance, z: difference === 0 ? 0 : Math.sign(difference) * Infinity, p: difference === 0 ? 1 : 0 };
  const z = difference / Math.sqrt(variance);
  return { test: 'delong', auc, variance, z, p: 2 * normalSf(Math.abs(z)) };
}
