/**
 * The App's view of a comparison: facts in (the candidate's and champion's raw metrics,
 * the policy), a `Comparison` out, the same model the CLI and `trainyard run` produce.
 * The App computes it itself from files it downloaded; a verdict written by
 * pull-request code is never read.
 */
import type { MetricRule } from '../config/schema.ts';
import type { Comparison } from '../metrics/compare.ts';
import type { MetricValues } from '../metrics/read-metrics.ts';

export interface ComparisonFacts {
  policy: Record<string, MetricRule>;
  candidate: MetricValues;
  /** Null: no champion yet (the first version), so only absolute thresholds gate. */
  champion: MetricValues | null;
}

/** Anything that turns comparison facts into a comparison. */
export type Comparator = (facts: ComparisonFacts) => Comparison;
