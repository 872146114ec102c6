/**
 * The SQL text that reads a source: quoting, and the DuckDB table function for each
 * format. Pure strings, shared by the engine's views and the row-numbered views.
 */
import type { DataSource } from './format.ts';

export interface RegisterOptions {
  /** Read every column as text, so values that do not parse can be counted, not fatal. */
  allVarchar?: boolean;
  /** Add the columns `__trainyard_file` and `__trainyard_row` (see row-numbers.ts); scans get slower. */
  rowNumbers?: boolean;
  /**
   * CSV and TSV only: DuckDB types of named columns (the others stay as `allVarchar`
   * says), and the temporary table that receives every value that does not parse
   * (`store_rejects`; DuckDB skips those rows). A name absent from a file is ignored.
   */
  typed?: { types: Readonly<Record<string, string>>; rejects: string };
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function fileList(source: DataSource): string {
  return `[${source.files.map(quoteLiteral).join(', ')}]`;
}

/** The table function that reads a source. */
export function readerSql(source: DataSource, options: RegisterOptions = {}): string {
  const files = fileList(source);
  const text = (options.allVarchar ? ', all_varchar = true' : '') + typedOptions(options);
  // DuckDB stores no rejects with union_by_name: register() reads such shards one by one.
  const union = options.typed ? '' : ', union_by_name = true';
  switch (source.format) {
    case 'csv':
      return `read_csv(${files}, header = true${union}${text})`;
    case 'tsv':
      return `read_csv(${files}, header = true, delim = '\t'${union}${text})`;
    case 'parquet':
      return `read_parquet(${files}, union_by_name = true)`;
    case 'json':
      return `read_json(${files}, format = 'auto', union_by_name = true)`;
    case 'jsonl':
      return `read_json(${files}, format = 'newline_delimited', union_by_name = true)`;
  }
}

function typedOptions(options: RegisterOptions): string {
  if (!options.typed) return '';
  const { types, rejects } = options.typed;
  const list = Object.entries(types).map(([name, type]) => `${quoteLiteral(name)}: ${quoteLiteral(type)}`);
  return `, types = {${list.join(', ')}}, store_rejects = true, rejects_table = ${quoteLiteral(rejects)}, rejects_scan = ${quoteLiteral(`${rejects}_scans`)}`;
}
