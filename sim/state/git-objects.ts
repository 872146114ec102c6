/**
 * Git objects with the object ids git itself computes: SHA-1 over
 * `<type> <size>\0<content>`, trees in git's entry order, commits and annotated tags in
 * git's text format. A SHA made here matches `git hash-object` for the same content, so
 * code that compares SHAs (reviews tied to a head commit, lineage) is tested for real.
 */
import { createHash } from 'node:crypto';

export type GitObjectType = 'blob' | 'tree' | 'commit' | 'tag';
export type TreeMode = '100644' | '100755' | '040000' | '160000' | '120000';

export interface GitPerson {
  name: string;
  email: string;
  /** ISO 8601 in UTC. */
  date: string;
}

export interface TreeEntry {
  path: string;
  mode: TreeMode;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
}

export type GitObject =
  | { type: 'blob'; content: Buffer }
  | { type: 'tree'; entries: TreeEntry[] }
  | { type: 'commit'; tree: string; parents: string[]; author: GitPerson; committer: GitPerson; message: string }
  | { type: 'tag'; object: string; objectType: GitObjectType; tag: string; tagger: GitPerson; message: string };

/** Git orders tree entries by name, comparing a subtree's name as if it ended in `/`. */
function sortKey(entry: TreeEntry): string {
  return entry.type === 'tree' ? `${entry.path}/` : entry.path;
}

export function sortTreeEntries(entries: TreeEntry[]): TreeEntry[] {
  return [...entries].sort((a, b) => {
    const ka = Buffer.from(sortKey(a));
    const kb = Buffer.from(sortKey(b));
    return Buffer.compare(ka, kb);
  });
}

function personLine(role: string, person: GitPerson): string {
  const seconds = Math.floor(Date.parse(person.date) / 1000);
  return `${role} ${person.name} <${person.email}> ${seconds} +0000`;
}

/** The object's content in git's storage format, without the header. */
export function encodeObject(object: GitObject): Buffer {
  switch (object.type) {
    case 'blob':
      return object.content;
    case 'tree':
      return Buffer.concat(
        sortTreeEntries(object.entries).map((e) => {
          const mode = e.mode === '040000' ? '40000' : e.mode;
          return Buffer.concat([Buffer.from(`${mode} ${e.path}\0`), Buffer.from(e.sha, 'hex')]);
        }),
      );
    case 'commit': {
      const lines = [`tree ${object.tree}`, ...object.parents.map((p) => `parent ${p}`)];
      lines.push(personLine('author', object.author), personLine('committer', object.committer));
      return Buffer.from(`${lines.join('\n')}\n\n${object.message}`);
    }
    case 'tag': {
      const lines = [`object ${object.object}`, `type ${object.objectType}`, `tag ${object.tag}`, personLine('tagger', object.tagger)];
      return Buffer.from(`${lines.join('\n')}\n\n${object.message}`);
    }
  }
}

/** The object id git gives this object. */
export function hashObject(object: GitObject): string {
  const body = encodeObject(object);
  return createHash('sha1').update(`${object.type} ${body.length}\0`).update(body).digest('hex');
}
