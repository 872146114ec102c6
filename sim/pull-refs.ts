/**
 * The refs GitHub keeps for a pull request in the base repository: `refs/pull/N/head`
 * (the head commit, fetched from a fork when it comes from one) and `refs/pull/N/merge`,
 * a test merge of the head into the base branch as it is now. The merge is three-way
 * from the merge base; a file both sides changed is merged line by line by
 * `git merge-file`. A conflict leaves no merge ref, as on GitHub, where such a pull
 * request is not mergeable and its pull_request workflows do not run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Clock } from './state/clock.ts';
import type { TreeChange } from './state/git.ts';
import type { GitStore } from './state/git.ts';
import type { SimState } from './state/store.ts';
import type { PullRequest } from './state/pulls.ts';
import type { RepoState } from './state/repos.ts';
import { pullHeadSha } from './views/pulls.ts';
import type { SimContext } from './context.ts';

export interface PullRefs {
  pull: PullRequest;
  /** `refs/pull/N/head`. */
  head: string;
  /** The base branch's commit now. */
  base: string;
}

/** Writes `refs/pull/N/head` (with a fork's objects) and returns the PR's commits. */
export function pullRefs(ctx: { state: SimState }, repo: RepoState, number: number): PullRefs {
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

/** `refs/pull/N/merge` brought up to date: the test-merge commit, or null when head and base conflict. */
export function testMerge(ctx: { state: SimState; clock: Clock }, repo: RepoState, number: number): PullRefs & { merge: string | null } {
  const refs = pullRefs(ctx, repo, number);
  const ref = `refs/pull/${number}/merge`;
  const current = repo.git.refs.get(ref);
  const parents = current ? repo.git.get(current, 'commit')?.parents : undefined;
  if (current && parents?.[0] === refs.base && parents[1] === refs.head) return { ...refs, merge: current };
  const tree = mergeTrees(repo.git, refs.base, refs.head);
  if (tree === null) {
    repo.git.refs.delete(ref);
    return { ...refs, merge: null };
  }
  const author = { name: 'GitHub', email: 'noreply@github.com', date: ctx.clock.iso() };
  const merge = repo.git.writeCommit({ tree, parents: [refs.base, refs.head], message: `Merge ${refs.head} into ${refs.base}`, author });
  repo.git.refs.set(ref, merge);
  return { ...refs, merge };
}

/** The tree of `theirs` merged into `ours` from their merge base, or null on a conflict. */
export function mergeTrees(git: GitStore, ours: string, theirs: string): string | null {
  const base = git.files(git.mergeBase(ours, theirs));
  const mine = git.files(ours);
  const other = git.files(theirs);
  const changes: TreeChange[] = [];
  for (const file of new Set([...mine.keys(), ...other.keys()])) {
    const [b, o, t] = [base.get(file), mine.get(file), other.get(file)];
    if (o === t || t === b) continue;
    const merged = o === b ? t : mergeFile(git, b, o, t);
    if (merged === null) return null;
    if (merged === undefined) changes.push({ path: file, mode: '100644', type: 'blob', sha: null });
    else {
      const [mode, sha] = merged.split(' ') as [TreeChange['mode'], string];
      changes.push({ path: file, mode, type: mode === '160000' ? 'commit' : 'blob', sha });
    }
  }
  return git.applyChanges(git.get(ours, 'commit')!.tree, changes);
}

/** Both sides changed one file: `git merge-file` merges the texts; null on a conflict. */
function mergeFile(git: GitStore, base: string | undefined, ours: string | undefined, theirs: string | undefined): string | null {
  if (ours === undefined || theirs === undefined) return null;
  const [ourMode, ourSha] = ours.split(' ') as [string, string];
  const [theirMode, theirSha] = theirs.split(' ') as [string, string];
  if (ourMode !== theirMode || ourMode === '160000' || ourMode === '120000') return null;
  const dir = mkdtempSync(path.join(tmpdir(), 'trainyard-merge-'));
  try {
    const blob = (id: string | undefined) => (id ? git.get(id.split(' ')[1]!, 'blob')!.content : Buffer.alloc(0));
    for (const [name, content] of [['ours', blob(`${ourMode} ${ourSha}`)], ['base', blob(base)], ['theirs', blob(`${theirMode} ${theirSha}`)]] as const) writeFileSync(path.join(dir, name), content);
    const result = spawnSync('git', ['merge-file', '--quiet', 'ours', 'base', 'theirs'], { cwd: dir });
    if (result.status !== 0) return null;
    return `${ourMode} ${git.writeBlob(readFileSync(path.join(dir, 'ours')))}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
