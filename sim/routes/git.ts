/**
 * The git data API: blobs, trees (with `base_tree` and nested paths), commits, annotated
 * tags and refs. Ref creation is atomic per name, so of two concurrent creations of one
 * tag ref exactly one gets 201 and the other 422 "Reference already exists".
 */
import { actingUser } from '../auth.ts';
import { refMoved } from '../events.ts';
import { json, type RouteRequest } from '../http.ts';
import { notFound, SimHttpError } from '../http-error.ts';
import { repoAccess, type Route } from '../route.ts';
import type { GitPerson, TreeMode } from '../state/git-objects.ts';
import type { TreeChange } from '../state/git.ts';
import { gitCommit, gitRef, gitTag, gitTree } from '../views/git.ts';
import { bodyOf, repoOf, strParam } from './util.ts';

const read = repoAccess('read', 'contents');
const write = repoAccess('write', 'contents');

function person(req: RouteRequest, input: { name?: string; email?: string; date?: string } | undefined): GitPerson {
  const user = actingUser(req.actor);
  return {
    name: input?.name ?? user.login,
    email: input?.email ?? `${user.id}+${user.login}@users.noreply.github.com`,
    date: input?.date ? new Date(input.date).toISOString().replace(/\.\d{3}Z$/, 'Z') : req.sim.clock.iso(),
  };
}

function fullRef(ref: string): string {
  return ref.startsWith('refs/') ? ref : `refs/${ref}`;
}

