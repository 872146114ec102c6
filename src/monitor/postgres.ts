/**
 * A PostgreSQL table or query as a DuckDB table: rows are fetched through a server-side
 * cursor in batches and appended to DuckDB, typed from PostgreSQL's column types. A
 * time window (`--since`, `--until`) is applied in PostgreSQL, so rows outside it never
 * cross the wire.
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

function selectOf(source: PostgresSource, pushdown?: { timestamp: string; since?: Date; until?: Date }): { text: string; values: unknown[] } {
  const base = source.table !== undefined ? `SELECT * FROM ${pgIdentifier(source.table)}` : source.query!.replace(/;\s*$/, '');
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
  if (conditions.length === 0) return { text: base, values };
  return { text: `SELECT * FROM (${base}) AS trainyard_source WHERE ${conditions.join(' AND ')}`, values };
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

export async function loadPostgres(engine: DataEngine, name: string, source: PostgresSource, pushdown?: { timestamp: string; since?: Date; until?: Date }): Promise<string[]> {
  const client = new pg.Client({ connectionString: source.url, types: clientTypes() });
  const fail = (error: unknown): never => {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new DataError(`${source.display}: cannot read from PostgreSQL (${reason})`);
  };
  await client.connect().catch(fail);
  try {
    const select = selectOf(source, pushdown);
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
