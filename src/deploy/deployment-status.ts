/**
 * The GitHub deployment a deploy reports on: the newest deployment of the commit to the
 * environment, the one GitHub Actions creates for a job bound to that environment. It
 * goes `in_progress` before the deploy and `success` or `failure` after, with the
 * environment's URL and the run's log, so the repository's Deployments page shows what
 * happened and where the service lives. A commit with no such deployment (a job bound
 * to no environment, a deploy from a laptop) has nothing to report on: a note, not an error.
 */
import { describeThrown } from '../errors.ts';
import { call, type RepoContext } from '../registry/github/client.ts';

export type DeploymentState = 'in_progress' | 'success' | 'failure';

export interface DeploymentStatusTarget {
  /** The repository the deployment belongs to (where the workflow runs). */
  context: RepoContext;
  sha: string;
  environment: string;
  environmentUrl: string | null;
  logUrl: string | null;
}

/** What reporting did: the deployment it set, or null when the commit had none. */
export interface DeploymentReport<T> {
  result: T;
  deploymentId: number | null;
}

/** GitHub keeps at most 140 characters of a status description. */
const MAX_DESCRIPTION = 140;

/** A status description GitHub keeps whole: a longer reason is cut, marked with an ellipsis. */
export function statusDescription(text: string): string {
  return text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 1)}…`;
}

/** The id of the newest deployment of `sha` to the environment, or null. */
export async function findDeployment(target: DeploymentStatusTarget): Promise<number | null> {
  const { context, sha, environment } = target;
  // GitHub lists deployments newest first.
  const { data } = await call(context, `listing deployments of ${sha} to ${environment}`, () =>
    context.octokit.rest.repos.listDeployments({ owner: context.owner, repo: context.repo, sha, environment, per_page: 1 }),
  );
  return data[0]?.id ?? null;
}

export async function setDeploymentStatus(target: DeploymentStatusTarget, deploymentId: number, state: DeploymentState, description: string): Promise<void> {
  const { context } = target;
  await call(context, `setting deployment ${deploymentId} to ${state}`, () =>
    context.octokit.rest.repos.createDeploymentStatus({
      owner: context.owner,
      repo: context.repo,
      deployment_id: deploymentId,
      state,
      description: statusDescription(description),
      ...(target.environmentUrl ? { environment_url: target.environmentUrl } : {}),
      ...(target.logUrl ? { log_url: target.logUrl } : {}),
    }),
  );
}

/**
 * Runs `deploy` between an `in_progress` and a final status of the commit's deployment.
 * A failed deploy sets `failure` with its one-line reason and is rethrown unchanged; a
 * failure to set that status is noted, never hiding the deploy's own error.
 */
export async function withDeploymentStatus<T>(
  target: DeploymentStatusTarget,
  deploy: () => Promise<T>,
  describe: { started: string; succeeded: (result: T) => string },
  note: (line: string) => void,
): Promise<DeploymentReport<T>> {
  const deploymentId = await findDeployment(target);
  if (deploymentId === null) return { result: await deploy(), deploymentId };
  await setDeploymentStatus(target, deploymentId, 'in_progress', describe.started);
  let result: T;
  try {
    result = await deploy();
  } catch (error) {
    await setDeploymentStatus(target, deploymentId, 'failure', describeThrown(error)).catch((statusError: unknown) => {
      note(`could not set deployment ${deploymentId} to failure: ${describeThrown(statusError)}`);
    });
    throw error;
  }
  await setDeploymentStatus(target, deploymentId, 'success', describe.succeeded(result));
  return { result, deploymentId };
}
