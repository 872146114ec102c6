/**
 * The inflated-metric attack on the gate and on `/trainyard compare`: with an
 * `evaluation:` section, a version whose metrics.json claims more than its predictions
 * give is refused, and the answer names the metric and both values. Trainyard scores the
 * registered predictions of candidate and champion on the default branch's evaluation
 * rows. Data and predictions: test/fixtures/evaluation (sklearn values in expected.json).
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectVersionContent } from '../../src/registry/content.ts';
import { writeOutputs } from '../registry/fixtures.ts';
import { checks, comments, CONFIG, registry, REPO, seedRepo, useServedApp } from './harness.ts';

const { sim, serve } = useServedApp();
const fixtures = path.resolve('test/fixtures/evaluation');

const EVALUATED = CONFIG.replace('    data: { train: data/train.csv }', '    data: { train: data/train.csv }\n    evaluation: { split: { fraction: 0.25 }, id: id, label: label }');

interface Expected { candidate: Record<string, number>; champion: Record<string, number> }
const expected = async (): Promise<Expected> => JSON.parse(await readFile(path.join(fixtures, 'expected.json'), 'utf8')) as Expected;
const fixture = (name: string) => readFile(path.join(fixtures, name), 'utf8');

/** Registers a version of churn through the App's installation with these predictions and this metrics.json. */
async function registerWith(predictions: string, metrics: Record<string, number>, commit: string, seed: number): Promise<number> {
  const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-eval-gate-'));
  await writeOutputs(dir, seed);
  await writeFile(path.join(dir, 'predictions.csv'), predictions);
  await writeFile(path.join(dir, 'metrics.json'), JSON.stringify(metrics));
  const content = await collectVersionContent({ outputDir: dir, metricsFile: 'metrics.json', predictionsFile: 'predictions.csv' });
  return (await registry(sim()).register({ model: 'churn', content, text: { task: 'binary', description: null, intendedUse: null, limitations: null }, commit, runUrl: null })).version;
}

/**
 * Champion v1 (its honest predictions) in production; the evaluation data on main;
 * alice's pull request, whose pipeline run uploaded `artifact` metrics with the
 * candidate's honest predictions, approved by bob and merged. Returns the merge commit.
 */
async function approvedAndMerged(artifactMetrics: Record<string, number>) {
  const app = await serve();
  seedRepo(sim(), EVALUATED);
  sim().seed.environment({ repo: REPO, name: 'production', protectionApps: [app.appId] });
  const base = await sim().scenario.push({ repo: REPO, branch: 'main', files: { 'data/train.csv': await fixture('data.csv') }, author: 'alice' });
  const { champion } = await expected();
  const v1 = await registerWith(await fixture('champion.csv'), { roc_auc: champion.roc_auc!, accuracy: champion.accuracy! }, base, 1);
  await registry(sim()).promote({ model: 'churn', version: v1, environment: 'production', decision: 'approved', approvers: ['bob'], gate: { passed: true, summary: 'first' }, reason: 'seed', runUrl: null, actor: 'acme' });
  await sim().scenario.push({ repo: REPO, branch: 'feature', files: { 'train.mjs': 'x' }, author: 'alice' });
  const number = await sim().scenario.openPullRequest({ repo: REPO, head: 'feature', title: 'Better model', author: 'alice' });
  await sim().scenario.submitReview({ repo: REPO, number, reviewer: 'bob', event: 'APPROVE' });
  sim().scenario.completeWorkflowRun({
    repo: REPO, workflow: 'trainyard-pr.yml', branch: 'feature', event: 'pull_request',
    artifacts: [{ name: 'trainyard-churn', files: [{ path: 'metrics.json', content: JSON.stringify(artifactMetrics) }, { path: 'predictions.csv', content: await fixture('candidate.csv') }] }],
  });
  await sim().webhooks.idle();
  return { number, pullCheck: checks(sim(), 'trainyard / churn').at(-1)! };
}

async function deploy(sha: string) {
  const run = sim().scenario.completeWorkflowRun({ repo: REPO, workflow: 'trainyard-release.yml', branch: 'main', headSha: sha });
  sim().scenario.requestDeployment({ repo: REPO, runId: run.id, environment: 'production' });
  await sim().webhooks.idle();
  return sim().state.repo(REPO)!.protectionReviews.at(-1)!;
}

