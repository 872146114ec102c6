/**
 * Finds up to five offending rows of a failed check, with their file and 1-based data
 * row. Runs only for failed checks, on the row-numbered view, and stops at the fifth.
 */
import path from 'node:path';
import type { DataEngine, Row } from '../data/engine.ts';
import { FILE_COLUMN, ROW_COLUMN } from '../data/row-numbers.ts';
import { projectionSql, type ColumnPlan } from './plan.ts';
import { MAX_EXAMPLES, type FailureExample } from './result.ts';

export interface ExampleContext {
  engine: DataEngine;
  plans: readonly ColumnPlan[];
  /** The row-numbered view. */
  view: string;
  /** The same data without row numbers (faster to scan). */
  fastView: string;
  /** Shards are named relative to this folder; undefined for data in one file. */
  shardRoot: string | undefined;
}

export function exampleOf(context: Pick<ExampleContext, 'shardRoot'>, row: Row, value: unknown): FailureExample {
  const example: FailureExample = { row: Number(row[ROW_COLUMN]), value };
  if (context.shardRoot !== undefined) example.file = path.relative(context.shardRoot, String(row[FILE_COLUMN])) || String(row[FILE_COLUMN]);
  return example;
}

/** Sorts examples by file, then row. */
export function byPlace(a: FailureExample, b: FailureExample): number {
  return (a.file ?? '').localeCompare(b.file ?? '') || (a.row ?? 0) - (b.row ?? 0);
}

/** Rows where `failing` holds, showing the raw value of `plan`. */
export async function examplesWhere(context: ExampleContext, plan: ColumnPlan, failing: string): Promise<FailureExample[]> {
  const projection = projectionSql(context.plans, context.view, [FILE_COLUMN, ROW_COLUMN]);
  const rows = await context.engine.query(`SELECT ${FILE_COLUMN}, ${ROW_COLUMN}, ${plan.raw} AS value FROM (${projection}) WHERE ${failing} LIMIT ${MAX_EXAMPLES}`);
  return rows.map((row) => exampleOf(context, row, plainValue(row.value ?? null))).sort(byPlace);
}

/** Prefixes searched for repeated values before the whole data (most repeats show early). */
const DUPLICATE_PREFIXES = [1 << 16, 1 << 20];

/**
 * Rows holding values that occur more than once (every copy, so the user sees the
 * pair). Grouping all rows is the costly part of a uniqueness check, so the repeats
 * are looked for in growing prefixes of the data first, then in all of it.
 * `key` is an expression over the projection; `show` gives the value to report.
 */
export async function duplicateExamples(context: ExampleContext, key: string, present: string, show: string): Promise<FailureExample[]> {
  const fast = projectionSql(context.plans, context.fastView);
  for (const limit of [...DUPLICATE_PREFIXES, undefined]) {
    const rows = limit === undefined ? `(${fast})` : `(${fast} LIMIT ${limit})`;
    const repeated = await context.engine.query(`SELECT ${key} AS k FROM ${rows} WHERE ${present} GROUP BY k HAVING count(*) > 1 LIMIT ${MAX_EXAMPLES}`);
    if (repeated.length === 0) continue;
    const projection = projectionSql(context.plans, context.view, [FILE_COLUMN, ROW_COLUMN]);
    const numbered = limit === undefined ? projection : `${projection} LIMIT ${limit}`;
    const keys = `SELECT ${key} AS k FROM ${rows} WHERE ${present} GROUP BY k HAVING count(*) > 1 LIMIT ${MAX_EXAMPLES}`;
    const found = await context.engine.query(`SELECT ${FILE_COLUMN}, ${ROW_COLUMN}, ${show} AS value FROM (${numbered}) WHERE ${present} AND ${key} IN (${keys}) LIMIT ${MAX_EXAMPLES}`);
    return found.map((row) => exampleOf(context, row, plainValue(row.value ?? null))).sort(byPlace);
  }
  return [];
}

/** A query value as plain JSON: bigints as numbers (text beyond 2^53), dates as ISO text. */
export function plainValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plainValue);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plainValue(inner)]));
  return value;
}
