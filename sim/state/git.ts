/**
 * One repository's object database and refs, with the operations the git data API and
 * the contents API need: write objects, read a path at a commit, build a tree from
 * changes to a base tree (nested paths included).
 */
import { hashObject, type GitObject, type GitPerson, type TreeEntry, type TreeMode } from './git-objects.ts';
import { SimHttpError } from '../http-error.ts';

/** A change to a tree: write `sha` (or `content`) at `path`, or delete it with `sha: null`. */
export interface TreeChange {
  path: string;
  mode: TreeMode;
  type: 'blob' | 'tree' | 'commit';
  sha: string | null;
  content?: string;
}

export class GitStore {
  readonly objects = new Map<string, GitObject>();
  /** Full ref name (`refs/heads/main`) to object id. */
  readonly refs = new Map<string, string>();

  write(object: GitObject): string {
    const sha = hashObject(object);
    this.objects.set(sha, object);
    return sha;
  }

  get<T extends GitObject['type']>(sha: string, type: T): Extract<GitObject, { type: T }> | undefined {
    const object = this.objects.get(sha);
    return object?.type === type ? (object as Extract<GitObject, { type: T }>) : undefined;
  }

  writeBlob(content: Buffer | string): string {
    return this.write({ type: 'blob', content: Buffer.isBuffer(content) ? content : Buffer.from(content) });
  }

  writeCommit(input: { tree: string; parents: string[]; message: string; author: GitPerson; committer?: GitPerson }): string {
    return this.write({ type: 'commit', committer: input.author, ...input });
  }

  /** The entry at `path` in the tree of `commitSha`, or undefined. `''` is the root tree. */
  entryAt(commitSha: string, path: string): TreeEntry | undefined {
    const commit = this.get(commitSha, 'commit');
    if (!commit) return undefined;
    let entry: TreeEntry = { path: '', mode: '040000', type: 'tree', sha: commit.tree };
    for (const part of path.split('/').filter((p) => p.length > 0)) {
      const tree = this.get(entry.sha, 'tree');
      const next = tree?.entries.find((e) => e.path === part);
      if (!next) return undefined;
      entry = next;
    }
    return entry;
  }

  /** Writes the tree that results from applying `changes` to `baseTree` (or an empty tree). */
  applyChanges(baseTree: string | undefined, changes: TreeChange[]): string {
    const entries = new Map<string, TreeEntry>();
    if (baseTree) {
      const base = this.get(baseTree, 'tree');
      if (!base) throw new SimHttpError(422, 'Invalid tree info', [{ field: 'base_tree', code: 'invalid' }]);
      for (const e of base.entries) entries.set(e.path, e);
    }
    const nested = new Map<string, TreeChange[]>();
    for (const change of changes) {
      const [head, ...rest] = change.path.split('/').filter((p) => p.length > 0);
      if (!head) throw new SimHttpError(422, `tree.path '${change.path}' is empty`);
      if (rest.length > 0) {
        nested.set(head, [...(nested.get(head) ?? []), { ...change, path: rest.join('/') }]);
      } else if (change.sha === null && change.content === undefined) {
        entries.delete(head);
      } else {
        const sha = change.content !== undefined ? this.writeBlob(change.content) : change.sha!;
        if (change.type !== 'commit' && !this.objects.has(sha)) {
          throw new SimHttpError(422, `tree.sha ${sha} is not a valid ${change.type}`);
        }
        entries.set(head, { path: head, mode: change.mode, type: change.type, sha });
      }
    }
    for (const [dir, subChanges] of nested) {
      const current = entries.get(dir);
      const sub = this.applyChanges(current?.type === 'tree' ? current.sha : undefined, subChanges);
      if (this.get(sub, 'tree')!.entries.length === 0) entries.delete(dir);
      else entries.set(dir, { path: dir, mode: '040000', type: 'tree', sha: sub });
    }
    return this.write({ type: 'tree', entries: [...entries.values()] });
  }

  /** All blobs under a tree, as `path -> entry`, for recursive listings. */
  walk(treeSha: string, prefix = ''): TreeEntry[] {
    const tree = this.get(treeSha, 'tree');
    if (!tree) return [];
    const out: TreeEntry[] = [];
    for (const e of tree.entries) {
      const path = prefix ? `${prefix}/${e.path}` : e.path;
      out.push({ ...e, path });
      if (e.type === 'tree') out.push(...this.walk(e.sha, path));
    }
    return out;
  }

  /** Every commit reachable from `sha` through parents, `sha` included. */
  ancestors(sha: string): Set<string> {
    const seen = new Set<string>();
    const queue = [sha];
    while (queue.length > 0) {
      const at = queue.pop()!;
      if (seen.has(at) || !this.get(at, 'commit')) continue;
      seen.add(at);
      queue.push(...this.get(at, 'commit')!.parents);
    }
    return seen;
  }

  /** The nearest common ancestor of two commits (git merge-base), or null. */
  mergeBase(a: string, b: string): string | null {
    const ofA = this.ancestors(a);
    const queue = [b];
    const seen = new Set<string>();
    // Breadth-first from b: the first commit also reachable from a is the nearest.
    while (queue.length > 0) {
      const at = queue.shift()!;
      if (seen.has(at)) continue;
      seen.add(at);
      if (ofA.has(at)) return at;
      queue.push(...(this.get(at, 'commit')?.parents ?? []));
    }
    return null;
  }

  /** The files (blobs and links) of a commit as `path -> "mode sha"`; an empty map for null. */
  files(commitSha: string | null): Map<string, string> {
    const commit = commitSha ? this.get(commitSha, 'commit') : undefined;
    const out = new Map<string, string>();
    if (!commit) return out;
    for (const entry of this.walk(commit.tree)) if (entry.type !== 'tree') out.set(entry.path, `${entry.mode} ${entry.sha}`);
    return out;
  }

  /** The paths that differ between two commits (a two-dot diff), sorted; `from` null: every file of `to`. */
  changedPaths(from: string | null, to: string): string[] {
    const before = this.files(from);
    const after = this.files(to);
    const paths = new Set<string>();
    for (const [file, id] of after) if (before.get(file) !== id) paths.add(file);
    for (const file of before.keys()) if (!after.has(file)) paths.add(file);
    return [...paths].sort();
  }

  /** True when `ancestor` is reachable from `sha` through parents (fast-forward check). */
  isAncestor(ancestor: string, sha: string): boolean {
    const seen = new Set<string>();
    const queue = [sha];
    while (queue.length > 0) {
      const at = queue.pop()!;
      if (at === ancestor) return true;
      if (seen.has(at)) continue;
      seen.add(at);
      queue.push(...(this.get(at, 'commit')?.parents ?? []));
    }
    return false;
  }
}
