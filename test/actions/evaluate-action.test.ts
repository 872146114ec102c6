import { execFile, execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { readAction } from '../helpers/action-file.ts';
import { describe, expect, it } from 'vitest';

const root = path.resolve('.');
const load = (file: string) => readAction(path.join(root, file));

describe('actions/evaluate/action.yml', () => {
  it('starts with the setup action\'s steps, calling its setup.sh from ../setup', async () => {
    const setup = await load('actions/setup/action.yml');
    const evaluate = await load('actions/evaluate/action.yml');
    expect(evaluate.runs.using).toBe('composite');
    const expected = setup.runs.steps.map((step) => (step.run ? { ...step, run: step.run.replace('$GITHUB_ACTION_PATH/setup.sh', '$GITHUB_ACTION_PATH/../setup/setup.sh') } : step));
    expect(evaluate.runs.steps.slice(0, expected.length)).toEqual(expected);
  });

  it('pins every inner action to a commit and passes inputs through env only', async () => {
    const evaluate = await load('actions/evaluate/action.yml');
    for (const step of evaluate.runs.steps) {
      if (step.uses) expect(step.uses).toMatch(/^[\w-]+\/[\w-]+@[0-9a-f]{40}$/);
      if (step.run) expect(step.run).not.toContain('${{');
    }
    const last = evaluate.runs.steps.at(-1)!;
    const passed = Object.values(last.env ?? {}).join('\n');
    for (const input of Object.keys(evaluate.inputs).filter((name) => name !== 'node-version')) expect(passed).toContain(`\${{ inputs.${input} }}`);
  });
});

describe('the evaluate step (evaluate.sh) on the example', () => {
  it('computes metrics, compares with the champion, outputs the verdict and fills the job summary', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-action-'));
    const bin = path.join(dir, 'bin');
    await mkdir(bin);
    await writeFile(path.join(bin, 'trainyard'), `#!/usr/bin/env bash\nexec node --import tsx "${path.join(root, 'src/cli/bin.ts')}" "$@"\n`);
    await chmod(path.join(bin, 'trainyard'), 0o755);
    const env = {
      PATH: `${bin}:${process.env.PATH}`,
      NODE_PATH: path.join(root, 'node_modules'),
      GITHUB_OUTPUT: path.join(dir, 'output'),
      GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'),
      TRAINYARD_CONFIG: path.join(dir, 'trainyard.yml'),
      TRAINYARD_PREDICTIONS: path.join(root, 'test/fixtures/metrics/flight-delays-predictions.csv'),
      TRAINYARD_BASELINE_METRICS: path.join(root, 'test/fixtures/metrics/flight-delays-epochs2-metrics.json'),
      TRAINYARD_BASELINE_PREDICTIONS: path.join(root, 'test/fixtures/metrics/flight-delays-epochs2-predictions.csv'),
      TRAINYARD_OUTPUT: path.join(dir, 'out'),
      TRAINYARD_FAIL: 'true',
    };
    // The example's policy without its evaluation section: these fixture predictions are the
    // trainer's holdout, not the evaluation rows (test/cli/evaluate-evaluation-rows judges those).
    const example = await readFile(path.join(root, 'examples/flight-delays/.github/trainyard.yml'), 'utf8');
    const withoutEvaluation = example.replace(/^ {4}evaluation:\n(?: {6}.*\n)+/m, '');
    expect(withoutEvaluation).not.toContain('evaluation:');
    await writeFile(env.TRAINYARD_CONFIG, withoutEvaluation);
    await writeFile(env.GITHUB_OUTPUT, '');
    await promisify(execFile)(path.join(root, 'actions/evaluate/evaluate.sh'), [], { env, cwd: root });
    expect(await readFile(env.GITHUB_OUTPUT, 'utf8')).toBe(`verdict=pass\ncomparison=${dir}/out/comparison.json\n`);
    const comparison = JSON.parse(await readFile(path.join(dir, 'out/comparison.json'), 'utf8')) as { verdict: string; metrics: Array<{ name: string; ci: number[] | null }> };
    expect(comparison.verdict).toBe('pass');
    expect(comparison.metrics.find((metric) => metric.name === 'roc_auc')!.ci).toHaveLength(2);
    const metrics = JSON.parse(await readFile(path.join(dir, 'out/metrics.json'), 'utf8')) as Record<string, number>;
    expect(metrics.roc_auc).toBeCloseTo(0.6590506287568338, 12);
    expect(await readFile(env.GITHUB_STEP_SUMMARY, 'utf8')).toContain('## ✅ trainyard: flight-delays passes');
  });
});

