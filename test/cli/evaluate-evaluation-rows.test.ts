/**
 * `trainyard evaluate --candidate` and `trainyard compare` on a model with an
 * `evaluation:` section: the candidate's predictions are joined by id to labels that
 * trainyard reads itself, from the pull request's base branch when there is one (git
 * show <ref>:<path>), and every metric is computed from them. Real files, real git
 * repositories in temporary folders. Data and sklearn's values: test/fixtures/evaluation.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ComparisonDocument } from '../../src/metrics/comparison-document.ts';
import { copyExample, runCli } from '../helpers/cli.ts';
import { writeOutputs } from '../registry/fixtures.ts';

const fixtures = path.resolve('test/fixtures/evaluation');
const fixture = (name: string) => readFile(path.join(fixtures, name), 'utf8');

interface Expected { evaluation_ids: number[]; candidate: Record<string, number>; champion: Record<string, number> }
const expected = async (): Promise<Expected> => JSON.parse(await fixture('expected.json')) as Expected;

const CONFIG = [
  'version: 1',
  'registry: local:registry',
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

const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'alice', GIT_AUTHOR_EMAIL: 'alice@example.com', GIT_COMMITTER_NAME: 'alice', GIT_COMMITTER_EMAIL: 'alice@example.com' };
const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-C', cwd, ...args], { env: GIT_ENV, stdio: ['ignore', 'pipe', 'pipe'] }).toString();

/** The churn project: config and data, and a candidate folder with these predictions and this metrics.json. */
async function project(dir: string, metrics: Record<string, number>): Promise<void> {
  await mkdir(path.join(dir, '.github'), { recursive: true });
  await mkdir(path.join(dir, 'data'), { recursive: true });
  await writeFile(path.join(dir, '.github/trainyard.yml'), CONFIG);
  await writeFile(path.join(dir, 'data/data.csv'), await fixture('data.csv'));
  await candidate(dir, metrics);
}

async function candidate(dir: string, metrics: Record<string, number>): Promise<void> {
  await mkdir(path.join(dir, 'candidate'), { recursive: true });
  // The candidate's predictions carry a label column of their own, all ones: never read.
  await writeFile(path.join(dir, 'candidate/predictions.csv'), await fixture('candidate.csv'));
  await writeFile(path.join(dir, 'candidate/metrics.json'), JSON.stringify(metrics));
}

const evaluate = (cwd: string, env: Record<string, string> = {}, ...extra: string[]) =>
  runCli(['evaluate', '--candidate', 'candidate', '--out', 'out', '--json', ...extra], { cwd, env: { PATH: process.env.PATH, ...env } });

const documentOf = (stdout: string) => JSON.parse(stdout) as ComparisonDocument;
const rocAuc = (document: ComparisonDocument) => document.metrics.find((metric) => metric.name === 'roc_auc')!;

