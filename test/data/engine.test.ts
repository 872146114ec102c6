import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataEngine } from '../../src/data/engine.ts';
import { formatOf, resolveSource } from '../../src/data/format.ts';

describe('the data engine', () => {
  let engine: DataEngine;
  let dir: string;

  beforeAll(async () => {
    engine = await DataEngine.open({ threads: 2 });
    dir = await mkdtemp(path.join(tmpdir(), 'trainyard-data-'));
    await writeFile(path.join(dir, 'a.csv'), 'x,y\n1,a\n2,b\n');
    await writeFile(path.join(dir, 'b.csv'), 'x,y\n3,c\n');
    await writeFile(path.join(dir, 'rows.jsonl'), '{"x": 1, "y": "a"}\n{"x": 2, "y": null}\n');
    await writeFile(path.join(dir, 'broken.parquet'), 'not parquet');
  });
  afterAll(() => engine.close());

  it.each([
    ['data.csv', 'csv'],
    ['data.csv.gz', 'csv'],
    ['data.TSV', 'tsv'],
    ['part-0.parquet', 'parquet'],
    ['rows.ndjson', 'jsonl'],
    ['rows.json', 'json'],
    ['notes.txt', undefined],
  ])('knows %s as %s', (file, format) => {
    expect(formatOf(file)).toBe(format);
  });

  it('reads a glob of CSV shards as one table', async () => {
    await engine.register('shards', await resolveSource('*.csv', dir));
    expect(await engine.query('SELECT sum(x) AS total, count(*) AS n FROM shards')).toEqual([{ total: 6n, n: 3n }]);
  });

  it('reads real Parquet with its types, or every column as text', async () => {
    const flights = await resolveSource('node_modules/vega-datasets/data/flights-3m.parquet', process.cwd());
    await engine.register('flights', flights);
    expect((await engine.columns('flights')).map((column) => column.type)).toEqual(['TIMESTAMP', 'BIGINT', 'BIGINT', 'VARCHAR', 'VARCHAR']);
    await engine.register('flights_text', flights, { allVarchar: true });
    expect(new Set((await engine.columns('flights_text')).map((column) => column.type))).toEqual(new Set(['VARCHAR']));
    expect(await engine.query('SELECT count(*) AS n FROM flights_text')).toEqual([{ n: 3000000n }]);
  });

  it('reads JSON Lines', async () => {
    await engine.register('rows', await resolveSource('rows.jsonl', dir));
    expect(await engine.query('SELECT count(y) AS present FROM rows')).toEqual([{ present: 1n }]);
  });

  it('names the source of unreadable data', async () => {
    await expect(engine.register('broken', await resolveSource('broken.parquet', dir))).rejects.toThrow(/^broken\.parquet: cannot read parquet data \(/);
  });

  it('refuses a glob that matches nothing, or mixed formats', async () => {
    await expect(resolveSource('*.parquet.missing', dir)).rejects.toThrow('*.parquet.missing: no such file, or the glob matches nothing');
    await expect(resolveSource(['a.csv', 'rows.jsonl'], dir)).rejects.toThrow('a.csv, rows.jsonl: mixes formats (csv, jsonl); expected one format per source');
  });
});
