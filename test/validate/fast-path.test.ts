import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataEngine } from '../../src/data/engine.ts';
import { resolveSource } from '../../src/data/format.ts';
import { integerRange } from '../../src/validate/column-sql.ts';
import { fastReadTypes } from '../../src/validate/fast-read.ts';
import { parseDataSchema } from '../../src/validate/load-schema.ts';
import type { ValidationResult } from '../../src/validate/result.ts';
import { validateData } from '../../src/validate/validate-data.ts';

const EVERY_TYPE = [
  'columns:',
  '  id: { type: integer, unique: true, min: 1, max: 100 }',
  '  amount: { type: number, min: 0, max: 10, unique: true }',
  '  code: { type: number, pattern: "^[0-9]+\\\\.[0-9]{2}$", nullable: true }',
  '  flag: { type: boolean, in: [true] , nullable: true }',
  '  day: { type: date, min: "2001-01-02" }',
  '  at: { type: timestamp, max: "2001-06-30 23:59:59", max_null_fraction: 0.1 }',
  '  name: { type: string, in: [a, b] }',
  'unique: [[name, flag]]',
  'rows: { min: 10 }',
  'checks:',
  '  - name: big',
  '    sql: SELECT * FROM data WHERE amount > 5',
  '',
].join('\n');

const HEADER = 'id,amount,code,flag,day,at,name\n';
const CLEAN = [
  '1,1.5,1.50,true,2001-01-02,2001-01-01 10:00:00,a',
  '2,12,2.5,false,2001-01-01,2001-07-01 00:00:00,b',
  '2,1.5,,TRUE,2001-03-04,,c',
  '4,7.25,3.00,,2001-01-05,2001-02-03 04:05:06,a',
  '5,-1,4.00,t,2001-01-06,2001-02-03T04:05:06,b',
].join('\n');

