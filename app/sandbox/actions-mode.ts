/**
 * The App in Actions mode, on the workflow files: a repository with no App server, the
 * callers `trainyard init` writes and the workflow docs/app.md tells users to install
 * (docs/samples/trainyard-app.yml, running actions/app). alice's pull request runs the
 * pipeline through the workflow executor; its completion is the `workflow_run` event
 * that starts `trainyard app`, whose job runs the App's bundle (dist/app-action.js) with
 * the job's GITHUB_TOKEN: the comparison comment and the check `trainyard / <model>`
 * come from github-actions[bot] and the github-actions App.
 */
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Octokit } from '@octokit/rest';
import { startSimulator, type Simulator } from '../../sim/index.ts';
import { WorkflowExecutor, type RunRequest, type WorkflowRunResult } from '../../sim/executor/executor.ts';
import { MODEL, prepareExample } from './example.ts';
import { CHECKOUT, FAKE_NVIDIA_SMI, initCallers, LifecycleError, readTree, runtimeCache } from './lifecycle.ts';

const OWNER = 'acme';
const NAME = 'flights';
const REPO = `${OWNER}/${NAME}`;
const SAMPLE = path.join(CHECKOUT, 'docs/samples/trainyard-app.yml');
const ACTIONS_BOT = 'github-actions[bot]';

export interface ActionsModeReport {
  /** The runs the executor ran, in order: the pipeline, then the App's workflow on its workflow_run event. */
  workflowRuns: Array<{ workflow: string; event: string; conclusion: string; jobs: Array<{ name: string; conclusion: string }> }>;
  comment: { author: string; url: string; body: string };
  check: { name: string; app: string; conclusion: string | null; title: string | null };
}

function expect(condition: unknown, step: string, problem: string): asserts condition {
  if (!condition) throw new LifecycleError(`${step}: ${problem}`);
}

function failedSteps(run: WorkflowRunResult): string {
  return run.jobs.flatMap((job) => job.steps.filter((s) => s.outcome === 'failure').map((s) => `${job.name} / ${s.name}: ${s.log.trim().split('\n').slice(-5).join(' | ')}`)).join('; ');
}

/** The `workflow_run.completed` payload GitHub writes for the workflows it starts: the run, the repository and the sender as the API shows them. */
async function workflowRunPayload(sim: Simulator, runId: number, sender: string): Promise<Record<string, unknown>> {
  const octokit = new Octokit({ auth: sim.seed.actionsToken({ repo: REPO }), baseUrl: sim.url });
  const { data: run } = await octokit.actions.getWorkflowRun({ owner: OWNER, repo: NAME, run_id: runId });
  const { data: repository } = await octokit.repos.get({ owner: OWNER, repo: NAME });
  const { data: user } = await octokit.users.getByUsername({ username: sender });
  return { action: 'completed', workflow_run: run, repository, sender: user };
}

export async function runActionsMode(): Promise<ActionsModeReport> {
  const example = await prepareExample();
  const sim = await startSimulator({});
  const executor = new WorkflowExecutor({
    sim,
    trainyardRoot: CHECKOUT,
    runners: [
      { name: 'hosted', labels: ['ubuntu-latest'] },
      { name: 'gpu-1', labels: ['self-hosted', 'linux', 'x64', 'gpu'], env: { PATH: `${FAKE_NVIDIA_SMI}:${process.env.PATH ?? ''}` } },
    ],
    cache: runtimeCache(),
  });
  try {
    // The project as `trainyard init` leaves it, and the App's workflow on the default branch (GitHub starts workflow_run workflows from there).
    await initCallers(example.dir);
    sim.seed.repo({
      fullName: REPO,
      files: { ...readTree(example.dir), '.github/trainyard.yml': example.configText, '.github/workflows/trainyard-app.yml': readFileSync(SAMPLE, 'utf8') },
      collaborators: { alice: 'write' },
    });
    await sim.scenario.push({ repo: REPO, branch: 'more-epochs', files: { 'params.json': '{"epochs": 8}\n' }, author: 'alice' });
    const number = await sim.scenario.openPullRequest({ repo: REPO, head: 'more-epochs', title: 'Train for 8 epochs', author: 'alice' });
    const octokit = new Octokit({ auth: sim.seed.actionsToken({ repo: REPO }), baseUrl: sim.url });
    const { data: pr } = await octokit.pulls.get({ owner: OWNER, repo: NAME, pull_number: number });
    const request: RunRequest = { repo: REPO, workflow: 'trainyard-pr.yml', event: 'pull_request', payload: { action: 'opened', number, pull_request: pr }, sha: pr.head.sha, ref: `refs/pull/${number}/merge`, actor: 'alice' };
    const pipeline = await executor.run(request);
    expect(pipeline.conclusion === 'success', 'pipeline', `${pipeline.workflow} ended ${pipeline.conclusion}; failed: ${failedSteps(pipeline)}`);

    // The pipeline's completion starts every default-branch workflow listening for it: the App's.
    const main = sim.state.repo(REPO)!.git.refs.get('refs/heads/main')!;
    const started = await executor.trigger({ repo: REPO, event: 'workflow_run', payload: await workflowRunPayload(sim, pipeline.run.id, 'alice'), sha: main, ref: 'refs/heads/main', actor: 'alice' });
    expect(started.length === 1 && started[0]!.workflow === 'trainyard app', 'app', `the workflow_run event started ${started.map((r) => r.workflow).join(', ') || 'no workflow'}, expected trainyard app`);
    const app = started[0]!;
    expect(app.conclusion === 'success', 'app', `trainyard app ended ${app.conclusion}; failed: ${failedSteps(app)}`);

    const repo = sim.state.repo(REPO)!;
    const comment = repo.comments.find((c) => c.issueNumber === number && c.body.startsWith(`<!-- trainyard:${MODEL} -->`));
    expect(comment, 'comment', `no comparison comment on #${number}`);
    expect(comment.user.login === ACTIONS_BOT, 'comment', `the comment on #${number} is by ${comment.user.login}, expected ${ACTIONS_BOT}`);
    expect(comment.body.includes(`/actions/runs/${pipeline.run.id}`), 'comment', `the comment does not link the pipeline run ${pipeline.run.id}`);
    const check = repo.checkRuns.find((c) => c.name === `trainyard / ${MODEL}` && c.headSha === pr.head.sha);
    expect(check, 'check', `no trainyard / ${MODEL} check on ${pr.head.sha.slice(0, 7)}`);
    const checkApp = sim.state.apps.get(check.appId);
    return {
      workflowRuns: [pipeline, app].map((run) => ({ workflow: run.workflow, event: run.event, conclusion: run.conclusion, jobs: run.jobs.map((job) => ({ name: job.name, conclusion: job.conclusion })) })),
      comment: { author: comment.user.login, url: `https://github.com/${REPO}/pull/${number}#issuecomment-${comment.id}`, body: comment.body },
      check: { name: check.name, app: checkApp?.slug ?? String(check.appId), conclusion: check.conclusion, title: check.output.title },
    };
  } finally {
    executor.close();
    await sim.close();
    await rm(example.dir, { recursive: true, force: true });
  }
}
