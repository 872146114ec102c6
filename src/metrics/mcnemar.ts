/**
 * McNemar's test for two classifiers' accuracy on the same rows, exact: under the null
 * the b rows only the candidate gets right and the c rows only the baseline gets right
 * are Binomial(b + c, 1/2), and p = min(1, 2 · P(X ≤ min(b, c))), as statsmodels'
 * mcnemar(exact=True) and scipy's binomtest compute it. Exact at every count, so no
 * chi-square switch: the sum runs in log space from the largest term down.
 */
import type { BinaryRows, MulticlassRows } from './types.ts';

export interface McNemarResult {
  test: 'mcnemar-exact';
  /** Rows only the candidate classifies correctly. */
  b: number;
  /** Rows only the baseline classifies correctly. */
  c: number;
  p: number;
}

/**
 * Two-sided exact p-value of b against c.
 * @example mcnemarExactP(10, 2) // 0.03857421875
 */
export function mcnemarExactP(b: number, c: number): number {
  const n = b + c;
  if (n === 0) return 1;
  const k = Math.min(b, c);
  // log C(n, k) by the product of (n − k + i) / i, then the terms below it by ratios.
  let logTop = 0;
  for (let i = 1; i <= k; i++) logTop += Math.log((n - k + i) / i);
  let sum = 1;
  let term = 1;
  for (let j = k; j > 0; j--) {
    term *= j / (n - j + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return Math.min(1, 2 * Math.exp(logTop - n * Math.LN2) * sum);
}

export function mcnemar(candidate: BinaryRows | MulticlassRows, baseline: BinaryRows | MulticlassRows): McNemarResult {
  let b = 0;
  let c = 0;
  for (let i = 0; i < candidate.label.length; i++) {
    const candidateRight = candidate.predicted[i] === candidate.label[i];
    const baselineRight = baseline.predicted[i] === baseline.label[i];
    if (candidateRight && !baselineRight) b++;
    else if (!candidateRight && baselineRight) c++;
  }
  return { test: 'mcnemar-exact', b, c, p: mcnemarExactP(b, c) };
}
