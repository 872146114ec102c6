/**
 * Isotonic regression as scikit-learn's `IsotonicRegression(out_of_bounds='clip')`
 * fits and predicts it (increasing): scores sorted, tied scores merged into one point
 * whose target is their mean (weighted by count; scores closer than 1e-15 to the first
 * of a run count as tied, as `_make_unique` does), pool-adjacent-violators over those
 * points, and prediction by linear interpolation between the fitted points, clipped to
 * the first and last outside them (scipy's interp1d).
 */
import { DataError } from '../errors.ts';
import { argsortDescending } from '../metrics/argsort.ts';

/** np.finfo(np.float64).resolution: sklearn's tie tolerance in `_make_unique`. */
const TIE = 1e-15;

export interface IsotonicFit {
  /** Fitted points, increasing in x. */
  x: Float64Array;
  y: Float64Array;
}

export function fitIsotonic(score: Float64Array, target: Float64Array): IsotonicFit {
  const n = score.length;
  if (n === 0) throw new DataError('isotonic calibration needs at least one reference row with a label');
  // Ascending, ties in row order: the stable descending radix order of the negated scores.
  const negated = new Float64Array(n);
  for (let i = 0; i < n; i++) negated[i] = -score[i]!;
  const order = argsortDescending(negated);
  // Merge tied scores (sklearn's _make_unique): x is the run's first score, y its mean, w its count.
  const xs: number[] = [];
  const ys: number[] = [];
  const ws: number[] = [];
  let runX = score[order[0]!]!;
  let sum = 0;
  let count = 0;
  for (const i of order) {
    const x = score[i]!;
    if (x - runX >= TIE) {
      xs.push(runX);
      ys.push(sum / count);
      ws.push(count);
      runX = x;
      sum = 0;
      count = 0;
    }
    sum += target[i]!;
    count += 1;
  }
  xs.push(runX);
  ys.push(sum / count);
  ws.push(count);
  const y = poolAdjacentViolators(ys, ws);
  // sklearn keeps the ends of each constant run only; the line between them is the same.
  const keep: number[] = [];
  for (let i = 0; i < y.length; i++) if (i === 0 || i === y.length - 1 || y[i - 1] !== y[i] || y[i] !== y[i + 1]) keep.push(i);
  return { x: Float64Array.from(keep, (i) => xs[i]!), y: Float64Array.from(keep, (i) => y[i]!) };
}

/**
 * sklearn's `_inplace_contiguous_isotonic_regression`: blocks of the weighted means,
 * merged while a block is not above the one before it.
 */
function poolAdjacentViolators(values: number[], weights: number[]): Float64Array {
  const m = values.length;
  const blockValue: number[] = [];
  const blockWeight: number[] = [];
  const blockSize: number[] = [];
  for (let i = 0; i < m; i++) {
    let value = values[i]!;
    let weight = weights[i]!;
    let size = 1;
    while (blockValue.length > 0 && blockValue[blockValue.length - 1]! >= value) {
      const w = blockWeight.pop()!;
      const v = blockValue.pop()!;
      size += blockSize.pop()!;
      value = (v * w + value * weight) / (w + weight);
      weight += w;
    }
    blockValue.push(value);
    blockWeight.push(weight);
    blockSize.push(size);
  }
  const out = new Float64Array(m);
  let k = 0;
  for (let b = 0; b < blockValue.length; b++) for (let j = 0; j < blockSize[b]!; j++) out[k++] = blockValue[b]!;
  return out;
}

/**
 * scipy's interp1d(x, y, kind='linear') on the score clipped to [x_min, x_max], as
 * sklearn predicts: the segment is the first fitted x at or above the score and the one
 * before it.
 */
export function predictIsotonic(fit: IsotonicFit, score: Float64Array): Float64Array {
  const { x, y } = fit;
  const m = x.length;
  const out = new Float64Array(score.length);
  for (let i = 0; i < score.length; i++) {
    const s = Math.min(Math.max(score[i]!, x[0]!), x[m - 1]!);
    if (Number.isNaN(score[i]!)) out[i] = Number.NaN;
    else if (m === 1) out[i] = y[0]!;
    else {
      // searchsorted(x, s, 'left'), clipped to [1, m - 1].
      let lo = 0;
      let hi = m;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (x[mid]! < s) lo = mid + 1;
        else hi = mid;
      }
      const high = Math.min(Math.max(lo, 1), m - 1);
      const low = high - 1;
      const slope = (y[high]! - y[low]!) / (x[high]! - x[low]!);
      out[i] = slope * (s - x[low]!) + y[low]!;
    }
  }
  return out;
}
