import { describe, expect, it } from 'vitest';
import { argsortDescending } from '../../src/metrics/argsort.ts';

function reference(values: number[]): number[] {
  return values.map((_, i) => i).sort((a, b) => values[b]! - values[a]! || a - b);
}

describe('argsortDescending', () => {
  it.each<[string, number[]]>([
    ['empty', []],
    ['one value', [0.5]],
    ['ties keep index order', [0.2, 0.9, 0.2, 0.9, 0.2]],
    ['zero and negative zero tie', [0, -0, 0.1, -0.1, 0]],
    ['negative, positive, large and tiny', [-3.5, 2, 1e300, -1e300, 5e-324, -5e-324, 0.5, -0.5]],
    ['scores sharing their high bits', [0.5000001, 0.5000002, 0.5, 0.50000015]],
  ])('%s', (_, values) => {
    expect([...argsortDescending(Float64Array.from(values))]).toEqual(reference(values));
  });

  it('agrees with a comparator sort on 20,000 seeded values with many ties', () => {
    let state = 12345;
    const values = Array.from({ length: 20_000 }, () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return Math.round((state / 2 ** 32 - 0.3) * 500) / 100;
    });
    expect([...argsortDescending(Float64Array.from(values))]).toEqual(reference(values));
  });
});
