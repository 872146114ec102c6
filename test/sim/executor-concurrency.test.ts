/**
 * `concurrency` as GitHub applies it, on quick pushes: one run of a group at a time;
 * with cancel-in-progress a newer run cancels the one in progress; without it a newer
 * run waits (pending) and replaces an older pending one, which ends cancelled. The
 * simulator's runs API shows each state.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkflowExecutor, type WorkflowRunResult } from '../../sim/executor/executor.ts';
import { useSimulator } from './vitest.ts';

const sim = useSimulator();
const REPO = 'acme/queue';
let markers = '';

afterEach(() => rmSync(markers, { recursive: true, force: true }));

/** A step that says it started, then waits until the test releases its commit. */
const WAIT = `      - run: |
          touch "\${{ vars.MARKERS }}/started-$GITHUB_SHA"
          for i in $(seq 600); do test -e "\${{ vars.MARKERS }}/release-$GITHUB_SHA" && exit 0; sleep 0.05; done
          exit 1
`;

function seed(workflow: string) {
  markers = mkdtempSync(path.join(tmpdir(), 'trainyard-concurrency-'));
  sim().seed.user({ login: 'alice' });
  sim().seed.repo({ fullName: REPO, collaborators: { alice: 'admin' }, files: { '.github/workflows/ci.yml': workflow } });
  const executor = new WorkflowExecutor({ sim: sim(), trainyardRoot: process.cwd(), runners: [{ name: 'hosted', labels: ['ubuntu-latest'] }], vars: { MARKERS: markers } });
  let n = 0;
  const push = async (branch = 'main'): Promise<{ sha: string; done: Promise<WorkflowRunResult[]> }> => {
    const before = sim().state.repo(REPO)!.git.refs.get(`refs/heads/${branch}`) ?? '0'.repeat(40);
    const sha = await sim().scenario.push({ repo: REPO, branch, files: { [`change-${++n}.txt`]: `${n}\n` }, author: 'alice' });
    const done = executor.trigger({ repo: REPO, event: 'push', payload: { ref: `refs/heads/${branch}`, before, after: sha }, sha, ref: `refs/heads/${branch}`, actor: 'alice' });
    return { sha, done };
  };
  return { executor, push };
}

async function until(what: string, check: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  if (!check()) throw new Error(`timed out waiting until ${what}`);
}

const started = (sha: string) => existsSync(path.join(markers, `started-${sha}`));
const release = (sha: string) => writeFileSync(path.join(markers, `release-${sha}`), '');
const runOf = (sha: string) => sim().state.repo(REPO)!.runs.find((run) => run.headSha === sha);

/** The runs as the API lists them for the repository, newest first. */
async function listed(): Promise<Array<[string, string, string | null]>> {
  const { workflow_runs: runs } = await sim().scenario.api<{ workflow_runs: Array<{ head_sha: string; status: string; conclusion: string | null }> }>('alice', 'GET', `/repos/${REPO}/actions/runs`);
  return runs.map((run) => [run.head_sha, run.status, run.conclusion]);
}

