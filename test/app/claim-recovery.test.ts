/**
 * A claim taken for a check or comment whose creation then failed is released, so the
 * redelivery creates the object; still exactly one of each. Faults come from the
 * simulator's fault injection (before GitHub acts, as a 502 from GitHub's front end).
 */
import { expect, it } from 'vitest';
import { claimRef } from '../../src/github/claims.ts';
import { checks, comments, pipelineArtifact, REPO, seedRepo, useServedApp } from './harness.ts';

const { sim, serve } = useServedApp();

it.each([
  ['the check run', 'checks/create'],
  ['the sticky comment', 'issues/create-comment'],
])('creates %s on the redelivery after its creation failed, once', async (_what, operationId) => {
  await serve();
  seedRepo(sim());
  const head = await sim().scenario.push({ repo: REPO, branch: 'feature', files: { 'train.mjs': 'x' }, author: 'alice' });
  const number = await sim().scenario.openPullRequest({ repo: REPO, head: 'feature', title: 'Better model', author: 'alice' });
  await sim().webhooks.idle();
  sim().faults.add({ operationId, callers: ['installation'], rate: 1, fault: { kind: 'status', status: 502 } });
  sim().scenario.completeWorkflowRun({ repo: REPO, workflow: 'trainyard-pr.yml', branch: 'feature', event: 'pull_request', artifacts: pipelineArtifact({ roc_auc: 0.75 }) });
  await sim().webhooks.idle();
  const run = sim().webhooks.deliveries.find((d) => d.event === 'workflow_run')!;
  expect(run.statusCode).toBeGreaterThanOrEqual(500);
  expect(sim().faults.injected()).toBeGreaterThan(0);
  const refs = sim().state.repo(REPO)!.git.refs;
  expect(refs.has(claimRef(`check:${head}:trainyard / churn`)) && refs.has(claimRef(`comment:${number}:<!-- trainyard:churn -->`))).toBe(false);

  sim().faults.reset();
  sim().webhooks.redeliver(run.id);
  await sim().webhooks.idle();
  expect(checks(sim(), 'trainyard / churn')).toMatchObject([{ headSha: head, conclusion: 'success' }]);
  expect(comments(sim()).filter((c) => c.body.startsWith('<!-- trainyard:churn -->'))).toHaveLength(1);
  for (const delivery of [...sim().webhooks.deliveries]) sim().webhooks.redeliver(delivery.id);
  await sim().webhooks.idle();
  expect(checks(sim(), 'trainyard / churn')).toHaveLength(1);
  expect(comments(sim()).filter((c) => c.body.startsWith('<!-- trainyard:churn -->'))).toHaveLength(1);
});
