/**
 * A pull request cannot change the labels it is judged against: with an `evaluation:`
 * section the App reads the evaluation rows from the default branch, joins the run's
 * predictions to them by id and computes the metrics itself. Data and predictions:
 * test/fixtures/evaluation (sklearn values in expected.json).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checks, comments, CONFIG, REPO, seedRepo, useServedApp } from './harness.ts';

const { sim, serve } = useServedApp();
const fixtures = path.resolve('test/fixtures/evaluation');

const EVALUATED = CONFIG.replace('    data: { train: data/train.csv }', '    data: { train: data/train.csv }\n    evaluation: { split: { fraction: 0.25 }, id: id, label: label }');

/** Flips the label column of a CSV whose second or third column is `label`. */
function flipLabels(csv: string, column: number): string {
  const [header, ...rows] = csv.trim().split('\n');
  return [header, ...rows.map((row) => row.split(',').map((cell, i) => (i === column ? String(1 - Number(cell)) : cell)).join(','))].join('\n') + '\n';
}

describe('the App on a model with an evaluation section', () => {
  it('judges the run\'s predictions against the default branch\'s labels, not the ones the pull request rewrote', async () => {
    await serve();
    seedRepo(sim(), EVALUATED);
    const data = await readFile(path.join(fixtures, 'data.csv'), 'utf8');
    const expected = JSON.parse(await readFile(path.join(fixtures, 'expected.json'), 'utf8')) as { candidate: Record<string, number> };
    await sim().scenario.push({ repo: REPO, branch: 'main', files: { 'data/train.csv': data }, author: 'alice' });
    // The pull request flips every label in its copy of the data and predicts the flipped labels well.
    await sim().scenario.push({ repo: REPO, branch: 'feature', files: { 'data/train.csv': flipLabels(data, 2) }, author: 'alice' });
    const number = await sim().scenario.openPullRequest({ repo: REPO, head: 'feature', title: 'Better model', author: 'alice' });
    const candidate = await readFile(path.join(fixtures, 'candidate.csv'), 'utf8');
    const inverted = candidate.trim().split('\n').map((line, i) => (i === 0 ? line : line.split(',').map((cell, j) => (j === 2 ? (1 - Number(cell)).toFixed(6) : j === 1 ? '0' : cell)).join(','))).join('\n') + '\n';
    const claimed = { roc_auc: expected.candidate.roc_auc!, accuracy: expected.candidate.accuracy! };
    sim().scenario.completeWorkflowRun({
      repo: REPO, workflow: 'trainyard-pr.yml', branch: 'feature', event: 'pull_request',
      artifacts: [{ name: 'trainyard-churn', files: [{ path: 'metrics.json', content: JSON.stringify(claimed) }, { path: 'predictions.csv', content: inverted }] }],
    });
    await sim().webhooks.idle();
    const [check] = checks(sim(), 'trainyard / churn');
    const computed = 1 - expected.candidate.roc_auc!;
    expect(check!.conclusion).toBe('failure');
    expect(check!.output.title).toMatch(new RegExp(`^fail: the trainer reported roc_auc = ${claimed.roc_auc}, trainyard computed 0\\.1706`));
    const body = comments(sim()).find((c) => c.issueNumber === number)!.body;
    expect(body).toContain('joined to the evaluation rows of the default branch (labels the pull request cannot change)');
    const row = /^\| roc_auc ↑ \| — \| (\S+) \|/m.exec(body);
    expect(Number(row![1])).toBeCloseTo(computed, 4);
  });

  it('fails closed when the artifact has no predictions', async () => {
    await serve();
    seedRepo(sim(), EVALUATED);
    await sim().scenario.push({ repo: REPO, branch: 'main', files: { 'data/train.csv': await readFile(path.join(fixtures, 'data.csv'), 'utf8') }, author: 'alice' });
    await sim().scenario.push({ repo: REPO, branch: 'feature', files: { 'train.mjs': 'x' }, author: 'alice' });
    const number = await sim().scenario.openPullRequest({ repo: REPO, head: 'feature', title: 'x', author: 'alice' });
    sim().scenario.completeWorkflowRun({ repo: REPO, workflow: 'trainyard-pr.yml', branch: 'feature', event: 'pull_request', artifacts: [{ name: 'trainyard-churn', files: [{ path: 'metrics.json', content: '{"roc_auc": 0.9}' }] }] });
    await sim().webhooks.idle();
    expect(checks(sim(), 'trainyard / churn')[0]).toMatchObject({ conclusion: 'failure', output: { title: 'No comparison' } });
    expect(comments(sim()).find((c) => c.issueNumber === number)!.body).toContain('has no predictions.csv');
  });
});
