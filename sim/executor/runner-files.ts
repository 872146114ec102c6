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

/** Writes a tree and everything below it as loose objects. */
function writeTreeObjects(git: GitStore, gitDir: string, treeSha: string, seen: Set<string>): void {
  if (seen.has(treeSha)) return;
  seen.add(treeSha);
  const tree = git.get(treeSha, 'tree')!;
  writeLoose(gitDir, treeSha, 'tree', encodeObject(tree));
  for (const entry of tree.entries) {
    if (entry.type === 'tree') writeTreeObjects(git, gitDir, entry.sha, seen);
    else if (entry.type === 'blob' && !seen.has(entry.sha)) {
      seen.add(entry.sha);
      writeLoose(gitDir, entry.sha, 'blob', git.get(entry.sha, 'blob')!.content);
    }
  }
}

/** Every commit reachable from `tips` (with its tree) as loose objects. */
function writeHistory(git: GitStore, gitDir: string, tips: string[]): void {
  const seen = new Set<string>();
  const queue = [...tips];
  while (queue.length > 0) {
    const sha = queue.pop()!;
    if (seen.has(sha)) continue;
    seen.add(sha);
    const commit = git.get(sha, 'commit');
    if (!commit) continue;
    writeLoose(gitDir, sha, 'commit', encodeObject(commit));
    writeTreeObjects(git, gitDir, commit.tree, seen);
    queue.push(...commit.parents);
  }
}

/**
 * Writes the tree of `commit` into `dir` as actions/checkout does: the files, and a git
 * repository whose HEAD is exactly that commit (the simulator's object ids are git's).
 * With fetch depth 1 (`history: false`) it holds that commit only (a shallow clone);
 * with fetch depth 0 every branch's and tag's history too, the branches as
 * `refs/remotes/origin/<branch>`, as a full fetch leaves them.
 */
export function checkoutCommit(git: GitStore, commit: string, dir: string, options: { history?: boolean } = {}): void {
  const object = git.get(commit, 'commit');
  if (!object) throw new Error(`actions/checkout: no commit ${commit} in the simulated repository`);
  mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '-q', dir]);
  const gitDir = path.join(dir, '.git');
  writeLoose(gitDir, commit, 'commit', encodeObject(object));
  writeTreeObjects(git, gitDir, object.tree, new Set());
  for (const entry of git.walk(object.tree)) {
    if (entry.type !== 'blob') continue;
    const target = path.join(dir, ...entry.path.split('/'));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, git.get(entry.sha, 'blob')!.content, { mode: entry.mode === '100755' ? 0o755 : 0o644 });
  }
  if (options.history) {
    const refs = [...git.refs].filter(([name]) => name.startsWith('refs/heads/') || name.startsWith('refs/tags/'));
    writeHistory(git, gitDir, [commit, ...refs.map(([, sha]) => sha)]);
    for (const [name, sha] of refs) {
      const local = name.startsWith('refs/heads/') ? `refs/remotes/origin/${name.slice('refs/heads/'.length)}` : name;
      const file = path.join(gitDir, ...local.split('/'));
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `${sha}\n`);
    }
  } else {
    writeFileSync(path.join(gitDir, 'shallow'), `${commit}\n`);
  }
  writeFileSync(path.join(gitDir, 'HEAD'), `${commit}\n`);
  execFileSync('git', ['-C', dir, 'read-tree', 'HEAD']);
}
