/**
 * The q-th percentile of values with numpy's default (linear) interpolation,
 * np.percentile(values, q): the bootstrap's percentile interval.
 * @example percentile([1, 2, 3], 97.5) // 2.95
 */
export function percentile(values: readonly number[] | Float64Array, q: number): number {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 0) return Number.NaN;
  const position = (q / 100) * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const fraction = position - below;
  const low = sorted[below]!;
  const high = sorted[above]!;
  // numpy's lerp, which is exact at both ends.
  return fraction >= 0.5 ? high - (high - low) * (1 - fraction) : low + (high - low) * fraction;
}
