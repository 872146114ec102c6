/** GitHub's repository shapes: `minimal-repository`, `repository`, `full-repository`. */
import type { SimUrls } from '../urls.ts';
import { nodeId } from '../state/ids.ts';
import type { RepoState } from '../state/repos.ts';
import { simpleUser } from './users.ts';

export function minimalRepository(urls: SimUrls, repo: RepoState): Record<string, unknown> {
  const url = `${urls.api}/repos/${repo.fullName}`;
  return {
    id: repo.id,
    node_id: nodeId('Repository', repo.id),
    name: repo.name,
    full_name: repo.fullName,
    owner: simpleUser(urls, repo.owner),
    private: repo.private,
    html_url: `${urls.web}/${repo.fullName}`,
    description: repo.description,
    fork: repo.parent !== null,
    url,
    archive_url: `${url}/{archive_format}{/ref}`,
    assignees_url: `${url}/assignees{/user}`,
    blobs_url: `${url}/git/blobs{/sha}`,
    branches_url: `${url}/branches{/branch}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    comments_url: `${url}/comments{/number}`,
    commits_url: `${url}/commits{/sha}`,
    compare_url: `${url}/compare/{base}...{head}`,
    contents_url: `${url}/contents/{+path}`,
    contributors_url: `${url}/contributors`,
    deployments_url: `${url}/deployments`,
    downloads_url: `${url}/downloads`,
    events_url: `${url}/events`,
    forks_url: `${url}/forks`,
    git_commits_url: `${url}/git/commits{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    hooks_url: `${url}/hooks`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    issue_events_url: `${url}/issues/events{/number}`,
    issues_url: `${url}/issues{/number}`,
    keys_url: `${url}/keys{/key_id}`,
    labels_url: `${url}/labels{/name}`,
    languages_url: `${url}/languages`,
    merges_url: `${url}/merges`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    pulls_url: `${url}/pulls{/number}`,
    releases_url: `${url}/releases{/id}`,
    stargazers_url: `${url}/stargazers`,
    statuses_url: `${url}/statuses/{sha}`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    tags_url: `${url}/tags`,
    teams_url: `${url}/teams`,
    trees_url: `${url}/git/trees{/sha}`,
  };
}

/** `repository` (nested in pull requests and webhooks). */
export function repository(urls: SimUrls, repo: RepoState): Record<string, unknown> {
  return {
    ...minimalRepository(urls, repo),
    clone_url: `${urls.web}/${repo.fullName}.git`,
    git_url: `git://github.com/${repo.fullName}.git`,
    ssh_url: `git@github.com:${repo.fullName}.git`,
    svn_url: `${urls.web}/${repo.fullName}`,
    mirror_url: null,
    homepage: null,
    language: null,
    default_branch: repo.defaultBranch,
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    open_issues: repo.pulls.filter((p) => p.state === 'open').length,
    open_issues_count: repo.pulls.filter((p) => p.state === 'open').length,
    size: repo.git.objects.size,
    has_downloads: true,
    has_issues: true,
    has_projects: true,
    has_wiki: false,
    has_pages: false,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: repo.private ? 'private' : 'public',
    license: null,
    topics: [],
    custom_properties: {},
    is_template: false,
    allow_forking: true,
    web_commit_signoff_required: false,
    pushed_at: repo.pushedAt,
    created_at: repo.createdAt,
    updated_at: repo.pushedAt,
  };
}

/** `full-repository` (`GET /repos/{owner}/{repo}`). */
export function fullRepository(urls: SimUrls, repo: RepoState, permissions?: Record<string, boolean>): Record<string, unknown> {
  return {
    ...repository(urls, repo),
    network_count: 0,
    subscribers_count: 0,
    ...(permissions ? { permissions } : {}),
  };
}
