/** What a validation found: the contract of `trainyard validate --json`. */
import type { SourcePosition } from '../errors.ts';

export const CHECK_NAMES = ['type', 'nullable', 'min', 'max', 'in', 'pattern', 'unique', 'missing_column', 'extra_column', 'rows', 'max_null_fraction', 'sql'] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

/** One offending value and where it sits: the 1-based data row of its file. */
export interface FailureExample {
  /** Absent only for sql checks whose query does not return the `_row` column. */
  row?: number;
  /** The shard, relative to the project root; only when the data has several files. */
  file?: string;
  /** The value as written in the file (null for a missing value); a row object for sql checks. */
  value: unknown;
}

export interface CheckFailure {
  /** The column, or null for table-level checks (rows, compound unique, sql). */
  column: string | null;
  check: CheckName;
  /** Offending values (rows), or 1 for a missing or extra column. */
  failed: number;
  /** `failed` over the non-null values for value checks, over all rows for null checks. */
  fraction: number;
  /** Up to 5 offending values, by row. */
  examples: FailureExample[];
  /** What the schema expected, in words ("<= 757", "one of 1, 2, 3"). */
  expected: string;
  /** Where the rule sits in the schema file. */
  position?: SourcePosition;
  /** For compound keys and sql checks: the key's columns or the check's name. */
  name?: string;
}

export interface ValidationResult {
  valid: boolean;
  rows: number;
  /** The data as the user named it. */
  data: string;
  /** The schema file as the user named it. */
  schema: string;
  failures: CheckFailure[];
}

/** The most examples a failure carries. */
export const MAX_EXAMPLES = 5;
