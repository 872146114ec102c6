/**
 * The refs GitHub keeps for a pull request in the base repository: `refs/pull/N/head`
 * (the head commit, fetched from a fork when it comes from one).
 */
import type { SimContext } from './context.ts';
import type { PullRequest } from './state/pulls.ts';
import type { RepoState } from './state/repos.ts';
import { pullHeadSha } from './views/pulls.ts';

export interface PullRefs {
  pull: PullRequest;
  /** `refs/pull/N/head`. */
  head: string;
  /** The base branch's commit now. */
  base: string;
}

/** Writes `refs/pull/N/head` (with a fork's objects) and returns the PR's commits. */
export function pullRefs(ctx: Pick<SimContext, 'state'>, repo: RepoState, number: number): PullRefs {
  const pull = repo.pulls.find((candidate) => candidate.number === number);
  if (!pull) throw new Error(`${repo.fullName}: no pull request #${number}`);
  const head = pullHeadSha(ctx as SimContext, pull);
  const headRepo = ctx.state.repo(pull.head.repo);
  if (headRepo && headRepo !== repo && !repo.git.get(head, 'commit')) for (const [sha, object] of headRepo.git.objects) repo.git.objects.set(sha, object);
  repo.git.refs.set(`refs/pull/${number}/head`, head);
  const base = repo.git.refs.get(`refs/heads/${pull.base.ref}`);
  if (!base) throw new Error(`${repo.fullName}: pull request #${number} has no base branch ${pull.base.ref}`);
  return { pull, head, base };
}
