/**
 * The fast path of the value checks for CSV and TSV: the CSV reader parses the columns
 * whose type it parses exactly as the exact path's casts do (number, boolean,
 * timestamp) with that type, so the aggregate query counts them without a text round
 * trip. Parsing in the reader costs a fraction of reading text and casting it after.
 *
 * A value the reader cannot parse lands in a rejects table and DuckDB skips its row, so
 * the counts are only kept when there is none; otherwise the caller counts again on the
 * all-text read (the exact path), which counts the bad value as a `type` failure and
 * still checks the row's other values.
 *
 * Integer and date columns stay text: the reader rounds "1.5" into an integer and
 * accepts "1e3", "1_000", "0x1F" and a date with a time, which the strict casts of
 * column-sql.ts count as `type` failures. Columns with a `pattern` stay text too: the
 * pattern applies to the text as written ("1.50", not the number 1.5).
 */
import type { DataSource } from '../data/format.ts';
import type { ColumnRule, ColumnType } from './data-schema.ts';

const READER_TYPES: Partial<Record<ColumnType, string>> = { number: 'DOUBLE', boolean: 'BOOLEAN', timestamp: 'TIMESTAMP' };

/** The DuckDB type the CSV reader gives each column of the fast path, by name; empty when it does not apply. */
export function fastReadTypes(source: DataSource, columns: Record<string, ColumnRule>): Record<string, string> {
  if (source.format !== 'csv' && source.format !== 'tsv') return {};
  const types: Record<string, string> = {};
  for (const [name, rule] of Object.entries(columns)) {
    const type = READER_TYPES[rule.type];
    if (type && rule.pattern === undefined) types[name] = type;
  }
  return types;
}
