/**
 * Numbers as significand × 2^exponent, so products of huge binomial coefficients and
 * tiny powers (the Smirnov sums) keep full precision where a double would overflow.
 */
export interface Scaled {
  /** In [0.5, 1), or 0. */
  f: number;
  e: number;
}

const TWO_POWERS = new Map<number, number>();

/** 2^e exactly, for any integer e in the double range. */
export function pow2(e: number): number {
  let cached = TWO_POWERS.get(e);
  if (cached === undefined) {
    cached = 2 ** e;
    if (TWO_POWERS.size < 4096) TWO_POWERS.set(e, cached);
  }
  return cached;
}

/** x × 2^e, without overflowing or underflowing on the way. */
export function ldexp(x: number, e: number): number {
  let value = x;
  let rest = e;
  while (rest > 1000) {
    value *= pow2(1000);
    rest -= 1000;
  }
  while (rest < -1000) {
    value *= pow2(-1000);
    rest += 1000;
  }
  return value * pow2(rest);
}

const BITS = new Float64Array(1);
const WORDS = new Uint32Array(BITS.buffer);
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** x = f × 2^e with f in [0.5, 1) (C's frexp), read from the exponent bits. */
export function frexp(x: number): Scaled {
  if (x === 0 || !Number.isFinite(x)) return { f: x, e: 0 };
  BITS[0] = x;
  const high = WORDS[HIGH]!;
  const biased = (high >>> 20) & 0x7ff;
  if (biased === 0) {
    const scaled = frexp(x * 18446744073709551616);
    return { f: scaled.f, e: scaled.e - 64 };
  }
  WORDS[HIGH] = (high & 0x800fffff) | (1022 << 20);
  return { f: BITS[0]!, e: biased - 1022 };
}

export function multiply(a: Scaled, b: Scaled): Scaled {
  const product = frexp(a.f * b.f);
  return { f: product.f, e: product.e + a.e + b.e };
}

export function toNumber(a: Scaled): number {
  return ldexp(a.f, a.e);
}

/**
 * y^m for y > 0 and an integer m >= 0, split into pieces that stay in range: the
 * result is as accurate as one Math.pow however small it is.
 */
export function powScaled(y: number, m: number): Scaled {
  if (m === 0) return { f: 0.5, e: 1 };
  const base = frexp(y);
  const log2f = Math.log2(base.f);
  if (m * log2f > -900) {
    const value = frexp(Math.pow(base.f, m));
    return { f: value.f, e: value.e + base.e * m };
  }
  const chunk = Math.max(1, Math.floor(-900 / log2f));
  const times = Math.floor(m / chunk);
  const rest = m - times * chunk;
  const piece = frexp(Math.pow(base.f, chunk));
  const pieces = powScaled(piece.f, times);
  const restPart = frexp(Math.pow(base.f, rest));
  const product = multiply(pieces, restPart);
  return { f: product.f, e: product.e + piece.e * times + base.e * m };
}
