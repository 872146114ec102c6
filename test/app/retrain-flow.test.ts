/**
 * Drift reaches the App as a drift workflow run's artifact `trainyard-drift-<model>`
 * holding drift.json. test/fixtures/app/drift-june.json is what `trainyard drift --json`
 * writes for the flight-delays example's June data (run in examples/flight-delays:
 * `trainyard drift --model flight-delays --method delay=ks --method distance=ks
 * --method origin=chisquare --method destination=chisquare --json`): drifted.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ownerOctokit, REPO, seedRepo, useServedApp } from './harness.ts';

const JUNE = readFileSync(new URL('../fixtures/app/drift-june.json', import.meta.url), 'utf8');
const BRANCH = 'trainyard/retrain/churn';

const { sim, serve } = useServedApp();

async function driftRun(driftJson: string): Promise<void> {
  sim().scenario.completeWorkflowRun({ repo: REPO, workflow: 'trainyard-drift.yml', branch: 'main', event: 'schedule', artifacts: [{ name: 'trainyard-drift-churn', files: [{ path: 'drift.json', content: driftJson }, { path: 'drift.md', content: '# drift\n' }] }] });
  await sim().webhooks.idle();
}

const retrainPulls = () => sim().state.repo(REPO)!.pulls.filter((p) => p.head.ref === BRANCH);
const dispatches = () => sim().state.repo(REPO)!.runs.filter((r) => r.event === 'workflow_dispatch');

async function lockOnBranch(): Promise<{ models: Record<string, { dataSnapshot: string; drift: { columns: string[] } }> }> {
  const { data } = await ownerOctokit(sim()).repos.getContent({ owner: 'acme', repo: 'models', path: 'trainyard.lock', ref: BRANCH });
  return JSON.parse(Buffer.from((data as { content: string }).content, 'base64').toString('utf8')) as never;
}

describe('drift -> retraining pull request', () => {
  it('opens one pull request with a lock commit, labels and the report, dispatches retraining once, and never twice for the same data', async () => {
    await serve();
    seedRepo(sim());
    await driftRun(JUNE);
    expect(retrainPulls()).toHaveLength(1);
    const [pull] = retrainPulls();
    expect(pull).toMatchObject({ state: 'open', base: { ref: 'main' }, title: 'Retrain churn: input data drifted', user: { login: 'trainyard[bot]' } });
    expect(pull!.body).toContain('<!-- trainyard:retrain:churn -->');
    expect(pull!.body).toMatch(/50% of the columns drifted \(the limit is 50%\)/);
    expect(pull!.body).toMatch(/\| origin \| chisquare \| — \| 0 \| 0\.0500 \| drifted \|/);
    expect(sim().state.repo(REPO)!.issueLabels.get(pull!.number)).toEqual(['trainyard', 'trainyard:retrain']);
    const lock = await lockOnBranch();
    expect(lock.models.churn!.dataSnapshot).toMatch(/^drift:[0-9a-f]{32}$/);
    expect(lock.models.churn!.drift.columns).toEqual(['origin', 'destination']);
    expect(dispatches()).toMatchObject([{ path: '.github/workflows/trainyard-retrain.yml', headBranch: BRANCH, inputs: { model: 'churn', reason: 'drift', 'data-snapshot': lock.models.churn!.dataSnapshot } }]);

    const before = JSON.stringify([sim().state.repo(REPO)!.pulls, dispatches(), sim().state.repo(REPO)!.git.refs.get(`refs/heads/${BRANCH}`)]);
    for (const delivery of [...sim().webhooks.deliveries]) sim().webhooks.redeliver(delivery.id);
    await sim().webhooks.idle();
    await driftRun(JUNE);
    expect(JSON.stringify([sim().state.repo(REPO)!.pulls, dispatches(), sim().state.repo(REPO)!.git.refs.get(`refs/heads/${BRANCH}`)])).toBe(before);
  });

  it('updates the same pull request and dispatches again when new data drifts', async () => {
    await serve();
    seedRepo(sim());
    await driftRun(JUNE);
    const first = (await lockOnBranch()).models.churn!.dataSnapshot;
    const july = JSON.parse(JUNE) as { current: { rows: number } };
    july.current.rows = 12_000;
    await driftRun(JSON.stringify(july));
    expect(retrainPulls()).toHaveLength(1);
    const second = (await lockOnBranch()).models.churn!.dataSnapshot;
    expect(second).not.toBe(first);
    expect(retrainPulls()[0]!.body).toContain(second);
    expect(dispatches().map((r) => r.inputs['data-snapshot'])).toEqual([first, second]);
  });

  it('does nothing when the data has not drifted, and ignores drift artifacts of unknown models', async () => {
    await serve();
    seedRepo(sim());
    await driftRun(JSON.stringify({ ...JSON.parse(JUNE), drifted: false, share: 0.25 }));
    sim().scenario.completeWorkflowRun({ repo: REPO, workflow: 'trainyard-drift.yml', branch: 'main', event: 'schedule', artifacts: [{ name: 'trainyard-drift-fraud', files: [{ path: 'drift.json', content: JUNE }] }] });
    await sim().webhooks.idle();
    expect(retrainPulls()).toHaveLength(0);
    expect(dispatches()).toHaveLength(0);
    expect(sim().state.repo(REPO)!.git.refs.has(`refs/heads/${BRANCH}`)).toBe(false);
  });

  it('a drift.json that is not the contract leaves a neutral check saying what failed', async () => {
    await serve();
    seedRepo(sim());
    await driftRun('{"drifted": "yes"}');
    const [check] = sim().state.repo(REPO)!.checkRuns.filter((c) => c.name === 'trainyard / drift churn');
    expect(check).toMatchObject({ conclusion: 'neutral' });
    expect(check!.output.summary).toMatch(/trainyard-drift-churn\/drift\.json: drifted/);
    expect(retrainPulls()).toHaveLength(0);
  });
});