describe('evaluate --candidate on the evaluation rows', () => {
  it('refuses a metrics.json that inflates a metric, naming the metric and both values; passes the honest one', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-eval-rows-'));
    const { candidate: honest, evaluation_ids: ids } = await expected();
    await project(dir, { roc_auc: 0.99, accuracy: honest.accuracy! });
    const inflated = await evaluate(dir);
    expect(inflated.code, inflated.stderr).toBe(1);
    const document = documentOf(inflated.stdout);
    expect(document.verdict).toBe('fail');
    expect(document.summary).toMatch(/^fail: the trainer reported roc_auc = 0\.99, trainyard computed 0\.8293289146644\d+ on the evaluation rows$/);
    expect(rocAuc(document)).toMatchObject({ status: 'fail', reported: 0.99, source: 'trainyard' });
    expect(rocAuc(document).candidate).toBeCloseTo(honest.roc_auc!, 12);
    expect(document.evaluation).toEqual({ rows: ids.length, labels: 'working tree:data/data.csv', trusted: true });
    expect(JSON.parse(await readFile(path.join(dir, 'out/comparison.json'), 'utf8'))).toEqual(document);
    const report = await readFile(path.join(dir, 'out/comparison.md'), 'utf8');
    expect(report).toContain('the trainer reported roc_auc = 0.99');
    expect(report).toContain(`The candidate scored on the ${ids.length} evaluation rows (the rows of working tree:data/data.csv whose id hashes below 0.25)`);
    // metrics.json holds what trainyard computed, not what the trainer claimed.
    expect(JSON.parse(await readFile(path.join(dir, 'out/metrics.json'), 'utf8')).roc_auc).toBeCloseTo(honest.roc_auc!, 12);

    await candidate(dir, { roc_auc: honest.roc_auc!, accuracy: honest.accuracy! });
    const passed = await evaluate(dir);
    expect(passed.code, passed.stderr).toBe(0);
    expect(documentOf(passed.stdout).verdict).toBe('pass');
  });

  it('judges a pull request that rewrites the labels in its own branch with the base branch\'s labels', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'trainyard-eval-pr-'));
    const { candidate: honest } = await expected();
    const origin = path.join(root, 'origin');
    await mkdir(origin);
    git(origin, 'init', '-q', '-b', 'main');
    await project(origin, {});
    git(origin, 'add', '.github', 'data');
    git(origin, 'commit', '-q', '-m', 'data');
    const work = path.join(root, 'work');
    git(root, 'clone', '-q', origin, work);
    git(work, 'checkout', '-q', '-b', 'better-model');
    // The pull request relabels every row as its candidate predicts it (score >= 0.5).
    const scores = new Map((await fixture('candidate.csv')).trim().split('\n').slice(1).map((line) => [line.split(',')[0]!, Number(line.split(',')[2])]));
    const relabelled = (await fixture('data.csv')).trim().split('\n').map((line, index) => {
      if (index === 0) return line;
      const [id, x] = line.split(',');
      return scores.has(id!) ? `${id},${x},${scores.get(id!)! >= 0.5 ? 1 : 0}` : line;
    });
    await writeFile(path.join(work, 'data/data.csv'), `${relabelled.join('\n')}\n`);
    git(work, 'commit', '-q', '-am', 'relabel');
    await candidate(work, { roc_auc: honest.roc_auc!, accuracy: honest.accuracy! });

    const judged = await evaluate(work, { GITHUB_BASE_REF: 'main' });
    expect(judged.code, judged.stderr).toBe(0);
    const document = documentOf(judged.stdout);
    expect(document.evaluation).toMatchObject({ labels: 'origin/main:data/data.csv', trusted: true });
    expect(rocAuc(document).candidate).toBeCloseTo(honest.roc_auc!, 12);
    expect(judged.stderr).toBe('');

    // The same ref named explicitly; and, for contrast, the branch's own labels would have flattered the candidate.
    const named = await evaluate(work, {}, '--evaluation-ref', 'main');
    expect(documentOf(named.stdout).evaluation).toMatchObject({ labels: 'main:data/data.csv', trusted: true });
    expect(rocAuc(documentOf(named.stdout)).candidate).toBeCloseTo(honest.roc_auc!, 12);
    const own = await evaluate(work);
    expect(documentOf(own.stdout).evaluation).toMatchObject({ labels: 'working tree:data/data.csv' });
    expect(rocAuc(documentOf(own.stdout)).candidate).toBeGreaterThan(0.99);
  });

  it('judges a pull request that loosens the evaluation section in its own config by the base branch\'s section', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'trainyard-eval-section-'));
    const origin = path.join(root, 'origin');
    await mkdir(origin);
    git(origin, 'init', '-q', '-b', 'main');
    await project(origin, {});
    git(origin, 'add', '.github', 'data');
    git(origin, 'commit', '-q', '-m', 'data');
    const work = path.join(root, 'work');
    git(root, 'clone', '-q', origin, work);
    git(work, 'checkout', '-q', '-b', 'loosen');
    await writeFile(path.join(work, '.github/trainyard.yml'), CONFIG.replace('label: label }', 'label: label, tolerance: 1 }'));
    git(work, 'commit', '-q', '-am', 'tolerance 1');
    await candidate(work, { roc_auc: 0.99 });
    const own = await evaluate(work);
    expect(own.code, own.stderr).toBe(0);
    const judged = await evaluate(work, { GITHUB_BASE_REF: 'main' });
    expect(judged.code, judged.stderr).toBe(1);
    expect(documentOf(judged.stdout).summary).toMatch(/^fail: the trainer reported roc_auc = 0\.99, trainyard computed 0\.8293/);
    expect(await readFile(path.join(work, 'out/comparison.md'), 'utf8')).toContain('The evaluation section (and the data it names) is origin/main\'s: the change being judged edits it, and its own is not used to judge it.');
  });

  it('falls back to the working tree when the base branch is not in the clone, and says so in the JSON, the report and on stderr', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-eval-shallow-'));
    const { candidate: honest } = await expected();
    git(dir, 'init', '-q', '-b', 'feature');
    await project(dir, { roc_auc: honest.roc_auc! });
    git(dir, 'add', '.github', 'data');
    git(dir, 'commit', '-q', '-m', 'only the head');
    const result = await evaluate(dir, { GITHUB_BASE_REF: 'main' });
    expect(result.code, result.stderr).toBe(0);
    const document = documentOf(result.stdout);
    expect(document.evaluation).toMatchObject({ labels: 'working tree:data/data.csv', trusted: false });
    expect(result.stderr).toBe('trainyard: warning: the evaluation labels are not trusted: the ref origin/main is not in the clone (check out with fetch-depth: 0 so the base branch is there); they were read from the working tree\n');
    expect(await readFile(path.join(dir, 'out/comparison.md'), 'utf8')).toContain('The labels are not trusted: the ref origin/main is not in the clone (check out with fetch-depth: 0 so the base branch is there), so they were read from the working tree, which the change being judged may have edited.');

    // Data kept in Git LFS: the ref holds a pointer, which is refused by name.
    git(dir, 'branch', 'lfs');
    git(dir, 'checkout', '-q', 'lfs');
    await writeFile(path.join(dir, 'data/data.csv'), 'version https://git-lfs.github.com/spec/v1\noid sha256:' + 'e'.repeat(64) + '\nsize 9000\n');
    git(dir, 'commit', '-q', '-am', 'lfs');
    git(dir, 'checkout', '-q', 'feature');
    const lfs = await evaluate(dir, {}, '--evaluation-ref', 'lfs');
    expect([lfs.code, lfs.stderr]).toEqual([2, 'trainyard: lfs:data/data.csv is a Git LFS pointer, not the data; trainyard reads the evaluation labels with git show, so keep the evaluation data (evaluation.file, or data.train for a split) out of Git LFS\n']);

    const bad = await evaluate(dir, {}, '--evaluation-ref', '');
    expect([bad.code, bad.stderr]).toEqual([2, 'trainyard: --evaluation-ref "": expected a git ref, such as origin/main\n']);
  });

  it('trainyard compare joins the candidate\'s predictions to the base branch\'s labels too', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'trainyard-compare-pr-'));
    const { candidate: honest, champion, evaluation_ids: ids } = await expected();
    const origin = path.join(root, 'origin');
    await mkdir(origin);
    git(origin, 'init', '-q', '-b', 'main');
    await project(origin, {});
    git(origin, 'add', '.github', 'data');
    git(origin, 'commit', '-q', '-m', 'data');
    const work = path.join(root, 'work');
    git(root, 'clone', '-q', origin, work);
    await writeFile(path.join(work, 'data/data.csv'), (await fixture('data.csv')).replace(/,0\n/g, ',1\n'));
    await writeFile(path.join(work, 'champion.csv'), await fixture('champion.csv'));
    await candidate(work, { roc_auc: 0.99 });
    const result = await runCli(['compare', '--candidate', 'candidate/metrics.json', '--candidate-predictions', 'candidate/predictions.csv', '--baseline-predictions', 'champion.csv', '--policy', '.github/trainyard.yml', '--json'], { cwd: work, env: { PATH: process.env.PATH, GITHUB_BASE_REF: 'main' } });
    expect(result.code, result.stderr).toBe(1);
    const document = documentOf(result.stdout);
    expect(document.evaluation).toEqual({ rows: ids.length, labels: 'origin/main:data/data.csv', trusted: true });
    expect(document.summary).toMatch(/^fail: the trainer reported roc_auc = 0\.99, trainyard computed 0\.8293/);
    expect(rocAuc(document).baseline).toBeCloseTo(champion.roc_auc!, 12);
    expect(rocAuc(document).candidate).toBeCloseTo(honest.roc_auc!, 12);
    expect(document.significance!.rows).toEqual({ shared: ids.length, candidateOnly: 0, baselineOnly: 0 });
  });
});

