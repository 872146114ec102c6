import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checks, comments, REPO, SECRET, seedRepo, useServedApp } from './harness.ts';

const { sim, serve } = useServedApp();

describe('App security', () => {
  it('refuses a malicious artifact from a fork: no file is used, the comment names the problem', async () => {
    await serve();
    seedRepo(sim());
    sim().seed.repo({ fullName: 'mallory/models', forkOf: REPO, collaborators: {} });
    await sim().scenario.push({ repo: 'mallory/models', branch: 'evil', files: { 'train.mjs': 'x' }, author: 'mallory' });
    const number = await sim().scenario.openPullRequest({ repo: REPO, head: 'mallory:evil', title: 'Improve', author: 'mallory' });
    sim().scenario.completeWorkflowRun({
      repo: REPO, workflow: 'trainyard-pr.yml', branch: 'evil', headRepo: 'mallory/models', event: 'pull_request',
      artifacts: [{ name: 'trainyard-churn', files: [{ path: 'metrics.json', content: '{"roc_auc":0.99}' }, { path: '../../.github/workflows/pwn.yml', content: 'on: push' }] }],
    });
    await sim().webhooks.idle();
    // The simulator keeps a fork's commits out of the base repository, so no check run can be set on them there.
    expect(checks(sim(), 'trainyard / churn')).toHaveLength(0);
    const comment = comments(sim()).find((c) => c.issueNumber === number)!;
    expect(comment.body).toContain('would be written outside the extraction folder');
    expect(comment.body).toContain('came from a fork');
  });

  it('refuses a /trainyard command from a user without write access, politely, once', async () => {
    await serve();
    seedRepo(sim());
    await sim().scenario.push({ repo: REPO, branch: 'feature', files: { 'a.txt': 'a' }, author: 'alice' });
    const number = await sim().scenario.openPullRequest({ repo: REPO, head: 'feature', title: 'x', author: 'alice' });
    sim().seed.user({ login: 'eve' });
    await sim().webhooks.idle();
    // The simulator lets only writers comment; eve has read access when the App asks.
    sim().state.repo(REPO)!.roles.set('eve', 'write');
    const commented = sim().scenario.comment({ repo: REPO, number, author: 'eve', body: '/trainyard retrain please' });
    await commented;
    sim().state.repo(REPO)!.roles.set('eve', 'read');
    await sim().webhooks.idle();
    for (const d of [...sim().webhooks.deliveries]) if (d.event === 'issue_comment') sim().webhooks.redeliver(d.id);
    await sim().webhooks.idle();
    const replies = comments(sim()).filter((c) => c.user.login === 'trainyard[bot]');
    expect(replies).toHaveLength(1);
    expect(replies[0]!.body).toMatch(/Only people with write access/);
    expect(sim().state.repo(REPO)!.runs.filter((r) => r.event === 'workflow_dispatch')).toHaveLength(0);
  });

  it('answers a delivery with a bad signature with an error and does nothing', async () => {
    const app = await serve();
    seedRepo(sim());
    const body = JSON.stringify({ action: 'created', comment: { body: '/trainyard retrain' } });
    const forged = `sha256=${createHmac('sha256', 'not-the-secret').update(body).digest('hex')}`;
    const res = await fetch(app.url, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-github-event': 'issue_comment', 'x-github-delivery': 'x1', 'x-hub-signature-256': forged } });
    expect(res.status).toBeGreaterThanOrEqual(400);
    const unsigned = await fetch(app.url, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-github-event': 'issue_comment', 'x-github-delivery': 'x2' } });
    expect(unsigned.status).toBeGreaterThanOrEqual(400);
    expect(SECRET).not.toBe('not-the-secret');
    expect(comments(sim())).toHaveLength(0);
  });
});
