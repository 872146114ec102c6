/**
 * A seeded random number generator for the bootstrap: xoshiro128** seeded through
 * splitmix32. Same seed, same resamples, on every machine: the seed goes into
 * comparison.json so anyone can recompute an interval.
 */

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A seeded stream of uniform 32-bit integers. */
export class Xoshiro128 {
  /** The generator's four words, kept in a typed array so drawCounts can run on locals. */
  readonly state: Uint32Array;

  constructor(seed: number) {
    const init = splitmix32(seed);
    this.state = Uint32Array.of(init(), init(), init(), init());
  }

  /** A uniform 32-bit unsigned integer. */
  next(): number {
    const s = this.state;
    const result = Math.imul(rotl(Math.imul(s[1]!, 5), 7), 9) >>> 0;
    const t = s[1]! << 9;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11);
    return result;
  }

  /**
   * Draws n row indices with replacement into `counts` (how often each row was drawn).
   * An index is ⌊u · n / 2³²⌋ for a uniform 32-bit u: unbiased to within n / 2³².
   * Counts are bytes, so the hot loops stay in cache; a row drawn 256 times or more
   * (for n = 10⁶ a chance near 10⁻⁵⁰⁰) makes the whole resample be drawn again.
   */
  drawCounts(n: number, counts: Uint8Array): Uint8Array {
    while (fillCounts(this.state, n, counts)) {
      // Drawn again: the overflowing resample is discarded.
    }
    return counts;
  }
}

/** One resample's counts; true when a count overflowed a byte. Locals keep it fast. */
function fillCounts(state: Uint32Array, n: number, counts: Uint8Array): boolean {
  counts.fill(0);
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  const scale = n / 4294967296;
  let overflow = false;
  for (let k = 0; k < n; k++) {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    const row = (result * scale) >>> 0;
    const count = counts[row]! + 1;
    counts[row] = count;
    if (count === 256) overflow = true;
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
  return overflow;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
