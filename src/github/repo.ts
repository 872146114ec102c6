/** The repository an App event concerns, with the installation's Octokit. */
import type { Octokit } from '@octokit/rest';

export type { Octokit };

export interface Repo {
  octokit: Octokit;
  owner: string;
  repo: string;
}

export const fullName = (repo: Repo): string => `${repo.owner}/${repo.repo}`;