describe('the evaluate step on a model with an evaluation section', () => {
  const fixtures = path.join(root, 'test/fixtures/evaluation');
  const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'alice', GIT_AUTHOR_EMAIL: 'alice@example.com', GIT_COMMITTER_NAME: 'alice', GIT_COMMITTER_EMAIL: 'alice@example.com' };
  const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-C', cwd, ...args], { env: GIT_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  const CONFIG = [
    'version: 1',
    'models:',
    '  churn:',
    '    task: binary',
    '    data: { train: data/data.csv }',
    '    training: { command: "true" }',
    '    evaluation: { split: { fraction: 0.25 }, id: id, label: label }',
    '    metrics:',
    '      policy:',
    '        roc_auc: { greater_is_better: true, threshold: 0.5 }',
    '',
  ].join('\n');

  it('scores label-free predictions on the base branch\'s labels, though the pull request relabels its data', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-action-eval-'));
    const origin = path.join(dir, 'origin');
    await mkdir(path.join(origin, '.github'), { recursive: true });
    await mkdir(path.join(origin, 'data'));
    await writeFile(path.join(origin, '.github/trainyard.yml'), CONFIG);
    const data = await readFile(path.join(fixtures, 'data.csv'), 'utf8');
    await writeFile(path.join(origin, 'data/data.csv'), data);
    git(origin, 'init', '-q', '-b', 'main');
    git(origin, 'add', '.');
    git(origin, 'commit', '-q', '-m', 'data');
    const work = path.join(dir, 'work');
    git(dir, 'clone', '-q', origin, work);
    git(work, 'checkout', '-q', '-b', 'relabel');
    // The pull request's own data says every row is positive.
    const relabelled = data.trim().split('\n').map((line, index) => (index === 0 ? line : `${line.split(',').slice(0, -1).join(',')},1`));
    await writeFile(path.join(work, 'data/data.csv'), `${relabelled.join('\n')}\n`);
    git(work, 'commit', '-q', '-am', 'relabel');
    // The candidate's predictions: id and score only, no label column.
    const candidate = (await readFile(path.join(fixtures, 'candidate.csv'), 'utf8')).trim().split('\n').map((line) => {
      const [id, , score] = line.split(',');
      return `${id},${score}`;
    });
    await writeFile(path.join(dir, 'predictions.csv'), `${candidate.join('\n')}\n`);
    const bin = path.join(dir, 'bin');
    await mkdir(bin);
    // Run from the pull request's clone: tsx is imported by path, not resolved from there.
    await writeFile(path.join(bin, 'trainyard'), `#!/usr/bin/env bash\nexec node --import "${pathToFileURL(path.join(root, 'node_modules/tsx/dist/esm/index.mjs')).href}" "${path.join(root, 'src/cli/bin.ts')}" "$@"\n`);
    await chmod(path.join(bin, 'trainyard'), 0o755);
    const env = {
      PATH: `${bin}:${process.env.PATH}`,
      GITHUB_BASE_REF: 'main',
      GITHUB_OUTPUT: path.join(dir, 'output'),
      GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'),
      TRAINYARD_CONFIG: '.github/trainyard.yml',
      TRAINYARD_PREDICTIONS: path.join(dir, 'predictions.csv'),
      TRAINYARD_OUTPUT: path.join(dir, 'out'),
      TRAINYARD_FAIL: 'true',
    };
    await writeFile(env.GITHUB_OUTPUT, '');
    await promisify(execFile)('bash', [path.join(root, 'actions/evaluate/evaluate.sh')], { env, cwd: work });
    const expected = JSON.parse(await readFile(path.join(fixtures, 'expected.json'), 'utf8')) as { evaluation_ids: number[]; candidate: Record<string, number> };
    expect(await readFile(env.GITHUB_OUTPUT, 'utf8')).toBe(`verdict=pass\ncomparison=${dir}/out/comparison.json\n`);
    const comparison = JSON.parse(await readFile(path.join(dir, 'out/comparison.json'), 'utf8')) as { evaluation: unknown; metrics: Array<{ name: string; candidate: number }> };
    expect(comparison.evaluation).toEqual({ rows: expected.evaluation_ids.length, labels: 'origin/main:data/data.csv', trusted: true });
    expect(comparison.metrics.find((metric) => metric.name === 'roc_auc')!.candidate).toBeCloseTo(expected.candidate.roc_auc!, 12);
    const metrics = JSON.parse(await readFile(path.join(dir, 'out/metrics.json'), 'utf8')) as Record<string, number>;
    for (const name of ['roc_auc', 'accuracy', 'log_loss']) expect(metrics[name], name).toBeCloseTo(expected.candidate[name]!, 12);
    expect(await readFile(env.GITHUB_STEP_SUMMARY, 'utf8')).toContain('## ✅ trainyard: churn passes');
  });
});

describe('evaluate.sh and the exit codes of trainyard compare', () => {
  /** Runs evaluate.sh with a `trainyard` that exits `code` (and writes comparison.json when `writes`). */
  async function withCompareExiting(code: number, writes: boolean) {
    const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-action-codes-'));
    const bin = path.join(dir, 'bin');
    await mkdir(bin);
    const out = path.join(dir, 'out');
    const write = writes ? `echo '{"verdict": "fail"}' > "${out}/comparison.json"; echo report > "${out}/comparison.md"; ` : '';
    await writeFile(path.join(bin, 'trainyard'), `#!/usr/bin/env bash\n${write}echo "trainyard: failure" >&2\nexit ${code}\n`);
    await chmod(path.join(bin, 'trainyard'), 0o755);
    const env = { PATH: `${bin}:${process.env.PATH}`, GITHUB_OUTPUT: path.join(dir, 'output'), GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'), TRAINYARD_CONFIG: 'trainyard.yml', TRAINYARD_METRICS: 'metrics.json', TRAINYARD_OUTPUT: out, TRAINYARD_FAIL: 'true' };
    await writeFile(env.GITHUB_OUTPUT, '');
    const result = await promisify(execFile)('bash', [path.join(root, 'actions/evaluate/evaluate.sh')], { env }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    return { ...result, outputs: await readFile(env.GITHUB_OUTPUT, 'utf8') };
  }

  it.each([
    [2, false, 2],
    [3, false, 3],
    [1, false, 3],
    [1, true, 1],
  ])('compare exiting %i (comparison.json written: %s) makes the step exit %i', async (code, writes, expected) => {
    const result = await withCompareExiting(code, writes);
    expect(result.code).toBe(expected);
    // A verdict is only reported when a comparison was written.
    expect(result.outputs.includes('verdict=')).toBe(writes);
  });
});