export const gitRoutes: Route[] = [
  {
    operationId: 'git/create-blob',
    access: write,
    handle: (req) => {
      const repo = repoOf(req);
      const body = bodyOf<{ content: string; encoding?: string }>(req);
      const sha = repo.git.writeBlob(Buffer.from(body.content, body.encoding === 'base64' ? 'base64' : 'utf8'));
      return json(201, { sha, url: `${req.sim.urls.api}/repos/${repo.fullName}/git/blobs/${sha}` });
    },
  },
  {
    operationId: 'git/get-blob',
    access: read,
    handle: (req) => {
      const repo = repoOf(req);
      const sha = strParam(req, 'file_sha');
      const blob = repo.git.get(sha, 'blob');
      if (!blob) throw notFound();
      return json(200, {
        sha,
        node_id: Buffer.from(`04:Blob${sha}`).toString('base64'),
        url: `${req.sim.urls.api}/repos/${repo.fullName}/git/blobs/${sha}`,
        size: blob.content.length,
        content: blob.content.toString('base64'),
        encoding: 'base64',
      });
    },
  },
  {
    operationId: 'git/create-tree',
    access: write,
    handle: (req) => {
      const repo = repoOf(req);
      const body = bodyOf<{ base_tree?: string; tree: Array<{ path: string; mode: TreeMode; type: 'blob' | 'tree' | 'commit'; sha?: string | null; content?: string }> }>(req);
      const changes: TreeChange[] = body.tree.map((e) => ({ path: e.path, mode: e.mode, type: e.type, sha: e.sha ?? null, ...(e.content !== undefined ? { content: e.content } : {}) }));
      const sha = repo.git.applyChanges(body.base_tree, changes);
      return json(201, gitTree(req.sim.urls, repo, sha, false));
    },
  },
  {
    operationId: 'git/get-tree',
    access: read,
    handle: (req) => {
      const repo = repoOf(req);
      let sha = strParam(req, 'tree_sha');
      const commit = repo.git.get(sha, 'commit') ?? repo.git.get(repo.git.refs.get(`refs/heads/${sha}`) ?? '', 'commit');
      if (commit) sha = commit.tree;
      if (!repo.git.get(sha, 'tree')) throw notFound();
      return json(200, gitTree(req.sim.urls, repo, sha, req.params.recursive !== undefined && req.params.recursive !== 'false' && req.params.recursive !== '0'));
    },
  },
  {
    operationId: 'git/create-commit',
    access: write,
    handle: (req) => {
      const repo = repoOf(req);
      const body = bodyOf<{ message: string; tree: string; parents?: string[]; author?: GitPerson; committer?: GitPerson }>(req);
      if (!repo.git.get(body.tree, 'tree')) throw new SimHttpError(422, 'Tree SHA does not exist');
      for (const p of body.parents ?? []) if (!repo.git.get(p, 'commit')) throw new SimHttpError(422, 'Parent SHA does not exist or is not a commit object');
      const author = person(req, body.author);
      const sha = repo.git.writeCommit({ tree: body.tree, parents: body.parents ?? [], message: body.message, author, committer: body.committer ? person(req, body.committer) : author });
      return json(201, gitCommit(req.sim.urls, repo, sha));
    },
  },
  {
    operationId: 'git/get-commit',
    access: read,
    handle: (req) => {
      const repo = repoOf(req);
      const sha = strParam(req, 'commit_sha');
      if (!repo.git.get(sha, 'commit')) throw notFound();
      return json(200, gitCommit(req.sim.urls, repo, sha));
    },
  },
  {
    operationId: 'git/create-tag',
    access: write,
    handle: (req) => {
      const repo = repoOf(req);
      const body = bodyOf<{ tag: string; message: string; object: string; type: 'commit' | 'tree' | 'blob'; tagger?: GitPerson }>(req);
      if (repo.git.objects.get(body.object)?.type !== body.type) throw new SimHttpError(422, 'Object does not exist');
      const sha = repo.git.write({ type: 'tag', object: body.object, objectType: body.type, tag: body.tag, tagger: person(req, body.tagger), message: body.message });
      return json(201, gitTag(req.sim.urls, repo, sha));
    },
  },
  {
    operationId: 'git/get-tag',
    access: read,
    handle: (req) => {
      const repo = repoOf(req);
      const sha = strParam(req, 'tag_sha');
      if (!repo.git.get(sha, 'tag')) throw notFound();
      return json(200, gitTag(req.sim.urls, repo, sha));
    },
  },
  {
    operationId: 'git/get-ref',
    access: read,
    handle: (req) => {
      const repo = repoOf(req);
      const ref = fullRef(strParam(req, 'ref'));
      const sha = repo.git.refs.get(ref);
      if (!sha) throw notFound();
      return json(200, gitRef(req.sim.urls, repo, ref, sha));
    },
  },
  {
    operationId: 'git/list-matching-refs',
    access: read,
    handle: (req) => {
      const repo = repoOf(req);
      const prefix = fullRef(strParam(req, 'ref'));
      const refs = [...repo.git.refs.entries()].filter(([name]) => name.startsWith(prefix)).sort(([a], [b]) => a.localeCompare(b));
      return json(200, refs.map(([name, sha]) => gitRef(req.sim.urls, repo, name, sha)));
    },
  },
  {
    operationId: 'git/create-ref',
    access: write,
    handle: (req) => {
      const repo = repoOf(req);
      const body = bodyOf<{ ref: string; sha: string }>(req);
      if (!body.ref.startsWith('refs/') || body.ref.split('/').length < 3) throw new SimHttpError(422, 'Reference name must start with refs/ and have at least two slashes.');
      if (repo.git.refs.has(body.ref)) throw new SimHttpError(422, 'Reference already exists');
      if (!repo.git.objects.has(body.sha)) throw new SimHttpError(422, 'Object does not exist');
      repo.git.refs.set(body.ref, body.sha);
      refMoved(req.sim, repo, body.ref, undefined, body.sha, actingUser(req.actor));
      return json(201, gitRef(req.sim.urls, repo, body.ref, body.sha));
    },
  },
  {
    operationId: 'git/update-ref',
    access: write,
    handle: (req) => {
      const repo = repoOf(req);
      const ref = fullRef(strParam(req, 'ref'));
      const body = bodyOf<{ sha: string; force?: boolean }>(req);
      const before = repo.git.refs.get(ref);
      if (!before) throw new SimHttpError(422, 'Reference does not exist');
      if (!repo.git.objects.has(body.sha)) throw new SimHttpError(422, 'Object does not exist');
      if (!body.force && !repo.git.isAncestor(before, body.sha)) throw new SimHttpError(422, 'Update is not a fast forward');
      repo.git.refs.set(ref, body.sha);
      refMoved(req.sim, repo, ref, before, body.sha, actingUser(req.actor));
      return json(200, gitRef(req.sim.urls, repo, ref, body.sha));
    },
  },
  {
    operationId: 'git/delete-ref',
    access: write,
    handle: (req) => {
      const repo = repoOf(req);
      const ref = fullRef(strParam(req, 'ref'));
      const before = repo.git.refs.get(ref);
      if (!before) throw new SimHttpError(422, 'Reference does not exist');
      repo.git.refs.delete(ref);
      refMoved(req.sim, repo, ref, before, undefined, actingUser(req.actor));
      return { status: 204 };
    },
  },
];
