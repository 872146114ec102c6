/**
 * The App's view of a comparison: facts in (the candidate's and champion's raw metrics,
 * the policy), a verdict out. The App computes it itself from files it downloaded; a
 * verdict written by pull-request code is never read.
 */
import type { MetricRule } from '../config/schema.ts';
import type { MetricValues } from '../metrics/read-metrics.ts';

export type Verdict = 'pass' | 'fail' | 'inconclusive';

export interface ComparisonFacts {
  policy: Record<string, MetricRule>;
  candidate: MetricValues;
  /** Null: no champion yet (the first version), so only absolute thresholds gate. */
  champion: MetricValues | null;
}

export interface MetricRow {
  name: string;
  candidate: number | null;
  champion: number | null;
  /** Null for a metric no rule gates. */
  status: Verdict | null;
  reason: string;
}

export interface ComparisonResult {
  verdict: Verdict;
  rows: MetricRow[];
  summary: string;
}

/** Anything that turns comparison facts into a verdict. */
export type Comparator = (facts: ComparisonFacts) => ComparisonResult;
