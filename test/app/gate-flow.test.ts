import { describe, expect, it } from 'vitest';
import { registerVersion, registry, REPO, seedRepo, useServedApp } from './harness.ts';
import { pipelineArtifact } from './harness.ts';

const { sim, serve } = useServedApp();

interface Setup { reviewer?: string; pushAfterReview?: boolean; candidateAuc?: number; demoteReviewer?: boolean }

/** Champion v1 (0.7) in production; a PR by alice, reviewed, merged; candidate v2 from the merge commit; the release run reaches production. */
async function release(setup: Setup = {}) {
  const app = await serve();
  seedRepo(sim());
  sim().seed.environment({ repo: REPO, name: 'production', protectionApps: [app.appId] });
  const base = sim().state.repo(REPO)!.git.refs.get('refs/heads/main')!;
  const v1 = await registerVersion(sim(), { roc_auc: 0.7 }, base);
  await registry(sim()).promote({ model: 'churn', version: v1, environment: 'production', decision: 'approved', approvers: ['bob'], gate: { passed: true, summary: 'first' }, reason: 'seed', runUrl: null, actor: 'acme' });
  await sim().scenario.push({ repo: REPO, branch: 'feature', files: { 'train.mjs': 'x' }, author: 'alice' });
  const number = await sim().scenario.openPullRequest({ repo: REPO, head: 'feature', title: 'Better model', author: 'alice' });
  const reviewSha = sim().state.repo(REPO)!.git.refs.get('refs/heads/feature')!;
  if (setup.reviewer) await sim().scenario.submitReview({ repo: REPO, number, reviewer: setup.reviewer, event: 'APPROVE' });
  // The simulator, like a private repository, lets only writers review: the reviewer loses write access afterwards.
  if (setup.demoteReviewer) sim().state.repo(REPO)!.roles.set(setup.reviewer!, 'read');
  if (setup.pushAfterReview) await sim().scenario.push({ repo: REPO, branch: 'feature', files: { 'train.mjs': 'y' }, author: 'alice' });
  sim().scenario.completeWorkflowRun({ repo: REPO, workflow: 'trainyard-pr.yml', branch: 'feature', event: 'pull_request', artifacts: pipelineArtifact({ roc_auc: setup.candidateAuc ?? 0.8 }) });
  await sim().webhooks.idle();
  const merge = await sim().scenario.merge({ repo: REPO, number, by: 'bob' });
  await registerVersion(sim(), { roc_auc: setup.candidateAuc ?? 0.8 }, merge);
  const run = sim().scenario.completeWorkflowRun({ repo: REPO, workflow: 'trainyard-release.yml', branch: 'main' });
  sim().scenario.requestDeployment({ repo: REPO, runId: run.id, environment: 'production' });
  await sim().webhooks.idle();
  const [review] = sim().state.repo(REPO)!.protectionReviews;
  return { review: review!, reviewSha, number };
}

describe('the promotion gate (deployment_protection_rule)', () => {
  it('approves a better candidate approved on its final head by a writer, and records the decision', async () => {
    const { review } = await release({ reviewer: 'bob' });
    expect(review).toMatchObject({ environment: 'production', state: 'approved' });
    expect(review.comment).toMatch(/^Approved churn@v2 for production: pass: .*approved by bob/);
    const history = await registry(sim()).history('churn', 'production');
    expect(history.at(-1)).toMatchObject({ version: 2, decision: 'approved', approvers: ['bob'], actor: 'trainyard[bot]' });
    const deployed = sim().state.repo(REPO)!.deployments[0]!.sha;
    expect(sim().state.repo(REPO)!.checkRuns.filter((c) => c.name === 'trainyard / promotion' && c.headSha === deployed)).toMatchObject([{ conclusion: 'success' }]);
  });

  it.each([
    ['no approval at all (self-approval is impossible, so the author alone is not enough)', {}, /0 of 1 required approval/],
    ['an approval of an older head commit', { reviewer: 'bob', pushAfterReview: true }, /bob approved [0-9a-f]{7}, not the final head/],
    ['an approval by a user with read access only', { reviewer: 'carol', demoteReviewer: true }, /carol has read access, not write/],
    ['a candidate worse than the champion', { reviewer: 'bob', candidateAuc: 0.69 }, /policy fail: roc_auc did not meet the policy/],
  ])('rejects %s', async (_name, setup, reason) => {
    const { review } = await release(setup);
    expect(review.state).toBe('rejected');
    expect(review.comment).toMatch(reason);
    expect(review.comment!.length).toBeLessThanOrEqual(1024);
    const history = await registry(sim()).history('churn', 'production');
    expect(history.at(-1)).toMatchObject({ version: 2, decision: 'rejected' });
  });

  it('rejects when no candidate version exists for the deployed commit (fail closed)', async () => {
    const app = await serve();
    seedRepo(sim());
    sim().seed.environment({ repo: REPO, name: 'production', protectionApps: [app.appId] });
    const run = sim().scenario.completeWorkflowRun({ repo: REPO, workflow: 'trainyard-release.yml', branch: 'main' });
    sim().scenario.requestDeployment({ repo: REPO, runId: run.id, environment: 'production' });
    await sim().webhooks.idle();
    const [review] = sim().state.repo(REPO)!.protectionReviews;
    expect(review).toMatchObject({ state: 'rejected' });
    expect(review!.comment).toMatch(/no candidate version/);
    for (const delivery of [...sim().webhooks.deliveries]) sim().webhooks.redeliver(delivery.id);
    await sim().webhooks.idle();
    expect(sim().state.repo(REPO)!.protectionReviews).toHaveLength(1);
  });
});
