/**
 * Sturges bin edges as `numpy.histogram_bin_edges(data, bins="sturges")` computes them
 * from a count and a range: ⌈range / (range / (log2(count) + 1))⌉ equal bins, edges
 * i·step + min with the last edge exactly max; a zero range widens to ±0.5.
 */
export function sturgesEdges(min: number, max: number, count: number): number[] {
  let first = min;
  let last = max;
  const spread = max - min;
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  let bins = 1;
  if (count > 0) {
    const width = spread / (Math.log2(count) + 1);
    if (width) bins = Math.ceil((last - first) / width);
  }
  const step = (last - first) / bins;
  const edges: number[] = [];
  for (let i = 0; i <= bins; i++) edges.push(i * step + first);
  edges[bins] = last;
  return edges;
}

/**
 * The bin of `value` among sorted `edges` as numpy.histogram counts it: [e_i, e_i+1),
 * the last bin closed; -1 outside.
 */
export function binOf(value: number, edges: number[]): number {
  const bins = edges.length - 1;
  if (!(value >= edges[0]!) || !(value <= edges[bins]!)) return -1;
  let lo = 0;
  let hi = bins;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (value >= edges[mid]!) lo = mid;
    else hi = mid;
  }
  return lo;
}
