import { describe, expect, it } from 'vitest';
import { ksPValue } from '../../src/drift/math/ks-pvalue.ts';
import { fixture, relativeError, TOLERANCE } from './fixtures.ts';

interface KsCase {
  n1: number;
  n2: number;
  d: number;
  pValue: number;
}

describe('ks_2samp p-values (scipy, method auto)', () => {
  it.each(fixture<KsCase[]>('ks.json'))('n1=$n1 n2=$n2 D=$d -> $pValue', ({ n1, n2, d, pValue }) => {
    expect(relativeError(ksPValue(n1, n2, d).pValue, pValue)).toBeLessThanOrEqual(TOLERANCE);
  });

  it.each([
    // STATISTICS.md: [1..5] vs [6..10]; [0.1..0.8] vs [0.45..0.95]; ties.
    [5, 5, 1, 0.007936507936507936, 'exact'],
    [8, 6, 0.5, 0.30169830169830175, 'exact'],
    [5, 6, 0.6333333333333333, 0.17748917748917747, 'exact'],
    [100, 100, 0.5, 1.0024645454361508e-11, 'exact'],
    [20000, 15000, 0.02, undefined, 'asymptotic'],
  ] as const)('n1=%i n2=%i D=%f gives %s (%s)', (n1, n2, d, p, method) => {
    const result = ksPValue(n1, n2, d);
    expect(result.method).toBe(method);
    if (p !== undefined) expect(relativeError(result.pValue, p)).toBeLessThanOrEqual(TOLERANCE);
  });

  it('refuses an empty sample', () => {
    expect(() => ksPValue(0, 5, 0.5)).toThrow('ks: both samples need at least one value');
  });
});
