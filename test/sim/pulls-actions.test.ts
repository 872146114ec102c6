import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Octokit } from '@octokit/rest';
import { describe, expect, it } from 'vitest';
import { useSimulator } from './vitest.ts';

const sim = useSimulator();

const WORKFLOW = 'name: Train\non:\n  workflow_dispatch:\n    inputs:\n      model: { type: string }\n  push:\njobs: {}\n';

function setup() {
  const alice = sim().seed.user({ login: 'alice' });
  const bob = sim().seed.user({ login: 'bob' });
  sim().seed.repo({ fullName: 'acme/models', files: { 'README.md': '# models\n', '.github/workflows/train.yml': WORKFLOW }, collaborators: { alice: 'write', bob: 'write' } });
  return { alice: new Octokit({ baseUrl: sim().url, auth: alice.token }), bob: new Octokit({ baseUrl: sim().url, auth: bob.token }) };
}

describe('pull requests', () => {
  it('opens a PR from a fork, ties reviews to the head commit, and merges', async () => {
    const { alice, bob } = setup();
    sim().seed.repo({ fullName: 'carol/models', forkOf: 'acme/models' });
    const first = await sim().scenario.push({ repo: 'carol/models', branch: 'tune', files: { 'params.yml': 'lr: 0.1\n' }, author: 'carol' });
    const { data: pr } = await alice.pulls.create({ owner: 'acme', repo: 'models', head: 'carol:tune', base: 'main', title: 'Tune lr' });
    expect(pr.head).toMatchObject({ sha: first, label: 'carol:tune' });
    await bob.pulls.createReview({ owner: 'acme', repo: 'models', pull_number: pr.number, event: 'APPROVE' });
    const second = await sim().scenario.push({ repo: 'carol/models', branch: 'tune', files: { 'params.yml': 'lr: 0.2\n' }, author: 'carol' });
    const { data: reviews } = await alice.pulls.listReviews({ owner: 'acme', repo: 'models', pull_number: pr.number });
    expect(reviews.map((r) => [r.user?.login, r.state, r.commit_id])).toEqual([['bob', 'APPROVED', first]]);
    const { data: now } = await alice.pulls.get({ owner: 'acme', repo: 'models', pull_number: pr.number });
    expect(now.head.sha).toBe(second);
    const associated = async (sha: string) => (await alice.repos.listPullRequestsAssociatedWithCommit({ owner: 'acme', repo: 'models', commit_sha: sha })).data.map((p) => [p.number, p.state]);
    expect(await associated(first)).toEqual([[pr.number, 'open']]);
    const { data: merged } = await bob.pulls.merge({ owner: 'acme', repo: 'models', pull_number: pr.number, sha: second });
    // On the default branch: the merged pull request that brought the commit, by its merge commit or its commits.
    expect(await associated(merged.sha!)).toEqual([[pr.number, 'closed']]);
    expect(await associated(second)).toEqual([[pr.number, 'closed']]);
    const { data: readme } = await alice.repos.getBranch({ owner: 'acme', repo: 'models', branch: 'main' });
    expect(await associated(readme.commit.parents[0]!.sha)).toEqual([]);
    const { data: main } = await alice.git.getRef({ owner: 'acme', repo: 'models', ref: 'heads/main' });
    expect(main.object.sha).toBe(merged.sha);
    const { data: file } = await alice.repos.getContent({ owner: 'acme', repo: 'models', path: 'params.yml' });
    expect(Buffer.from((file as { content: string }).content, 'base64').toString()).toBe('lr: 0.2\n');
  });

  it('refuses an approval of your own pull request', async () => {
    const { alice } = setup();
    await sim().scenario.push({ repo: 'acme/models', branch: 'x', files: { x: '1' }, author: 'alice' });
    const { data: pr } = await alice.pulls.create({ owner: 'acme', repo: 'models', head: 'x', base: 'main', title: 'x' });
    await expect(alice.pulls.createReview({ owner: 'acme', repo: 'models', pull_number: pr.number, event: 'APPROVE' })).rejects.toMatchObject({ status: 422 });
  });

  it('keeps issue comments and labels on pull requests, and rejects over-long comments', async () => {
    const { alice } = setup();
    await sim().scenario.push({ repo: 'acme/models', branch: 'x', files: { x: '1' }, author: 'alice' });
    const number = await sim().scenario.openPullRequest({ repo: 'acme/models', head: 'x', title: 'x', author: 'alice' });
    const { data: comment } = await alice.issues.createComment({ owner: 'acme', repo: 'models', issue_number: number, body: '<!-- trainyard:churn -->\nAUC 0.91' });
    await alice.issues.updateComment({ owner: 'acme', repo: 'models', comment_id: comment.id, body: '<!-- trainyard:churn -->\nAUC 0.93' });
    const { data: comments } = await alice.issues.listComments({ owner: 'acme', repo: 'models', issue_number: number });
    expect(comments.map((c) => c.body)).toEqual(['<!-- trainyard:churn -->\nAUC 0.93']);
    await expect(alice.issues.createComment({ owner: 'acme', repo: 'models', issue_number: number, body: 'x'.repeat(65_537) })).rejects.toMatchObject({ status: 422 });
    const { data: labels } = await alice.issues.addLabels({ owner: 'acme', repo: 'models', issue_number: number, labels: ['gpu-ok'] });
    expect(labels.map((l) => l.name)).toEqual(['gpu-ok']);
    await alice.issues.removeLabel({ owner: 'acme', repo: 'models', issue_number: number, name: 'gpu-ok' });
    const { data: after } = await alice.issues.listLabelsOnIssue({ owner: 'acme', repo: 'models', issue_number: number });
    expect(after).toEqual([]);
  });

  it('creates and updates files through the contents API', async () => {
    const { alice } = setup();
    const { data: created } = await alice.repos.createOrUpdateFileContents({ owner: 'acme', repo: 'models', path: 'trainyard.lock', message: 'lock', content: Buffer.from('v1\n').toString('base64') });
    await expect(alice.repos.createOrUpdateFileContents({ owner: 'acme', repo: 'models', path: 'trainyard.lock', message: 'lock', content: Buffer.from('v2\n').toString('base64'), sha: 'f'.repeat(40) })).rejects.toMatchObject({ status: 409 });
    const { data: updated } = await alice.repos.createOrUpdateFileContents({ owner: 'acme', repo: 'models', path: 'trainyard.lock', message: 'lock', content: Buffer.from('v2\n').toString('base64'), sha: created.content!.sha! });
    expect(updated.commit.parents?.[0]?.sha).toBe(created.commit.sha);
  });
});

