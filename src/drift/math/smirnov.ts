/**
 * The one-sided Kolmogorov-Smirnov survival function Pr(D+_n >= x), as
 * `scipy.special.smirnov(n, x)` computes it (cephes kolmogorov.c, van Mulbregt 2018):
 * the Birnbaum-Tingey sum from below, or its few-term alternating form from above, and
 * Miller's approximation past a million observations.
 */
import { addDouble, ratio, twoProduct, twoSum, type DoubleDouble } from './double-double.ts';
import { multiply, powScaled, toNumber, type Scaled } from './scaled.ts';

const MAX_COMPUTE_N = 1_000_000;
const MIN_LOG = -745.1332191019412;
const EPSILON = Number.EPSILON;

/** (hi + lo)^m for a positive pair, keeping the low part (cephes pow_D). */
function powPair(base: DoubleDouble, m: number): Scaled {
  const scaled = powScaled(base.hi, m);
  if (m === 0 || base.lo === 0) return scaled;
  const correction = Math.exp(m * Math.log1p(base.lo / base.hi));
  return multiply(scaled, { f: correction / 2, e: 1 });
}

/** floor(n·x) and the exact remainder, from the exact product. */
function floorProduct(n: number, x: number): { floor: number; alpha: number } {
  const product = twoProduct(n, x);
  let floor = Math.floor(product.hi);
  let alpha = product.hi - floor + product.lo;
  if (alpha < 0) {
    floor -= 1;
    alpha += 1;
  }
  if (alpha >= 1) {
    floor += 1;
    alpha = 0;
  }
  return { floor, alpha };
}

/**
 * Birnbaum-Tingey term: C(n, v) (1 - x - v/n)^(n-v) (x + v/n)^(v-1), signed. The low
 * parts of the bases enter as the factor 1 + Σ m·lo/hi (their squares are below 1e-20).
 */
function term(n: number, x: number, v: number, binomial: Scaled): number {
  const below = addDouble(ratio(n - v, n), -x);
  const above = addDouble(ratio(v, n), x);
  if (below.hi === 0 || above.hi === 0) return 0;
  const negative = below.hi < 0;
  const sign = negative && (n - v) % 2 === 1 ? -1 : 1;
  const belowHi = negative ? -below.hi : below.hi;
  const correction = 1 + (n - v) * (below.lo / below.hi) + (v - 1) * (above.lo / above.hi);
  const value = multiply(multiply(powScaled(belowHi, n - v), powScaled(above.hi, v - 1)), binomial);
  return sign * toNumber(value) * correction;
}

/**
 * Pr(D+_n >= x).
 * @example smirnov(10, 0.2) // 0.4131...
 */
export function smirnov(n: number, x: number): number {
  if (!(n > 0 && x >= 0 && x <= 1)) return Number.NaN;
  if (n === 1) return 1 - x;
  if (x === 0) return 1;
  if (x === 1) return 0;
  const { floor: nxfl, alpha } = floorProduct(n, x);
  let n1mxfl = n - nxfl - (alpha === 0 ? 0 : 1);
  let n1mxceil = n - nxfl;
  if (alpha === 0) {
    n1mxfl -= 1;
    n1mxceil += 1;
  }
  if (nxfl === 0 || (nxfl === 1 && alpha === 0)) {
    const cdf = x * Math.exp((n - 1) * Math.log1p(x));
    return clip(1 - cdf);
  }
  if (-2 * n * x * x < MIN_LOG) return 0;
  if (nxfl >= n - 1) return clip(toNumber(powPair(twoSum(1, -x), n)));
  if (n > MAX_COMPUTE_N) {
    const logp = -Math.pow(6 * n * x + 1, 2) / 18 / n;
    return clip(logp < -Math.LN2 ? Math.exp(logp) : 1 + Math.expm1(logp));
  }
  const upperTerms = n - n1mxceil + 1;
  const useUpper = (upperTerms <= 1 && x < 0.5) || (n >= 10 && upperTerms <= 3 && x <= 0.5 / Math.sqrt(n));
  let sum = 0;
  let compensation = 0;
  const add = (value: number) => {
    const t = sum + value;
    compensation += Math.abs(sum) >= Math.abs(value) ? sum - t + value : value - t + sum;
    sum = t;
  };
  const step = useUpper ? -1 : 1;
  const start = useUpper ? n : 0;
  const count = useUpper ? upperTerms : n1mxfl + 1;
  add(useUpper ? toNumber(powPair(twoSum(1, x), n - 1)) : toNumber(powPair(twoSum(1, -x), n)) / x);
  let binomial: Scaled = { f: 0.5, e: 1 };
  binomial = multiply(binomial, { f: n / 2, e: 1 });
  const vmid = Math.floor(n / 2);
  for (let j = 1; j < count; j++) {
    const v = start + j * step;
    const a = term(n, x, v, binomial);
    if (Number.isFinite(a) && a !== 0) add(a);
    if (a !== 0) {
      if (4 * (count - j) * Math.abs(a) < EPSILON * (sum + compensation) && j !== count - 1) break;
    } else if (j > vmid) {
      break;
    }
    binomial = multiply(binomial, { f: (n - j) / (j + 1) / 2, e: 1 });
  }
  const prob = x * (sum + compensation);
  return clip(step < 0 ? 1 - prob : prob);
}

function clip(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
