/**
 * The reusable workflows run end to end, through the callers `trainyard init` writes,
 * on the flight-delays example in a simulated repository: the workflow executor runs
 * every job and step (the composite actions and the bundled CLI for real, third-party
 * actions as stand-ins), with each job's GITHUB_TOKEN holding exactly its permissions.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample } from '../helpers/cli.ts';
import { useSimulator } from '../sim/index.ts';
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
    const { data: artifacts } = await octokit(sim(), token).actions.listWorkflowRunArtifacts({ owner: 'acme', repo: 'flights', run_id: run.run.id });
    expect(artifacts.artifacts.map((artifact) => artifact.name).sort()).toEqual([`trainyard-${MODEL}`, `trainyard-${MODEL}-evaluation`]);
    const { data: runs } = await octokit(sim(), token).actions.listWorkflowRunsForRepo({ owner: 'acme', repo: 'flights' });
    expect(runs.workflow_runs.map((entry) => [entry.name, entry.event, entry.conclusion, entry.head_sha])).toEqual([['trainyard pr', 'pull_request', 'success', head]]);
  }, 120_000);
});
