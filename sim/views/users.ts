/** GitHub's `simple-user` shape. */
import type { SimUrls } from '../urls.ts';
import { nodeId } from '../state/ids.ts';
import type { RepoState } from '../state/repos.ts';
import type { SimUser } from '../state/users.ts';

export function simpleUser(urls: SimUrls, user: SimUser): Record<string, unknown> {
  // Bot logins (`app[bot]`) hold characters a URL must escape.
  const login = encodeURIComponent(user.login);
  const url = `${urls.api}/users/${login}`;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(user.type, user.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url,
    html_url: `${urls.web}/${login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: user.type,
    site_admin: false,
  };
}

/** `GET /users/{username}`: the public profile. */
export function publicUser(urls: SimUrls, user: SimUser): Record<string, unknown> {
  return {
    ...simpleUser(urls, user),
    name: user.name,
    company: null,
    blog: '',
    location: null,
    email: user.email,
    hireable: null,
    bio: null,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: user.createdAt,
    updated_at: user.createdAt,
  };
}

/** How GitHub relates a login to a repository in `author_association`. */
export function authorAssociation(repo: RepoState, login: string): string {
  if (repo.owner.login.toLowerCase() === login.toLowerCase()) return 'OWNER';
  return repo.roles.has(login.toLowerCase()) ? 'COLLABORATOR' : 'CONTRIBUTOR';
}
