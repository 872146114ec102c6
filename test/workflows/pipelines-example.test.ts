/**
 * The reusable workflows run end to end, through the callers `trainyard init` writes,
 * on the flight-delays example in a simulated repository: the workflow executor runs
 * every job and step (the composite actions and the bundled CLI for real, third-party
 * actions as stand-ins), with each job's GITHUB_TOKEN holding exactly its permissions.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample, runCli } from '../helpers/cli.ts';
import { useSimulator } from '../sim/vitest.ts';
import { executorFor, failures, initProject, jobsOf, octokit } from './project.ts';

const sim = useSimulator();
const MODEL = 'flight-delays';
const INIT = ['--model', MODEL, '--command', 'node train.mjs', '--data', 'data/train.csv'];

async function seedExample() {
  const dir = await copyExample();
  const config = readFileSync(path.join(dir, '.github/trainyard.yml'), 'utf8');
  const files = await initProject(dir, INIT, config);
  const { token } = sim().seed.user({ login: 'alice' });
  const repo = sim().seed.repo({ fullName: 'acme/flights', files, collaborators: { alice: 'admin', bob: 'write' } });
  return { token, repo, files };
}

describe('the reusable workflows on the flight-delays example', () => {
  it('pull request: validate, train on the GPU runner, evaluate; the candidate is an artifact of the run', async () => {
    const { token } = await seedExample();
    const head = await sim().scenario.push({ repo: 'acme/flights', branch: 'tune', files: { 'NOTES.md': 'tuning\n' }, author: 'alice' });
    const number = await sim().scenario.openPullRequest({ repo: 'acme/flights', head: 'tune', title: 'Tune', author: 'alice' });
    const { data: pr } = await octokit(sim(), token).pulls.get({ owner: 'acme', repo: 'flights', pull_number: number });
    const executor = executorFor(sim());
    const run = await executor.run({ repo: 'acme/flights', workflow: 'trainyard-pr.yml', event: 'pull_request', payload: { action: 'opened', number, pull_request: pr }, sha: head, ref: `refs/pull/${number}/merge`, actor: 'alice' });
    expect(jobsOf(run), failures(run)).toEqual([
      [`${MODEL} / validate data`, 'success'],
      [`${MODEL} / train`, 'success'],
      [`${MODEL} / evaluate`, 'success'],
    ]);
    expect(run.jobs.map((job) => job.runner)).toEqual(['hosted', 'gpu-1', 'hosted']);
    expect(run.jobs.map((job) => job.permissions)).toEqual([{ contents: 'read' }, { contents: 'read' }, { contents: 'read' }]);
    const evaluate = run.jobs[2]!;
    expect(evaluate.summary).toContain(MODEL);
    // Checked out with fetch-depth 0: the labels are the base branch's, read with git show.
    expect(evaluate.summary).toContain('The candidate scored on the 3,980 evaluation rows (the rows of origin/main:data/train.csv whose id hashes below 0.2)');
    expect(evaluate.summary).not.toContain('not trusted');
    const { data: artifacts } = await octokit(sim(), token).actions.listWorkflowRunArtifacts({ owner: 'acme', repo: 'flights', run_id: run.run.id });
    expect(artifacts.artifacts.map((artifact) => artifact.name).sort()).toEqual([`trainyard-${MODEL}`, `trainyard-${MODEL}-evaluation`]);
    const { data: runs } = await octokit(sim(), token).actions.listWorkflowRunsForRepo({ owner: 'acme', repo: 'flights' });
    expect(runs.workflow_runs.map((entry) => [entry.name, entry.event, entry.conclusion, entry.head_sha])).toEqual([['trainyard pr', 'pull_request', 'success', head]]);
  }, 120_000);
});

describe('release, drift and retraining on the flight-delays example', () => {
  it('release deploys only after the promotion check, then drift and a dispatched retraining run', async () => {
    const { token } = await seedExample();
    // trainyard's App: the release workflow counts its "trainyard / promotion" check only (vars.TRAINYARD_APP_ID).
    const app = sim().seed.app({ slug: 'trainyard' });
    const executor = executorFor(sim(), undefined, { TRAINYARD_APP_ID: String(app.id) });
    const main = sim().state.repo('acme/flights')!.git.refs.get('refs/heads/main')!;
    const push = { ref: 'refs/heads/main', after: main, before: '0'.repeat(40) };
    const release = () => executor.run({ repo: 'acme/flights', workflow: 'trainyard-release.yml', event: 'push', payload: push, sha: main, ref: 'refs/heads/main', actor: 'alice' });
    const env = { PATH: process.env.PATH, GITHUB_API_URL: sim().url, GITHUB_TOKEN: token };
    const registry = async (...args: string[]) => JSON.parse((await runCli(['registry', ...args, MODEL, '--registry', 'github:acme/flights', '--json'], { env })).stdout) as Record<string, Array<Record<string, unknown>>>;
    const versions = async () => (await registry('list')).versions!.map((version) => version.version);
    const promotions = async () => (await registry('history')).history!.map((record) => [record.version, record.environment, record.decision]);

    const refused = await release();
    expect(jobsOf(refused), failures(refused)).toEqual([
      [`${MODEL} / validate data`, 'success'], [`${MODEL} / train`, 'success'], [`${MODEL} / evaluate`, 'success'], [`${MODEL} / register the candidate`, 'success'], [`${MODEL} / promote and deploy`, 'failure'],
    ]);
    expect(failures(refused)).toContain(`has no "trainyard / promotion" check by App ${app.id}; refusing to deploy`);
    expect(refused.jobs[4]!.permissions).toEqual({ contents: 'write', deployments: 'write', checks: 'read' });
    expect(await versions()).toEqual([1]);
    expect(await promotions()).toEqual([]);

    const installation = sim().seed.installation({ appId: app.id, account: 'acme' });
    const appToken = sim().seed.installationToken({ installationId: installation.id });
    await octokit(sim(), appToken).checks.create({ owner: 'acme', repo: 'flights', name: 'trainyard / promotion', head_sha: main, status: 'completed', conclusion: 'success', output: { title: 'approved', summary: 'approved' } });
    const released = await release();
    expect(jobsOf(released), failures(released)).toEqual(jobsOf(refused).map(([name]) => [name, 'success']));
    expect(await versions()).toEqual([1, 2]);
    expect(await promotions()).toEqual([[2, 'production', 'approved']]);

    const drift = await executor.run({ repo: 'acme/flights', workflow: 'trainyard-drift.yml', event: 'schedule', payload: { schedule: '0 6 * * 1' }, sha: main, ref: 'refs/heads/main', actor: 'alice' });
    expect(drift.jobs.map((job) => job.name)).toEqual([`${MODEL} / detect drift`]);
    const { data: driftArtifacts } = await octokit(sim(), token).actions.listWorkflowRunArtifacts({ owner: 'acme', repo: 'flights', run_id: drift.run.id });
    expect(driftArtifacts.artifacts.map((artifact) => artifact.name), failures(drift)).toEqual([`trainyard-drift-${MODEL}`]);
    // June's flights against the champion's profile of the winter ones, on the configured columns: under drift_share.
    expect(jobsOf(drift), failures(drift)).toEqual([[`${MODEL} / detect drift`, 'success']]);
    expect(drift.jobs[0]!.summary).toContain('delay');

    const retrain = await executor.run({ repo: 'acme/flights', workflow: 'trainyard-retrain.yml', event: 'workflow_dispatch', payload: { ref: 'refs/heads/main' }, inputs: { model: MODEL, reason: 'drift' }, sha: main, ref: 'refs/heads/main', actor: 'alice' });
    // The same code on the same data trains the champion again: it does not beat it by
    // roc_auc's min_absolute_change, so the evaluation fails and still uploads its report.
    expect(jobsOf(retrain)).toEqual([[`${MODEL} / validate data`, 'success'], [`${MODEL} / train`, 'success'], [`${MODEL} / evaluate`, 'failure']]);
    expect(retrain.jobs[0]!.summary).toContain('- reason: drift');
    expect(retrain.jobs[2]!.summary).toContain(`against the champion ${MODEL}@v2`);
    const { data: retrainArtifacts } = await octokit(sim(), token).actions.listWorkflowRunArtifacts({ owner: 'acme', repo: 'flights', run_id: retrain.run.id });
    expect(retrainArtifacts.artifacts.map((artifact) => artifact.name).sort()).toEqual([`trainyard-${MODEL}`, `trainyard-${MODEL}-evaluation`]);
    executor.close();
  }, 300_000);
});

describe('production monitoring on the flight-delays example', () => {
  it('the monitor caller runs trainyard monitor on the prediction log, then publishes the history and the health issue', async () => {
    const { token } = await seedExample();
    const executor = executorFor(sim());
    const main = sim().state.repo('acme/flights')!.git.refs.get('refs/heads/main')!;
    const run = await executor.run({ repo: 'acme/flights', workflow: 'trainyard-monitor.yml', event: 'schedule', payload: { schedule: '0 7 * * *' }, sha: main, ref: 'refs/heads/main', actor: 'alice' });
    const jobs = jobsOf(run);
    expect(jobs.map(([name]) => name), failures(run)).toEqual([`${MODEL} / monitor`, `${MODEL} / publish`]);
    // The example's latest week alerts (origin and destination drift weekly): the monitor job
    // says so by failing, and publish runs all the same.
    expect(jobs, failures(run)).toEqual([[`${MODEL} / monitor`, 'failure'], [`${MODEL} / publish`, 'success']]);
    expect(run.jobs[0]!.summary).toContain('```mermaid');
    const api = octokit(sim(), token);
    const { data: branch } = await api.repos.getBranch({ owner: 'acme', repo: 'flights', branch: 'trainyard-monitoring' });
    expect(branch.commit.sha).toMatch(/^[0-9a-f]{40}$/);
    const { data: issues } = await api.issues.listForRepo({ owner: 'acme', repo: 'flights', state: 'all' });
    const health = issues.filter((issue) => issue.title.includes(MODEL));
    expect(health).toHaveLength(1);
    expect(health[0]!.labels.map((label) => (typeof label === 'string' ? label : label.name))).toContain('trainyard:monitoring');
    executor.close();
  }, 300_000);
});
