/**
 * The paired bootstrap of metric differences. Both models scored the same rows, so
 * each resample draws row indices once and weighs both models' rows by the same
 * counts: the interval then reflects the difference between the models, not the noise
 * of two independent samples. Percentile interval at the requested confidence.
 */
import { percentile } from './percentile.ts';
import { bootstrapOrder, permuteRows } from './permute.ts';
import { Xoshiro128 } from './rng.ts';
import { metricSuite } from './suite.ts';
import type { PredictionRows } from './types.ts';

export interface BootstrapOptions {
  /** Metric names of the task to resample. */
  metrics: readonly string[];
  resamples: number;
  seed: number;
  /** Two-sided confidence of the interval, such as 0.95. */
  confidence: number;
}

/** The interval of candidate − baseline for one metric. */
export interface DifferenceInterval {
  low: number;
  high: number;
  /** Resamples where the metric was defined for both models (one-class resamples are not). */
  valid: number;
}

export interface BootstrapResult {
  resamples: number;
  seed: number;
  confidence: number;
  rows: number;
  /** Null for a metric defined in fewer than half of the resamples. */
  intervals: Record<string, DifferenceInterval | null>;
}

/**
 * Rows are renumbered by the candidate's score first (see permute.ts), and the resample
 * counts are drawn over that numbering: the same seed gives the same interval.
 */
export function pairedBootstrap(candidate: PredictionRows, baseline: PredictionRows, options: BootstrapOptions): BootstrapResult {
  const n = candidate.label.length;
  const order = bootstrapOrder(candidate);
  const candidateSuite = metricSuite(permuteRows(candidate, order));
  const baselineSuite = metricSuite(permuteRows(baseline, order));
  const names = options.metrics.filter((name) => candidateSuite.names.includes(name));
  const differences = names.map(() => new Float64Array(options.resamples));
  const random = new Xoshiro128(options.seed);
  const counts = new Uint8Array(n);
  for (let r = 0; r < options.resamples; r++) {
    random.drawCounts(n, counts);
    const a = candidateSuite.compute(counts, names);
    const b = baselineSuite.compute(counts, names);
    names.forEach((name, index) => (differences[index]![r] = a[name]! - b[name]!));
  }
  const tail = ((1 - options.confidence) / 2) * 100;
  const intervals: Record<string, DifferenceInterval | null> = {};
  names.forEach((name, index) => {
    const valid = differences[index]!.filter((value) => Number.isFinite(value));
    intervals[name] = valid.length * 2 < options.resamples ? null : { low: percentile(valid, tail), high: percentile(valid, 100 - tail), valid: valid.length };
  });
  return { resamples: options.resamples, seed: options.seed, confidence: options.confidence, rows: n, intervals };
}
