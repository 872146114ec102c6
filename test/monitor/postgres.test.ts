/**
 * A prediction log, its labels and the reference in PostgreSQL give the same
 * `trainyard monitor --json` as Parquet files of the same rows. The server is a real
 * PostgreSQL from Debian's binaries (test/helpers/postgres.ts).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataEngine, quoteLiteral } from '../../src/data/engine.ts';
import type { MonitorResult } from '../../src/monitor/types.ts';
import { runCli } from '../helpers/cli.ts';
import { POSTGRES_MISSING, startPostgres, type PostgresServer } from '../helpers/postgres.ts';
import { expectSameResult } from './same-result.ts';

const FIXTURES = path.resolve('test/fixtures/monitor');
const server: PostgresServer | null = await startPostgres();
if (!server) console.warn(`skipping the PostgreSQL monitoring tests: ${POSTGRES_MISSING}`);

const TABLES = {
  predictions: { file: 'log.csv', columns: 'id text, "timestamp" timestamptz, score double precision, x1 double precision, x2 double precision, cat text, latency_ms double precision' },
  labels: { file: 'labels.csv', columns: 'id text, label integer' },
  reference: { file: 'reference.csv', columns: 'id text, "timestamp" timestamptz, score double precision, x1 double precision, x2 double precision, cat text, latency_ms double precision, label integer' },
} as const;

describe.skipIf(!server)('trainyard monitor over PostgreSQL', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'trainyard-monitor-pg-'));
    const engine = await DataEngine.open();
    const client = new pg.Client({ connectionString: server!.url });
    await client.connect();
    try {
      for (const [table, { file, columns }] of Object.entries(TABLES)) {
        const reader = `read_csv(${quoteLiteral(path.join(FIXTURES, file))})`;
        await engine.query(`COPY (SELECT * FROM ${reader}) TO ${quoteLiteral(path.join(dir, `${table}.parquet`))} (FORMAT parquet)`);
        const rows = await engine.query(`SELECT * FROM ${reader}`);
        await client.query(`CREATE TABLE ${table} (${columns})`);
        const names = Object.keys(rows[0]!);
        for (let start = 0; start < rows.length; start += 500) {
          const batch = rows.slice(start, start + 500);
          const values = batch.flatMap((row) => names.map((name) => (row[name] instanceof Date ? (row[name] as Date).toISOString() : typeof row[name] === 'bigint' ? Number(row[name]) : row[name])));
          const tuples = batch.map((_, r) => `(${names.map((__, c) => `$${r * names.length + c + 1}`).join(', ')})`);
          await client.query(`INSERT INTO ${table} (${names.map((n) => `"${n}"`).join(', ')}) VALUES ${tuples.join(', ')}`, values);
        }
      }
    } finally {
      await client.end();
      engine.close();
    }
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
  });

  /** The result less the reference's source, which names the file or the database. */
  const counted = (result: MonitorResult): MonitorResult => ({ ...result, reference: { rows: result.reference.rows, chunks: result.reference.chunks } });

  async function monitor(args: string[], schema = true): Promise<MonitorResult> {
    const run = await runCli(['monitor', ...args, ...(schema ? ['--schema', path.join(FIXTURES, 'schema.yml')] : []), '--json'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    return JSON.parse(run.stdout) as MonitorResult;
  }

  it('gives the same JSON as the Parquet files of the same rows (tables, and a query for the labels)', async () => {
    const url = server!.url;
    const files = await monitor(['--predictions', 'predictions.parquet', '--labels', 'labels.parquet', '--reference', 'reference.parquet']);
    const database = await monitor([
      '--predictions',
      `${url}?table=predictions`,
      '--labels',
      `${url}?query=${encodeURIComponent('SELECT id, label FROM labels')}`,
      '--reference',
      `${url}?table=public.reference`,
    ]);
    expect(files.chunks.length).toBe(6);
    // The reference's source names where it was read; the rest is the same.
    expect([files.reference.source, database.reference.source]).toEqual(['reference.parquet', `${url}?table=public.reference`]);
    expectSameResult(counted(database), counted(files));
  }, 180_000);

  it('applies --since and --until, and computes latency percentiles, in PostgreSQL', async () => {
    const url = server!.url;
    const window = ['--since', '2024-02-12', '--until', '2024-03-11'];
    const files = await monitor(['--predictions', 'predictions.parquet', '--labels', 'labels.parquet', '--reference', 'reference.parquet', ...window], false);
    const database = await monitor(['--predictions', `${url}?table=predictions`, '--labels', `${url}?table=labels`, '--reference', `${url}?table=reference`, ...window], false);
    expect(database.chunks.every((chunk) => chunk.latency !== null)).toBe(true);
    expect(files.chunks.map((chunk) => chunk.start)).toEqual(['2024-02-12T00:00:00.000Z', '2024-02-19T00:00:00.000Z', '2024-02-26T00:00:00.000Z', '2024-03-04T00:00:00.000Z']);
    expectSameResult(counted(database), counted(files));
  }, 180_000);

  it('names the database and the reason when it cannot read', async () => {
    const run = await runCli(['monitor', '--predictions', `${server!.url}?table=missing_table`, '--reference', 'reference.parquet'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^trainyard: postgres:\/\/trainyard@127\.0\.0\.1:\d+\/postgres\?table=missing_table: cannot read from PostgreSQL \(relation "missing_table" does not exist\)\n$/);
  }, 60_000);
});
