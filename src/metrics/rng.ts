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

/** The largest count a weight holds; a draw past it is redrawn (see drawCounts). */
const MAX_COUNT = 255;

export class Xoshiro128 {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    const init = splitmix32(seed);
    this.a = init();
    this.b = init();
    this.c = init();
    this.d = init();
  }

  /** A uniform 32-bit unsigned integer. */
  next(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /**
   * Draws n row indices with replacement into `counts` (how often each row was drawn).
   * An index is ⌊u · n / 2³²⌋ for a uniform 32-bit u: unbiased to within n / 2³².
   * Counts are bytes, so the hot loops stay in cache; a row drawn more than 255 times
   * (for n = 10⁶ a chance near 10⁻⁵⁰⁰) makes the whole resample be drawn again.
   * The generator's state lives in locals here: this loop is the bootstrap's cost.
   */
  drawCounts(n: number, counts: Uint8Array): Uint8Array {
    const scale = n / 4294967296;
    for (;;) {
      counts.fill(0);
      let { a, b, c, d } = this;
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
        if (counts[row] === MAX_COUNT) overflow = true;
        else counts[row]!++;
      }
      this.a = a;
      this.b = b;
      this.c = c;
      this.d = d;
      if (!overflow) return counts;
    }
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
