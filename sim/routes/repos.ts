/** Repository metadata, collaborator permissions and branches. */
import { json } from '../http.ts';
import { notFound } from '../http-error.ts';
import type { Route } from '../route.ts';
import { roleOf, type RepoRole, type RepoState } from '../state/repos.ts';
import { SimHttpError } from '../http-error.ts';
import { commitsBetween, commitView, gitCommit } from '../views/git.ts';
import { fullRepository } from '../views/repos.ts';
import { simpleUser } from '../views/users.ts';
import { repoAccess } from '../route.ts';
import { repoOf, strParam } from './util.ts';

/** The legacy `permission` GitHub reports for each role. */
const LEGACY: Record<RepoRole, string> = { read: 'read', triage: 'read', write: 'write', maintain: 'write', admin: 'admin' };

/** A branch name or a commit id to a commit, as the compare API reads each side. */
function commitOf(repo: RepoState, ref: string): string | undefined {
  const sha = repo.git.refs.get(`refs/heads/${ref}`) ?? repo.git.refs.get(`refs/tags/${ref}`) ?? ref;
  const tag = repo.git.get(sha, 'tag');
  const target = tag ? tag.object : sha;
  return repo.git.get(target, 'commit') ? target : undefined;
}

export const repoRoutes: Route[] = [
  {
    operationId: 'repos/compare-commits-with-basehead',
    access: repoAccess('read', 'contents'),
    handle: (req) => {
      const repo = repoOf(req);
      const basehead = strParam(req, 'basehead');
      const parts = basehead.split('...');
      if (parts.length !== 2) throw notFound();
      const base = commitOf(repo, parts[0]!);
      const head = commitOf(repo, parts[1]!);
      if (!base || !head) throw notFound();
      const ahead = commitsBetween(repo.git, base, head);
      const behind = commitsBetween(repo.git, head, base);
      const reachable = new Set(commitsBetween(repo.git, null, base));
      const mergeBase = [...commitsBetween(repo.git, null, head)].reverse().find((sha) => reachable.has(sha));
      if (!mergeBase) throw new SimHttpError(404, `No common ancestor between ${parts[0]} and ${parts[1]}.`);
      const status = ahead.length === 0 && behind.length === 0 ? 'identical' : behind.length === 0 ? 'ahead' : ahead.length === 0 ? 'behind' : 'diverged';
      const web = `${req.sim.urls.web}/${repo.fullName}/compare/${basehead}`;
      return json(200, {
        url: `${req.sim.urls.api}/repos/${repo.fullName}/compare/${basehead}`,
        html_url: web,
        permalink_url: `${req.sim.urls.web}/${repo.fullName}/compare/${base}...${head}`,
        diff_url: `${web}.diff`,
        patch_url: `${web}.patch`,
        base_commit: commitView(req.sim.urls, req.sim.state.users, repo, base),
        merge_base_commit: commitView(req.sim.urls, req.sim.state.users, repo, mergeBase),
        status,
        ahead_by: ahead.length,
        behind_by: behind.length,
        total_commits: ahead.length,
        commits: ahead.map((sha) => commitView(req.sim.urls, req.sim.state.users, repo, sha)),
      });
    },
  },
  {
    operationId: 'repos/get',
    access: repoAccess('read', 'metadata'),
    handle: (req) => {
      const repo = repoOf(req);
      const role = req.actor.kind === 'user' ? roleOf(repo, req.actor.user) : undefined;
      const level = role ? LEGACY[role] : undefined;
      const permissions = req.actor.kind === 'user'
        ? { admin: level === 'admin', maintain: role === 'maintain' || level === 'admin', push: level === 'write' || level === 'admin', triage: role !== undefined && role !== 'read', pull: true }
        : undefined;
      return json(200, fullRepository(req.sim.urls, repo, permissions));
    },
  },
  {
    operationId: 'repos/get-collaborator-permission-level',
    access: repoAccess('read', 'metadata'),
    handle: (req) => {
      const repo = repoOf(req);
      const user = req.sim.state.users.find(strParam(req, 'username'));
      if (!user) throw notFound();
      const role = roleOf(repo, user);
      return json(200, {
        permission: role ? LEGACY[role] : 'none',
        role_name: role ?? 'none',
        user: { ...simpleUser(req.sim.urls, user), role_name: role ?? 'none' },
      });
    },
  },
  {
    operationId: 'repos/get-branch',
    access: repoAccess('read', 'contents'),
    handle: (req) => {
      const repo = repoOf(req);
      const name = strParam(req, 'branch');
      const sha = repo.git.refs.get(`refs/heads/${name}`);
      if (!sha) throw notFound();
      const commit = gitCommit(req.sim.urls, repo, sha);
      const url = `${req.sim.urls.api}/repos/${repo.fullName}`;
      return json(200, {
        name,
        commit: {
          sha,
          node_id: commit.node_id,
          url: `${url}/commits/${sha}`,
          html_url: commit.html_url,
          comments_url: `${url}/commits/${sha}/comments`,
          commit: { ...commit, comment_count: 0 },
          author: null,
          committer: null,
          parents: commit.parents,
        },
        _links: { html: `${req.sim.urls.web}/${repo.fullName}/tree/${name}`, self: `${url}/branches/${name}` },
        protected: false,
        protection: { enabled: false, required_status_checks: { enforcement_level: 'off', contexts: [], checks: [] } },
        protection_url: `${url}/branches/${name}/protection`,
      });
    },
  },
];
