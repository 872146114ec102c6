/**
 * A data profile (`profile.json`): per column what drift tests need, mergeable across
 * shards. Counts, min/max, mean and M2 merge exactly (Chan et al.); value counts merge
 * exactly while they stay complete; histograms sit on a power-of-two grid, so any two
 * merge exactly; reservoir samples merge by weighted resampling.
 */
import type { ValueKind } from './column-kind.ts';

export const PROFILE_FORMAT = 'trainyard.profile';
export const PROFILE_VERSION = 1;
/** Value counts are kept exactly up to this many distinct values per column. */
export const VALUE_CAP = 1000;
/** The histogram grid is coarsened until it has at most this many bins. */
export const MAX_BINS = 64;
export const DEFAULT_SAMPLE_SIZE = 10000;

export type ProfileValue = string | number;

export interface GridHistogram {
  /** Bin width, a power of two. */
  width: number;
  /** Index of the first bin: it covers [start·width, (start+1)·width). */
  start: number;
  counts: number[];
}

export interface ProfileColumn {
  name: string;
  /** The DuckDB type. */
  type: string;
  kind: ValueKind;
  /** Non-null (and, for numbers, finite) values. */
  count: number;
  /** Nulls, and NaN or infinite numbers. */
  nulls: number;
  min: ProfileValue | null;
  max: ProfileValue | null;
  mean: number | null;
  /** Sum of squared deviations from the mean. */
  m2: number | null;
  /** Exact distinct count while value counts are complete, else null (more than VALUE_CAP). */
  distinct: number | null;
  /** Every distinct value with its count, sorted by value; null past VALUE_CAP. */
  values: Array<[ProfileValue, number]> | null;
  histogram: GridHistogram | null;
  sample: { seen: number; values: ProfileValue[] };
}

export interface Profile {
  format: typeof PROFILE_FORMAT;
  version: typeof PROFILE_VERSION;
  source: string;
  rows: number;
  sampleSize: number;
  columns: ProfileColumn[];
}
