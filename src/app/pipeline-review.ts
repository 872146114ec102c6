/**
 * `workflow_run.completed` of the pull-request pipeline, for one model: read the run's
 * artifact `trainyard-<model>` (bounded, sanitised), recompute the comparison with the
 * champion from raw metrics, then update the sticky comment on the pull request and
 * the check run `trainyard / <model>` on the run's head commit.
 */
import type { ModelConfig, TrainyardConfig } from '../config/schema.ts';
import type { ComparisonResult } from '../comparison/types.ts';
import { describeThrown } from '../errors.ts';
import { downloadArtifact, type ArtifactInfo } from '../github/artifacts.ts';
import { upsertCheck, type CheckOutcome, type Conclusion, type ExistingCheck } from '../github/checks.ts';
import type { Repo } from '../github/repo.ts';
import { commentMarker, upsertStickyComment, type StickyOutcome } from '../github/sticky-comment.ts';
import { readZip } from '../github/zip-reader.ts';
import { METRICS_JSON_LIMITS, parseBoundedJson } from '../github/bounded-json.ts';
import { flattenMetrics } from '../metrics/read-metrics.ts';
import { environmentOf } from './config.ts';
import { openRegistry, readChampion } from './champion.ts';
import { botLogin, type AppDeps } from './deps.ts';
import { renderComment } from './render-comment.ts';

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

async function compareArtifact(repo: Repo, config: TrainyardConfig, name: string, model: ModelConfig, artifact: ArtifactInfo | undefined, deps: AppDeps): Promise<{ result: ComparisonResult; championLabel: string }> {
  if (!artifact) throw new Error(`the run uploaded no artifact trainyard-${name}; it failed before a candidate was trained (data validation or training)`);
  const zip = await downloadArtifact(repo, artifact, deps.limits);
  const metricsFile = model.metrics.file;
  const files = readZip(zip, `artifact ${artifact.name}`, deps.limits, (path) => path === metricsFile);
  const bytes = files.get(metricsFile);
  if (!bytes) throw new Error(`artifact ${artifact.name} has no ${metricsFile}`);
  const document = parseBoundedJson(bytes, `${metricsFile} in artifact ${artifact.name}`, METRICS_JSON_LIMITS);
  const candidate = flattenMetrics(document, `${artifact.name}/${metricsFile}`);
  const champion = await readChampion(openRegistry(repo, config, deps.appSlug), name, environmentOf(model));
  const result = deps.compare({ policy: model.metrics.policy, candidate, champion: champion?.metrics ?? null });
  return { result, championLabel: champion ? `champion ${champion.version.tag} in ${environmentOf(model)}` : `no champion in ${environmentOf(model)} yet (thresholds only)` };
}

const CONCLUSION: Record<string, Conclusion> = { pass: 'success', fail: 'failure', inconclusive: 'neutral' };

/** `existingCheck`: the check `trainyard / <model>` on the head as the caller just read it, if it did. */
export async function reviewPipelineRun(repo: Repo, config: TrainyardConfig, name: string, run: RunFacts, artifact: ArtifactInfo | undefined, deps: AppDeps, existingCheck?: ExistingCheck | null): Promise<ReviewOutcome> {
  const model = config.models[name]!;
  let compared: { result: ComparisonResult; championLabel: string } | null = null;
  let problem: string | null = null;
  try {
    compared = await compareArtifact(repo, config, name, model, artifact, deps);
  } catch (error) {
    problem = describeThrown(error);
  }
  // The run names its pull request; only fork runs need the list of open pull requests.
  const pull = run.pullRequests.length ? { number: run.pullRequests[0]! } : await pullRequestForHead(repo, run.headSha);
  const body = renderComment({ model: name, headSha: run.headSha, runUrl: run.htmlUrl, championLabel: compared?.championLabel ?? '', result: compared?.result ?? null, problem, fromFork: run.fromFork });
  const comment = pull ? await upsertStickyComment(repo, { issueNumber: pull.number, marker: commentMarker(name), body, botLogin: botLogin(deps), claimSha: run.headSha }) : null;
  const verdict = compared?.result.verdict ?? 'error';
  const check = await upsertCheck(repo, {
    name: modelCheckName(name),
    headSha: run.headSha,
    conclusion: compared ? CONCLUSION[compared.result.verdict]! : 'failure',
    title: compared ? compared.result.summary : 'No comparison',
    summary: body,
    externalId: `run:${run.id}`,
    detailsUrl: run.htmlUrl,
    actions: CHECK_ACTIONS,
  }, deps.appSlug, existingCheck);
  return { pullRequest: pull?.number ?? null, check, comment, verdict };
}
