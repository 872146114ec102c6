/**
 * The GitHub Actions mode on the simulator: the payload GitHub writes to
 * GITHUB_EVENT_PATH, the job's GITHUB_TOKEN (an installation token of the
 * `github-actions` App), and the App's handlers: the comment and the check come from
 * github-actions[bot]; a re-run changes nothing; a failing handler fails the job; the
 * deployment gate is refused.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { runInActions } from '../../app/actions-adapter.ts';
import { useSimulator } from '../sim/vitest.ts';
import { checks, comments, pipelineArtifact, REPO, seedRepo } from './harness.ts';
import { UnretriedOctokit } from '../../app/sandbox/serve.ts';

const sim = useSimulator();
let sink: Server | undefined;
afterEach(async () => {
  await sim().webhooks.idle();
  await new Promise<void>((resolve) => (sink ? sink.close(() => resolve()) : resolve()));
  sink = undefined;
});

/** GitHub Actions, as far as the App sees it: an App `github-actions` installed on the repository, and its deliveries. */
async function actionsApp(): Promise<string> {
  sink = createServer((_req, res) => res.writeHead(204).end());
  await new Promise<void>((resolve) => sink!.listen(0, '127.0.0.1', resolve));
  const seeded = sim().seed.app({ slug: 'github-actions', webhook: { url: `http://127.0.0.1:${(sink.address() as AddressInfo).port}/`, secret: 's' } });
  const installation = sim().seed.installation({ appId: seeded.id, account: 'acme' });
  return sim().seed.installationToken({ installationId: installation.id });
}

/** Writes the last delivery of `event` as a workflow's event file (no `installation`: GITHUB_TOKEN is no App installation of the team's). */
async function eventFile(event: string): Promise<string> {
  const delivery = sim().webhooks.deliveries.filter((d) => d.event === event).at(-1)!;
  const payload = { ...delivery.payload };
  delete payload.installation;
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'trainyard-actions-')), 'event.json');
  await writeFile(file, JSON.stringify(payload));
  return file;
}

