/** The domain types of drift detection. */
import type { Correction, DriftMethod } from '../config/drift-methods.ts';
import type { ValueKind } from '../profile/column-kind.ts';

export type ColumnKind = 'numerical' | 'categorical';

/** One side of a column, over its non-null, finite values. */
export interface SideSummary {
  rows: number;
  /** Distinct values. */
  distinct: number;
  min: number | null;
  max: number | null;
  /** Mean and population standard deviation (ddof 0); null for categorical columns. */
  mean: number | null;
  std: number | null;
}

export interface ValueCount {
  value: string | number;
  reference: number;
  current: number;
}

export interface HistogramCounts {
  reference: number[];
  current: number[];
}

/**
 * What a drift test can ask about a column pair. The DuckDB implementation answers in
 * SQL over grouped values, so millions of rows never enter JavaScript.
 */
export interface ColumnEvidence {
  kind: ColumnKind;
  reference: SideSummary;
  current: SideSummary;
  /** Distinct values of both sides together. */
  distinct: number;
  /** max |F_ref(x) - F_cur(x)| over all values, ties grouped. */
  ecdfDistance(): Promise<number>;
  /** ∫ |F_ref - F_cur| dx, scipy's wasserstein_distance. */
  wasserstein(): Promise<number>;
  /** Counts per distinct value on both sides, sorted by value. */
  valueCounts(): Promise<ValueCount[]>;
  /** Counts per bin [e_i, e_i+1) (last bin closed) on both sides. */
  histogram(edges: number[]): Promise<HistogramCounts>;
}

/** How a test's number is judged against its threshold. */
export type DriftRule = 'p<=' | 'p<' | '>=';

export interface TestOutcome {
  statistic: number | null;
  pValue: number | null;
  /** Facts a reader needs to interpret the number (binning, infinite statistic). */
  note?: string;
  /** The distributions compared, for the report's chart. */
  distribution?: { labels: string[]; reference: number[]; current: number[] };
}

export interface DriftTest {
  name: DriftMethod;
  /** What the number is, in words a reader checks against other tools. */
  description: string;
  kinds: ColumnKind[];
  rule: DriftRule;
  defaultThreshold: number;
  run(evidence: ColumnEvidence): Promise<TestOutcome>;
}

export type ColumnStatus = 'tested' | 'missing_in_reference' | 'missing_in_current' | 'empty' | 'skipped';

export interface ColumnDrift {
  column: string;
  kind: ValueKind;
  method: DriftMethod | null;
  statistic: number | null;
  pValue: number | null;
  /** The p-value after the multiple-testing correction, when one applies. */
  pValueAdjusted?: number | null;
  threshold: number | null;
  rule: DriftRule | null;
  drifted: boolean;
  referenceRows: number;
  currentRows: number;
  status: ColumnStatus;
  /** `sample` when the reference was a profile's reservoir sample. */
  basis: 'data' | 'profile' | 'sample' | null;
  description: string | null;
  note?: string;
  distribution?: TestOutcome['distribution'];
}

export interface DriftResult {
  drifted: boolean;
  share: number;
  driftShare: number;
  correction: Correction;
  reference: { source: string; kind: 'data' | 'profile'; rows: number };
  current: { source: string; rows: number };
  /** Columns that were tested. */
  tested: number;
  driftedColumns: number;
  columns: ColumnDrift[];
  /** Columns left out of the check and why (ids, labels, timestamps, drift.exclude). */
  excluded: Array<{ column: string; reason: string }>;
}
