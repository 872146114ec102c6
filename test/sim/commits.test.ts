/** The commits of a pull request, the pull requests of a commit, and comparing two commits. */
import { Octokit } from '@octokit/rest';
import { expect, it } from 'vitest';
import { useSimulator } from './vitest.ts';

const sim = useSimulator();

it('lists a pull request\'s commits with their accounts, finds the pull request of a head or merge commit, and compares', async () => {
  const alice = sim().seed.user({ login: 'alice' });
  sim().seed.repo({ fullName: 'acme/models', files: { 'README.md': 'x' }, collaborators: { alice: 'write', bob: 'write' } });
  const main = sim().state.repo('acme/models')!.git.refs.get('refs/heads/main')!;
  const octokit = new Octokit({ auth: alice.token, baseUrl: sim().url });
  const first = await sim().scenario.push({ repo: 'acme/models', branch: 'feature', files: { 'a.txt': 'a' }, author: 'alice' });
  const second = await sim().scenario.push({ repo: 'acme/models', branch: 'feature', files: { 'a.txt': 'b' }, author: 'bob' });
  const number = await sim().scenario.openPullRequest({ repo: 'acme/models', head: 'feature', title: 'A', author: 'alice' });
  const { data: commits } = await octokit.pulls.listCommits({ owner: 'acme', repo: 'models', pull_number: number });
  expect(commits.map((c) => [c.sha, c.author?.login, c.committer?.login])).toEqual([[first, 'alice', 'alice'], [second, 'bob', 'bob']]);
  const { data: ofFirst } = await octokit.repos.listPullRequestsAssociatedWithCommit({ owner: 'acme', repo: 'models', commit_sha: first });
  expect(ofFirst.map((p) => p.number)).toEqual([number]);
  const { data: ofMain } = await octokit.repos.listPullRequestsAssociatedWithCommit({ owner: 'acme', repo: 'models', commit_sha: main });
  expect(ofMain).toEqual([]);
  const merge = await sim().scenario.merge({ repo: 'acme/models', number, by: 'bob' });
  const { data: ofMerge } = await octokit.repos.listPullRequestsAssociatedWithCommit({ owner: 'acme', repo: 'models', commit_sha: merge });
  expect(ofMerge.map((p) => [p.number, p.merge_commit_sha])).toEqual([[number, merge]]);
  const { data: afterMerge } = await octokit.pulls.listCommits({ owner: 'acme', repo: 'models', pull_number: number });
  expect(afterMerge.map((c) => c.sha)).toEqual([first, second]);
  const side = await sim().scenario.push({ repo: 'acme/models', branch: 'side', files: { 'b.txt': 'b' }, author: 'alice' });
  const compare = async (basehead: string) => (await octokit.repos.compareCommitsWithBasehead({ owner: 'acme', repo: 'models', basehead })).data;
  expect(await compare(`${first}...main`)).toMatchObject({ status: 'ahead', ahead_by: 2, behind_by: 0 });
  expect(await compare(`main...${first}`)).toMatchObject({ status: 'behind', ahead_by: 0, behind_by: 2 });
  expect(await compare(`${merge}...main`)).toMatchObject({ status: 'identical' });
  expect(await compare(`${side}...main`)).toMatchObject({ status: 'behind', behind_by: 1, merge_base_commit: { sha: merge } });
  const onMain = await sim().scenario.push({ repo: 'acme/models', branch: 'main', files: { 'c.txt': 'c' }, author: 'alice' });
  expect(await compare(`${side}...${onMain}`)).toMatchObject({ status: 'diverged', ahead_by: 1, behind_by: 1, merge_base_commit: { sha: merge } });
});
