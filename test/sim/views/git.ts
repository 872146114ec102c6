/** GitHub's git data shapes: refs, blobs, trees, commits, tags. */
import type { SimUrls } from '../context.ts';
import type { GitPerson } from '../state/git-objects.ts';
import type { GitStore } from '../state/git.ts';
import { nodeId } from '../state/ids.ts';
import type { RepoState } from '../state/repos.ts';

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
