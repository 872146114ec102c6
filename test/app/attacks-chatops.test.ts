/** `canWrite` under a rate limit or a server error: an error, never "no write access", and no refusal claimed. */
import { expect, it } from 'vitest';
import { comments, pipelineArtifact, REPO, seedRepo, useServedApp } from './harness.ts';

const { sim, serve } = useServedApp();

it.each([
  ['a server error', { kind: 'status', status: 502 }],
  ['a secondary rate limit', { kind: 'secondary-rate-limit', status: 403, retryAfterSeconds: 1 }],
] as const)('a writer\'s command under %s of the permission check is not refused; the redelivery runs it', async (_what, fault) => {
  await serve();
  seedRepo(sim());
  await sim().scenario.push({ repo: REPO, branch: 'feature', files: { 'train.mjs': 'x' }, author: 'alice' });
  const number = await sim().scenario.openPullRequest({ repo: REPO, head: 'feature', title: 'Better model', author: 'alice' });
  sim().scenario.completeWorkflowRun({ repo: REPO, workflow: 'trainyard-pr.yml', branch: 'feature', event: 'pull_request', artifacts: pipelineArtifact({ roc_auc: 0.75 }) });
  await sim().webhooks.idle();
  sim().faults.add({ operationId: 'repos/get-collaborator-permission-level', callers: ['installation'], rate: 1, fault });
  await sim().scenario.comment({ repo: REPO, number, author: 'bob', body: '/trainyard retrain' });
  await sim().webhooks.idle();
  const refusals = () => comments(sim()).filter((c) => c.user.login === 'trainyard[bot]' && c.body.includes('Only people with write access'));
  expect(refusals()).toEqual([]);
  sim().faults.reset();
  for (const d of [...sim().webhooks.deliveries]) if (d.event === 'issue_comment') sim().webhooks.redeliver(d.id);
  await sim().webhooks.idle();
  expect(refusals()).toEqual([]);
  expect(sim().state.repo(REPO)!.runs.filter((r) => r.event === 'workflow_dispatch')).toMatchObject([{ headBranch: 'feature' }]);
});
