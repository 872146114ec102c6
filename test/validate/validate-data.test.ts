import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataEngine } from '../../src/data/engine.ts';
import { resolveSource } from '../../src/data/format.ts';
import { parseDataSchema } from '../../src/validate/load-schema.ts';
import type { ValidationResult } from '../../src/validate/result.ts';
import { validateData } from '../../src/validate/validate-data.ts';

describe('validating data', () => {
  let engine: DataEngine;
  let dir: string;

  beforeAll(async () => {
    engine = await DataEngine.open({ threads: 2 });
    dir = await mkdtemp(path.join(tmpdir(), 'trainyard-validate-'));
  });
  afterAll(() => engine.close());

  async function check(files: Record<string, string>, data: string, schema: string): Promise<ValidationResult> {
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
    return validateData({ engine, source: await resolveSource(data, dir), schema: parseDataSchema(schema, 'schema.yml'), root: dir });
  }

  const summary = (result: ValidationResult) => result.failures.map((failure) => `${failure.column ?? failure.name ?? 'table'} ${failure.check} ${failure.failed}`);

  it('names the shard and its own data row in examples of sharded data', async () => {
    const result = await check({ 'part-1.csv': 'x\n1\n2\n', 'part-2.csv': 'x\n3\n-4\n5\n-6\n' }, 'part-*.csv', 'columns:\n  x: { type: integer, min: 0 }\n');
    expect(result.rows).toBe(6);
    expect(result.failures[0]!.examples).toEqual([
      { file: 'part-2.csv', row: 2, value: '-4' },
      { file: 'part-2.csv', row: 4, value: '-6' },
    ]);
  });

  it('counts each unparseable value and still checks the values that parse', async () => {
    const result = await check({ 'ints.csv': 'n\n1\n1.5\n1e3\nabc\n99\n7\n+2\n007\n' }, 'ints.csv', 'columns:\n  n: { type: integer, max: 10 }\n');
    expect(summary(result)).toEqual(['n type 3', 'n max 1']);
    expect(result.failures[0]!.examples.map((example) => example.value)).toEqual(['1.5', '1e3', 'abc']);
    expect(result.failures[0]!.fraction).toBeCloseTo(3 / 8, 12);
  });

  it.each(['parquet', 'jsonl', 'json', 'tsv'])('reads %s with row numbers', async (format) => {
    const file = path.join(dir, `rows.${format}`);
    const texts: Record<string, string> = {
      jsonl: '{"k": 1, "s": "a"}\n{"k": 2, "s": "b"}\n{"k": 2, "s": "zz"}\n',
      json: '[{"k": 1, "s": "a"}, {"k": 2, "s": "b"}, {"k": 2, "s": "zz"}]',
      tsv: 'k\ts\n1\ta\n2\tb\n2\tzz\n',
    };
    if (format === 'parquet') await engine.query(`COPY (SELECT * FROM (VALUES (1, 'a'), (2, 'b'), (2, 'zz')) t(k, s)) TO '${file}' (FORMAT parquet)`);
    else await writeFile(file, texts[format]!);
    const result = await validateData({ engine, source: await resolveSource(file, dir), schema: parseDataSchema('columns:\n  k: { type: integer, unique: true, max: 1 }\n  s: { type: string, pattern: "^[a-z]$" }\n', 's.yml'), root: dir });
    expect(summary(result)).toEqual(['k max 2', 'k unique 1', 's pattern 1']);
    // Typed formats show values as stored (numbers); text formats as written.
    const two = format === 'tsv' ? '2' : 2;
    expect(result.failures[0]!.examples).toEqual([
      { row: 2, value: two },
      { row: 3, value: two },
    ]);
    expect(result.failures[1]!.examples).toEqual(result.failures[0]!.examples);
    expect(result.failures[2]!.examples).toEqual([{ row: 3, value: 'zz' }]);
  });

  it('parses a Parquet column stored as text like a CSV column', async () => {
    const file = path.join(dir, 'text.parquet');
    await engine.query(`COPY (SELECT * FROM (VALUES ('1'), ('x'), ('30')) t(n)) TO '${file}' (FORMAT parquet)`);
    const result = await validateData({ engine, source: await resolveSource(file, dir), schema: parseDataSchema('columns:\n  n: { type: integer, max: 10 }\n', 's.yml'), root: dir });
    expect(summary(result)).toEqual(['n type 1', 'n max 1']);
    expect(result.failures[0]!.examples).toEqual([{ row: 2, value: 'x' }]);
  });

  it('reports missing and, under strict, extra columns', async () => {
    const result = await check({ 'cols.csv': 'a,c\n1,2\n' }, 'cols.csv', 'columns:\n  a: { type: integer }\n  b: { type: integer }\nstrict: true\n');
    expect(summary(result)).toEqual(['b missing_column 1', 'c extra_column 1']);
    expect(result.failures[1]!.position).toEqual({ line: 4, column: 1 });
  });

  it('holds value checks to `mostly`, the share of non-null values that must pass', async () => {
    const data = { 'mostly.csv': `v\n${[1, 2, 3, 4, 5, 6, 7, 8, 50, ''].join('\n')}\n` };
    expect((await check(data, 'mostly.csv', 'columns:\n  v: { type: integer, max: 10, mostly: 0.88, nullable: true }\n')).valid).toBe(true);
    expect(summary(await check(data, 'mostly.csv', 'columns:\n  v: { type: integer, max: 10, mostly: 0.9, nullable: true }\n'))).toEqual(['v max 1']);
  });

  it('checks nulls against nullable and max_null_fraction', async () => {
    const data = { 'nulls.csv': 'a,b\n1,\n,x\n,y\n4,z\n' };
    const result = await check(data, 'nulls.csv', 'columns:\n  a: { type: integer, max_null_fraction: 0.25 }\n  b: { type: string }\n');
    expect(summary(result)).toEqual(['a max_null_fraction 2', 'b nullable 1']);
    expect(result.failures.map((failure) => failure.fraction)).toEqual([0.5, 0.25]);
    expect(result.failures[1]!.examples).toEqual([{ row: 1, value: null }]);
  });

  it('checks dates, timestamps and booleans by their type', async () => {
    const data = { 'when.csv': 'd,t,ok\n2001-01-05,2001-01-05 10:00:00,true\n2001-01-05 10:00,2001-02-30 10:00:00,maybe\n2000-12-31,2000-12-31 23:59:59,false\n' };
    const schema = 'columns:\n  d: { type: date, min: "2001-01-01" }\n  t: { type: timestamp, min: "2001-01-01 00:00:00" }\n  ok: { type: boolean }\n';
    expect(summary(await check(data, 'when.csv', schema))).toEqual(['d type 1', 'd min 1', 't type 1', 't min 1', 'ok type 1']);
  });

  it('counts rows whose value repeats an earlier one, exactly, with or without integer bounds', async () => {
    const values = [5, 1, 2, 2, 3, 3, 3, 100, 100, -7, -7, ''];
    const data = { 'dups.csv': `id\n${values.join('\n')}\n` };
    const bounded = await check(data, 'dups.csv', 'columns:\n  id: { type: integer, unique: true, min: 1, max: 10, nullable: true }\n');
    const open = await check(data, 'dups.csv', 'columns:\n  id: { type: integer, unique: true, nullable: true }\n');
    expect(summary(bounded)).toEqual(['id min 2', 'id max 2', 'id unique 5']);
    expect(summary(open)).toEqual(['id unique 5']);
  });

  it('checks compound keys, row counts and SQL checks over typed columns', async () => {
    const data = { 'keys.csv': 'a,b,n\n1,x,5\n1,y,6\n1,x,7\n2,x,\n' };
    const schema = [
      'columns:',
      '  a: { type: integer }',
      '  b: { type: string }',
      '  n: { type: integer, nullable: true }',
      'unique: [[a, b]]',
      'rows: { max: 3 }',
      'checks:',
      '  - name: big-n',
      '    sql: SELECT * FROM data WHERE n > 5;',
    ].join('\n');
    const result = await check(data, 'keys.csv', schema);
    expect(summary(result)).toEqual(['table rows 1', 'a, b unique 1', 'big-n sql 2']);
    expect(result.failures[1]!.examples).toEqual([
      { row: 1, value: { a: '1', b: 'x' } },
      { row: 3, value: { a: '1', b: 'x' } },
    ]);
    expect(result.failures[2]!.examples).toEqual([
      { row: 2, value: { a: 1, b: 'y', n: 6 } },
      { row: 3, value: { a: 1, b: 'x', n: 7 } },
    ]);
  });
});
