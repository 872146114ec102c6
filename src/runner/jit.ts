/**
 * Just-in-time runner registration with the GitHub App, no personal access token:
 * App JWT -> the installation on the repository (or organisation) -> an installation
 * token -> `generate-jitconfig`. The encoded config lets `run.sh --jitconfig` take
 * exactly one job, after which GitHub removes the runner.
 */
import { exitCodeOfHttpStatus, statusOf, TrainyardError } from '../errors.ts';
import type { GitHubRequest } from './github-request.ts';

export type RunnerScope = { kind: 'repo'; owner: string; repo: string } | { kind: 'org'; org: string };

export interface JitRequest {
  scope: RunnerScope;
  name: string;
  labels: string[];
  runnerGroupId: number;
  workFolder: string;
}

export interface JitConfig {
  runnerId: number;
  runnerName: string;
  encodedJitConfig: string;
}

/** Registration failed at GitHub; the message says which step and what to change (exit 3 for a 5xx or no answer, 2 otherwise). */
export class RunnerRegistrationError extends TrainyardError {
  readonly status: number | null;

  constructor(message: string, status: number | null) {
    super(message, { exitCode: exitCodeOfHttpStatus(status) });
    this.status = status;
  }
}

const where = (scope: RunnerScope): string => (scope.kind === 'repo' ? `${scope.owner}/${scope.repo}` : `the organisation ${scope.org}`);

/** The requests `mintJitConfig` makes, for `--dry-run`. */
export function plannedRequests(request: JitRequest): string[] {
  const base = request.scope.kind === 'repo' ? `/repos/${request.scope.owner}/${request.scope.repo}` : `/orgs/${request.scope.org}`;
  return [`GET ${base}/installation`, 'POST /app/installations/{installation_id}/access_tokens', `POST ${base}/actions/runners/generate-jitconfig ${JSON.stringify(jitBody(request))}`];
}

function jitBody(request: JitRequest): Record<string, unknown> {
  return { name: request.name, runner_group_id: request.runnerGroupId, labels: request.labels, work_folder: request.workFolder };
}

async function step<T>(what: string, call: () => Promise<T>, explain: (status: number | null) => string): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const status = statusOf(error);
    throw new RunnerRegistrationError(`${what} failed${status ? ` (HTTP ${status})` : ''}: ${explain(status)}`, status);
  }
}

export async function mintJitConfig(options: { request: GitHubRequest; appJwt: string; jit: JitRequest }): Promise<JitConfig> {
  const { request, appJwt, jit } = options;
  const { scope } = jit;
  const asApp = { headers: { authorization: `bearer ${appJwt}` } };
  const installation = await step(
    `finding the App's installation on ${where(scope)}`,
    () => (scope.kind === 'repo' ? request('GET /repos/{owner}/{repo}/installation', { owner: scope.owner, repo: scope.repo, ...asApp }) : request('GET /orgs/{org}/installation', { org: scope.org, ...asApp })),
    (status) => (status === 404 ? `the App is not installed on ${where(scope)}; install it there` : status === 401 ? 'the App id or private key is wrong (GitHub rejected the JWT)' : 'GitHub did not answer as expected'),
  );
  const installationId = (installation.data as { id: number }).id;
  const token = await step(
    'creating an installation token',
    () => request('POST /app/installations/{installation_id}/access_tokens', { installation_id: installationId, ...asApp }),
    () => 'the App could not get a token for its installation',
  );
  const asInstallation = { headers: { authorization: `token ${(token.data as { token: string }).token}` } };
  const body = jitBody(jit);
  const minted = await step(
    `generating a JIT runner config for ${where(scope)}`,
    () => (scope.kind === 'repo'
      ? request('POST /repos/{owner}/{repo}/actions/runners/generate-jitconfig', { owner: scope.owner, repo: scope.repo, ...body, ...asInstallation })
      : request('POST /orgs/{org}/actions/runners/generate-jitconfig', { org: scope.org, ...body, ...asInstallation })),
    (status) =>
      status === 403 ? `the App needs the ${scope.kind === 'repo' ? '"Administration: read and write" repository' : '"Self-hosted runners: read and write" organisation'} permission`
        : status === 409 ? `a runner named "${jit.name}" already exists; choose another --name`
          : status === 404 ? `runner group ${jit.runnerGroupId} does not exist` : 'GitHub did not answer as expected',
  );
  const data = minted.data as { runner: { id: number; name: string }; encoded_jit_config: string };
  return { runnerId: data.runner.id, runnerName: data.runner.name, encodedJitConfig: data.encoded_jit_config };
}
