/**
 * `workflow_run.completed`: a run that uploaded `trainyard-<model>` is a pull-request
 * pipeline (compare, comment, check); one that uploaded `trainyard-drift-<model>` is a
 * drift run (open or update the retraining pull request). Runs without trainyard
 * artifacts of configured models are ignored. A dispatched retraining run
 * (trainyard-retrain.yml on a branch of this repository) whose head is an open pull
 * request's head is compared on that pull request like a pipeline run: the retraining
 * pull request gets its comment and check. A successful run of the release workflow
 * on the release branch has its deploy records attested (release-records.ts).
 */
import type { Context } from 'probot';
import { classifyArtifact } from '../../src/app/config.ts';
import type { AppDeps } from '../../src/app/deps.ts';
import { modelCheckName, pullRequestForHead, reviewPipelineRun, runPullNumbers, type RunFacts } from '../../src/app/pipeline-review.ts';
import { RETRAIN_WORKFLOW } from '../../src/app/retrain.ts';
import { handleDriftArtifact } from '../../src/app/drift-run.ts';
import { attestReleaseRun } from '../../src/app/release-records.ts';
import { listRunArtifacts } from '../../src/github/artifacts.ts';
import { findCheck } from '../../src/github/checks.ts';
import { guarded, loadConfig, reportConfigProblem, repoOf } from '../context.ts';

export function workflowRunCompleted(deps: AppDeps) {
  return async (context: Context<'workflow_run.completed'>): Promise<void> => {
    const { workflow_run: run, repository } = context.payload;
    const repo = repoOf(context);
    const loaded = await loadConfig(context);
    if (!loaded.config) {
      await reportConfigProblem(repo, run.head_sha, loaded.problem, deps);
      return;
    }
    const config = loaded.config;
    const models = Object.keys(config.models);
    const artifacts = await listRunArtifacts(repo, run.id);
    const facts: RunFacts = { id: run.id, headSha: run.head_sha, headBranch: run.head_branch, htmlUrl: run.html_url, conclusion: run.conclusion, fromFork: run.head_repository?.full_name !== repository.full_name, pullRequests: runPullNumbers(run) };
    const isPullRequestRun = run.event.startsWith('pull_request');
    for (const artifact of artifacts) {
      const kind = classifyArtifact(artifact.name, models);
      if (kind?.kind === 'drift' && !facts.fromFork) {
        await guarded(repo, run.head_sha, `trainyard / drift ${kind.model}`, deps, () => handleDriftArtifact(repo, kind.model, artifact, run.html_url, deps));
      }
    }
    // Only people with write access (and the App) can dispatch: the retraining run's code is the branch's own.
    const isRetrainingRun = run.event === 'workflow_dispatch' && (run.path ?? '').endsWith(`/${RETRAIN_WORKFLOW}`) && !facts.fromFork;
    if (isRetrainingRun) {
      const pull = await pullRequestForHead(repo, run.head_sha);
      if (!pull) return;
      facts.pullRequests = [pull.number];
    } else if (!isPullRequestRun) {
      await attestReleaseRun(repo, config, { id: run.id, path: run.path ?? '', event: run.event, headBranch: run.head_branch, headSha: run.head_sha, conclusion: run.conclusion, headRepo: run.head_repository?.full_name ?? null }, repository.default_branch, deps);
      return;
    }
    let pipelineModels = models.filter((m) => artifacts.some((a) => a.name === `trainyard-${m}` || a.name === `trainyard-${m}-evaluation`));
    // A pipeline that failed before training uploads nothing: with one model, it is that model's.
    const isPipeline = (run.path ?? '').endsWith('trainyard-pr.yml') || isRetrainingRun;
    if (pipelineModels.length === 0 && isPipeline && run.conclusion !== 'success' && models.length === 1) pipelineModels = models;
    for (const model of pipelineModels) {
      // A run is judged once, against the champion of its time: a redelivery (or a late
      // delivery after the merge) must not judge it again against a newer champion.
      // The check's Re-compare button compares again on purpose.
      const existing = facts.fromFork ? undefined : await findCheck(repo, modelCheckName(model), run.head_sha, deps.appSlug);
      if (existing?.externalId === `run:${run.id}`) continue;
      const artifact = artifacts.find((a) => a.name === `trainyard-${model}`);
      await guarded(repo, run.head_sha, modelCheckName(model), deps, async () => {
        await reviewPipelineRun(repo, config, model, facts, artifact, deps, existing);
      }, run.id);
    }
  };
}
