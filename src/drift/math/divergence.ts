/**
 * Distances between two discrete distributions given as counts or shares over the same
 * bins, as scipy and Evidently compute them.
 */

function normalise(values: number[]): number[] {
  const total = values.reduce((sum, value) => sum + value, 0);
  return values.map((value) => value / total);
}

/** scipy.special.rel_entr: x·ln(x/y), 0 when x = 0, ∞ when y = 0 < x. */
function relativeEntropy(x: number, y: number): number {
  if (x > 0 && y > 0) return x * Math.log(x / y);
  if (x === 0 && y >= 0) return 0;
  return Infinity;
}

/**
 * Jensen-Shannon distance, `scipy.spatial.distance.jensenshannon(p, q)`: the square root
 * of the divergence, natural log unless `base` is given; inputs are normalised first.
 * @example jensenShannon([0.5, 0.3, 0.2], [0.3, 0.3, 0.4]) // 0.17211473103812178
 */
export function jensenShannon(p: number[], q: number[], base?: number): number {
  const pn = normalise(p);
  const qn = normalise(q);
  let left = 0;
  let right = 0;
  for (let i = 0; i < pn.length; i++) {
    const m = (pn[i]! + qn[i]!) / 2;
    left += relativeEntropy(pn[i]!, m);
    right += relativeEntropy(qn[i]!, m);
  }
  let js = left + right;
  if (base !== undefined) js /= Math.log(base);
  return Math.sqrt(js / 2);
}

/** Kullback-Leibler divergence D(p ‖ q) in nats, `scipy.stats.entropy(p, q)` (normalises both). */
export function klDivergence(p: number[], q: number[]): number {
  const pn = normalise(p);
  const qn = normalise(q);
  let sum = 0;
  for (let i = 0; i < pn.length; i++) sum += relativeEntropy(pn[i]!, qn[i]!);
  return sum;
}

/** Population stability index Σ (r - c)·ln(r / c) over shares with no zeros. */
export function psi(reference: number[], current: number[]): number {
  let sum = 0;
  for (let i = 0; i < reference.length; i++) sum += (reference[i]! - current[i]!) * Math.log(reference[i]! / current[i]!);
  return sum;
}

/**
 * Evidently's treatment of empty bins before PSI and KL: a zero share becomes
 * min_nonzero / 1e6 when min_nonzero <= 1e-4, otherwise 1e-4.
 */
export function fillEmptyBins(shares: number[]): number[] {
  const nonzero = shares.filter((share) => share !== 0);
  if (nonzero.length === 0) return shares;
  let least = Infinity;
  for (const share of nonzero) if (share < least) least = share;
  const fill = least <= 0.0001 ? least / 10 ** 6 : 0.0001;
  return shares.map((share) => (share === 0 ? fill : share));
}

/** L-infinity distance max |p_i - q_i| of normalised counts (TFDV's categorical drift). */
export function lInfinity(p: number[], q: number[]): number {
  const pn = normalise(p);
  const qn = normalise(q);
  let max = 0;
  for (let i = 0; i < pn.length; i++) max = Math.max(max, Math.abs(pn[i]! - qn[i]!));
  return max;
}