describe('the fast path (typed read) and the exact path (text read) give the same result', () => {
  let engine: DataEngine;
  let dir: string;

  beforeAll(async () => {
    engine = await DataEngine.open({ threads: 2 });
    dir = await mkdtemp(path.join(tmpdir(), 'trainyard-fast-'));
  });
  afterAll(() => engine.close());

  /** Validates on both paths, expects equal results and returns the fast one with the read its counts came from. */
  async function both(files: Record<string, string>, data: string, schemaText: string): Promise<{ result: ValidationResult; read: string }> {
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
    const request = { engine, source: await resolveSource(data, dir), schema: parseDataSchema(schemaText, 'schema.yml'), root: dir };
    let read = '';
    const result = await validateData({ ...request, onCounts: (used) => (read = used) });
    let exactRead = '';
    expect(JSON.stringify(await validateData({ ...request, exact: true, onCounts: (used) => (exactRead = used) }))).toBe(JSON.stringify(result));
    expect(exactRead).toBe('text');
    return { result, read };
  }

  const summary = (result: ValidationResult) => result.failures.map((failure) => `${failure.column ?? failure.name ?? 'table'} ${failure.check} ${failure.failed}`);

  it('types number, boolean and timestamp columns without a pattern in the reader, CSV and TSV only', async () => {
    const columns = parseDataSchema(EVERY_TYPE, 'schema.yml').rules.columns;
    await writeFile(path.join(dir, 'data.csv'), HEADER);
    const csv = await resolveSource('data.csv', dir);
    expect(fastReadTypes(csv, columns)).toEqual({ amount: 'DOUBLE', flag: 'BOOLEAN', at: 'TIMESTAMP' });
    expect(fastReadTypes({ ...csv, format: 'parquet' }, columns)).toEqual({});
  });

  it('counts clean data of every type on the fast path', async () => {
    const { result, read } = await both({ 'clean.csv': HEADER + CLEAN + '\n' }, 'clean.csv', EVERY_TYPE);
    expect(read).toBe('typed');
    expect(summary(result)).toEqual([
      'id unique 1',
      'amount min 1',
      'amount max 1',
      'amount unique 1',
      'code pattern 1',
      'flag in 1',
      'day min 1',
      'at max_null_fraction 1',
      'at max 1',
      'name in 1',
      'table rows 5',
      'big sql 2',
    ]);
    expect(result.failures[1]!.examples).toEqual([{ row: 5, value: '-1' }]);
  });

  it('falls back to the text read when a typed value does not parse, and still checks the row', async () => {
    const bad = CLEAN + '\n6,abc,5.00,maybe,2001-01-07,yesterday,a\n';
    const { result, read } = await both({ 'bad.csv': HEADER + bad }, 'bad.csv', EVERY_TYPE);
    expect(read).toBe('text');
    expect(summary(result)).toEqual(expect.arrayContaining(['amount type 1', 'flag type 1', 'at type 1']));
    expect(result.rows).toBe(6);
    expect(result.failures.find((failure) => failure.column === 'amount' && failure.check === 'type')!.examples).toEqual([{ row: 6, value: 'abc' }]);
  });

  // One tricky value per row of a column of each type, next to a clean number column
  // that keeps the fast path in play; whatever the reader makes of a value, both paths
  // must report the same counts and examples.
  const TRICKY = ['1.5', '1e3', '1_000', '0x1F', '+7', ' 8 ', '-0', '007', '""', '"9"', '" 10 "', '', '99999999999999999999', '1.0', 'inf', 'nan', '-Infinity', '1e400', '2001-01-01', '2001-01-01 10:00', '2001-01-01T10:00:00', '2001-01-01 10:00:00+02', '2001-02-30', 'true', 'T', 'yes', 'no', '1', '0', ' false ', 'abc'];
  it.each(['integer', 'number', 'boolean', 'date', 'timestamp', 'string'])('gives the same counts and examples for tricky text in a %s column', async (type) => {
    const rows = TRICKY.map((value, i) => `${value},${i}.5`);
    const schema = `columns:\n  v: { type: ${type}, nullable: true, unique: true }\n  x: { type: number, max: 1000 }\n`;
    const { result } = await both({ [`tricky-${type}.csv`]: `v,x\n${rows.join('\n')}\n` }, `tricky-${type}.csv`, schema);
    expect(result.rows).toBe(TRICKY.length);
  });

  it.each([
    ['numbers the reader parses', ['1.5', '1e3', '1_000', '+7', ' 8 ', '"9"', '', '-0', 'inf', '1e400'], 'typed'],
    ['a number the reader rejects', ['1.5', '0x1F'], 'text'],
    ['booleans the reader parses', ['true', 'false', 'T', 'f', 'TRUE', ''], 'typed'],
  ])('takes the typed read for %s and counts the same', async (_, values, expected) => {
    const type = values[0] === 'true' ? 'boolean' : 'number';
    const schema = `columns:\n  v: { type: ${type}, nullable: true }\n  n: { type: integer, max: 3 }\n`;
    const data = `v,n\n${values.map((value, i) => `${value},${i}`).join('\n')}\n`;
    const { read } = await both({ [`read-${expected}-${type}.csv`]: data }, `read-${expected}-${type}.csv`, schema);
    expect(read).toBe(expected);
  });

  it('keeps integers and dates strict on the fast path', async () => {
    const text = 'n,d,x\n1,2001-01-01,1.5\n1.5,2001-01-01 10:00,2\n1e3,2001-1-1,3\n+7,20010101,4\n007,2001-01-01,5\n1_000,2001-01-01,6\n';
    const { result, read } = await both({ 'strict.csv': text }, 'strict.csv', 'columns:\n  n: { type: integer }\n  d: { type: date }\n  x: { type: number }\n');
    expect(read).toBe('typed');
    expect(summary(result)).toEqual(['n type 3', 'd type 2']);
    expect(result.failures[0]!.examples.map((example) => example.value)).toEqual(['1.5', '1e3', '1_000']);
  });

  it('gives the same result on the penguins with planted defects', async () => {
    const data = await readFile('test/fixtures/validate/penguins-defects.csv', 'utf8');
    const schema = await readFile('test/fixtures/validate/penguins-schema.yml', 'utf8');
    const { result } = await both({ 'penguins.csv': data }, 'penguins.csv', schema);
    expect(result.valid).toBe(false);
    expect(result.failures.length).toBeGreaterThan(5);
  });

  it.each([
    ['clean', '7,2.5,x\n', 'typed'],
    ['with a bad number', '7,2.5.1,x\n', 'text'],
  ])('gives the same result on shards, one lacking a column (%s)', async (_, last, expected) => {
    const files = { 'shard-1.csv': 'id,amount,name\n1,1.5,a\n2,-3,b\n', 'shard-2.csv': 'amount,id\n4,3\n11,1\n', 'shard-3.csv': `id,amount,name\n${last}` };
    const schema = 'columns:\n  id: { type: integer, unique: true }\n  amount: { type: number, min: 0, max: 10 }\n  name: { type: string, nullable: true }\n';
    const { result, read } = await both(files, 'shard-*.csv', schema);
    expect(read).toBe(expected);
    expect(result.rows).toBe(5);
    expect(result.failures.find((failure) => failure.check === 'min')!.examples).toEqual([{ file: 'shard-1.csv', row: 2, value: '-3' }]);
  });

  it('reports a typed column that the data lacks as missing, on the fast path', async () => {
    const { result, read } = await both({ 'lacks.csv': 'a,b\n1,2\n' }, 'lacks.csv', 'columns:\n  a: { type: integer }\n  z: { type: number }\n');
    expect(read).toBe('typed');
    expect(summary(result)).toEqual(['z missing_column 1']);
  });

  it('reads TSV on the fast path', async () => {
    const { result, read } = await both({ 'rows.tsv': 'a\tb\n1.5\ttrue\n-2\tfalse\n' }, 'rows.tsv', 'columns:\n  a: { type: number, min: 0 }\n  b: { type: boolean }\n');
    expect(read).toBe('typed');
    expect(summary(result)).toEqual(['a min 1']);
  });

  it('finds examples beyond the first rows read for examples', async () => {
    const values = Array.from({ length: 70_000 }, (_, i) => (i === 69_990 ? 500 : i % 7));
    const { result } = await both({ 'late.csv': `v\n${values.join('\n')}\n` }, 'late.csv', 'columns:\n  v: { type: integer, in: [0, 1, 2, 3, 4, 5, 6] }\n');
    expect(result.failures[0]!.examples).toEqual([{ row: 69_991, value: '500' }]);
  });
});

describe('an integer `in` list that is a whole range', () => {
  it.each([
    [[1, 2, 3, 4, 5, 6, 7, 8], [1, 8]],
    [[3, 1, 2, 2], [1, 3]],
    [[-1, 0, 1], [-1, 1]],
    [[5], [5, 5]],
    [[1, 3], undefined],
    [[1, 2.5, 3], undefined],
    [['1', '2'], undefined],
  ])('%j is the range %j', (values, range) => {
    expect(integerRange(values)).toEqual(range);
  });
});