describe('evaluate --candidate after a changed seed (the flight-delays trainer)', () => {
  /** `trainyard train` with training.seed set to `seed`. */
  async function train(dir: string, out: string, seed: number): Promise<void> {
    const file = path.join(dir, '.github/trainyard.yml');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^(\s+seed:) \d+$/m, `$1 ${seed}`));
    const done = await runCli(['train', '--out', out], { cwd: dir });
    expect(done.code, done.stderr).toBe(0);
  }

  it('compares champion and candidate on identical rows: points, intervals and tests from the same 3,980 rows; a seed-dependent holdout is refused with its counts', async () => {
    const dir = await copyExample();
    await train(dir, 'v1', 42);
    await train(dir, 'v2', 7);
    for (const args of [['registry', 'register', 'flight-delays', '--from', 'v1'], ['registry', 'promote', 'flight-delays', '--version', '1', '--environment', 'production']]) {
      const done = await runCli(args, { cwd: dir });
      expect(done.code, done.stderr).toBe(0);
    }
    const result = await runCli(['evaluate', '--candidate', 'v2', '--json'], { cwd: dir });
    expect(result.code, result.stderr).toBeLessThan(2);
    const document = documentOf(result.stdout);
    expect(document.baseline).toBe('flight-delays@v1');
    expect(document.evaluation).toEqual({ rows: 3980, labels: 'working tree:data/train.csv', trusted: true });
    expect(document.significance!.rows).toEqual({ shared: 3980, candidateOnly: 0, baselineOnly: 0 });
    const auc = rocAuc(document);
    const reported = async (folder: string) => (JSON.parse(await readFile(path.join(dir, folder, 'metrics.json'), 'utf8')) as Record<string, number>).roc_auc!;
    expect(auc.candidate).toBeCloseTo(await reported('v2'), 9);
    expect(auc.baseline).toBeCloseTo(await reported('v1'), 9);
    expect(auc.reported).toBeUndefined();
    expect(auc.test).toMatchObject({ test: 'delong' });
    expect(auc.ci![0]).toBeLessThanOrEqual(auc.delta!);
    expect(auc.ci![1]).toBeGreaterThanOrEqual(auc.delta!);

    // A trainer whose holdout moved with the seed: 10 evaluation rows unscored, 5 rows scored that are not evaluation rows.
    await cp(path.join(dir, 'v2'), path.join(dir, 'v3'), { recursive: true });
    const lines = (await readFile(path.join(dir, 'v2/predictions.csv'), 'utf8')).trim().split('\n');
    const held = new Set(lines.slice(1).map((line) => line.split(',')[0]));
    const outside = (await readFile(path.join(dir, 'data/train.csv'), 'utf8')).trim().split('\n').slice(1).map((line) => line.split(',')[0]!).filter((id) => !held.has(id)).slice(0, 5);
    await writeFile(path.join(dir, 'v3/predictions.csv'), `${[...lines.slice(0, -10), ...outside.map((id) => `${id},0,0.2`)].join('\n')}\n`);
    const moved = await runCli(['evaluate', '--candidate', 'v3'], { cwd: dir });
    expect(moved.code).toBe(2);
    expect(moved.stderr).toMatch(/v3\/predictions\.csv: 10 of the 3980 evaluation rows have no prediction and 5 predictions are of rows outside the evaluation set \(the rows of working tree:data\/train\.csv whose id hashes below 0\.2\); expected exactly one prediction per evaluation row, joined by "id"\n$/);
  }, 60_000);
});

