/**
 * `workflow_run.completed` of the pull-request pipeline, for one model: read the run's
 * artifact `trainyard-<model>` (bounded, sanitised), recompute the comparison with the
 * champion from raw metrics, then update the sticky comment on the pull request and
 * the check run `trainyard / <model>` on the run's head commit.
 */
import type { ModelConfig, TrainyardConfig } from '../config/schema.ts';
import { describeThrown } from '../errors.ts';
import type { ArtifactInfo } from '../github/artifacts.ts';
import { upsertCheck, type CheckOutcome, type ExistingCheck } from '../github/checks.ts';
import type { Repo } from '../github/repo.ts';
import { commentMarker, upsertStickyComment, type StickyOutcome } from '../github/sticky-comment.ts';
import type { Comparison } from '../metrics/compare.ts';
import { renderCheckOutput, renderCommentBody, type ComparisonReport } from '../report/comparison-report.ts';
import { environmentOf } from './config.ts';
import { openRegistry, readChampion } from './champion.ts';
import { botLogin, type AppDeps } from './deps.ts';
import { readCandidateArtifact } from './run-metrics.ts';
import { compareOnEvaluationRows } from './trusted-evaluation.ts';

export const modelCheckName = (model: string): string => `trainyard / ${model}`;

export const CHECK_ACTIONS = [
  { label: 'Re-compare', identifier: 'recompare', description: 'Compare this candidate again' },
  { label: 'Retrain', identifier: 'retrain', description: 'Dispatch the retraining workflow' },
];

export interface RunFacts {
  id: number;
  headSha: string;
  headBranch: string | null;
  htmlUrl: string;
  conclusion: string | null;
  fromFork: boolean;
  /** The run's `pull_requests` whose head is the run's commit: GitHub names them for branches of this repository. */
  pullRequests: number[];
}

/** The numbers of a workflow run's `pull_requests` at the run's head commit. */
export function runPullNumbers(run: { head_sha: string; pull_requests?: Array<{ number: number; head: { sha: string } } | null> | null }): number[] {
  return (run.pull_requests ?? []).flatMap((p) => (p && p.head.sha === run.head_sha ? [p.number] : []));
}

export interface ReviewOutcome {
  pullRequest: number | null;
  check: CheckOutcome;
  comment: StickyOutcome | null;
  verdict: string;
}

/** The open pull request whose head is the run's commit (fork runs carry no `pull_requests`). */
export async function pullRequestForHead(repo: Repo, headSha: string): Promise<{ number: number; headSha: string } | null> {
  const pulls = await repo.octokit.paginate(repo.octokit.rest.pulls.list, { owner: repo.owner, repo: repo.repo, state: 'open', per_page: 100 });
  const pull = pulls.find((p) => p.head.sha === headSha);
  return pull ? { number: pull.number, headSha: pull.head.sha } : null;
}

async function compareArtifact(repo: Repo, config: TrainyardConfig, name: string, model: ModelConfig, artifact: ArtifactInfo | undefined, deps: AppDeps): Promise<{ comparison: Comparison; championLabel: string; onEvaluationRows: boolean }> {
  if (!artifact) throw new Error(`the run uploaded no artifact trainyard-${name}; it failed before a candidate was trained (data validation or training)`);
  const metricsFile = model.metrics.file;
  const predictionsFile = model.metrics.predictions;
  const read = await readCandidateArtifact(repo, artifact, { metricsFile, predictionsFile, withPredictions: model.evaluation !== undefined }, deps.limits);
  if (!read) throw new Error(`artifact ${artifact.name} has no ${metricsFile}`);
  const candidate = read.metrics;
  const handle = openRegistry(repo, config, deps.appSlug);
  const champion = await readChampion(handle, name, environmentOf(model));
  const championLabel = champion ? `champion ${champion.version.tag} in ${environmentOf(model)}` : `no champion in ${environmentOf(model)} yet (thresholds only)`;
  if (model.evaluation) {
    const { predictions } = read;
    if (!predictions) throw new Error(`artifact ${artifact.name} has no ${predictionsFile}; the model's evaluation section needs the candidate's predictions`);
    const comparison = await compareOnEvaluationRows(repo, model, name, { ...read, predictions }, champion, handle);
    return { comparison, championLabel, onEvaluationRows: true };
  }
  const comparison = deps.compare({ policy: model.metrics.policy, candidate, champion: champion?.metrics ?? null });
  return { comparison, championLabel, onEvaluationRows: false };
}

export interface PipelineReview {
  repo: Repo;
  config: TrainyardConfig;
  /** The model's name in the config. */
  model: string;
  run: RunFacts;
  /** The run's artifact `trainyard-<model>`; absent when the run failed before training. */
  artifact: ArtifactInfo | undefined;
  /** The check `trainyard / <model>` on the head as the caller just read it, if it did. */
  existingCheck?: ExistingCheck | null | undefined;
}

export async function reviewPipelineRun(review: PipelineReview, deps: AppDeps): Promise<ReviewOutcome> {
  const { repo, config, model: name, run, artifact, existingCheck } = review;
  const model = config.models[name]!;
  let compared: { comparison: Comparison; championLabel: string; onEvaluationRows: boolean } | null = null;
  let problem: string | null = null;
  try {
    compared = await compareArtifact(repo, config, name, model, artifact, deps);
  } catch (error) {
    problem = describeThrown(error);
  }
  // The run names its pull request; only fork runs need the list of open pull requests.
  const pull = run.pullRequests.length ? { number: run.pullRequests[0]! } : await pullRequestForHead(repo, run.headSha);
  const how = compared?.onEvaluationRows
    ? 'computed by the App from the run\'s predictions joined to the evaluation rows of the default branch (labels the pull request cannot change)'
    : 'recomputed by the App from the run\'s raw metrics';
  const notes = compared ? [`Candidate at ${run.headSha.slice(0, 7)} against the ${compared.championLabel}, ${how}.`] : [];
  if (run.fromFork) notes.push('This run came from a fork: its metrics were written by the fork\'s code. Promotion retrains on the default branch and never uses them.');
  const report: ComparisonReport = { model: name, comparison: compared?.comparison ?? null, ...(problem ? { problem } : {}), baselineName: compared?.championLabel ?? 'champion', notes, runUrl: run.htmlUrl, commit: run.headSha };
  const body = renderCommentBody(report);
  const comment = pull ? await upsertStickyComment(repo, { issueNumber: pull.number, marker: commentMarker(name), body, botLogin: botLogin(deps), claimSha: run.headSha }) : null;
  const verdict = compared?.comparison.verdict ?? 'error';
  const output = renderCheckOutput(report);
  const check = await upsertCheck(repo, {
    name: modelCheckName(name),
    headSha: run.headSha,
    conclusion: output.conclusion,
    title: output.title,
    summary: output.summary,
    externalId: `run:${run.id}`,
    detailsUrl: run.htmlUrl,
    actions: CHECK_ACTIONS,
  }, deps.appSlug, existingCheck);
  return { pullRequest: pull?.number ?? null, check, comment, verdict };
}
