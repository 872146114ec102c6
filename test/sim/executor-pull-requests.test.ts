/**
 * Pull-request runs check out what GitHub checks out: for pull_request the test merge
 * `refs/pull/N/merge` (a merge commit of head into base made in the simulator's git,
 * GITHUB_SHA), for pull_request_target the base branch; a pull request that conflicts
 * with its base starts no pull_request workflow.
 */
import { describe, expect, it } from 'vitest';
import { WorkflowExecutor } from '../../sim/executor/executor.ts';
import { useSimulator } from './vitest.ts';

const sim = useSimulator();
const REPO = 'acme/merges';

const WORKFLOW = (event: string) => `name: ${event}
on:
  ${event}:
    types: [opened, synchronize]
permissions: { contents: read }
jobs:
  look:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8
        id: checkout
        with: { persist-credentials: false }
      - id: look
        env:
          HEAD_SHA: \${{ github.event.pull_request.head.sha }}
        run: |
          test "$(git rev-parse HEAD)" = "$GITHUB_SHA"
          {
            echo "sha=$GITHUB_SHA"
            echo "ref=$GITHUB_REF"
            echo "ref-name=$GITHUB_REF_NAME"
            echo "head=$HEAD_SHA"
            echo "parents=$(git cat-file -p HEAD | sed -n 's/^parent //p' | paste -sd, -)"
            echo "model=$(cat model.txt 2>/dev/null | paste -sd, -)"
            echo "readme=$(cat README.md | paste -sd, -)"
          } >> "$GITHUB_OUTPUT"
`;

async function seedPull(extraOnMain: Record<string, string>, onBranch: Record<string, string>) {
  sim().seed.user({ login: 'alice' });
  sim().seed.repo({ fullName: REPO, collaborators: { alice: 'admin' }, files: {
    '.github/workflows/pr.yml': WORKFLOW('pull_request'),
    '.github/workflows/target.yml': WORKFLOW('pull_request_target'),
    'README.md': 'line 1\nline 2\nline 3\nline 4\nline 5\n',
  } });
  const head = await sim().scenario.push({ repo: REPO, branch: 'tune', files: onBranch, author: 'alice' });
  const base = await sim().scenario.push({ repo: REPO, branch: 'main', files: extraOnMain, author: 'alice' });
  const number = await sim().scenario.openPullRequest({ repo: REPO, head: 'tune', title: 'Tune', author: 'alice' });
  const pr = await sim().scenario.api<Record<string, unknown>>('alice', 'GET', `/repos/${REPO}/pulls/${number}`);
  const executor = new WorkflowExecutor({ sim: sim(), trainyardRoot: process.cwd(), runners: [{ name: 'hosted', labels: ['ubuntu-latest'] }] });
  const event = { repo: REPO, event: 'pull_request', payload: { action: 'opened', number, pull_request: pr }, sha: head, ref: `refs/pull/${number}/merge`, actor: 'alice' };
  return { head, base, number, executor, event };
}

describe('pull request checkout', () => {
  it('pull_request checks out refs/pull/N/merge, a real merge of head into base, and GITHUB_SHA is that merge; pull_request_target checks out the base', async () => {
    const { head, base, number, executor, event } = await seedPull({ 'README.md': 'line 1 on main\nline 2\nline 3\nline 4\nline 5\n' }, { 'model.txt': 'tuned\n', 'README.md': 'line 1\nline 2\nline 3\nline 4\nline 5 on tune\n' });
    try {
      const runs = [...(await executor.trigger(event)), ...(await executor.trigger({ ...event, event: 'pull_request_target', ref: 'refs/heads/main' }))];
      expect(runs.map((run) => [run.workflow, run.conclusion])).toEqual([['pull_request', 'success'], ['pull_request_target', 'success']]);
      const git = sim().state.repo(REPO)!.git;
      const merge = git.refs.get(`refs/pull/${number}/merge`)!;
      expect(git.refs.get(`refs/pull/${number}/head`)).toBe(head);
      expect(git.get(merge, 'commit')!.parents).toEqual([base, head]);
      const pull = runs[0]!.jobs[0]!.steps[1]!.outputs;
      expect(pull).toEqual({
        sha: merge, ref: `refs/pull/${number}/merge`, 'ref-name': `${number}/merge`, head, parents: `${base},${head}`,
        model: 'tuned', readme: 'line 1 on main,line 2,line 3,line 4,line 5 on tune',
      });
      expect(runs[0]!.jobs[0]!.steps[0]!.outputs).toEqual({ ref: `refs/pull/${number}/merge`, commit: merge });
      const target = runs[1]!.jobs[0]!.steps[1]!.outputs;
      expect(target).toMatchObject({ sha: base, ref: 'refs/heads/main', head, model: '', readme: 'line 1 on main,line 2,line 3,line 4,line 5' });
      // The runs are the pull request's: on its head commit and branch, as GitHub lists them.
      const { workflow_runs: listed } = await sim().scenario.api<{ workflow_runs: Array<{ head_sha: string; head_branch: string; pull_requests: Array<{ number: number }> }> }>('alice', 'GET', `/repos/${REPO}/actions/runs`);
      expect(listed.map((run) => [run.head_sha, run.head_branch, run.pull_requests.map((p) => p.number)])).toEqual([[head, 'tune', [number]], [head, 'tune', [number]]]);
    } finally {
      executor.close();
    }
  });

  it('a pull request that conflicts with its base has no merge ref and starts no pull_request workflow', async () => {
    const { number, executor, event } = await seedPull({ 'README.md': 'line 1 on main\n' }, { 'README.md': 'line 1 on tune\n' });
    try {
      expect(await executor.trigger(event)).toEqual([]);
      expect(sim().state.repo(REPO)!.git.refs.has(`refs/pull/${number}/merge`)).toBe(false);
      await expect(executor.run({ ...event, workflow: 'pr.yml' })).rejects.toThrow('acme/merges: the pull request conflicts with its base branch; GitHub starts no pull_request workflow for it');
      await expect(sim().scenario.merge({ repo: REPO, number, by: 'alice' })).rejects.toThrow(/405|not mergeable/);
    } finally {
      executor.close();
    }
  });
});
