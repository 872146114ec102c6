import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Octokit } from '@octokit/rest';
import { afterEach, describe, expect, it } from 'vitest';
import { useSimulator } from './vitest.ts';

const sim = useSimulator();
let sink: Server | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => (sink ? sink.close(() => resolve()) : resolve()));
  sink = undefined;
});

async function installApp(): Promise<{ token: string; appId: number }> {
  sink = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(202).end());
  });
  await new Promise<void>((resolve) => sink!.listen(0, '127.0.0.1', resolve));
  const app = sim().seed.app({ slug: 'trainyard', webhook: { url: `http://127.0.0.1:${(sink.address() as AddressInfo).port}/`, secret: 's' } });
  const installation = sim().seed.installation({ appId: app.id, account: 'acme' });
  return { token: sim().seed.installationToken({ installationId: installation.id }), appId: app.id };
}

describe('webhook payloads', () => {
  it('conform to @octokit/webhooks-schemas for every event a flow raises', async () => {
    const { token, appId } = await installApp();
    sim().seed.repo({ fullName: 'acme/models', files: { 'README.md': 'x', '.github/workflows/train.yml': 'on: [push, workflow_dispatch]\njobs: {}\n' }, collaborators: { alice: 'write', bob: 'write' } });
    sim().seed.environment({ repo: 'acme/models', name: 'production', protectionApps: [appId] });
    const bot = new Octokit({ baseUrl: sim().url, auth: token });
    const head = await sim().scenario.push({ repo: 'acme/models', branch: 'feature', files: { 'a.txt': 'a' }, author: 'alice' });
    const number = await sim().scenario.openPullRequest({ repo: 'acme/models', head: 'feature', title: 'Add a', author: 'alice' });
    await bot.issues.addLabels({ owner: 'acme', repo: 'models', issue_number: number, labels: ['trainyard'] });
    await sim().scenario.comment({ repo: 'acme/models', number, author: 'bob', body: '/trainyard retrain' });
    await sim().scenario.submitReview({ repo: 'acme/models', number, reviewer: 'bob', event: 'APPROVE' });
    const { data: check } = await bot.checks.create({ owner: 'acme', repo: 'models', name: 'trainyard / churn', head_sha: head, status: 'in_progress', actions: [{ label: 'Retrain', description: 'Retrain', identifier: 'retrain' }] });
    await bot.checks.update({ owner: 'acme', repo: 'models', check_run_id: check.id, conclusion: 'success', output: { title: 'ok', summary: 'ok' } });
    sim().scenario.clickCheckRunAction({ repo: 'acme/models', checkRunId: check.id, identifier: 'retrain', by: 'bob' });
    await sim().scenario.merge({ repo: 'acme/models', number, by: 'bob' });
    const run = sim().scenario.completeWorkflowRun({ repo: 'acme/models', workflow: 'train.yml', artifacts: [{ name: 'm', files: [{ path: 'm.txt', content: 'm' }] }] });
    sim().scenario.requestDeployment({ repo: 'acme/models', runId: run.id, environment: 'production', pullRequests: [number] });
    sim().scenario.runSchedule({ repo: 'acme/models', workflow: 'train.yml' });
    const { data: deployment } = await bot.repos.createDeployment({ owner: 'acme', repo: 'models', ref: 'main', environment: 'staging', required_contexts: [] });
    await bot.repos.createDeploymentStatus({ owner: 'acme', repo: 'models', deployment_id: (deployment as { id: number }).id, state: 'success' });
    await bot.repos.createRelease({ owner: 'acme', repo: 'models', tag_name: 'churn@v1' });
    await sim().webhooks.idle();
    const events = new Set(sim().webhooks.deliveries.map((d) => `${d.event}${d.action ? `.${d.action}` : ''}`));
    expect([...events].sort()).toEqual([
      'check_run.completed',
      'check_run.created',
      'check_run.requested_action',
      'deployment.created',
      'deployment_protection_rule.requested',
      'deployment_status.created',
      'issue_comment.created',
      'pull_request.closed',
      'pull_request.labeled',
      'pull_request.opened',
      'pull_request_review.submitted',
      'push',
      'release.created',
      'release.published',
      'workflow_run.completed',
      'workflow_run.requested',
    ]);
    expect(sim().webhooks.deliveries.every((d) => d.statusCode === 202)).toBe(true);
  });
});
