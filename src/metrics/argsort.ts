/**
 * Row indices by descending value, ties in index order (a stable sort): an LSD radix
 * sort on the bits of the doubles, 16 bits a pass. A comparator sort of a million
 * scores costs about a second in V8; this costs a few tens of milliseconds, and every
 * ranking metric and bootstrap starts with it.
 */

const DIGITS = 65536;

/**
 * @example argsortDescending(Float64Array.of(0.2, 0.9, 0.2)) // Uint32Array [1, 0, 2]
 */
export function argsortDescending(values: Float64Array): Uint32Array {
  const n = values.length;
  // Map each double to two 32-bit words that sort like it, inverted for descending order.
  const bits = new Float64Array(n);
  for (let i = 0; i < n; i++) bits[i] = values[i] === 0 ? 0 : values[i]!;
  const words = new Uint32Array(bits.buffer);
  const low = new Uint32Array(n);
  const high = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = words[2 * i + 1]!;
    let l = words[2 * i]!;
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    high[i] = ~h >>> 0;
    low[i] = ~l >>> 0;
  }
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Uint32Array(n);
  const counts = new Uint32Array(DIGITS);
  for (const [key, shift] of [[low, 0], [low, 16], [high, 0], [high, 16]] as const) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(key[i]! >>> shift) & 0xffff]!++;
    // A pass where every key has the same digit would change nothing.
    if (counts[(key[0]! >>> shift) & 0xffff] === n) continue;
    let total = 0;
    for (let d = 0; d < DIGITS; d++) {
      const count = counts[d]!;
      counts[d] = total;
      total += count;
    }
    for (let k = 0; k < n; k++) {
      const row = order[k]!;
      next[counts[(key[row]! >>> shift) & 0xffff]!++] = row;
    }
    [order, next] = [next, order];
  }
  return order;
}
