/**
 * The regularised upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a), the tail
 * behind chi-square and normal p-values. Series below a + 1, Lentz's continued fraction
 * above (Numerical Recipes §6.2), with the prefactor x^a e^-x / Γ(a) computed through
 * log1p(t) - t for large a so that a ≈ x loses no digits (as cephes' igam_fac).
 */
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
const TINY = 1e-300;

/** Stirling's remainder: lnΓ(a) - [(a - ½) ln a - a + ½ ln 2π], for a >= 10. */
function stirlingRemainder(a: number): number {
  const r = 1 / a;
  const r2 = r * r;
  return r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 * (1 / 1680 - r2 * (1 / 1188 - r2 * (691 / 360360))))));
}

/** ln Γ(a) for a > 0. */
export function logGamma(a: number): number {
  let shift = 0;
  let x = a;
  while (x < 10) {
    shift += Math.log(x);
    x += 1;
  }
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + stirlingRemainder(x) - shift;
}

/** log(1 + t) - t without cancellation near 0. */
function log1pMinus(t: number): number {
  if (Math.abs(t) > 0.1) return Math.log1p(t) - t;
  let power = t * t;
  let sum = 0;
  for (let k = 2; k < 60; k++) {
    const next = power / k;
    sum += k % 2 === 0 ? -next : next;
    if (Math.abs(next) < 1e-18 * Math.abs(sum)) break;
    power *= t;
  }
  return sum;
}

/** ln(x^a e^-x / Γ(a)). */
function logPrefactor(a: number, x: number): number {
  if (a < 10) return a * Math.log(x) - x - logGamma(a);
  return a * log1pMinus((x - a) / a) + 0.5 * Math.log(a) - HALF_LOG_2PI - stirlingRemainder(a);
}

function lowerSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < 100000; n++) {
    term *= x / (a + n);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum * Math.exp(logPrefactor(a, x));
}

function upperFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(logPrefactor(a, x)) * h;
}

/**
 * Q(a, x), the regularised upper incomplete gamma function.
 * @example upperGamma(1, 2) // Math.exp(-2)
 */
export function upperGamma(a: number, x: number): number {
  if (!(a > 0) || Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return x < a + 1 ? 1 - lowerSeries(a, x) : upperFraction(a, x);
}

/** Pr(χ²_df >= x), `scipy.stats.chi2.sf(x, df)`. */
export function chiSquareSf(x: number, df: number): number {
  return upperGamma(df / 2, x / 2);
}

/** Two-sided normal p-value 2·Pr(Z >= |z|) = erfc(|z|/√2), `2 * scipy.stats.norm.sf(abs(z))`. */
export function normalTwoSided(z: number): number {
  if (z === 0) return 1;
  return upperGamma(0.5, (z * z) / 2);
}
