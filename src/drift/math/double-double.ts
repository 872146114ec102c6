/**
 * Error-free transformations (Dekker, Knuth): a sum or product of two doubles as an
 * unevaluated pair hi + lo. The Smirnov sums raise such pairs to powers in the
 * millions, where a rounding of the base would be multiplied a million times.
 */
export interface DoubleDouble {
  hi: number;
  lo: number;
}

const SPLITTER = 134217729; // 2^27 + 1

export function twoSum(a: number, b: number): DoubleDouble {
  const hi = a + b;
  const bb = hi - a;
  return { hi, lo: a - (hi - bb) + (b - bb) };
}

function split(a: number): [number, number] {
  const t = SPLITTER * a;
  const hi = t - (t - a);
  return [hi, a - hi];
}

export function twoProduct(a: number, b: number): DoubleDouble {
  const hi = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  return { hi, lo: ah * bh - hi + ah * bl + al * bh + al * bl };
}

/** (a.hi + a.lo) + b, renormalised. */
export function addDouble(a: DoubleDouble, b: number): DoubleDouble {
  const s = twoSum(a.hi, b);
  return twoSum(s.hi, s.lo + a.lo);
}

/** The integer ratio p / q as a pair (p, q integers below 2^53). */
export function ratio(p: number, q: number): DoubleDouble {
  const hi = p / q;
  const back = twoProduct(hi, q);
  return { hi, lo: (p - back.hi - back.lo) / q };
}