async function run(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runInActions({ env: { LOG_LEVEL: 'fatal', GITHUB_RUN_ID: '77', ...env }, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, UnretriedOctokit);
  return { code, stdout, stderr };
}

it('turns a completed pipeline run into the comment and the check, once', async () => {
  seedRepo(sim());
  const token = await actionsApp();
  const head = await sim().scenario.push({ repo: REPO, branch: 'feature', files: { 'train.mjs': 'x' }, author: 'alice' });
  const number = await sim().scenario.openPullRequest({ repo: REPO, head: 'feature', title: 'Better model', author: 'alice' });
  sim().scenario.completeWorkflowRun({ repo: REPO, workflow: 'trainyard-pr.yml', branch: 'feature', event: 'pull_request', artifacts: pipelineArtifact({ roc_auc: 0.75 }) });
  await sim().webhooks.idle();
  const env = { GITHUB_EVENT_NAME: 'workflow_run', GITHUB_EVENT_PATH: await eventFile('workflow_run'), GITHUB_TOKEN: token, GITHUB_API_URL: sim().url };
  const first = await run(env);
  expect(first, first.stderr).toMatchObject({ code: 0, stdout: 'trainyard App: handled workflow_run.completed\n' });
  const ours = comments(sim()).filter((c) => c.body.startsWith('<!-- trainyard:churn -->'));
  expect(ours).toMatchObject([{ issueNumber: number, user: { login: 'github-actions[bot]' } }]);
  expect(ours[0]!.body).toContain('roc_auc');
  expect(checks(sim(), 'trainyard / churn')).toMatchObject([{ headSha: head, conclusion: 'success' }]);
  const before = JSON.stringify([comments(sim()), checks(sim(), 'trainyard / churn')]);
  expect((await run({ ...env, GITHUB_RUN_ATTEMPT: '2' })).code).toBe(0);
  expect(JSON.stringify([comments(sim()), checks(sim(), 'trainyard / churn')])).toBe(before);
});

it('takes pull_request_target as pull_request: a new push marks the comparison stale', async () => {
  seedRepo(sim());
  const token = await actionsApp();
  await sim().scenario.push({ repo: REPO, branch: 'feature', files: { 'train.mjs': 'x' }, author: 'alice' });
  const number = await sim().scenario.openPullRequest({ repo: REPO, head: 'feature', title: 'Better model', author: 'alice' });
  sim().scenario.completeWorkflowRun({ repo: REPO, workflow: 'trainyard-pr.yml', branch: 'feature', event: 'pull_request', artifacts: pipelineArtifact({ roc_auc: 0.75 }) });
  await sim().webhooks.idle();
  const env = { GITHUB_TOKEN: token, GITHUB_API_URL: sim().url };
  expect((await run({ ...env, GITHUB_EVENT_NAME: 'workflow_run', GITHUB_EVENT_PATH: await eventFile('workflow_run') })).code).toBe(0);
  const next = await sim().scenario.push({ repo: REPO, branch: 'feature', files: { 'train.mjs': 'y' }, author: 'alice' });
  await sim().webhooks.idle();
  const result = await run({ ...env, GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_EVENT_PATH: await eventFile('pull_request') });
  expect(result).toMatchObject({ code: 0, stdout: 'trainyard App: handled pull_request.synchronize\n' });
  expect(comments(sim()).find((c) => c.issueNumber === number)!.body).toContain(`moved on to ${next.slice(0, 7)}`);
});

it('fails the job when a handler fails, naming the event and the cause', async () => {
  seedRepo(sim());
  const token = await actionsApp();
  await sim().scenario.push({ repo: REPO, branch: 'feature', files: { 'train.mjs': 'x' }, author: 'alice' });
  await sim().scenario.openPullRequest({ repo: REPO, head: 'feature', title: 'Better model', author: 'alice' });
  sim().scenario.completeWorkflowRun({ repo: REPO, workflow: 'trainyard-pr.yml', branch: 'feature', event: 'pull_request', artifacts: pipelineArtifact({ roc_auc: 0.75 }) });
  await sim().webhooks.idle();
  sim().faults.add({ operationId: 'checks/create', rate: 1, fault: { kind: 'status', status: 503 } });
  const result = await run({ GITHUB_EVENT_NAME: 'workflow_run', GITHUB_EVENT_PATH: await eventFile('workflow_run'), GITHUB_TOKEN: token, GITHUB_API_URL: sim().url });
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/^::error::trainyard App: workflow_run\.completed failed: Server Error \(HTTP 503 from POST \/repos\/acme\/models\/check-runs\)$/m);
  sim().faults.reset();
  expect((await run({ GITHUB_EVENT_NAME: 'workflow_run', GITHUB_EVENT_PATH: await eventFile('workflow_run'), GITHUB_TOKEN: token, GITHUB_API_URL: sim().url })).code).toBe(0);
  expect(checks(sim(), 'trainyard / churn')).toMatchObject([{ conclusion: 'success' }]);
});

it.each([
  ['the deployment gate', { GITHUB_EVENT_NAME: 'deployment_protection_rule', GITHUB_EVENT_PATH: '/dev/null', GITHUB_TOKEN: 't' }, /deployment_protection_rule is not supported in the GitHub Actions mode/],
  ['no event', { GITHUB_TOKEN: 't' }, /GITHUB_EVENT_NAME and GITHUB_EVENT_PATH are not set/],
  ['no token', { GITHUB_EVENT_NAME: 'workflow_run', GITHUB_EVENT_PATH: '/dev/null' }, /GITHUB_TOKEN is not set/],
  ['an unreadable payload', { GITHUB_EVENT_NAME: 'workflow_run', GITHUB_EVENT_PATH: '/nonexistent/event.json', GITHUB_TOKEN: 't' }, /GITHUB_EVENT_PATH \/nonexistent\/event\.json: cannot read it \(ENOENT\)/],
])('refuses %s with exit code 2 and one line', async (_name, env, message) => {
  const result = await run(env);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(message);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
});

it('does nothing, successfully, for an event the App does not handle', async () => {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'trainyard-actions-')), 'event.json');
  await writeFile(file, JSON.stringify({ action: 'opened' }));
  const result = await run({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: file, GITHUB_TOKEN: 't' });
  expect(result).toMatchObject({ code: 0, stdout: expect.stringMatching(/^trainyard App: nothing to do for pull_request\.opened/) });
});
