/** The SQL view of one column as a profile or a drift test sees it. */
import { quoteIdentifier } from '../data/engine.ts';
import type { ValueKind } from './column-kind.ts';

/** The value expression: numbers as DOUBLE, everything else as text. */
export function valueSql(column: string, kind: ValueKind): string {
  const id = quoteIdentifier(column);
  return kind === 'numerical' ? `CAST(${id} AS DOUBLE)` : `CAST(${id} AS VARCHAR)`;
}

/** The condition for a usable value: not null, and finite for numbers (Evidently drops NaN and ±inf). */
export function presentSql(kind: ValueKind): string {
  return kind === 'numerical' ? 'v IS NOT NULL AND isfinite(v)' : 'v IS NOT NULL';
}

/** (v, n) for one column of a table: its distinct usable values with their counts. */
export function groupedSql(table: string, column: string, kind: ValueKind): string {
  return `SELECT v, count(*) AS n FROM (SELECT ${valueSql(column, kind)} AS v FROM ${quoteIdentifier(table)}) WHERE ${presentSql(kind)} GROUP BY v`;
}
