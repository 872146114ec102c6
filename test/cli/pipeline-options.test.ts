/**
 * The options the reusable workflows call: `validate --config --model` (the model's
 * data against its schema) and `evaluate --candidate <dir>` (a training output folder
 * judged against the champion, or the trainer's baseline before the first promotion).
 */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample, runCli } from '../helpers/cli.ts';
import { writeOutputs } from '../registry/fixtures.ts';

const CONFIG = ['--config', '.github/trainyard.yml', '--model', 'flight-delays'];

describe('trainyard validate --config --model', () => {
  it('checks the model\'s training and production data against data.schema', async () => {
    const cwd = await copyExample();
    const result = await runCli(['validate', ...CONFIG, '--json', '--report', 'report.md'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as { model: string; valid: boolean; validations: Array<{ role: string; result: { rows: number } }> };
    expect(json.model).toBe('flight-delays');
    expect(json.validations.map((entry) => [entry.role, entry.result.rows])).toEqual([['train', 20000], ['production', 10000]]);
    expect(await readFile(path.join(cwd, 'report.md'), 'utf8')).toContain('data/train.csv');
  });

  it('exits 1 when the data fails its schema, 2 for an unknown model or mixed options', async () => {
    const cwd = await copyExample();
    const csv = await readFile(path.join(cwd, 'data/production.csv'), 'utf8');
    await writeFile(path.join(cwd, 'data/production.csv'), csv.replace(/\n(\d+),/, '\n$1,not-a-date-'));
    expect((await runCli(['validate', ...CONFIG], { cwd })).code).toBe(1);
    const unknown = await runCli(['validate', '--config', '.github/trainyard.yml', '--model', 'nope'], { cwd });
    expect([unknown.code, unknown.stderr]).toEqual([2, 'trainyard: unknown model "nope"; .github/trainyard.yml has: flight-delays\n']);
    const mixed = await runCli(['validate', ...CONFIG, '--data', 'data/train.csv'], { cwd });
    expect([mixed.code, mixed.stderr]).toEqual([2, 'trainyard: give --data and --schema, or --config and --model, not both\n']);
    const none = await runCli(['validate'], { cwd });
    expect(none.code).toBe(2);
  });
});

describe('trainyard evaluate --candidate', () => {
  const CHURN = 'version: 1\nregistry: local:registry\nmodels:\n  churn:\n    task: binary\n    data: { train: data.csv }\n    training: { command: "true" }\n    metrics:\n      policy:\n        roc_auc: { greater_is_better: true, threshold: 0.5 }\n';

  it('compares with the trainer\'s baseline before a champion exists, then with the champion', async () => {
    const cwd = await copyExample();
    await mkdir(path.join(cwd, 'churn/.github'), { recursive: true });
    const project = path.join(cwd, 'churn');
    await writeFile(path.join(project, '.github/trainyard.yml'), CHURN);
    await writeOutputs(path.join(project, 'v1'), 1);
    await writeOutputs(path.join(project, 'v2'), 2);

    const first = await runCli(['evaluate', '--candidate', 'v1', '--out', 'eval1', '--json'], { cwd: project });
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ model: 'churn', verdict: 'pass', baseline: null });
    const written = JSON.parse(await readFile(path.join(project, 'eval1/comparison.json'), 'utf8')) as { verdict: string };
    expect(written.verdict).toBe('pass');
    expect(await readFile(path.join(project, 'eval1/comparison.md'), 'utf8')).toContain('churn');
    expect(JSON.parse(await readFile(path.join(project, 'eval1/metrics.json'), 'utf8'))).toHaveProperty('roc_auc');

    for (const args of [['registry', 'register', 'churn', '--from', 'v1'], ['registry', 'promote', 'churn', '--version', '1', '--environment', 'production']]) {
      const done = await runCli(args, { cwd: project });
      expect(done.code, done.stderr).toBe(0);
    }
    const summary = path.join(project, 'summary.md');
    const second = await runCli(['evaluate', '--candidate', 'v2', '--out', 'eval2', '--json'], { cwd: project, env: { PATH: process.env.PATH, GITHUB_STEP_SUMMARY: summary } });
    expect(second.code, second.stderr).toBeLessThan(2);
    expect(JSON.parse(second.stdout)).toMatchObject({ model: 'churn', baseline: 'churn@v1' });
    expect(await readFile(summary, 'utf8')).toContain('champion churn@v1');
  });

  it('names a missing folder or one without outputs, exit 2', async () => {
    const cwd = await copyExample();
    const missing = await runCli(['evaluate', '--candidate', 'nowhere', ...CONFIG], { cwd });
    expect([missing.code, missing.stderr]).toEqual([2, 'trainyard: --candidate nowhere: no such folder (expected a training output folder with metrics.json and predictions.csv)\n']);
    await cp(path.join(cwd, 'data'), path.join(cwd, 'empty'), { recursive: true });
    const empty = await runCli(['evaluate', '--candidate', 'empty', ...CONFIG], { cwd });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('neither metrics.json nor predictions.csv');
  });
});
