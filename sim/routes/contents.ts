/** The contents API: read a file or directory at a ref; create or update a file as a commit. */
import { actingUser } from '../auth.ts';
import type { SimContext } from '../context.ts';
import { refMoved } from '../events.ts';
import { json } from '../http.ts';
import { notFound, SimHttpError } from '../http-error.ts';
import { repoAccess, type Route } from '../route.ts';
import type { TreeEntry } from '../state/git-objects.ts';
import type { RepoState } from '../state/repos.ts';
import { gitCommit } from '../views/git.ts';
import { bodyOf, repoOf, strParam } from './util.ts';

/** The commit a `ref` query names: a branch, a tag, or a SHA; the default branch if absent. */
export function resolveCommit(repo: RepoState, ref: string | undefined): string | undefined {
  const name = ref ?? repo.defaultBranch;
  if (repo.git.get(name, 'commit')) return name;
  for (const candidate of [name, `refs/heads/${name}`, `refs/tags/${name}`]) {
    let sha = repo.git.refs.get(candidate);
    const tag = sha ? repo.git.get(sha, 'tag') : undefined;
    if (tag) sha = tag.object;
    if (sha) return sha;
  }
  return undefined;
}

function entryView(ctx: SimContext, repo: RepoState, entry: TreeEntry, path: string, ref: string, withContent: boolean): Record<string, unknown> {
  const url = `${ctx.urls.api}/repos/${repo.fullName}/contents/${path}?ref=${encodeURIComponent(ref)}`;
  const gitUrl = `${ctx.urls.api}/repos/${repo.fullName}/git/${entry.type === 'tree' ? 'trees' : 'blobs'}/${entry.sha}`;
  const html = `${ctx.urls.web}/${repo.fullName}/${entry.type === 'tree' ? 'tree' : 'blob'}/${ref}/${path}`;
  const blob = entry.type === 'blob' ? repo.git.get(entry.sha, 'blob') : undefined;
  const view: Record<string, unknown> = {
    type: entry.type === 'tree' ? 'dir' : entry.type === 'commit' ? 'submodule' : 'file',
    size: blob?.content.length ?? 0,
    name: path.split('/').at(-1) ?? path,
    path,
    sha: entry.sha,
    url,
    git_url: gitUrl,
    html_url: html,
    download_url: blob ? `${ctx.urls.web}/${repo.fullName}/raw/${ref}/${path}` : null,
    _links: { self: url, git: gitUrl, html },
  };
  if (withContent && blob) {
    view.content = blob.content.toString('base64');
    view.encoding = 'base64';
  }
  return view;
}

export const contentRoutes: Route[] = [
  {
    operationId: 'repos/get-content',
    access: repoAccess('read', 'contents'),
    handle: (req) => {
      const repo = repoOf(req);
      const ref = req.params.ref as string | undefined;
      const commit = resolveCommit(repo, ref);
      const path = strParam(req, 'path').replace(/^\/+|\/+$/g, '');
      const entry = commit ? repo.git.entryAt(commit, path) : undefined;
      if (!entry) throw notFound();
      const refName = ref ?? repo.defaultBranch;
      if (entry.type === 'tree') {
        const tree = repo.git.get(entry.sha, 'tree')!;
        return json(200, tree.entries.map((e) => entryView(req.sim, repo, e, path ? `${path}/${e.path}` : e.path, refName, false)));
      }
      // GitHub's raw media type (`application/vnd.github.raw`, `.v3.raw`) answers a file's bytes.
      if (/application\/vnd\.github(\.v3)?\.raw/.test(String(req.headers.accept ?? '')) && entry.type === 'blob') {
        return { status: 200, raw: repo.git.get(entry.sha, 'blob')!.content, headers: { 'content-type': 'application/vnd.github.raw; charset=utf-8' } };
      }
      return json(200, entryView(req.sim, repo, entry, path, refName, true));
    },
  },
  {
    operationId: 'repos/create-or-update-file-contents',
    access: repoAccess('write', 'contents'),
    handle: (req) => {
      const repo = repoOf(req);
      const path = strParam(req, 'path');
      const body = bodyOf<{ message: string; content: string; sha?: string; branch?: string }>(req);
      const branch = body.branch ?? repo.defaultBranch;
      const ref = `refs/heads/${branch}`;
      const parent = repo.git.refs.get(ref);
      if (!parent && branch !== repo.defaultBranch) throw new SimHttpError(404, `Branch ${branch} not found`);
      const existing = parent ? repo.git.entryAt(parent, path) : undefined;
      if (existing && body.sha === undefined) throw new SimHttpError(422, `Invalid request.\n\n"sha" wasn't supplied.`);
      if (existing && body.sha !== existing.sha) throw new SimHttpError(409, `${path} does not match ${body.sha}`);
      const blob = repo.git.writeBlob(Buffer.from(body.content, 'base64'));
      const baseTree = parent ? repo.git.get(parent, 'commit')!.tree : undefined;
      const tree = repo.git.applyChanges(baseTree, [{ path, mode: '100644', type: 'blob', sha: blob }]);
      const user = actingUser(req.actor);
      const author = { name: user.login, email: `${user.id}+${user.login}@users.noreply.github.com`, date: req.sim.clock.iso() };
      const sha = repo.git.writeCommit({ tree, parents: parent ? [parent] : [], message: body.message, author });
      repo.git.refs.set(ref, sha);
      refMoved(req.sim, repo, ref, parent, sha, user);
      const entry = repo.git.entryAt(sha, path)!;
      return json(existing ? 200 : 201, { content: entryView(req.sim, repo, entry, path, branch, false), commit: gitCommit(req.sim.urls, repo, sha) });
    },
  },
];
