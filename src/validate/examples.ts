/**
 * Finds up to five offending rows of a failed check, with their file and 1-based data
 * row. Runs only for failed checks. The first rows of the data are read once into a
 * small numbered table (the head) and searched first: defects that are not rare show
 * there, and each search of the whole data costs a scan. Only a check with fewer than
 * its examples in the head searches the row-numbered view of the whole data.
 */
import path from 'node:path';
import type { DataEngine, Row } from '../data/engine.ts';
import { FILE_COLUMN, ROW_COLUMN } from '../data/row-numbers.ts';
import { projectionSql, type ColumnPlan } from './plan.ts';
import { MAX_EXAMPLES, type FailureExample } from './result.ts';

export interface ExampleContext {
  engine: DataEngine;
  /** The plans over the views below (raw values as read: text for CSV and TSV). */
  plans: readonly ColumnPlan[];
  /** The first HEAD_ROWS rows of the row-numbered view, as a table. */
  head: string;
  views: {
    /** The row-numbered view of all the data (registered on first use). */
    numbered(): Promise<string>;
    /** The same data without row numbers (faster to scan). */
    plain(): Promise<string>;
  };
  /** Shards are named relative to this folder; undefined for data in one file. */
  shardRoot: string | undefined;
}

/** Rows in the head table. */
export const HEAD_ROWS = 1 << 16;

export function exampleOf(context: Pick<ExampleContext, 'shardRoot'>, row: Row, value: unknown): FailureExample {
  const example: FailureExample = { row: Number(row[ROW_COLUMN]), value };
  if (context.shardRoot !== undefined) example.file = path.relative(context.shardRoot, String(row[FILE_COLUMN])) || String(row[FILE_COLUMN]);
  return example;
}

/** Sorts examples by file, then row. */
export function byPlace(a: FailureExample, b: FailureExample): number {
  return (a.file ?? '').localeCompare(b.file ?? '') || (a.row ?? 0) - (b.row ?? 0);
}

/**
 * The first rows where `failing` holds (of `failed` in all), showing the raw value of
 * `plan`: from the head when it holds enough of them, else from the whole data.
 */
export async function examplesWhere(context: ExampleContext, plan: ColumnPlan, failing: string, failed: number): Promise<FailureExample[]> {
  const wanted = Math.min(MAX_EXAMPLES, failed);
  let rows: Row[] = [];
  for (const view of [context.head, undefined]) {
    const projection = projectionSql(context.plans, view ?? (await context.views.numbered()), [FILE_COLUMN, ROW_COLUMN]);
    rows = await context.engine.query(`SELECT ${FILE_COLUMN}, ${ROW_COLUMN}, ${plan.raw} AS value FROM (${projection}) WHERE ${failing} LIMIT ${MAX_EXAMPLES}`);
    if (rows.length >= wanted) break;
  }
  return rows.map((row) => exampleOf(context, row, plainValue(row.value ?? null))).sort(byPlace);
}

/** Rows of `projection` whose `key` repeats within it (every copy), at most MAX_EXAMPLES. */
function repeatsSql(projection: string, key: string, present: string, show: string, keysFrom: string): string {
  const keys = `SELECT ${key} AS k FROM (${keysFrom}) WHERE ${present} GROUP BY k HAVING count(*) > 1 LIMIT ${MAX_EXAMPLES}`;
  return `SELECT ${FILE_COLUMN}, ${ROW_COLUMN}, ${show} AS value FROM (${projection}) WHERE ${present} AND ${key} IN (${keys}) LIMIT ${MAX_EXAMPLES}`;
}

/** A prefix of the data searched for repeated values after the head (most repeats show early). */
const DUPLICATE_PREFIX = 1 << 20;

/**
 * Rows holding values that occur more than once (every copy, so the user sees the
 * pair). Grouping all rows is the costly part of a uniqueness check, so the repeats
 * are looked for in growing prefixes of the data first, then in all of it.
 * `key` is an expression over the projection; `show` gives the value to report.
 */
export async function duplicateExamples(context: ExampleContext, key: string, present: string, show: string): Promise<FailureExample[]> {
  const head = projectionSql(context.plans, context.head, [FILE_COLUMN, ROW_COLUMN]);
  let found = await context.engine.query(repeatsSql(head, key, present, show, head));
  if (found.length === 0) {
    const plain = projectionSql(context.plans, await context.views.plain());
    const numbered = projectionSql(context.plans, await context.views.numbered(), [FILE_COLUMN, ROW_COLUMN]);
    for (const limit of [DUPLICATE_PREFIX, undefined]) {
      const cut = limit === undefined ? '' : ` LIMIT ${limit}`;
      found = await context.engine.query(repeatsSql(`${numbered}${cut}`, key, present, show, `${plain}${cut}`));
      if (found.length > 0) break;
    }
  }
  return found.map((row) => exampleOf(context, row, plainValue(row.value ?? null))).sort(byPlace);
}

/** A query value as plain JSON: bigints as numbers (text beyond 2^53), dates as ISO text. */
export function plainValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plainValue);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plainValue(inner)]));
  return value;
}
