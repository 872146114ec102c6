/**
 * A temporary git worktree at a given commit: where a registered version's `predict`
 * command runs, with the code the version was trained with rather than the code of
 * the change being judged.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const git = async (cwd: string, args: string[]): Promise<string> => (await run('git', ['-C', cwd, ...args])).stdout;

export interface CommitWorktree {
  /** The project root inside the worktree (the same place relative to the repository's top). */
  root: string;
  remove: () => Promise<void>;
}

/** Checks out `commit` into `dir` as a detached worktree of the repository holding `root`; or says why it cannot. */
export async function commitWorktree(root: string, commit: string, dir: string): Promise<CommitWorktree | { unavailable: string }> {
  let top: string;
  try {
    top = (await git(root, ['rev-parse', '--show-toplevel'])).trim();
  } catch {
    return { unavailable: `${root} is not in a git repository, so its commit ${commit.slice(0, 12)} cannot be checked out` };
  }
  try {
    await git(top, ['cat-file', '-e', `${commit}^{commit}`]);
  } catch {
    return { unavailable: `its commit ${commit.slice(0, 12)} is not in the clone (check out with fetch-depth: 0)` };
  }
  await git(top, ['worktree', 'add', '--quiet', '--detach', dir, commit]);
  return {
    root: path.join(dir, path.relative(top, root)),
    remove: async () => {
      await git(top, ['worktree', 'remove', '--force', dir]).catch(() => undefined);
    },
  };
}
