/**
 * Merging reservoir samples: slot by slot, draw from the shard whose population is not
 * yet represented with probability proportional to its remaining size (a hypergeometric
 * split), so the merge is a uniform sample of the union. Seeded, so merges repeat.
 */
import type { ProfileValue } from './types.ts';

/** mulberry32: a small, fast, seedable generator with uniform output in [0, 1). */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(values: T[], random: () => number): T[] {
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface Reservoir {
  seen: number;
  values: ProfileValue[];
}

export function mergeReservoirs(a: Reservoir, b: Reservoir, size: number, random: () => number): Reservoir {
  const left = shuffled(a.values, random);
  const right = shuffled(b.values, random);
  let restA = a.seen;
  let restB = b.seen;
  const values: ProfileValue[] = [];
  while (values.length < size && (left.length > 0 || right.length > 0)) {
    const fromA = right.length === 0 || (left.length > 0 && random() * (restA + restB) < restA);
    values.push((fromA ? left : right).pop()!);
    if (fromA) restA--;
    else restB--;
  }
  return { seen: a.seen + b.seen, values };
}
