import { describe, expect, it } from 'vitest';
import { pairedBootstrap } from '../../src/metrics/bootstrap.ts';
import { bootstrapOrder, permuteRows } from '../../src/metrics/permute.ts';
import { delong } from '../../src/metrics/delong.ts';
import { mcnemar, mcnemarExactP } from '../../src/metrics/mcnemar.ts';
import { erfc, normalSf } from '../../src/metrics/normal.ts';
import { percentile } from '../../src/metrics/percentile.ts';
import { Xoshiro128 } from '../../src/metrics/rng.ts';
import { metricSuite } from '../../src/metrics/suite.ts';
import type { BinaryRows } from '../../src/metrics/types.ts';
import { fixture, TOLERANCE } from './fixtures.ts';

interface SignificanceFixture {
  delong: Array<{ name: string; label: number[]; candidate: number[]; baseline: number[]; auc: [number, number]; variance: number; z: number; p: number }>;
  mcnemar: Array<{ b: number; c: number; p: number; binomtest: number }>;
  erfc: Array<{ x: number; erfc: number }>;
  normal: Array<{ z: number; sf: number }>;
  percentile: Array<{ values: number[]; q: number; value: number }>;
}

const reference = fixture<SignificanceFixture>('significance.json');

function binary(label: number[], score: number[], threshold = 0.5): BinaryRows {
  return { task: 'binary', label: Uint8Array.from(label), score: Float64Array.from(score), predicted: Uint8Array.from(score.map((s) => (s >= threshold ? 1 : 0))) };
}

const relativeError = (actual: number, expected: number) => Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE);

describe('McNemar exact p-value equals scipy', () => {
  it.each(reference.mcnemar)('b = $b, c = $c', ({ b, c, p, binomtest }) => {
    expect(relativeError(mcnemarExactP(b, c), p)).toBeLessThanOrEqual(TOLERANCE);
    expect(relativeError(mcnemarExactP(b, c), binomtest)).toBeLessThanOrEqual(TOLERANCE);
  });

  it('counts the discordant rows of two classifiers', () => {
    const label = [1, 1, 0, 0, 1];
    const result = mcnemar(binary(label, [0.9, 0.8, 0.2, 0.7, 0.1]), binary(label, [0.1, 0.8, 0.6, 0.7, 0.9]));
    expect(result).toMatchObject({ test: 'mcnemar-exact', b: 2, c: 1 });
  });
});

describe('DeLong test equals a numpy fast-DeLong with scipy midranks', () => {
  it.each(reference.delong)('$name', (c) => {
    const result = delong(binary(c.label, c.candidate), binary(c.label, c.baseline))!;
    expect(Math.abs(result.auc[0] - c.auc[0])).toBeLessThanOrEqual(TOLERANCE);
    expect(Math.abs(result.auc[1] - c.auc[1])).toBeLessThanOrEqual(TOLERANCE);
    expect(relativeError(result.variance, c.variance)).toBeLessThanOrEqual(1e-8);
    expect(Math.abs(result.z - c.z)).toBeLessThanOrEqual(1e-8);
    expect(relativeError(result.p, c.p)).toBeLessThanOrEqual(1e-7);
  });

  it('is undefined with fewer than two rows of a class', () => {
    expect(delong(binary([1, 0, 0], [0.9, 0.1, 0.2]), binary([1, 0, 0], [0.5, 0.4, 0.3]))).toBeNull();
  });
});

describe('erfc and the normal tail equal scipy.special', () => {
  it.each(reference.erfc)('erfc($x)', ({ x, erfc: expected }) => {
    expect(relativeError(erfc(x), expected)).toBeLessThanOrEqual(1e-13);
  });
  it.each(reference.normal)('norm.sf($z)', ({ z, sf }) => {
    expect(relativeError(normalSf(z), sf)).toBeLessThanOrEqual(1e-13);
  });
});

describe('percentile equals np.percentile (linear)', () => {
  it.each(reference.percentile.map((c, i) => ({ ...c, i })))('case $i: q = $q', ({ values, q, value }) => {
    expect(Math.abs(percentile(values, q) - value)).toBeLessThanOrEqual(1e-12);
  });
});

