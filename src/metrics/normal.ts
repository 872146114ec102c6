/**
 * The complementary error function and the standard normal tail, to double precision,
 * for DeLong's p-value. No table of magic constants: a positive series for small |x|
 * (no cancellation) and a continued fraction (modified Lentz) for the tail.
 */

const SQRT_PI = Math.sqrt(Math.PI);

/** erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)), all terms positive. */
function erfSeries(x: number): number {
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (2 * x * x) / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return ((2 / SQRT_PI) * Math.exp(-x * x)) * sum;
}

/** erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))) for x ≥ 1. */
function erfcFraction(x: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 5000; k++) {
    const a = k / 2;
    d = x + a * d;
    d = d === 0 ? tiny : d;
    c = x + a / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / SQRT_PI / f;
}

/**
 * erfc(x) = 1 − erf(x).
 * @example erfc(1) // 0.15729920705028513
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 1) return 1 - erfSeries(x);
  return x > 27 ? 0 : erfcFraction(x);
}

/**
 * P(Z > z) for a standard normal Z (scipy.stats.norm.sf).
 * @example normalSf(1.959963984540054) // 0.025
 */
export function normalSf(z: number): number {
  return erfc(z / Math.SQRT2) / 2;
}
