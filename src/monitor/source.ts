/**
 * Where monitoring reads rows: files (CSV, TSV, Parquet, JSON lines; a file, folder or
 * glob) through the DuckDB engine, or a PostgreSQL table or query streamed into it.
 */
import { quoteIdentifier, readerSql, type DataEngine } from '../data/engine.ts';
import { resolveSource } from '../data/format.ts';
import { UsageError } from '../errors.ts';
import type { MonitorSourceConfig } from '../config/schema.ts';
import { loadPostgres, type PostgresSource, type Pushdown } from './postgres.ts';

export type SourceSpec = { kind: 'files'; paths: string | string[]; root: string } | ({ kind: 'postgres' } & PostgresSource);

const POSTGRES = /^postgres(ql)?:\/\//;

/** A PostgreSQL URL names what it reads with `?table=` or `?query=`; the rest is the connection. */
export function parsePostgresUrl(value: string, option: string): PostgresSource {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${option} ${redact(value)}: not a valid postgres:// URL`);
  }
  const table = url.searchParams.get('table') ?? undefined;
  const query = url.searchParams.get('query') ?? undefined;
  url.searchParams.delete('table');
  url.searchParams.delete('query');
  if ((table === undefined) === (query === undefined)) throw new UsageError(`${option} ${redact(value)}: expected ?table=<name> or ?query=<SELECT …> in the URL`);
  return { url: url.toString(), display: redact(value), ...(table !== undefined ? { table } : { query: query! }) };
}

/** The URL without its password, for messages and reports. */
export function redact(value: string): string {
  return value.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@]*@/, '$1:***@');
}

/** A source from a command-line value (relative to the cwd) or a config value (relative to the project root). */
export function sourceSpec(value: MonitorSourceConfig | string, root: string, option: string): SourceSpec {
  if (typeof value === 'string' && POSTGRES.test(value)) return { kind: 'postgres', ...parsePostgresUrl(value, option) };
  if (typeof value === 'string' || Array.isArray(value)) return { kind: 'files', paths: value, root };
  const display = redact(value.url);
  return { kind: 'postgres', url: value.url, display, ...(value.table !== undefined ? { table: value.table } : { query: value.query! }) };
}

export function describeSource(spec: SourceSpec): string {
  return spec.kind === 'postgres' ? spec.display : Array.isArray(spec.paths) ? spec.paths.join(', ') : spec.paths;
}

/**
 * Makes the source queryable as `name` and returns its column names, and whether reading
 * it again is cheap (a Parquet file reads only the columns asked for; PostgreSQL rows are
 * a DuckDB table) or not (text is parsed again). For PostgreSQL the time window is
 * applied, and the excluded columns left out, by the database.
 */
export async function loadSource(engine: DataEngine, name: string, spec: SourceSpec, pushdown?: Pushdown): Promise<{ columns: string[]; cheap: boolean }> {
  if (spec.kind === 'postgres') return { columns: await loadPostgres(engine, name, spec, pushdown), cheap: true };
  const source = await resolveSource(spec.paths, spec.root);
  await engine.query(`CREATE OR REPLACE VIEW ${quoteIdentifier(name)} AS SELECT * FROM ${readerSql(source)}`, source);
  return { columns: (await engine.columns(name, source)).map((column) => column.name), cheap: source.format === 'parquet' };
}
