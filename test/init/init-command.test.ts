import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintWorkflows } from '../../scripts/actionlint.ts';
import { loadConfig } from '../../src/config/load.ts';
import { checkFile } from '../../src/workflows/rules.ts';
import { runCli } from '../helpers/cli.ts';
import { promisify } from 'node:util';

const exec = promisify(execFile);

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
    expect(result.stdout).toMatch(/Next steps:\n {2}1\. Run the pipeline here: `npx trainyard config check`, then `npx trainyard run`\.\n {2}2\. Register your own trainyard GitHub App/);
    // Documentation is linked where it lives, not as a path of the user's repository.
    expect(result.stdout).toContain('https://github.com/trainyard/trainyard/blob/v1/docs/app.md');
    expect(result.stdout).not.toMatch(/\((docs|runner-images)\//);
    const loaded = await loadConfig(path.join(dir, '.github/trainyard.yml'));
    expect(loaded.config.models['flight-delays']).toMatchObject({ task: 'binary', data: { train: 'data/train.csv', production: 'data/production.csv', schema: 'data/schema.yml' }, training: { command: 'python train.py' } });
    // No evaluation section until the team names its id and label and holds those rows out: a guessed one fails `run`.
    expect(loaded.config.models['flight-delays']!.evaluation).toBeUndefined();
    expect(await readFile(path.join(dir, '.github/trainyard.yml'), 'utf8')).toContain('    # evaluation:\n    #   split: { fraction: 0.2 }\n');
    expect(await lintWorkflows(dir)).toEqual([]);
    const workflows = await readdir(path.join(dir, '.github/workflows'));
    expect(workflows.sort()).toEqual(['trainyard-drift.yml', 'trainyard-monitor.yml', 'trainyard-pr.yml', 'trainyard-release.yml', 'trainyard-retrain.yml']);
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

  it('starts with a policy that forbids a regression of the main metric, never an empty one', async () => {
    for (const [task, metric, rule] of [
      ['binary', 'roc_auc', { greater_is_better: true, threshold: 0.5, min_relative_change: 0 }],
      ['multiclass', 'accuracy', { greater_is_better: true, min_relative_change: 0 }],
      ['regression', 'rmse', { greater_is_better: false, min_relative_change: 0 }],
    ] as const) {
      const dir = await freshRepository();
      expect((await runCli(['init', '--yes', '--task', task], { cwd: dir })).code).toBe(0);
      const { config } = await loadConfig(path.join(dir, '.github/trainyard.yml'));
      expect(config.models['flight-delays']!.metrics.policy).toEqual({ [metric]: rule });
    }
  });

  it('adds .trainyard/ to .gitignore once, keeping what was there', async () => {
    const dir = await freshRepository();
    await writeFile(path.join(dir, '.gitignore'), '__pycache__/');
    const result = await runCli(['init', '--yes'], { cwd: dir });
    expect(result.stdout).toContain('updated .gitignore');
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toBe('__pycache__/\n\n# trainyard: runs, trained models and the local registry\n.trainyard/\n');
    const again = await runCli(['init', '--yes', '--force'], { cwd: dir });
    expect(again.stdout).not.toContain('.gitignore');
    expect((await readFile(path.join(dir, '.gitignore'), 'utf8')).match(/\.trainyard\//g)).toHaveLength(1);
  });

  it('releases on the remote\'s default branch, not the branch checked out', async () => {
    const dir = await freshRepository();
    const git = (...args: string[]) => exec('git', args, { cwd: dir });
    await git('init', '-q', '-b', 'master');
    await git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/trunk');
    const result = await runCli(['init', '--yes'], { cwd: dir });
    expect(result.stdout).toContain('releases run on "trunk" (the remote\'s default branch)');
    expect(await readFile(path.join(dir, '.github/workflows/trainyard-release.yml'), 'utf8')).toContain('branches: ["trunk"]');
  });

  it('marks the columns production lacks as training_only, and both data sets pass the schema', async () => {
    const dir = await freshRepository();
    await rm(path.join(dir, 'data', 'schema.yml'));
    const production = await readFile(path.join(dir, 'data', 'production.csv'), 'utf8');
    // Production without the label: here the delay, known only after the flight.
    await writeFile(path.join(dir, 'data', 'production.csv'), production.split('\n').map((line) => line.split(',').filter((_, i) => i !== 2).join(',')).join('\n'));
    const result = await runCli(['init', '--yes'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('training_only in the schema (production lacks them): delay');
    const schema = await readFile(path.join(dir, 'data', 'schema.yml'), 'utf8');
    expect(schema).toMatch(/^ {2}delay: \{ type: integer, .*training_only: true \}$/m);
    expect(schema).not.toMatch(/^ {2}distance: .*training_only/m);
    expect((await runCli(['validate', '--data', 'data/train.csv', '--schema', 'data/schema.yml'], { cwd: dir })).code).toBe(0);
    const asTraining = await runCli(['validate', '--data', 'data/production.csv', '--schema', 'data/schema.yml'], { cwd: dir });
    expect(asTraining.code).toBe(1);
    expect(asTraining.stdout).toContain('missing_column');
    const asProduction = await runCli(['validate', '--data', 'data/production.csv', '--schema', 'data/schema.yml', '--role', 'production'], { cwd: dir });
    expect(asProduction.code, asProduction.stdout).toBe(0);
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
    expect(Object.keys(files).sort()).toEqual(['.github/trainyard.yml', ...['drift', 'monitor', 'pr', 'release', 'retrain'].map((name) => `.github/workflows/trainyard-${name}.yml`)]);
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