describe('actions', () => {
  it('lists run artifacts and downloads a real zip through a 302 to a URL valid 60 seconds', async () => {
    const { alice } = setup();
    const run = sim().scenario.completeWorkflowRun({ repo: 'acme/models', workflow: 'train.yml', artifacts: [{ name: 'trainyard-churn', files: [{ path: 'metrics.json', content: '{"auc":0.9}' }, { path: 'model/weights.bin', content: Buffer.from([1, 2, 3]) }] }] });
    const { data: runData } = await alice.actions.getWorkflowRun({ owner: 'acme', repo: 'models', run_id: run.id });
    expect(runData).toMatchObject({ status: 'completed', conclusion: 'success', path: '.github/workflows/train.yml' });
    const { data: list } = await alice.actions.listWorkflowRunArtifacts({ owner: 'acme', repo: 'models', run_id: run.id });
    expect(list.artifacts.map((a) => a.name)).toEqual(['trainyard-churn']);
    const id = list.artifacts[0]!.id;
    const redirect = await fetch(`${sim().url}/repos/acme/models/actions/artifacts/${id}/zip`, { headers: { authorization: 'token ghp_alice' }, redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const location = redirect.headers.get('location')!;
    const { data: zip } = await alice.actions.downloadArtifact({ owner: 'acme', repo: 'models', artifact_id: id, archive_format: 'zip' });
    const dir = mkdtempSync(join(tmpdir(), 'sim-zip-'));
    writeFileSync(join(dir, 'a.zip'), Buffer.from(zip as ArrayBuffer));
    execFileSync('python3', ['-c', 'import zipfile,sys; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', join(dir, 'a.zip'), dir]);
    expect(readFileSync(join(dir, 'metrics.json'), 'utf8')).toBe('{"auc":0.9}');
    expect([...readFileSync(join(dir, 'model/weights.bin'))]).toEqual([1, 2, 3]);
    sim().clock.advance(61_000);
    expect((await fetch(location)).status).toBe(403);
  });

  it('dispatches a workflow and returns the run details', async () => {
    const { alice } = setup();
    const { data, status } = await alice.actions.createWorkflowDispatch({ owner: 'acme', repo: 'models', workflow_id: 'train.yml', ref: 'main', inputs: { model: 'churn' }, return_run_details: true });
    expect(status).toBe(200);
    const details = data as unknown as { workflow_run_id: number };
    const { data: run } = await alice.actions.getWorkflowRun({ owner: 'acme', repo: 'models', run_id: details.workflow_run_id });
    expect(run).toMatchObject({ event: 'workflow_dispatch', status: 'queued', head_branch: 'main' });
    await expect(alice.actions.createWorkflowDispatch({ owner: 'acme', repo: 'models', workflow_id: 'nope.yml', ref: 'main' })).rejects.toMatchObject({ status: 404 });
  });

  it('generates a JIT runner config with the App token and refuses a duplicate name', async () => {
    setup();
    const app = sim().seed.app();
    const installation = sim().seed.installation({ appId: app.id, account: 'acme' });
    const octokit = new Octokit({ baseUrl: sim().url, auth: sim().seed.installationToken({ installationId: installation.id }) });
    const { data } = await octokit.actions.generateRunnerJitconfigForRepo({ owner: 'acme', repo: 'models', name: 'gpu-1', runner_group_id: 1, labels: ['gpu'] });
    expect(JSON.parse(Buffer.from(data.encoded_jit_config, 'base64').toString())).toHaveProperty('.runner');
    expect(data.runner.labels.map((l) => l.name)).toEqual(['self-hosted', 'gpu']);
    await expect(octokit.actions.generateRunnerJitconfigForRepo({ owner: 'acme', repo: 'models', name: 'gpu-1', runner_group_id: 1, labels: ['gpu'] })).rejects.toMatchObject({ status: 409 });
  });

  it('records deployments, statuses and environments', async () => {
    const { alice } = setup();
    const { data: deployment } = await alice.repos.createDeployment({ owner: 'acme', repo: 'models', ref: 'main', environment: 'staging', auto_merge: false, required_contexts: [] });
    const id = (deployment as { id: number }).id;
    await alice.repos.createDeploymentStatus({ owner: 'acme', repo: 'models', deployment_id: id, state: 'success', environment_url: 'https://example.com' });
    const { data: statuses } = await alice.repos.listDeploymentStatuses({ owner: 'acme', repo: 'models', deployment_id: id });
    expect(statuses.map((s) => s.state)).toEqual(['success']);
    const { data: envs } = await alice.repos.getAllEnvironments({ owner: 'acme', repo: 'models' });
    expect(envs.environments?.map((e) => e.name)).toEqual(['staging']);
  });
});