describe('the paired bootstrap', () => {
  const c = reference.delong[0]!;
  const candidate = binary(c.label, c.candidate);
  const baseline = binary(c.label, c.baseline);

  it('draws n indices per resample, the same for a seed', () => {
    const counts = new Xoshiro128(7).drawCounts(50, new Uint8Array(50));
    expect(counts.reduce((sum, value) => sum + value, 0)).toBe(50);
    expect(new Xoshiro128(7).drawCounts(50, new Uint8Array(50))).toEqual(counts);
    expect(new Xoshiro128(8).drawCounts(50, new Uint8Array(50))).not.toEqual(counts);
    // Successive resamples of one generator differ.
    const random = new Xoshiro128(7);
    const first = Uint8Array.from(random.drawCounts(50, new Uint8Array(50)));
    expect(random.drawCounts(50, new Uint8Array(50))).not.toEqual(first);
  });

  it('applies one resample to both models: each replicate is the difference on the same resampled rows', () => {
    // Replay the first resample by hand: rows numbered by the candidate's score, the counts
    // drawn over that numbering, the drawn rows materialised, both metrics computed on them.
    const n = c.label.length;
    const order = bootstrapOrder(candidate);
    const counts = new Xoshiro128(99).drawCounts(n, new Uint8Array(n));
    const rows: number[] = [];
    counts.forEach((count, position) => {
      for (let k = 0; k < count; k++) rows.push(order[position]!);
    });
    const pick = (values: number[]) => rows.map((row) => values[row]!);
    const onRows = (scores: number[]) => metricSuite(binary(pick(c.label), pick(scores))).compute(new Uint8Array(rows.length).fill(1), ['roc_auc']).roc_auc!;
    const expected = onRows(c.candidate) - onRows(c.baseline);
    const single = pairedBootstrap(candidate, baseline, { metrics: ['roc_auc'], resamples: 1, seed: 99, confidence: 0.95 });
    expect(single.intervals.roc_auc!.low).toBeCloseTo(expected, 12);
    expect(single.intervals.roc_auc!.high).toBeCloseTo(expected, 12);
  });

  it('gives an interval around the observed difference, reproducible by seed', () => {
    const options = { metrics: ['roc_auc', 'accuracy'], resamples: 400, seed: 42, confidence: 0.95 };
    const first = pairedBootstrap(candidate, baseline, options);
    expect(pairedBootstrap(candidate, baseline, options)).toEqual(first);
    const observed = c.auc[0] - c.auc[1];
    const interval = first.intervals.roc_auc!;
    expect(interval.low).toBeLessThan(observed);
    expect(interval.high).toBeGreaterThan(observed);
    expect(interval.valid).toBe(400);
    // DeLong's standard error and the bootstrap's spread agree roughly (same data, two methods).
    const width = interval.high - interval.low;
    expect(width / (2 * 1.96 * Math.sqrt(reference.delong[0]!.variance))).toBeGreaterThan(0.7);
    expect(width / (2 * 1.96 * Math.sqrt(reference.delong[0]!.variance))).toBeLessThan(1.3);
  });

  it('widens with a higher confidence', () => {
    const at = (confidence: number) => pairedBootstrap(candidate, baseline, { metrics: ['roc_auc'], resamples: 300, seed: 1, confidence }).intervals.roc_auc!;
    const narrow = at(0.8);
    const wide = at(0.99);
    expect(wide.low).toBeLessThan(narrow.low);
    expect(wide.high).toBeGreaterThan(narrow.high);
  });

  it('numbers rows by the candidate\'s score, carrying every column along', () => {
    const rows = binary([1, 0, 1, 0], [0.2, 0.9, 0.9, 0.1]);
    const order = bootstrapOrder(rows);
    expect([...order]).toEqual([1, 2, 0, 3]);
    const permuted = permuteRows(rows, order);
    expect(permuted).toEqual(binary([0, 1, 1, 0], [0.9, 0.9, 0.2, 0.1]));
  });

  it('skips resamples where a metric is undefined, and gives no interval when it never is', () => {
    const rare = binary([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], Array.from({ length: 15 }, (_, i) => i / 15));
    const skipped = pairedBootstrap(rare, rare, { metrics: ['roc_auc'], resamples: 200, seed: 3, confidence: 0.95 }).intervals.roc_auc!;
    // The one positive row is drawn in about 1 − (14/15)^15 ≈ 64% of resamples.
    expect(skipped.valid).toBeGreaterThan(100);
    expect(skipped.valid).toBeLessThan(160);
    const oneClass = binary([0, 0, 0, 0], [0.1, 0.2, 0.3, 0.4]);
    expect(pairedBootstrap(oneClass, oneClass, { metrics: ['roc_auc'], resamples: 100, seed: 3, confidence: 0.95 }).intervals.roc_auc).toBeNull();
  });
});
