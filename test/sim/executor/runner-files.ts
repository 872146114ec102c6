/**
 * What a runner gives a job: the files steps write to (GITHUB_OUTPUT, GITHUB_ENV,
 * GITHUB_PATH, GITHUB_STEP_SUMMARY, GITHUB_STATE) read back as GitHub's runner reads
 * them (`name=value` lines and `name<<DELIMITER` blocks), and a checkout written as a
 * real git repository from the simulator's objects.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import type { GitStore } from '../state/git.ts';
import { encodeObject } from '../state/git-objects.ts';

/** Parses a GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE file. */
export function readKeyValueFile(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  const lines = readFileSync(file, 'utf8').split('\n');
  const values: Record<string, string> = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const block = /^([^=]+?)<<(.+)$/.exec(line);
    if (block) {
      const [, key, delimiter] = block;
      const body: string[] = [];
      i++;
      while (i < lines.length && lines[i] !== delimiter) body.push(lines[i++]!);
      if (i >= lines.length) throw new Error(`${path.basename(file)}: no closing delimiter ${delimiter} for ${key}`);
      values[key!] = body.join('\n');
      continue;
    }
    const equals = line.indexOf('=');
    if (equals <= 0) throw new Error(`${path.basename(file)}: invalid line "${line}" (expected name=value or name<<DELIMITER)`);
    values[line.slice(0, equals)] = line.slice(equals + 1);
  }
  return values;
}

/** The lines of a GITHUB_PATH file. */
export function readPathFile(file: string): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').map((line) => line.trim()).filter(Boolean);
}

function writeLoose(gitDir: string, sha: string, type: string, body: Buffer): void {
  const dir = path.join(gitDir, 'objects', sha.slice(0, 2));
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, sha.slice(2));
  if (!existsSync(file)) writeFileSync(file, deflateSync(Buffer.concat([Buffer.from(`${type} ${body.length}\0`), body])));
}

/**
 * Writes the tree of `commit` into `dir` as actions/checkout does (fetch depth 1): the
 * files, and a git repository whose HEAD is exactly that commit (the simulator's object
 * ids are git's).
 */
export function checkoutCommit(git: GitStore, commit: string, dir: string): void {
  const object = git.get(commit, 'commit');
  if (!object) throw new Error(`actions/checkout: no commit ${commit} in the simulated repository`);
  mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '-q', dir]);
  const gitDir = path.join(dir, '.git');
  writeLoose(gitDir, commit, 'commit', encodeObject(object));
  const writeTree = (treeSha: string, prefix: string): void => {
    const tree = git.get(treeSha, 'tree')!;
    writeLoose(gitDir, treeSha, 'tree', encodeObject(tree));
    for (const entry of tree.entries) {
      const target = path.join(dir, prefix, entry.path);
      if (entry.type === 'tree') {
        mkdirSync(target, { recursive: true });
        writeTree(entry.sha, path.join(prefix, entry.path));
      } else if (entry.type === 'blob') {
        const blob = git.get(entry.sha, 'blob')!;
        writeLoose(gitDir, entry.sha, 'blob', blob.content);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, blob.content, { mode: entry.mode === '100755' ? 0o755 : 0o644 });
      }
    }
  };
  writeTree(object.tree, '');
  writeFileSync(path.join(gitDir, 'shallow'), `${commit}\n`);
  writeFileSync(path.join(gitDir, 'HEAD'), `${commit}\n`);
  execFileSync('git', ['-C', dir, 'read-tree', 'HEAD']);
}
