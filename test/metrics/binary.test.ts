import { describe, expect, it } from 'vitest';
import { BINARY_METRICS, binaryMetrics, confusion, prepareBinary } from '../../src/metrics/binary.ts';
import type { BinaryRows } from '../../src/metrics/types.ts';
import { unitWeights } from '../../src/metrics/types.ts';
import { fixture, TOLERANCE } from './fixtures.ts';

interface BinaryCase {
  name: string;
  label: number[];
  score: number[];
  prediction?: number[];
  threshold: number;
  weights?: number[];
  expected: Record<string, number>;
  confusion: number[][];
}

const { cases } = fixture<{ cases: BinaryCase[] }>('binary.json');

function rowsOf(c: BinaryCase): BinaryRows {
  const score = Float64Array.from(c.score);
  const predicted = Uint8Array.from(c.prediction ?? c.score.map((s) => (s >= c.threshold ? 1 : 0)));
  return { task: 'binary', label: Uint8Array.from(c.label), score, predicted };
}

describe('binary metrics equal scikit-learn 1.2', () => {
  it.each(cases)('$name', (c) => {
    const rows = rowsOf(c);
    const weights = c.weights ? Uint8Array.from(c.weights) : unitWeights(c.label.length);
    const values = binaryMetrics(prepareBinary(rows), weights);
    for (const name of BINARY_METRICS) {
      const expected = c.expected[name];
      if (expected === undefined) expect(values[name], name).toBeNaN();
      else expect(Math.abs(values[name]! - expected), `${name}: ${values[name]} vs ${expected}`).toBeLessThanOrEqual(TOLERANCE);
    }
    const { tn, fp, fn, tp } = confusion(rows, weights);
    expect([[tn, fp], [fn, tp]]).toEqual(c.confusion);
  });

  it('covers ties, tiny sets, one class and the real example', () => {
    expect(cases.map((c) => c.name)).toEqual(expect.arrayContaining(['two rows', 'ties across classes', 'one class only', 'flight-delays example']));
    expect(cases.find((c) => c.name === 'flight-delays example')!.label).toHaveLength(4000);
  });
});
