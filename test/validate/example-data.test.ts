import { appendFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateStage } from '../../src/validate/stage.ts';
import { copyExample, runCli } from '../helpers/cli.ts';

const EXAMPLE_DATA = { train: 'data/train.csv', production: 'data/production.csv', schema: 'data/schema.yml' };

describe('the flight-delays example data', () => {
  it('passes its schema, both files as one glob', async () => {
    const result = await runCli(['validate', '--data', 'examples/flight-delays/data/*.csv', '--schema', 'examples/flight-delays/data/schema.yml', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ valid: true, rows: 30000, failures: [] });
  });

  it('passes the stage `trainyard run` calls before training, train and production', async () => {
    const outcome = await validateStage({ model: 'flight-delays', data: EXAMPLE_DATA, root: path.resolve('examples/flight-delays') });
    expect(outcome?.valid).toBe(true);
    expect(outcome?.validations.map((validation) => [validation.role, validation.result.rows])).toEqual([
      ['train', 20000],
      ['production', 10000],
    ]);
  });

  it('stops the stage on a bad row, naming it', async () => {
    const root = await copyExample();
    await appendFile(path.join(root, 'data/production.csv'), '2497794,2001-06-31 10:00:00,12,300,LAS,SFO\n');
    const outcome = await validateStage({ model: 'flight-delays', data: EXAMPLE_DATA, root });
    expect(outcome?.valid).toBe(false);
    expect(outcome?.text).toContain('data/production.csv: 10,001 rows checked against data/schema.yml: 2 failed checks\n');
    expect(outcome?.text).toContain('  ✗ id unique: 1 (0.010%) expected no value twice; e.g. row 1: "2497794", row 10001: "2497794"\n');
    expect(outcome?.text).toContain('  ✗ date type: 1 (0.010%) expected a timestamp (YYYY-MM-DD hh:mm:ss); e.g. row 10001: "2001-06-31 10:00:00"\n');
  });

  it('is skipped for a model without a schema', async () => {
    expect(await validateStage({ model: 'm', data: { train: 'data/train.csv' }, root: path.resolve('examples/flight-delays') })).toBeUndefined();
  });
});

describe('the validate command', () => {
  async function folder(): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-cli-validate-'));
    await writeFile(path.join(dir, 'schema.yml'), 'columns:\n  x: { type: integer, max: 2 }\n');
    await writeFile(path.join(dir, 'data.csv'), 'x\n1\n3\n');
    await writeFile(path.join(dir, 'broken.parquet'), 'not parquet');
    return dir;
  }

  it('writes a Markdown report', async () => {
    const dir = await folder();
    const result = await runCli(['validate', '--data', 'data.csv', '--schema', 'schema.yml', '--report', 'report.md'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(await readFile(path.join(dir, 'report.md'), 'utf8')).toBe(
      [
        '## Data validation: ❌ 1 failed check',
        '',
        '`data.csv` (2 rows) against `schema.yml`.',
        '',
        '| column | check | failed | share | expected | examples | schema line |',
        '| --- | --- | ---: | ---: | --- | --- | ---: |',
        '| x | max | 1 | 50.00% | <= 2 | `row 2: "3"` | 2 |',
        '',
      ].join('\n'),
    );
  });

  it.each([
    [['--data', 'nope.csv', '--schema', 'schema.yml'], 'trainyard: nope.csv: no such file, or the glob matches nothing\n'],
    [['--data', 'data.csv', '--schema', 'nope.yml'], 'trainyard: nope.yml: no such schema file; expected a YAML data schema (trainyard schema infer writes one)\n'],
    [['--data', 'broken.parquet', '--schema', 'schema.yml'], /^trainyard: broken\.parquet: cannot read parquet data \(.+\)\n$/],
    [['--data', 'data.csv', '--schema', 'schema.yml', '--report', 'no/such/report.md'], 'trainyard: no/such/report.md: the folder no/such does not exist; expected a path in an existing folder\n'],
    [['--data', 'data.csv'], 'trainyard: --data needs --schema <file>, the data schema to check it against\n'],
  ])('refuses bad input %j in one line with exit code 2', async (args, message) => {
    const result = await runCli(['validate', ...args], { cwd: await folder() });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    if (typeof message === 'string') expect(result.stderr).toBe(message);
    else expect(result.stderr).toMatch(message);
  });
});