describe('evaluate --candidate when the evaluation rows changed since the champion was trained', () => {
  // Scores each row 1 / (1 + exp(-x)) from the features (no label column); the version at HEAD is broken.
  const PREDICT = [
    "import { readFileSync, writeFileSync } from 'node:fs';",
    "const [header, ...rows] = readFileSync(process.env.TRAINYARD_PREDICT_INPUT, 'utf8').trim().split('\\n');",
    "if (header !== 'id,x' || !process.env.MODEL_DIR) process.exit(3);",
    "writeFileSync(process.env.TRAINYARD_PREDICT_OUTPUT, 'id,score\\n' + rows.map((row) => { const [id, x] = row.split(','); return id + ',' + 1 / (1 + Math.exp(-Number(x))); }).join('\\n') + '\\n');",
    '',
  ].join('\n');

  /** A repository whose champion churn@v1 (predictions of other rows) was trained at the first commit; predict.mjs is broken at HEAD. */
  async function repository(predict: boolean): Promise<{ dir: string; first: string }> {
    const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-rescore-'));
    git(dir, 'init', '-q', '-b', 'main');
    await project(dir, { roc_auc: (await expected()).candidate.roc_auc! });
    if (predict) await writeFile(path.join(dir, '.github/trainyard.yml'), CONFIG.replace('    evaluation:', '    predict: { command: node predict.mjs }\n    evaluation:'));
    await writeFile(path.join(dir, 'predict.mjs'), PREDICT);
    git(dir, 'add', '.github', 'data', 'predict.mjs');
    git(dir, 'commit', '-q', '-m', 'champion');
    const first = git(dir, 'rev-parse', 'HEAD').trim();
    await writeFile(path.join(dir, 'predict.mjs'), 'process.exit(5);\n');
    git(dir, 'commit', '-q', '-am', 'break predict');
    await writeOutputs(path.join(dir, 'v1'), 1);
    await writeFile(path.join(dir, 'v1/predictions.csv'), await fixture('champion-old-set.csv'));
    await writeFile(path.join(dir, 'v1/lineage.json'), (await readFile(path.join(dir, 'v1/lineage.json'), 'utf8')).replace('a'.repeat(40), first));
    for (const args of [['registry', 'register', 'churn', '--from', 'v1'], ['registry', 'promote', 'churn', '--version', '1', '--environment', 'production']]) {
      const done = await runCli(args, { cwd: dir });
      expect(done.code, done.stderr).toBe(0);
    }
    return { dir, first };
  }

  it('re-scores the champion with the predict command at the champion\'s commit, in a temporary worktree', async () => {
    const { dir, first } = await repository(true);
    const { evaluation_ids: ids } = await expected();
    const expectedAuc = (JSON.parse(await fixture('expected.json')) as { rescored_roc_auc: number }).rescored_roc_auc;
    const result = await evaluate(dir);
    expect(result.code, result.stderr).toBeLessThan(2);
    const document = documentOf(result.stdout);
    expect(document.baselineUnavailable).toBeUndefined();
    expect(rocAuc(document).baseline).toBeCloseTo(expectedAuc, 12);
    expect(document.significance!.rows).toEqual({ shared: ids.length, candidateOnly: 0, baselineOnly: 0 });
    expect(await readFile(path.join(dir, 'out/comparison.md'), 'utf8')).toContain(`The champion churn@v1 was re-scored on these rows with the config's predict command at its commit ${first.slice(0, 12)}.`);
    expect(git(dir, 'worktree', 'list').trim().split('\n')).toHaveLength(1);
  });

  it('is inconclusive, saying why, without a predict command or without the champion\'s commit', async () => {
    const { dir } = await repository(false);
    const { evaluation_ids: ids } = await expected();
    const without = await evaluate(dir);
    expect(without.code, without.stderr).toBe(1);
    const document = documentOf(without.stdout);
    expect(document.verdict).toBe('inconclusive');
    expect(document.summary).toMatch(new RegExp(`^inconclusive: the champion churn@v1 has no predictions for \\d+ of the ${ids.length} evaluation rows \\(the evaluation set changed since it was trained\\), and the config has no \`predict\` command to re-score it$`));
    const report = await readFile(path.join(dir, 'out/comparison.md'), 'utf8');
    expect(report).not.toContain('Significance of the differences');

    const shallow = await repository(true);
    // A clone of the last commit only: the champion's commit is not there.
    const clone = path.join(shallow.dir, '..', `${path.basename(shallow.dir)}-clone`);
    git(path.dirname(clone), 'clone', '-q', '--depth', '1', `file://${shallow.dir}`, clone);
    await cp(path.join(shallow.dir, 'registry'), path.join(clone, 'registry'), { recursive: true });
    await cp(path.join(shallow.dir, 'candidate'), path.join(clone, 'candidate'), { recursive: true });
    const missing = await evaluate(clone);
    expect(missing.code, missing.stderr).toBe(1);
    expect(documentOf(missing.stdout).summary).toBe(`inconclusive: the champion churn@v1 cannot be re-scored with the \`predict\` command: its commit ${shallow.first.slice(0, 12)} is not in the clone (check out with fetch-depth: 0)`);
  });
});