describe('concurrency', () => {
  it('cancel-in-progress: a second quick push cancels the run in progress, which ends cancelled in the runs API', async () => {
    const { executor, push } = seed(`name: ci
on: push
concurrency:
  group: ci-\${{ github.ref }}
  cancel-in-progress: true
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
${WAIT}      - if: cancelled()
        run: touch "\${{ vars.MARKERS }}/cleanup-$GITHUB_SHA"
`);
    try {
      const first = await push();
      await until('the first run has started', () => started(first.sha));
      const second = await push();
      const other = await push('dev');
      await until('the second run has started', () => started(second.sha));
      release(second.sha);
      await until('the run on dev has started', () => started(other.sha));
      release(other.sha);
      const [[cancelled], [succeeded], [elsewhere]] = await Promise.all([first.done, second.done, other.done]);
      expect(cancelled!.conclusion).toBe('cancelled');
      expect(cancelled!.jobs.map((job) => [job.conclusion, job.steps.map((step) => step.conclusion)])).toEqual([['cancelled', ['cancelled', 'success']]]);
      expect(existsSync(path.join(markers, `cleanup-${first.sha}`))).toBe(true);
      expect(succeeded!.conclusion).toBe('success');
      expect(elsewhere!.conclusion).toBe('success');
      expect(await listed()).toEqual([[other.sha, 'completed', 'success'], [second.sha, 'completed', 'success'], [first.sha, 'completed', 'cancelled']]);
    } finally {
      executor.close();
    }
  });

  it('without cancel-in-progress a newer run waits pending, and replaces an older pending one, which is cancelled', async () => {
    const { executor, push } = seed(`name: ci
on: push
concurrency: ci-\${{ github.ref }}
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
${WAIT}`);
    try {
      const first = await push();
      await until('the first run has started', () => started(first.sha));
      const second = await push();
      await until('the second run is pending', () => runOf(second.sha)?.status === 'pending');
      expect(runOf(first.sha)!.status).toBe('in_progress');
      const third = await push();
      await until('the third run is pending', () => runOf(third.sha)?.status === 'pending');
      const [replaced] = await second.done;
      expect(replaced!.conclusion).toBe('cancelled');
      expect(replaced!.jobs).toEqual([]);
      expect(await listed()).toEqual([[third.sha, 'pending', null], [second.sha, 'completed', 'cancelled'], [first.sha, 'in_progress', null]]);
      expect(started(third.sha)).toBe(false);
      release(first.sha);
      await until('the third run has started', () => started(third.sha));
      release(third.sha);
      const [[one], [three]] = await Promise.all([first.done, third.done]);
      expect([one!.conclusion, three!.conclusion]).toEqual(['success', 'success']);
    } finally {
      executor.close();
    }
  });

  it("job-level groups: a job waits for its group across runs, and a job with cancel-in-progress cancels the one running", async () => {
    const { executor, push } = seed(`name: ci
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps: [{ run: 'true' }]
  deploy:
    needs: build
    runs-on: ubuntu-latest
    concurrency:
      group: deploy-\${{ github.repository }}
      cancel-in-progress: \${{ github.ref == 'refs/heads/main' }}
    steps:
${WAIT}`);
    try {
      const first = await push();
      await until('the first deploy has started', () => started(first.sha));
      const dev = await push('dev');
      await until('the build on dev has run', () => sim().state.repo(REPO)!.runs.some((run) => run.headSha === dev.sha));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(started(dev.sha)).toBe(false);
      release(first.sha);
      await until('the deploy on dev has started', () => started(dev.sha));
      const second = await push();
      await until('the second deploy has started', () => started(second.sha));
      release(second.sha);
      const [[one], [cancelled], [two]] = await Promise.all([first.done, dev.done, second.done]);
      expect(one!.conclusion).toBe('success');
      expect(cancelled!.jobs.map((job) => [job.name, job.conclusion])).toEqual([['build', 'success'], ['deploy', 'cancelled']]);
      expect(cancelled!.conclusion).toBe('cancelled');
      expect(two!.conclusion).toBe('success');
      expect(runOf(dev.sha)!.conclusion).toBe('cancelled');
    } finally {
      executor.close();
    }
  });

  it('a called workflow in the group its caller holds is a deadlock, which GitHub cancels', async () => {
    markers = mkdtempSync(path.join(tmpdir(), 'trainyard-concurrency-'));
    sim().seed.user({ login: 'alice' });
    const reusable = 'on: workflow_call\nconcurrency: shared-${{ github.ref }}\njobs:\n  inner:\n    runs-on: ubuntu-latest\n    steps: [{ run: "true" }]\n';
    const caller = 'name: ci\non: push\nconcurrency: shared-${{ github.ref }}\njobs:\n  call:\n    uses: ./.github/workflows/reusable.yml\n';
    const repo = sim().seed.repo({ fullName: REPO, collaborators: { alice: 'admin' }, files: { '.github/workflows/ci.yml': caller, '.github/workflows/reusable.yml': reusable } });
    const executor = new WorkflowExecutor({ sim: sim(), trainyardRoot: process.cwd(), runners: [{ name: 'hosted', labels: ['ubuntu-latest'] }] });
    try {
      const [run] = await executor.trigger({ repo: REPO, event: 'push', payload: { ref: 'refs/heads/main' }, sha: repo.headSha!, ref: 'refs/heads/main', actor: 'alice' });
      expect(run!.conclusion).toBe('cancelled');
      expect(run!.jobs.map((job) => [job.name, job.conclusion, job.steps[0]!.log])).toEqual([
        ['call', 'cancelled', "Canceling since a deadlock for concurrency group 'shared-refs/heads/main' was detected between 'top level workflow' and 'call'\n"],
      ]);
    } finally {
      executor.close();
    }
  });
});
