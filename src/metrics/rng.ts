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

/** Returns a function giving uniform 32-bit unsigned integers. */
export function xoshiro128(seed: number): () => number {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  return () => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * Draws n row indices with replacement and returns how often each row was drawn.
 * An index is ⌊u · n / 2³²⌋ for a uniform 32-bit u: unbiased to within n / 2³².
 */
export function drawCounts(next: () => number, n: number, counts: Uint32Array): Uint32Array {
  counts.fill(0);
  const scale = n / 4294967296;
  for (let k = 0; k < n; k++) counts[Math.floor(next() * scale)]!++;
  return counts;
}
