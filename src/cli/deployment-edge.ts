/**
 * `deploy --deployment-status`: which repository's deployment, with which token and
 * URLs. The deployment lives where the workflow runs (GITHUB_REPOSITORY), which need
 * not be the registry's repository; outside Actions the github: registry's one stands in.
 */
import type { DeploymentStatusTarget } from '../deploy/deployment-status.ts';
import { UsageError } from '../errors.ts';
import type { CliIo } from './io.ts';
import { githubClient, runUrlFrom, type OpenedRegistry } from './registry-edge.ts';

export interface DeploymentStatusOptions {
  deploymentStatus?: string;
  environmentUrl?: string;
  logUrl?: string;
}

function checkUrl(option: string, value: string): string {
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || !/^https?:$/.test(url.protocol)) throw new UsageError(`${option} "${value}" is not a URL; expected http(s)://…`);
  return value;
}

/** The deployment to report on, or null without --deployment-status. */
export function deploymentTarget(io: CliIo, options: DeploymentStatusOptions, environment: string, opened: OpenedRegistry): DeploymentStatusTarget | null {
  if (!options.deploymentStatus) {
    const stray = options.environmentUrl !== undefined ? '--environment-url' : options.logUrl !== undefined ? '--log-url' : null;
    if (stray) throw new UsageError(`${stray} is set on the deployment status; it needs --deployment-status <sha>`);
    return null;
  }
  const sha = options.deploymentStatus.toLowerCase();
  if (!/^[0-9a-f]{40}$/.test(sha)) throw new UsageError(`--deployment-status "${options.deploymentStatus}" is not a commit SHA; expected 40 hex digits (GITHUB_SHA)`);
  const environmentUrl = options.environmentUrl ? checkUrl('--environment-url', options.environmentUrl) : null;
  const logUrl = options.logUrl ? checkUrl('--log-url', options.logUrl) : runUrlFrom(io.env);
  const fromEnv = io.env.GITHUB_REPOSITORY;
  let owner: string;
  let repo: string;
  if (fromEnv) {
    const parts = /^([^/\s]+)\/([^/\s]+)$/.exec(fromEnv);
    if (!parts) throw new UsageError(`GITHUB_REPOSITORY "${fromEnv}" is not <owner>/<repo>`);
    [owner, repo] = [parts[1]!, parts[2]!];
  } else if (opened.github) {
    ({ owner, repo } = opened.github);
  } else {
    throw new UsageError('--deployment-status needs the repository of the deployment: set GITHUB_REPOSITORY=<owner>/<repo> or use a github: registry');
  }
  const octokit = opened.github?.octokit ?? githubClient(io, '--deployment-status needs a token with deployments: write');
  return { context: { octokit, owner, repo, location: `github:${owner}/${repo}` }, sha, environment, environmentUrl, logUrl };
}
