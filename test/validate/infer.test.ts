import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataEngine } from '../../src/data/engine.ts';
import { resolveSource } from '../../src/data/format.ts';
import { inferSchema } from '../../src/validate/infer.ts';
import { parseDataSchema } from '../../src/validate/load-schema.ts';
import { runCli } from '../helpers/cli.ts';

describe('inferring a schema', () => {
  let engine: DataEngine;
  beforeAll(async () => {
    engine = await DataEngine.open({ threads: 2 });
  });
  afterAll(() => engine.close());

  it('learns types, nulls, ranges and small domains from the real penguins', async () => {
    const source = await resolveSource('node_modules/vega-datasets/data/penguins.json', process.cwd());
    const inferred = await inferSchema(engine, source);
    expect(inferred.rows).toBe(344);
    expect(inferred.columns).toEqual({
      Species: { type: 'string', in: ['Adelie', 'Chinstrap', 'Gentoo'] },
      Island: { type: 'string', in: ['Biscoe', 'Dream', 'Torgersen'] },
      'Beak Length (mm)': { type: 'number', nullable: true, min: 32.1, max: 59.6 },
      'Beak Depth (mm)': { type: 'number', nullable: true, min: 13.1, max: 21.5 },
      'Flipper Length (mm)': { type: 'integer', nullable: true, min: 172, max: 231 },
      'Body Mass (g)': { type: 'integer', nullable: true, min: 2700, max: 6300 },
      Sex: { type: 'string', nullable: true, in: ['.', 'FEMALE', 'MALE'] },
    });
  });

  it('marks uniqueness where it holds, dates, booleans and no domain for values that never repeat', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-infer-'));
    await writeFile(path.join(dir, 'd.csv'), 'id,name,day,flag\n1,ann,2001-01-02,true\n2,bob,2001-01-01,false\n3,cid,2001-01-03,true\n');
    const inferred = await inferSchema(engine, await resolveSource('d.csv', dir));
    expect(inferred.columns).toEqual({
      id: { type: 'integer', min: 1, max: 3, unique: true },
      name: { type: 'string', unique: true },
      day: { type: 'date', min: '2001-01-01', max: '2001-01-03' },
      flag: { type: 'boolean' },
    });
  });

  it('writes a schema that its own data passes', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-infer-'));
    const data = path.resolve('examples/flight-delays/data/train.csv');
    const written = await runCli(['schema', 'infer', '--data', data, '--out', 'schema.yml'], { cwd: dir });
    expect(written).toEqual({ code: 0, stdout: 'Schema written to schema.yml\n', stderr: '' });
    const text = await readFile(path.join(dir, 'schema.yml'), 'utf8');
    expect(text).toContain('  date: { type: timestamp, min: "2001-01-01 00:04:00", max: "2001-03-31 22:49:00" }\n');
    expect(parseDataSchema(text, 'schema.yml').rules.columns.id).toEqual({ type: 'integer', min: 14, max: 1477817, unique: true });
    const checked = await runCli(['validate', '--data', data, '--schema', 'schema.yml'], { cwd: dir });
    expect(checked.code).toBe(0);
  });
});
