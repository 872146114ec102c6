/**
 * A PostgreSQL table or query as a DuckDB table: rows are fetched through a server-side
 * cursor in batches and appended to DuckDB, typed from PostgreSQL's column types. A
 * time window (`--since`, `--until`) is applied in PostgreSQL, so rows outside it never
 * cross the wire; so do the columns whose aggregates PostgreSQL computes (latency).
 */
import pg from 'pg';
import { quoteIdentifier, type AppendType, type DataEngine } from '../data/engine.ts';
import { DataError } from '../errors.ts';

export interface PostgresSource {
  /** The connection URL, without `table` and `query`. */
  url: string;
  /** For messages: the URL as given, password hidden. */
  display: string;
  table?: string;
  query?: string;
}

const BATCH = 50_000;

/** PostgreSQL type OIDs and how DuckDB stores them. */
const TYPES: Record<number, { duck: string; append: AppendType }> = {
  16: { duck: 'BOOLEAN', append: 'BOOLEAN' },
  20: { duck: 'BIGINT', append: 'BIGINT' },
  21: { duck: 'BIGINT', append: 'BIGINT' },
  23: { duck: 'BIGINT', append: 'BIGINT' },
  700: { duck: 'DOUBLE', append: 'DOUBLE' },
  701: { duck: 'DOUBLE', append: 'DOUBLE' },
  1700: { duck: 'DOUBLE', append: 'DOUBLE' },
  1082: { duck: 'TIMESTAMPTZ', append: 'TIMESTAMPTZ' },
  1114: { duck: 'TIMESTAMPTZ', append: 'TIMESTAMPTZ' },
  1184: { duck: 'TIMESTAMPTZ', append: 'TIMESTAMPTZ' },
};

function pgIdentifier(name: string): string {
  return name
    .split('.')
    .map((part) => `"${part.replace(/"/g, '""')}"`)
    .join('.');
}

export interface Pushdown {
  timestamp: string;
  since?: Date;
  until?: Date;
  /** Columns not to fetch (their aggregates are computed in PostgreSQL). */
  exclude?: string[];
}

function baseSelect(source: PostgresSource): string {
  return source.table !== undefined ? `SELECT * FROM ${pgIdentifier(source.table)}` : source.query!.replace(/;\s*$/, '');
}

function selectOf(source: PostgresSource, pushdown?: Pushdown, columns?: string[]): { text: string; values: unknown[] } {
  const base = baseSelect(source);
  const conditions: string[] = [];
  const values: unknown[] = [];
  if (pushdown?.since) {
    values.push(pushdown.since.toISOString());
    conditions.push(`${pgIdentifier(pushdown.timestamp)} >= $${values.length}::timestamptz`);
  }
  if (pushdown?.until) {
    values.push(pushdown.until.toISOString());
    conditions.push(`${pgIdentifier(pushdown.timestamp)} < $${values.length}::timestamptz`);
  }
  const list = columns ? columns.map(pgIdentifier).join(', ') : '*';
  if (conditions.length === 0 && !columns) return { text: base, values };
  return { text: `SELECT ${list} FROM (${base}) AS trainyard_source${conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : ''}`, values };
}

/** The client reads timestamps as Dates (UTC for `timestamp` without zone) and numerics as text. */
function clientTypes(): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: string) => {
      if (oid === 1114) return (value: string) => new Date(`${value.replace(' ', 'T')}Z`);
      if (oid === 1082) return (value: string) => new Date(`${value}T00:00:00Z`);
      return pg.types.getTypeParser(oid, format as 'text');
    }) as pg.CustomTypesConfig['getTypeParser'],
  };
}

async function connect(source: PostgresSource): Promise<{ client: pg.Client; fail: (error: unknown) => never }> {
  const client = new pg.Client({ connectionString: source.url, types: clientTypes() });
  const fail = (error: unknown): never => {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new DataError(`${source.display}: cannot read from PostgreSQL (${reason})`);
  };
  await client.connect().catch(fail);
  // Time chunks are cut in UTC, as in DuckDB.
  await client.query("SET TIME ZONE 'UTC'").catch(fail);
  return { client, fail };
}

/** The source's column names, without reading a row. */
export async function postgresColumns(source: PostgresSource): Promise<string[]> {
  const { client, fail } = await connect(source);
  try {
    const result = await client.query({ text: `SELECT * FROM (${baseSelect(source)}) AS trainyard_source LIMIT 0`, rowMode: 'array' }).catch(fail);
    return result.fields.map((field) => field.name);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface LatencyPercentiles {
  p50: number;
  p95: number;
  p99: number;
}

/**
 * Latency percentiles per time chunk, computed by PostgreSQL: percentile_cont is the
 * linear interpolation of np.percentile. Keys are chunk starts in epoch microseconds.
 */
export async function postgresLatency(source: PostgresSource, pushdown: Pushdown, unit: string, latency: string): Promise<Map<number, LatencyPercentiles>> {
  const { client, fail } = await connect(source);
  try {
    const select = selectOf(source, pushdown, [pushdown.timestamp, latency]);
    const chunk = `date_trunc('${unit}', ${pgIdentifier(pushdown.timestamp)}::timestamptz)`;
    const sql = `SELECT (extract(epoch FROM ${chunk}) * 1000000)::float8 AS chunk, percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY ${pgIdentifier(latency)}::float8) AS p FROM (${select.text}) AS rows GROUP BY 1`;
    const result = await client.query({ text: sql, values: select.values }).catch(fail);
    const out = new Map<number, LatencyPercentiles>();
    for (const row of result.rows as Array<{ chunk: number; p: number[] | null }>) {
      if (row.p) out.set(Number(row.chunk), { p50: Number(row.p[0]), p95: Number(row.p[1]), p99: Number(row.p[2]) });
    }
    return out;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function loadPostgres(engine: DataEngine, name: string, source: PostgresSource, pushdown?: Pushdown): Promise<string[]> {
  const { client, fail } = await connect(source);
  try {
    const all = pushdown?.exclude?.length ? (await client.query({ text: `SELECT * FROM (${baseSelect(source)}) AS trainyard_source LIMIT 0`, rowMode: 'array' }).catch(fail)).fields.map((field) => field.name) : undefined;
    const select = selectOf(source, pushdown, all?.filter((column) => !pushdown!.exclude!.includes(column)));
    await client.query('BEGIN READ ONLY').catch(fail);
    await client.query({ text: `DECLARE trainyard_rows NO SCROLL CURSOR FOR ${select.text}`, values: select.values }).catch(fail);
    let columns: string[] | undefined;
    let appendTypes: AppendType[] = [];
    for (;;) {
      const batch = await client.query({ text: `FETCH ${BATCH} FROM trainyard_rows`, rowMode: 'array' }).catch(fail);
      if (!columns) {
        columns = batch.fields.map((field) => field.name);
        const types = batch.fields.map((field) => TYPES[field.dataTypeID] ?? { duck: 'VARCHAR', append: 'VARCHAR' as const });
        appendTypes = types.map((type) => type.append);
        const list = columns.map((column, i) => `${quoteIdentifier(column)} ${types[i]!.duck}`).join(', ');
        await engine.query(`CREATE OR REPLACE TABLE ${quoteIdentifier(name)} (${list})`);
      }
      if (batch.rows.length === 0) break;
      await engine.appendRows(name, appendTypes, batch.rows as unknown[][]);
      if (batch.rows.length < BATCH) break;
    }
    await client.query('COMMIT').catch(fail);
    return columns ?? [];
  } finally {
    await client.end().catch(() => undefined);
  }
}
