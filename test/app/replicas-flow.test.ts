/**
 * Two App replicas behind one webhook URL: every delivery reaches both at once (the
 * harness fans it out), as when a load balancer retries or two instances share a queue.
 * Claims (atomic ref creation) must leave exactly one of every object.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pipelineArtifact, registerVersion, registry, REPO, seedRepo, useServedApp } from './harness.ts';

const JUNE = readFileSync(new URL('../fixtures/app/drift-june.json', import.meta.url), 'utf8');
const { sim, serve } = useServedApp();

/** Every object the App creates, keyed so that a duplicate shows as a count above 1. */
function created(): Map<string, number> {
  const repo = sim().state.repo(REPO)!;
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const c of repo.comments) if (c.user.login === 'trainyard[bot]') add(`comment #${c.issueNumber} ${c.body.split('\n')[0]!.slice(0, 60)}`);
  for (const c of repo.checkRuns) add(`check ${c.name} @${c.headSha.slice(0, 7)}`);
  for (const r of repo.protectionReviews) add(`gate answer ${r.environment}`);
  for (const p of repo.pulls) add(`pull ${p.head.ref}`);
  for (const r of repo.runs) if (r.event === 'workflow_dispatch') add(`dispatch ${r.headBranch} ${String(r.inputs['data-snapshot'] || r.inputs.reason)}`);
  return counts;
}

describe('two App replicas on one simulator', () => {
  it('produce one comment, check, gate answer, retraining pull request and dispatch each, also on redelivery', async () => {
    const app = await serve({ replicas: 2 });
    seedRepo(sim());
    sim().seed.environment({ repo: REPO, name: 'production', protectionApps: [app.appId] });
    const base = sim().state.repo(REPO)!.git.refs.get('refs/heads/main')!;
    const v1 = await registerVersion(sim(), { roc_auc: 0.7 }, base);
    await registry(sim()).promote({ model: 'churn', version: v1, environment: 'production', decision: 'approved', approvers: ['bob'], gate: { passed: true, summary: 'seed' }, reason: 'seed', runUrl: null, actor: 'acme' });

    await sim().scenario.push({ repo: REPO, branch: 'feature', files: { 'train.mjs': 'x' }, author: 'alice' });
    const number = await sim().scenario.openPullRequest({ repo: REPO, head: 'feature', title: 'Better model', author: 'alice' });
    sim().scenario.completeWorkflowRun({ repo: REPO, workflow: 'trainyard-pr.yml', branch: 'feature', event: 'pull_request', artifacts: pipelineArtifact({ roc_auc: 0.8 }) });
    await sim().webhooks.idle();
    await sim().scenario.submitReview({ repo: REPO, number, reviewer: 'bob', event: 'APPROVE' });
    await sim().scenario.comment({ repo: REPO, number, author: 'bob', body: '/trainyard retrain more data' });
    await sim().webhooks.idle();
    const merge = await sim().scenario.merge({ repo: REPO, number, by: 'bob' });
    await registerVersion(sim(), { roc_auc: 0.8 }, merge);
    const run = sim().scenario.completeWorkflowRun({ repo: REPO, workflow: 'trainyard-release.yml', branch: 'main' });
    sim().scenario.requestDeployment({ repo: REPO, runId: run.id, environment: 'production' });
    sim().scenario.completeWorkflowRun({ repo: REPO, workflow: 'trainyard-drift.yml', branch: 'main', event: 'schedule', artifacts: [{ name: 'trainyard-drift-churn', files: [{ path: 'drift.json', content: JUNE }] }] });
    await sim().webhooks.idle();

    const once = created();
    expect([...once.entries()].filter(([, n]) => n > 1)).toEqual([]);
    expect([...once.keys()]).toEqual(expect.arrayContaining([
      expect.stringMatching(/^comment #1 <!-- trainyard:churn -->/),
      expect.stringMatching(/^comment #1 registered as churn@v2/),
      expect.stringMatching(/^comment #1 Retraining of \*\*churn\*\* dispatched/),
      expect.stringMatching(/^check trainyard \/ churn @/),
      expect.stringMatching(/^check trainyard \/ promotion @/),
      'gate answer production',
      'pull trainyard/retrain/churn',
      'dispatch feature more data',
      expect.stringMatching(/^dispatch trainyard\/retrain\/churn drift:/),
    ]));
    expect(sim().state.repo(REPO)!.protectionReviews).toMatchObject([{ state: 'approved' }]);
    expect((await registry(sim()).history('churn', 'production')).filter((e) => e.version === 2)).toHaveLength(1);

    for (const delivery of [...sim().webhooks.deliveries]) sim().webhooks.redeliver(delivery.id);
    await sim().webhooks.idle();
    expect(created()).toEqual(once);
    expect((await registry(sim()).history('churn', 'production')).filter((e) => e.version === 2)).toHaveLength(1);
  });
});
