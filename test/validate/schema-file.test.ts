import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDataSchema } from '../../src/validate/load-schema.ts';
import { runCli } from '../helpers/cli.ts';

describe('reading a data schema', () => {
  it('keeps the rules and where each sits', () => {
    const schema = parseDataSchema('columns:\n  id: { type: integer, unique: true }\n  x:\n    type: number\n    max: 3\nrows: { min: 1 }\n', 's.yml');
    expect(schema.rules.columns.x).toEqual({ type: 'number', max: 3 });
    expect(schema.positions['x.max']).toEqual({ line: 5, column: 5 });
    expect(schema.positions['id.unique']).toEqual({ line: 2, column: 24 });
    expect(schema.positions.rows).toEqual({ line: 6, column: 1 });
  });

  it.each([
    ['a misspelt column rule', 'columns:\n  id: { type: integer, uniqe: true }\n', 's.yml:2:24: columns.id.uniqe: unknown key; did you mean "unique"?'],
    ['a misspelt top-level key', 'colums:\n  id: { type: integer }\n', 's.yml:1:1: colums: unknown key; did you mean "columns"?'],
    ['an unknown type', 'columns:\n  id: { type: int }\n', 's.yml:2:15: columns.id.type: expected one of "string", "integer", "number", "boolean", "date", "timestamp", got "int"'],
    ['a bound of the wrong kind', 'columns:\n  n: { type: integer, min: "low" }\n', 's.yml:2:28: columns.n.min: expected an integer for an integer column, got "low"'],
    ['min above max', 'columns:\n  n: { type: number, min: 5, max: 1 }\n', 's.yml:2:27: columns.n.min: min 5 is above max 1'],
    ['a range on text', 'columns:\n  s: { type: string, max: 3 }\n', 's.yml:2:27: columns.s.max: max applies to integer, number, date and timestamp columns, not string'],
    ['an allowed value of another type', 'columns:\n  c: { type: integer, in: [1, two] }\n', 's.yml:2:31: columns.c.in.1: expected an integer for an integer column, got "two"'],
    ['a date that is no date', 'columns:\n  d: { type: date, min: "31/01/2001" }\n', 's.yml:2:25: columns.d.min: expected a date such as "2001-01-31" for a date column, got "31/01/2001"'],
    ['nulls both refused and allowed', 'columns:\n  x: { type: number, nullable: false, max_null_fraction: 0.1 }\n', 's.yml:2:58: columns.x.max_null_fraction: contradicts nullable: false; drop one of them'],
    ['a share above 1', 'columns:\n  x: { type: number, mostly: 2 }\n', 's.yml:2:30: columns.x.mostly: expected a number <= 1, got 2'],
    ['a compound key over an unknown column', 'columns:\n  a: { type: string }\nunique: [[a, b]]\n', 's.yml:3:14: unique.0.1: unknown column "b"; expected one of the schema\'s columns: a'],
    ['a check without SQL', 'columns: {}\nchecks:\n  - name: x\n', 's.yml:3:5: checks.0.sql: missing; expected a string'],
    ['an empty file', '', 's.yml: the file is empty; expected a mapping with a "columns" key'],
    ['broken YAML', 'columns: [\n', 's.yml:2:1: invalid YAML'],
  ])('refuses %s, naming file:line:col and key', (_, text, message) => {
    expect(() => parseDataSchema(text, 's.yml')).toThrow(message);
  });
});

describe('schema errors found while validating', () => {
  async function project(schema: string): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-schema-'));
    await writeFile(path.join(dir, 'data.csv'), 'a,b\n1,x\n2,y\n');
    await writeFile(path.join(dir, 'schema.yml'), schema);
    return dir;
  }

  it.each([
    ['a pattern RE2 refuses', 'columns:\n  b: { type: string, pattern: "(?=x)" }\n', 'trainyard: schema.yml:2:22: columns.b.pattern: not a valid RE2 regular expression ('],
    ['a SQL check that does not run', 'columns:\n  a: { type: integer }\nchecks:\n  - name: broken\n    sql: SELECT * FROM data WHERE nope > 1\n', 'trainyard: schema.yml:4:5: checks.0.sql: the query of check "broken" fails: Binder Error: Referenced column "nope" not found'],
  ])('reports %s at its line, exit code 2', async (_, schema, message) => {
    const result = await runCli(['validate', '--data', 'data.csv', '--schema', 'schema.yml'], { cwd: await project(schema) });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.startsWith(message)).toBe(true);
    expect(result.stderr.split('\n')).toHaveLength(2);
  });
});
