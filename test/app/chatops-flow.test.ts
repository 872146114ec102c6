/** The check's Retrain / Re-compare buttons and the `/trainyard` commands, end to end on the simulator. */
import { describe, expect, it } from 'vitest';
import { checks, comments, pipelineArtifact, registerVersion, registry, REPO, seedRepo, useServedApp } from './harness.ts';

const { sim, serve } = useServedApp();

const promote = (version: number) => registry(sim()).promote({ model: 'churn', version, environment: 'production', decision: 'approved', approvers: ['bob'], gate: { passed: true, summary: 'seed' }, reason: 'seed', runUrl: null, actor: 'acme' });
const dispatches = () => sim().state.repo(REPO)!.runs.filter((r) => r.event === 'workflow_dispatch');
const replies = () => comments(sim()).filter((c) => c.user.login === 'trainyard[bot]' && !c.body.startsWith('<!-- trainyard:'));

/** Champion v1 (0.7) in production; alice's pull request with a pipeline run at 0.75. */
async function reviewedPullRequest(): Promise<{ number: number; base: string }> {
  await serve();
  seedRepo(sim());
  sim().seed.user({ login: 'eve' });
  const base = sim().state.repo(REPO)!.git.refs.get('refs/heads/main')!;
  await promote(await registerVersion(sim(), { roc_auc: 0.7 }, base));
  await sim().scenario.push({ repo: REPO, branch: 'feature', files: { 'train.mjs': 'x' }, author: 'alice' });
  const number = await sim().scenario.openPullRequest({ repo: REPO, head: 'feature', title: 'Better model', author: 'alice' });
  sim().scenario.completeWorkflowRun({ repo: REPO, workflow: 'trainyard-pr.yml', branch: 'feature', event: 'pull_request', artifacts: pipelineArtifact({ roc_auc: 0.75 }) });
  await sim().webhooks.idle();
  return { number, base };
}

describe('check-run buttons', () => {
  it('Re-compare compares again with the champion of now, in the same comment and check', async () => {
    const { base } = await reviewedPullRequest();
    expect(checks(sim(), 'trainyard / churn')).toMatchObject([{ conclusion: 'success' }]);
    await promote(await registerVersion(sim(), { roc_auc: 0.8 }, base));
    const [check] = checks(sim(), 'trainyard / churn');
    sim().scenario.clickCheckRunAction({ repo: REPO, checkRunId: check!.id, identifier: 'recompare', by: 'bob' });
    await sim().webhooks.idle();
    expect(checks(sim(), 'trainyard / churn')).toMatchObject([{ id: check!.id, conclusion: 'failure' }]);
    const ours = comments(sim()).filter((c) => c.body.startsWith('<!-- trainyard:churn -->'));
    expect(ours).toHaveLength(1);
    expect(ours[0]!.body).toContain('champion churn@v2');
  });

  it('Retrain dispatches the retraining workflow on the pull request branch; a reader\'s click does nothing', async () => {
    await reviewedPullRequest();
    const [check] = checks(sim(), 'trainyard / churn');
    sim().scenario.clickCheckRunAction({ repo: REPO, checkRunId: check!.id, identifier: 'retrain', by: 'eve' });
    await sim().webhooks.idle();
    expect(dispatches()).toHaveLength(0);
    sim().scenario.clickCheckRunAction({ repo: REPO, checkRunId: check!.id, identifier: 'retrain', by: 'bob' });
    await sim().webhooks.idle();
    expect(dispatches()).toMatchObject([{ path: '.github/workflows/trainyard-retrain.yml', headBranch: 'feature', inputs: { model: 'churn', reason: 'requested by bob from the check' } }]);
  });
});

describe('/trainyard commands', () => {
  it('/trainyard compare v1 answers with the comparison against that version, once', async () => {
    const { number } = await reviewedPullRequest();
    await sim().scenario.comment({ repo: REPO, number, author: 'bob', body: 'Against the first one?\n/trainyard compare v1' });
    await sim().webhooks.idle();
    for (const d of [...sim().webhooks.deliveries]) if (d.event === 'issue_comment') sim().webhooks.redeliver(d.id);
    await sim().webhooks.idle();
    expect(replies()).toHaveLength(1);
    expect(replies()[0]!.body).toMatch(/^## ✅ trainyard: churn passes\n\n\*\*pass: roc_auc, the one gated metric, met the policy\*\*, against the churn@v1\.\n\nCandidate at [0-9a-f]{7} against churn@v1, not the production champion\./);
    expect(replies()[0]!.body).toMatch(/^\| roc_auc ↑ \| 0\.7000 \| 0\.7500 \| \+0\.0500 \(\+7\.1%\) \| ✅ pass \|$/m);
  });

  it('/trainyard retrain dispatches on the pull request branch with the reason; a bad version gets the usage', async () => {
    const { number } = await reviewedPullRequest();
    await sim().scenario.comment({ repo: REPO, number, author: 'bob', body: '/trainyard retrain new holiday data' });
    await sim().scenario.comment({ repo: REPO, number, author: 'bob', body: '/trainyard compare latest' });
    await sim().webhooks.idle();
    expect(dispatches()).toMatchObject([{ headBranch: 'feature', inputs: { model: 'churn', reason: 'new holiday data' } }]);
    expect(replies().map((c) => c.body)).toEqual(expect.arrayContaining([
      'Retraining of **churn** dispatched on `feature` (new holiday data).',
      'usage: `/trainyard compare [model] <version>`, for example `/trainyard compare v3`',
    ]));
  });
});
