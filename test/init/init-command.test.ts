import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintWorkflows } from '../../scripts/actionlint.ts';
import { loadConfig } from '../../src/config/load.ts';
import { checkFile } from '../../src/workflows/rules.ts';
import { runCli } from '../helpers/cli.ts';

/** The example as a new user has it: a repository named flight-delays without trainyard's files. */
async function freshRepository(): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(tmpdir(), 'trainyard-init-')), 'flight-delays');
  await cp(path.resolve('examples/flight-delays'), dir, { recursive: true, filter: (source) => !source.includes(`${path.sep}.trainyard`) });
  await rm(path.join(dir, '.github'), { recursive: true, force: true });
  return dir;
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const walk = async (sub: string) => {
    for (const entry of await readdir(path.join(dir, sub), { withFileTypes: true }).catch(() => [])) {
      const relative = path.join(sub, entry.name);
      if (entry.isDirectory()) await walk(relative);
      else files[relative] = await readFile(path.join(dir, relative), 'utf8');
    }
  };
  await walk('.github');
  return files;
}

describe('trainyard init', () => {
  it('sets up a fresh copy of the example with files that pass the config schema, actionlint and the workflow rules', async () => {
    const dir = await freshRepository();
    const result = await runCli(['init', '--yes'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('wrote .github/trainyard.yml');
    expect(result.stdout).toMatch(/Next steps:\n {2}1\. Install the trainyard GitHub App/);
    const loaded = await loadConfig(path.join(dir, '.github/trainyard.yml'));
    expect(loaded.config.models['flight-delays']).toMatchObject({ task: 'binary', data: { train: 'data/train.csv', production: 'data/production.csv', schema: 'data/schema.yml' }, training: { command: 'python train.py' } });
    expect(await lintWorkflows(dir)).toEqual([]);
    const workflows = await readdir(path.join(dir, '.github/workflows'));
    expect(workflows.sort()).toEqual(['trainyard-drift.yml', 'trainyard-pr.yml', 'trainyard-release.yml', 'trainyard-retrain.yml']);
    for (const name of workflows) {
      const file = `.github/workflows/${name}`;
      expect(checkFile(file, await readFile(path.join(dir, file), 'utf8'), 'workflow')).toEqual([]);
    }
    expect((await runCli(['config', 'check'], { cwd: dir })).code).toBe(0);
  });

  it('infers a data schema when the repository has none, and the data passes it', async () => {
    const dir = await freshRepository();
    await rm(path.join(dir, 'data', 'schema.yml'));
    const result = await runCli(['init', '--yes'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('wrote data/schema.yml');
    const loaded = await loadConfig(path.join(dir, '.github/trainyard.yml'));
    expect(loaded.config.models['flight-delays']!.data.schema).toBe('data/schema.yml');
    const schema = await readFile(path.join(dir, 'data', 'schema.yml'), 'utf8');
    expect(schema).toMatch(/^ {2}id: \{ type: integer, min: \d+, max: \d+, unique: true \}$/m);
    expect(schema).toMatch(/^ {2}origin: \{ type: string/m);
    for (const data of ['data/train.csv', 'data/production.csv']) {
      const validated = await runCli(['validate', '--data', data, '--schema', 'data/schema.yml'], { cwd: dir });
      expect(validated.code, validated.stdout + validated.stderr).toBe(0);
    }
  });

  it('never overwrites without --force, and writes nothing when one file exists', async () => {
    const dir = await freshRepository();
    await mkdir(path.join(dir, '.github/workflows'), { recursive: true });
    await writeFile(path.join(dir, '.github/workflows/trainyard-pr.yml'), 'mine\n');
    const result = await runCli(['init', '--model', 'delays'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('trainyard: .github/workflows/trainyard-pr.yml already exists; nothing was written (use --force to replace)\n');
    expect(await snapshot(dir)).toEqual({ '.github/workflows/trainyard-pr.yml': 'mine\n' });

    const forced = await runCli(['init', '--model', 'delays', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    const files = await snapshot(dir);
    expect(Object.keys(files).sort()).toEqual(['.github/trainyard.yml', ...['drift', 'pr', 'release', 'retrain'].map((name) => `.github/workflows/trainyard-${name}.yml`)]);
    expect(files['.github/workflows/trainyard-pr.yml']).toContain('model: "delays"');
  });

  it('takes flags in place of what it finds', async () => {
    const dir = await freshRepository();
    const result = await runCli(['init', '--model', 'late', '--task', 'regression', '--command', 'node train.mjs', '--data', 'data/production.csv'], { cwd: dir });
    expect(result.code).toBe(0);
    const loaded = await loadConfig(path.join(dir, '.github/trainyard.yml'));
    expect(loaded.config.models.late).toMatchObject({ task: 'regression', data: { train: 'data/production.csv' }, training: { command: 'node train.mjs' } });
  });

  it('explains in one line what is missing in a repository without data', async () => {
    const dir = await freshRepository();
    await rm(path.join(dir, 'data'), { recursive: true });
    await rm(path.join(dir, 'monitoring'), { recursive: true, force: true });
    const result = await runCli(['init', '--yes'], { cwd: dir });
    expect(result).toMatchObject({ code: 2, stdout: '', stderr: 'trainyard: no training data found (CSV, TSV, Parquet, JSON Lines); pass --data <file|dir|glob>\n' });
    expect(await snapshot(dir)).toEqual({});
  });

  it('refuses a bad model name before writing anything', async () => {
    const dir = await freshRepository();
    const result = await runCli(['init', '--model', 'Flight Delays'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('model name "Flight Delays" is invalid');
    expect(await snapshot(dir)).toEqual({});
  });
});
