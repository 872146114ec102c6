/**
 * Reads what `discover` needs from a repository on disk: its files (skipping
 * dependency, build and cache folders) and its current branch.
 */
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