describe('the promotion gate on a model with an evaluation section', () => {
  it('refuses a version registered with an inflated metrics.json but honest predictions, naming the metric and both values', async () => {
    const { candidate } = await expected();
    const honest = { roc_auc: candidate.roc_auc!, accuracy: candidate.accuracy! };
    const { number, pullCheck } = await approvedAndMerged(honest);
    expect(pullCheck.conclusion).toBe('success');
    const merge = await sim().scenario.merge({ repo: REPO, number, by: 'bob' });
    // The release run's trainer writes roc_auc 0.99 beside predictions that give 0.8293.
    await registerWith(await fixture('candidate.csv'), { ...honest, roc_auc: 0.99 }, merge, 2);
    const answer = await deploy(merge);
    expect(answer.state).toBe('rejected');
    expect(answer.comment).toMatch(/^Rejected churn@v2 for production: policy fail: the trainer reported roc_auc = 0\.99, trainyard computed 0\.829328914664457\d* on the evaluation rows/);
    const history = await registry(sim()).history('churn', 'production');
    expect(history.at(-1)).toMatchObject({ version: 2, decision: 'rejected', gate: { passed: false } });
    expect(checks(sim(), 'trainyard / promotion').at(-1)).toMatchObject({ conclusion: 'failure' });
  });

  it('approves the same version with its honest metrics.json: the computed values beat the champion\'s on the same rows', async () => {
    const { candidate, champion } = await expected();
    const honest = { roc_auc: candidate.roc_auc!, accuracy: candidate.accuracy! };
    const { number } = await approvedAndMerged(honest);
    const merge = await sim().scenario.merge({ repo: REPO, number, by: 'bob' });
    await registerWith(await fixture('candidate.csv'), honest, merge, 2);
    const answer = await deploy(merge);
    expect(answer.state).toBe('approved');
    expect(answer.comment).toMatch(/^Approved churn@v2 for production: pass: roc_auc, the one gated metric, met the policy/);
    expect(candidate.roc_auc! - champion.roc_auc!).toBeGreaterThan(0.002);
  });

  it('refuses a version whose honest metrics.json matches predictions worse than the champion\'s, however its pull request scored', async () => {
    const { candidate, champion } = await expected();
    const { number } = await approvedAndMerged({ roc_auc: candidate.roc_auc!, accuracy: candidate.accuracy! });
    const merge = await sim().scenario.merge({ repo: REPO, number, by: 'bob' });
    // Predictions that are the champion's with every score halved: roc_auc equals the champion's, so the change rule fails.
    const champ = await fixture('champion.csv');
    const scaled = champ.trim().split('\n').map((line, i) => (i === 0 ? line : line.split(',').map((cell, j) => (j === 2 ? (Number(cell) / 2).toFixed(6) : cell)).join(','))).join('\n') + '\n';
    await registerWith(scaled, { roc_auc: champion.roc_auc! }, merge, 2);
    const answer = await deploy(merge);
    expect(answer.state).toBe('rejected');
    expect(answer.comment).toMatch(/policy fail: roc_auc did not meet the policy/);
  });
});

describe('/trainyard compare on a model with an evaluation section', () => {
  it('scores the pull request\'s predictions and the named version\'s on the default branch\'s rows; an inflated metrics.json fails naming both values', async () => {
    const { candidate, champion } = await expected();
    const { number } = await approvedAndMerged({ roc_auc: 0.99, accuracy: candidate.accuracy! });
    await sim().scenario.comment({ repo: REPO, number, author: 'bob', body: '/trainyard compare v1' });
    await sim().webhooks.idle();
    const reply = comments(sim()).filter((c) => c.user.login === 'trainyard[bot]' && !c.body.startsWith('<!-- trainyard:')).at(-1)!.body;
    expect(reply).toMatch(/the trainer reported roc_auc = 0\.99, trainyard computed 0\.8293/);
    expect(reply).toContain('Both computed by the App from their predictions joined to the evaluation rows of the default branch');
    const row = /^\| roc_auc ↑ \| (\S+) \| (\S+) \|/m.exec(reply);
    expect(Number(row![1])).toBeCloseTo(champion.roc_auc!, 4);
    expect(Number(row![2])).toBeCloseTo(candidate.roc_auc!, 4);
  });
});
