/**
 * A view of a source in which every row knows where it came from: the file and its
 * 1-based data row in that file (the header is not a data row). Reports point users at
 * the exact line to fix; DuckDB's parallel scans keep no row order by themselves.
 */
import type { DataSource } from './format.ts';
import { quoteLiteral, readerSql, type RegisterOptions } from './reader-sql.ts';

/** The column holding the file a row came from (an absolute path). */
export const FILE_COLUMN = '__trainyard_file';
/** The column holding the 1-based data row of a row in its file. */
export const ROW_COLUMN = '__trainyard_row';

const KEEP = `${FILE_COLUMN}, ${ROW_COLUMN}`;

/**
 * The SELECT behind a row-numbered view. Parquet has file row numbers built in; the
 * text formats number each file's rows with WITH ORDINALITY, one file at a time.
 */
export function rowNumberedSelect(source: DataSource, options: RegisterOptions = {}): string {
  const text = source.format === 'csv' || source.format === 'tsv';
  const cast = options.allVarchar && !text;
  let inner: string;
  if (source.format === 'parquet') {
    const reader = `read_parquet(${listOf(source.files)}, union_by_name = true, filename = true, file_row_number = true)`;
    inner = `SELECT * EXCLUDE (filename, file_row_number), filename AS ${FILE_COLUMN}, file_row_number + 1 AS ${ROW_COLUMN} FROM ${reader}`;
  } else {
    inner = source.files
      .map((file) => {
        const reader = readerSql({ ...source, files: [file] }, options);
        return `SELECT * EXCLUDE (ordinality), ${quoteLiteral(file)} AS ${FILE_COLUMN}, ordinality AS ${ROW_COLUMN} FROM ${reader} WITH ORDINALITY`;
      })
      .join(' UNION ALL BY NAME ');
  }
  if (!cast) return inner;
  return `SELECT COLUMNS(c -> c NOT IN ('${FILE_COLUMN}', '${ROW_COLUMN}'))::VARCHAR, ${KEEP} FROM (${inner})`;
}

function listOf(files: string[]): string {
  return `[${files.map(quoteLiteral).join(', ')}]`;
}
