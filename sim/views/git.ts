/** GitHub's git data shapes: refs, blobs, trees, commits, tags. */
import type { SimUrls } from '../urls.ts';
import type { GitPerson } from '../state/git-objects.ts';
import type { GitStore } from '../state/git.ts';
import { nodeId } from '../state/ids.ts';
import type { RepoState } from '../state/repos.ts';
import type { Users } from '../state/users.ts';
import { simpleUser } from './users.ts';

const VERIFICATION = { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null };

function api(urls: SimUrls, repo: RepoState): string {
  return `${urls.api}/repos/${repo.fullName}`;
}

export function gitRef(urls: SimUrls, repo: RepoState, ref: string, sha: string): Record<string, unknown> {
  const type = repo.git.objects.get(sha)?.type ?? 'commit';
  return {
    ref,
    node_id: nodeId('Ref', `${repo.id}:${ref}`),
    url: `${api(urls, repo)}/git/${ref.split('/').map(encodeURIComponent).join('/')}`,
    object: { type, sha, url: `${api(urls, repo)}/git/${type}s/${sha}` },
  };
}

export function gitTree(urls: SimUrls, repo: RepoState, sha: string, recursive: boolean): Record<string, unknown> {
  const git: GitStore = repo.git;
  const entries = recursive ? git.walk(sha) : (git.get(sha, 'tree')?.entries ?? []);
  return {
    sha,
    url: `${api(urls, repo)}/git/trees/${sha}`,
    truncated: false,
    tree: entries.map((e) => ({
      path: e.path,
      mode: e.mode,
      type: e.type,
      sha: e.sha,
      url: `${api(urls, repo)}/git/${e.type}s/${e.sha}`,
      ...(e.type === 'blob' ? { size: git.get(e.sha, 'blob')?.content.length ?? 0 } : {}),
    })),
  };
}

function person(p: GitPerson): Record<string, unknown> {
  return { name: p.name, email: p.email, date: p.date };
}

export function gitCommit(urls: SimUrls, repo: RepoState, sha: string): Record<string, unknown> {
  const commit = repo.git.get(sha, 'commit')!;
  return {
    sha,
    node_id: nodeId('Commit', sha),
    url: `${api(urls, repo)}/git/commits/${sha}`,
    html_url: `${urls.web}/${repo.fullName}/commit/${sha}`,
    author: person(commit.author),
    committer: person(commit.committer),
    tree: { sha: commit.tree, url: `${api(urls, repo)}/git/trees/${commit.tree}` },
    message: commit.message,
    parents: commit.parents.map((p) => ({ sha: p, url: `${api(urls, repo)}/git/commits/${p}`, html_url: `${urls.web}/${repo.fullName}/commit/${p}` })),
    verification: VERIFICATION,
  };
}

export function gitTag(urls: SimUrls, repo: RepoState, sha: string): Record<string, unknown> {
  const tag = repo.git.get(sha, 'tag')!;
  return {
    sha,
    node_id: nodeId('Tag', sha),
    url: `${api(urls, repo)}/git/tags/${sha}`,
    tag: tag.tag,
    message: tag.message,
    tagger: person(tag.tagger),
    object: { type: tag.objectType, sha: tag.object, url: `${api(urls, repo)}/git/${tag.objectType}s/${tag.object}` },
    verification: VERIFICATION,
  };
}

/**
 * GitHub's `commit` shape (the commits and compare APIs): the git commit, and the
 * accounts its author and committer emails belong to (null when no account has them).
 */
export function commitView(urls: SimUrls, users: Users, repo: RepoState, sha: string): Record<string, unknown> {
  const commit = repo.git.get(sha, 'commit')!;
  const account = (p: GitPerson) => {
    const user = users.byEmail(p.email);
    return user ? simpleUser(urls, user) : null;
  };
  return {
    url: `${api(urls, repo)}/commits/${sha}`,
    sha,
    node_id: nodeId('Commit', sha),
    html_url: `${urls.web}/${repo.fullName}/commit/${sha}`,
    comments_url: `${api(urls, repo)}/commits/${sha}/comments`,
    commit: {
      url: `${api(urls, repo)}/git/commits/${sha}`,
      author: person(commit.author),
      committer: person(commit.committer),
      message: commit.message,
      comment_count: 0,
      tree: { sha: commit.tree, url: `${api(urls, repo)}/git/trees/${commit.tree}` },
      verification: VERIFICATION,
    },
    author: account(commit.author),
    committer: account(commit.committer),
    parents: commit.parents.map((p) => ({ sha: p, url: `${api(urls, repo)}/commits/${p}`, html_url: `${urls.web}/${repo.fullName}/commit/${p}` })),
  };
}

/** Commits reachable from `head` and not from `base`, oldest first (parents before children). */
export function commitsBetween(git: GitStore, base: string | null, head: string): string[] {
  const excluded = new Set<string>();
  if (base) {
    const queue = [base];
    while (queue.length > 0) {
      const at = queue.pop()!;
      if (excluded.has(at)) continue;
      excluded.add(at);
      queue.push(...(git.get(at, 'commit')?.parents ?? []));
    }
  }
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (sha: string): void => {
    if (seen.has(sha) || excluded.has(sha)) return;
    seen.add(sha);
    for (const parent of git.get(sha, 'commit')?.parents ?? []) visit(parent);
    order.push(sha);
  };
  visit(head);
  return order;
}
