/**
 * The buttons of the check `trainyard / <model>`: Re-compare runs the comparison of the
 * check's pipeline run again; Retrain dispatches the retraining workflow on the pull
 * request's branch (the default branch for forks). Only people with write access, and
 * only on the App's own checks.
 */
import type { TrainyardConfig } from '../config/schema.ts';
import { listRunArtifacts } from '../github/artifacts.ts';
import type { Repo } from '../github/repo.ts';
import type { AppDeps } from './deps.ts';
import { canWrite } from './permissions.ts';
import { reviewPipelineRun, runPullNumbers } from './pipeline-review.ts';
import { dispatchRetraining } from './retrain.ts';

export interface CheckActionRequest {
  checkName: string;
  /** The check's `external_id`: `run:<id>` or `retry:run:<id>`. */
  externalId: string | null;
  /** The slug of the App that made the check. */
  checkApp: string | null;
  action: string | null;
  sender: string;
  repoFullName: string;
  defaultBranch: string;
}

/** The model and the pipeline run a check names, when it is one of this App's model checks. */
export function checkTarget(request: Pick<CheckActionRequest, 'checkName' | 'externalId' | 'checkApp'>, deps: AppDeps): { model: string; runId: number } | null {
  const model = /^trainyard \/ (.+)$/.exec(request.checkName)?.[1];
  const runId = Number(/^(?:retry:)?run:(\d+)$/.exec(request.externalId ?? '')?.[1]);
  if (!model || !runId || request.checkApp !== deps.appSlug) return null;
  return { model, runId };
}

/** Carries out the button; returns why nothing was done, or null when it was. */
export async function runCheckAction(repo: Repo, config: TrainyardConfig | null, request: CheckActionRequest, deps: AppDeps): Promise<string | null> {
  const target = checkTarget(request, deps);
  if (!target) return `${request.checkName} is not a model check of ${deps.appSlug}`;
  if (!config?.models[target.model]) return `model ${target.model} is not in the config`;
  if (!(await canWrite(repo, request.sender))) return `${request.sender} has no write access`;
  const { data: run } = await repo.octokit.rest.actions.getWorkflowRun({ owner: repo.owner, repo: repo.repo, run_id: target.runId });
  const fromFork = run.head_repository?.full_name !== request.repoFullName;
  if (request.action === 'recompare') {
    const artifact = (await listRunArtifacts(repo, run.id)).find((a) => a.name === `trainyard-${target.model}`);
    const facts = { id: run.id, headSha: run.head_sha, headBranch: run.head_branch, htmlUrl: run.html_url, conclusion: run.conclusion, fromFork, pullRequests: runPullNumbers(run) };
    await reviewPipelineRun({ repo, config, model: target.model, run: facts, artifact }, deps);
    return null;
  }
  if (request.action === 'retrain') {
    const ref = fromFork || !run.head_branch ? request.defaultBranch : run.head_branch;
    await dispatchRetraining(repo, { model: target.model, ref, reason: `requested by ${request.sender} from the check` });
    return null;
  }
  return `unknown action ${request.action ?? '(none)'}`;
}
