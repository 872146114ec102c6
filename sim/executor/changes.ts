/**
 * The files an event changed, as GitHub diffs them for a paths filter: a push to an
 * existing branch compares `before` and `after` (two dots); a push that creates a ref
 * compares with the parent of the oldest commit no other branch or tag holds; a pull
 * request compares its head with the merge base of head and base (three dots).
 */
import type { Simulator } from '../simulator.ts';
import type { RepoState } from '../state/repos.ts';
import { pullRefs } from '../pull-refs.ts';

const ZERO = /^0{40}$/;

export function pushChanges(repo: RepoState, payload: Record<string, unknown>, ref: string, sha: string): string[] {
  const before = typeof payload.before === 'string' && !ZERO.test(payload.before) && repo.git.get(payload.before, 'commit') ? payload.before : null;
  if (before) return repo.git.changedPaths(before, sha);
  const held = new Set<string>();
  for (const [name, target] of repo.git.refs) {
    if (name !== ref && (name.startsWith('refs/heads/') || name.startsWith('refs/tags/'))) for (const commit of repo.git.ancestors(target)) held.add(commit);
  }
  let oldest: string | null = null;
  for (let at: string | undefined = sha; at && !held.has(at); at = repo.git.get(at, 'commit')?.parents[0]) oldest = at;
  if (oldest === null) return [];
  return repo.git.changedPaths(repo.git.get(oldest, 'commit')?.parents[0] ?? null, sha);
}

export function pullChanges(sim: Simulator, repo: RepoState, payload: Record<string, unknown>): string[] {
  const number = Number((payload.pull_request as { number?: unknown } | undefined)?.number ?? payload.number);
  const { head, base } = pullRefs(sim, repo, number);
  return repo.git.changedPaths(repo.git.mergeBase(base, head), head);
}

/** The files an event changed, for its paths filter (none for events without one). */
export function changedFiles(sim: Simulator, repo: RepoState, event: { event: string; payload: Record<string, unknown>; ref: string; sha: string }): string[] {
  if (event.event === 'push') return pushChanges(repo, event.payload, event.ref, event.sha);
  if (event.event === 'pull_request' || event.event === 'pull_request_target') return pullChanges(sim, repo, event.payload);
  return [];
}
