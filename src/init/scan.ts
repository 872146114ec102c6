/**
 * Reads what `discover` needs from a repository on disk: its files (skipping
 * dependency, build and cache folders) and its current branch.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { RepoFile } from './types.ts';

const SKIPPED = new Set(['.git', 'node_modules', '.venv', 'venv', 'env', '__pycache__', '.trainyard', 'out', 'dist', 'build', 'target', 'coverage', '.mypy_cache', '.pytest_cache', '.ipynb_checkpoints', 'wandb', 'mlruns']);
/** Enough for any repository a person runs init in; a monorepo scan stops here. */
const MAX_FILES = 20_000;
const MAX_DEPTH = 6;

export async function listRepoFiles(root: string): Promise<RepoFile[]> {
  const files: RepoFile[] = [];
  async function walk(dir: string, depth: number): Promise<void> {
    const entries = await readdir(path.join(root, dir), { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (files.length >= MAX_FILES) return;
      const relative = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name) && depth < MAX_DEPTH) await walk(relative, depth + 1);
      } else if (entry.isFile()) {
        files.push({ path: relative, size: (await stat(path.join(root, relative))).size });
      }
    }
  }
  await walk('', 0);
  return files;
}

/** The checked-out branch from .git/HEAD, or `main` outside a git checkout. */
export async function currentBranch(root: string): Promise<string> {
  const head = await readFile(path.join(root, '.git', 'HEAD'), 'utf8').catch(() => '');
  return /^ref: refs\/heads\/(.+)$/m.exec(head)?.[1]?.trim() || 'main';
}

function git(root: string, args: string[]): Promise<string | null> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd: root, timeout: 10_000 }, (error, stdout) => resolve(error ? null : stdout.trim()));
  });
}

/**
 * The branch releases run on: the remote's default branch (`origin/HEAD`, which `git
 * clone` and `git remote set-head` record), not the branch checked out here; without a
 * remote, the current branch (the first push makes it the default).
 */
export async function releaseBranch(root: string): Promise<{ branch: string; from: 'remote' | 'local' }> {
  const remote = await git(root, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']);
  const branch = remote?.replace(/^origin\//, '');
  if (branch) return { branch, from: 'remote' };
  const local = (await git(root, ['symbolic-ref', '--quiet', '--short', 'HEAD'])) || (await currentBranch(root));
  return { branch: local, from: 'local' };
}
