import { describe, expect, it } from 'vitest';
import { adjustPValues } from '../../src/drift/correction.ts';
import { jensenShannon, klDivergence } from '../../src/drift/math/divergence.ts';
import { chiSquareSf, normalTwoSided } from '../../src/drift/math/gamma.ts';
import { binOf, sturgesEdges } from '../../src/drift/math/sturges.ts';
import { autoMethod } from '../../src/drift/select.ts';
import { fixture, relativeError, TOLERANCE } from './fixtures.ts';

describe('chi2.sf (scipy)', () => {
  it.each(fixture<Array<{ df: number; x: number; sf: number }>>('chi2.json'))('df=$df x=$x -> $sf', ({ df, x, sf }) => {
    expect(relativeError(chiSquareSf(x, df), sf)).toBeLessThanOrEqual(TOLERANCE);
  });
});

describe('two-sided normal p-value (2·norm.sf(|z|))', () => {
  it.each(fixture<Array<{ z: number; pValue: number }>>('normal.json'))('z=$z -> $pValue', ({ z, pValue }) => {
    expect(relativeError(normalTwoSided(z), pValue)).toBeLessThanOrEqual(TOLERANCE);
  });
});

describe('jensenshannon and entropy (scipy)', () => {
  const cases = fixture<Array<{ kind: string; p: number[]; q: number[]; value: number }>>('distributions.json').filter((c) => c.kind !== 'wasserstein');
  it.each(cases)('$kind $p $q -> $value', ({ kind, p, q, value }) => {
    const actual = kind === 'entropy' ? klDivergence(p, q) : jensenShannon(p, q, kind === 'jensenshannon-base2' ? 2 : undefined);
    expect(relativeError(actual, value)).toBeLessThanOrEqual(TOLERANCE);
  });

  it('tells the three Jensen-Shannons apart (STATISTICS.md)', () => {
    const md = fixture<Record<string, number>>('statistics-md.json');
    expect(jensenShannon([0.5, 0.3, 0.2], [0.3, 0.3, 0.4])).toBeCloseTo(0.17211473103812178, 15);
    expect(jensenShannon([0.5, 0.3, 0.2], [0.3, 0.3, 0.4], 2)).toBeCloseTo(0.20673086033214078, 15);
    expect(jensenShannon([0.5, 0.3, 0.2], [0.3, 0.3, 0.4], 2) ** 2).toBeCloseTo(0.0427376486136671, 15);
    expect(md.js_log2).toBeCloseTo(0.20673086033214078, 15);
  });
});

describe('Sturges edges and bins (numpy)', () => {
  const cases = fixture<Array<{ min: number; max: number; count: number; edges: number[]; counts: number[]; values: number[] }>>('sturges.json');
  it.each(cases)('$count values in [$min, $max]', ({ min, max, count, edges, counts, values }) => {
    expect(sturgesEdges(min, max, count)).toEqual(edges);
    const ours = new Array<number>(edges.length - 1).fill(0);
    for (const value of values) ours[binOf(value, edges)]!++;
    expect(ours).toEqual(counts);
  });
});

describe('automatic method (Evidently)', () => {
  it.each([
    ['numerical', 1000, 6, 'ks'],
    ['numerical', 1000, 5, 'chisquare'],
    ['numerical', 1000, 2, 'z'],
    ['categorical', 1000, 40, 'chisquare'],
    ['categorical', 500, 2, 'z'],
    ['numerical', 1001, 6, 'wasserstein'],
    ['numerical', 1001, 5, 'jensenshannon'],
    ['categorical', 1001, 400, 'jensenshannon'],
  ] as const)('%s, %i reference rows, %i distinct -> %s', (kind, referenceRows, distinct, method) => {
    expect(autoMethod({ kind, referenceRows, distinct })).toBe(method);
  });
});

describe('multiple-testing corrections', () => {
  it.each([
    ['none', [0.01, 0.04, 0.03], [0.01, 0.04, 0.03]],
    ['bonferroni', [0.01, 0.04, 0.5], [0.03, 0.12, 1]],
    // Step-up by hand: sorted 0.005, 0.01, 0.03, 0.04 -> 0.02, 0.02, 0.04, 0.04.
    ['benjamini-hochberg', [0.01, 0.04, 0.03, 0.005], [0.02, 0.04, 0.04, 0.02]],
  ] as const)('%s', (correction, pValues, adjusted) => {
    const actual = adjustPValues([...pValues], correction);
    actual.forEach((value, i) => expect(value).toBeCloseTo(adjusted[i]!, 12));
  });
});
