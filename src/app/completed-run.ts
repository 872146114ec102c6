/**
 * A finished workflow run, as the App reads it: a run that uploaded `trainyard-<model>`
 * is a pull-request pipeline (compare, comment, check); one that uploaded
 * `trainyard-drift-<model>` is a drift run (open or update the retraining pull request).
 * Runs without trainyard artifacts of configured models are ignored. A dispatched
 * retraining run (trainyard-retrain.yml on a branch of this repository) whose head is an
 * open pull request's head is compared on that pull request like a pipeline run: the
 * retraining pull request gets its comment and check. A successful run of the release
 * workflow on the release branch has its deploy records attested (release-records.ts).
 */
import type { TrainyardConfig } from '../config/schema.ts';
import { listRunArtifacts } from '../github/artifacts.ts';
import { findCheck } from '../github/checks.ts';
import type { Repo } from '../github/repo.ts';
import { classifyArtifact } from './config.ts';
import type { AppDeps } from './deps.ts';
import { handleDriftArtifact } from './drift-run.ts';
import { guarded } from './guarded.ts';
import { modelCheckName, pullRequestForHead, reviewPipelineRun, runPullNumbers, type RunFacts } from './pipeline-review.ts';
import { attestReleaseRun } from './release-records.ts';
import { RETRAIN_WORKFLOW } from './retrain.ts';

export interface CompletedRun extends RunFacts {
  event: string;
  /** The workflow file, `.github/workflows/<name>.yml`. */
  path: string;
  /** `owner/name` of the repository the run's code came from. */
  headRepo: string | null;
  defaultBranch: string;
}

/** The fields of a `workflow_run` webhook payload the App reads. */
export interface WorkflowRunPayload {
  workflow_run: {
    id: number;
    head_sha: string;
    head_branch: string | null;
    html_url: string;
    conclusion: string | null;
    event: string;
    path?: string | null;
    head_repository?: { full_name: string } | null;
    pull_requests?: Array<{ number: number; head: { sha: string } } | null> | null;
  };
  repository: { full_name: string; default_branch: string };
}

export function completedRunOf({ workflow_run: run, repository }: WorkflowRunPayload): CompletedRun {
  const headRepo = run.head_repository?.full_name ?? null;
  return {
    id: run.id,
    headSha: run.head_sha,
    headBranch: run.head_branch,
    htmlUrl: run.html_url,
    conclusion: run.conclusion,
    fromFork: headRepo !== repository.full_name,
    pullRequests: runPullNumbers(run),
    event: run.event,
    path: run.path ?? '',
    headRepo,
    defaultBranch: repository.default_branch,
  };
}

/** What the App did with a finished run, for the log. */
export type CompletedRunOutcome = { reviewed: string[]; drift: string[]; ignored?: string };

export async function handleCompletedRun(repo: Repo, config: TrainyardConfig, run: CompletedRun, deps: AppDeps): Promise<CompletedRunOutcome> {
  const models = Object.keys(config.models);
  const artifacts = await listRunArtifacts(repo, run.id);
  const outcome: CompletedRunOutcome = { reviewed: [], drift: [] };
  const facts: RunFacts = { ...run, pullRequests: [...run.pullRequests] };
  for (const artifact of artifacts) {
    const kind = classifyArtifact(artifact.name, models);
    if (kind?.kind === 'drift' && !run.fromFork) {
      await guarded(repo, run.headSha, `trainyard / drift ${kind.model}`, deps, () => handleDriftArtifact(repo, kind.model, artifact, run.htmlUrl, deps));
      outcome.drift.push(kind.model);
    }
  }
  // Only people with write access (and the App) can dispatch: the retraining run's code is the branch's own.
  const isRetrainingRun = run.event === 'workflow_dispatch' && run.path.endsWith(`/${RETRAIN_WORKFLOW}`) && !run.fromFork;
  if (isRetrainingRun) {
    const pull = await pullRequestForHead(repo, run.headSha);
    if (!pull) return { ...outcome, ignored: `retraining run ${run.id}: no open pull request has its head ${run.headSha.slice(0, 7)}` };
    facts.pullRequests = [pull.number];
  } else if (!run.event.startsWith('pull_request')) {
    await attestReleaseRun(repo, config, { id: run.id, path: run.path, event: run.event, headBranch: run.headBranch, headSha: run.headSha, conclusion: run.conclusion, headRepo: run.headRepo }, run.defaultBranch, deps);
    return outcome;
  }
  let pipelineModels = models.filter((m) => artifacts.some((a) => a.name === `trainyard-${m}` || a.name === `trainyard-${m}-evaluation`));
  // A pipeline that failed before training uploads nothing: with one model, it is that model's.
  const isPipeline = run.path.endsWith('trainyard-pr.yml') || isRetrainingRun;
  if (pipelineModels.length === 0 && isPipeline && run.conclusion !== 'success' && models.length === 1) pipelineModels = models;
  for (const model of pipelineModels) {
    // A run is judged once, against the champion of its time: a redelivery (or a late
    // delivery after the merge) must not judge it again against a newer champion.
    // The check's Re-compare button compares again on purpose.
    const existingCheck = run.fromFork ? undefined : await findCheck(repo, modelCheckName(model), run.headSha, deps.appSlug);
    if (existingCheck?.externalId === `run:${run.id}`) continue;
    const artifact = artifacts.find((a) => a.name === `trainyard-${model}`);
    await guarded(repo, run.headSha, modelCheckName(model), deps, async () => {
      await reviewPipelineRun({ repo, config, model, run: facts, artifact, existingCheck }, deps);
    }, run.id);
    outcome.reviewed.push(model);
  }
  if (outcome.reviewed.length === 0 && outcome.drift.length === 0) outcome.ignored = `run ${run.id} (${run.path || run.event}) uploaded no trainyard artifact of a configured model`;
  return outcome;
}
