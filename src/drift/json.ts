/**
 * The JSON contract of `trainyard drift --json` and of drift.json: the dataset verdict
 * and one entry per column (distributions stay out; the report charts them).
 */
import type { DriftResult } from './types.ts';

export function driftJson(result: DriftResult): Record<string, unknown> {
  return {
    drifted: result.drifted,
    share: result.share,
    driftShare: result.driftShare,
    correction: result.correction,
    reference: result.reference,
    current: result.current,
    tested: result.tested,
    driftedColumns: result.driftedColumns,
    columns: result.columns.map((column) => {
      const { distribution, ...rest } = column;
      void distribution;
      return rest;
    }),
    excluded: result.excluded,
  };
}
