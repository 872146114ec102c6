/**
 * The two-sided p-value of `scipy.stats.ks_2samp(a, b, method="auto")` from the sample
 * sizes and the statistic: exact when max(n1, n2) <= 10000, otherwise (or when the exact
 * value falls outside [0, 1]) the asymptotic `kstwo.sf(D, round(n1·n2 / (n1 + n2)))`.
 */
import { outerProbInside, probOutsideSquare } from './ks-exact.ts';
import { kolmogorovSf } from './kolmogn.ts';

export const MAX_EXACT_N = 10000;

export interface KsPValue {
  /** The statistic, snapped to the lattice h / lcm(n1, n2) when computed exactly. */
  d: number;
  pValue: number;
  method: 'exact' | 'asymptotic';
}

function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y) [x, y] = [y, x % y];
  return x;
}

/** numpy's round: halves go to the even neighbour. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function exact(n1: number, n2: number, d: number): KsPValue | undefined {
  const g = gcd(n1, n2);
  const lcm = (n1 / g) * n2;
  const h = roundHalfEven(d * lcm);
  const snapped = h / lcm;
  if (h === 0) return { d: snapped, pValue: 1, method: 'exact' };
  const p = n1 === n2 ? probOutsideSquare(n1, h) : outerProbInside(n1, n2, g, h);
  if (!(p >= 0 && p <= 1)) return undefined;
  return { d: snapped, pValue: p, method: 'exact' };
}

/**
 * @throws RangeError when a sample is empty.
 * @example ksPValue(5, 5, 1) // { d: 1, pValue: 0.007936507936507936, method: 'exact' }
 */
export function ksPValue(n1: number, n2: number, d: number): KsPValue {
  if (n1 < 1 || n2 < 1) throw new RangeError('ks: both samples need at least one value');
  if (Math.max(n1, n2) <= MAX_EXACT_N) {
    const result = exact(n1, n2, d);
    if (result) return result;
  }
  const [m, n] = n1 >= n2 ? [n1, n2] : [n2, n1];
  const en = (m * n) / (m + n);
  const p = kolmogorovSf(roundHalfEven(en), d);
  return { d, pValue: Math.min(Math.max(p, 0), 1), method: 'asymptotic' };
}
