/**
 * Running `/trainyard retrain` and `/trainyard compare <version>` from comments of users
 * with write access: each comment is acted on once (a claim keyed by the comment id), and
 * answered with one reply; others are thanked and told who can run it.
 */
import type { TrainyardConfig } from '../config/schema.ts';
import { describeThrown } from '../errors.ts';
import { claimOnce } from '../github/claims.ts';
import type { Repo } from '../github/repo.ts';
import { postOnce } from '../github/sticky-comment.ts';
import { quote, renderJobSummary } from '../report/comparison-report.ts';
import { commandModel, parseCommand, type ChatCommand } from './chatops.ts';
import { environmentOf } from './config.ts';
import { openRegistry } from './champion.ts';
import type { AppDeps } from './deps.ts';
import { canWrite } from './permissions.ts';
import { candidateForHead } from './run-metrics.ts';
import { compareOnEvaluationRows } from './trusted-evaluation.ts';
import { dispatchRetraining } from './retrain.ts';

export interface CommandTarget {
  issueNumber: number;
  commentId: number;
  /** The pull request's head, when the comment is on a pull request of this repository. */
  pull: { headRef: string; headSha: string; fromFork: boolean } | null;
  defaultBranch: string;
  claimSha: string;
}

async function reply(repo: Repo, issueNumber: number, body: string): Promise<void> {
  await repo.octokit.rest.issues.createComment({ owner: repo.owner, repo: repo.repo, issue_number: issueNumber, body });
}

export interface CommentFacts {
  body: string;
  commentId: number;
  author: string;
  authorIsBot: boolean;
  issueNumber: number;
  /** Whether the comment is on a pull request. */
  onPullRequest: boolean;
  repoFullName: string;
  defaultBranch: string;
}

/** Whether a comment may hold a command (cheap: no API calls). */
export const mayHoldCommand = (comment: Pick<CommentFacts, 'body' | 'authorIsBot'>): boolean => !comment.authorIsBot && comment.body.includes('/trainyard');

/** Runs the comment's command; returns why nothing was done, or null when it was answered. */
export async function handleComment(repo: Repo, loaded: { config: TrainyardConfig | null; problem: string | null }, comment: CommentFacts, deps: AppDeps): Promise<string | null> {
  if (!mayHoldCommand(comment)) return 'not a /trainyard command';
  const command = parseCommand(comment.body, loaded.config ? Object.keys(loaded.config.models) : []);
  if (!command) return 'no line starts with /trainyard';
  const { data: branch } = await repo.octokit.rest.repos.getBranch({ owner: repo.owner, repo: repo.repo, branch: comment.defaultBranch });
  const claimSha = branch.commit.sha;
  if (!(await canWrite(repo, comment.author))) {
    await postOnce(repo, comment.issueNumber, `refusal:${comment.commentId}`, `Thanks, @${comment.author}. Only people with write access to this repository can run \`/trainyard\` commands; a maintainer can run it for you.`, claimSha);
    return null;
  }
  if (!loaded.config) {
    await postOnce(repo, comment.issueNumber, `config:${comment.commentId}`, `The trainyard config cannot be used: ${loaded.problem}`, claimSha);
    return null;
  }
  let pull = null;
  if (comment.onPullRequest) {
    const { data } = await repo.octokit.rest.pulls.get({ owner: repo.owner, repo: repo.repo, pull_number: comment.issueNumber });
    pull = { headRef: data.head.ref, headSha: data.head.sha, fromFork: data.head.repo?.full_name !== comment.repoFullName };
  }
  await runCommand(repo, loaded.config, command, { issueNumber: comment.issueNumber, commentId: comment.commentId, pull, defaultBranch: comment.defaultBranch, claimSha }, deps);
  return null;
}

export async function runCommand(repo: Repo, config: TrainyardConfig, command: ChatCommand, target: CommandTarget, deps: AppDeps): Promise<string> {
  if (!(await claimOnce(repo, `command:${target.commentId}`, target.claimSha))) return 'already handled';
  const models = Object.keys(config.models);
  let answer: string;
  if (command.kind === 'invalid') answer = command.message;
  else {
    const model = commandModel(command.model, models, target.pull?.headRef ?? null);
    if (!model) answer = `Which model? Name one of ${models.join(', ')}, for example \`/trainyard ${command.kind} ${models[0]!}\`.`;
    else if (command.kind === 'retrain') {
      const ref = target.pull && !target.pull.fromFork ? target.pull.headRef : target.defaultBranch;
      answer = await dispatchRetraining(repo, { model, ref, reason: command.reason }).then(
        () => `Retraining of **${model}** dispatched on \`${ref}\` (${command.reason}).`,
        (error: unknown) => `Could not dispatch the retraining workflow: ${describeThrown(error)}`,
      );
    } else answer = await compareWithVersion(repo, config, model, command.version, target, deps).catch((error: unknown) => `Could not compare: ${quote(describeThrown(error), 2000)}`);
  }
  await reply(repo, target.issueNumber, answer);
  return answer;
}

async function compareWithVersion(repo: Repo, config: TrainyardConfig, model: string, version: number, target: CommandTarget, deps: AppDeps): Promise<string> {
  if (!target.pull) return '`/trainyard compare` works on pull requests: it compares their candidate with a registered version.';
  const handle = openRegistry(repo, config, deps.appSlug);
  const baseline = await handle.registry.version(model, { version });
  const baselineMetrics = await handle.readMetrics(baseline);
  const candidate = await candidateForHead(repo, config, model, target.pull.headSha, deps.limits);
  if (!candidate) return `No finished pipeline run with artifact trainyard-${model} for ${target.pull.headSha.slice(0, 7)} yet.`;
  const modelConfig = config.models[model]!;
  const notes = [`Candidate at ${target.pull.headSha.slice(0, 7)} against ${baseline.tag}, not the ${environmentOf(modelConfig)} champion.`];
  let comparison;
  if (modelConfig.evaluation) {
    // Both models scored by trainyard on the default branch's evaluation rows, as the pipeline's check and the gate are.
    if (!candidate.predictions) return `Artifact trainyard-${model} of ${target.pull.headSha.slice(0, 7)} has no ${modelConfig.metrics.predictions}; the model's evaluation section needs the candidate's predictions.`;
    const side = { metrics: candidate.metrics, metricsFile: candidate.metricsFile, predictions: candidate.predictions, predictionsName: candidate.predictionsName };
    comparison = await compareOnEvaluationRows(repo, modelConfig, model, side, { version: baseline, metrics: baselineMetrics }, handle);
    notes.push('Both computed by the App from their predictions joined to the evaluation rows of the default branch (labels the pull request cannot change).');
  } else comparison = deps.compare({ policy: modelConfig.metrics.policy, candidate: candidate.metrics, champion: baselineMetrics });
  return renderJobSummary({
    model,
    comparison,
    baselineName: baseline.tag,
    notes,
  });
}
