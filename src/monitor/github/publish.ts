/**
 * The monitoring loop on GitHub, from one `trainyard monitor` result:
 *
 * 1. the history on the data branch gets the result's chunks (a chunk published again
 *    replaces its line);
 * 2. a realized or estimated metric out of its band for `retrainAfter` consecutive
 *    chunks opens (or keeps) the model's retraining pull request through the retraining
 *    path of drift (src/app/retrain.ts), with the chunks as evidence;
 * 3. the model's health issue, found by its hidden marker, is created or rewritten from
 *    the history (reopened when the latest chunk alerts); when step 2 opens the pull
 *    request and there is no issue yet, the issue is created before it, so the
 *    evidence links it;
 * 4. alerts the history did not have yet get one comment on the health issue that
 *    mentions the people in `notify`; the comment carries a digest of those alerts, so a
 *    re-run that finds it posts nothing.
 *
 * Every step is idempotent, and the history is written last: a run that fails midway is
 * simply run again. Runs for one model must not overlap (the workflow's concurrency
 * group sees to it); the history write itself survives a race by reading again.
 */
import type { Octokit } from '@octokit/rest';
import { retrainWith, type RetrainOutcome } from '../../app/retrain.ts';
import { UsageError } from '../../errors.ts';
import { call, type RepoContext } from '../../registry/github/client.ts';
import { checkModelName } from '../../registry/names.ts';
import { retrainBranch, type RetrainEvidence } from '../../retrain/plan.ts';
import type { MonitorResult } from '../types.ts';
import { alertComment, alertDigest, alertMarker, degradationKey, degradations, HEALTH_LABELS, healthBody, healthMarker, healthTitle, newAlerts, retrainEvidenceBody } from './health.ts';
import { HISTORY_BRANCH, mergeHistory, parseHistory, readHistoryFile, historyFile, recordKey, toRecords, updateHistory, type HistoryRecord } from './history.ts';

export interface PublishOptions {
  /** GitHub logins (or `@org/team`s) mentioned in the comment on new alerts. */
  notify?: string[];
  /** Consecutive out-of-band chunks of a realized or estimated metric that open the retraining pull request; 0 never does. */
  retrainAfter?: number;
  /** The workflow run that computed the result, linked from the history, issue and comments. */
  runUrl?: string | null;
  /** The model version in production, recorded with each chunk. */
  version?: string | null;
  /** The data branch; `trainyard-monitoring` by default. */
  branch?: string;
  now?: () => Date;
}

export const DEFAULT_RETRAIN_AFTER = 3;

export interface PublishOutcome {
  history: { branch: string; file: string; chunks: number; written: boolean };
  issue: { number: number; action: 'created' | 'updated' | 'unchanged'; url: string };
  /** The comment posted for new alerts, null when there were none or it was already posted. */
  alertComment: { id: number; alerts: number } | null;
  retraining: RetrainOutcome | null;
}

export interface RepoRef {
  owner: string;
  repo: string;
}

function checkOptions(options: PublishOptions): { notify: string[]; retrainAfter: number } {
  const retrainAfter = options.retrainAfter ?? DEFAULT_RETRAIN_AFTER;
  if (!Number.isInteger(retrainAfter) || retrainAfter < 0) throw new UsageError(`monitoring.retrain_after: ${retrainAfter} is not usable; expected a whole number of chunks (0 turns retraining off)`);
  const notify = options.notify ?? [];
  for (const who of notify) {
    if (!/^@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9._-]+)?$/.test(who)) throw new UsageError(`monitoring.notify: "${who}" is not a GitHub login or @org/team`);
  }
  return { notify, retrainAfter };
}

interface FoundIssue {
  number: number;
  body: string;
  state: string;
  title: string;
  url: string;
}

async function findHealthIssue(context: RepoContext, model: string): Promise<FoundIssue | null> {
  const { octokit, owner, repo } = context;
  const marker = healthMarker(model);
  const issues = await call(context, `listing the health issues`, () =>
    octokit.paginate(octokit.rest.issues.listForRepo, { owner, repo, labels: HEALTH_LABELS[1], state: 'all', per_page: 100 }),
  );
  const own = issues.filter((i) => !i.pull_request && (i.body ?? '').startsWith(marker)).sort((a, b) => a.number - b.number)[0];
  return own ? { number: own.number, body: own.body ?? '', state: own.state, title: own.title, url: own.html_url } : null;
}

async function openRetrainingPull(context: RepoContext, model: string): Promise<{ number: number; url: string | null } | null> {
  const { octokit, owner, repo } = context;
  const branch = retrainBranch(model);
  const open = await call(context, `listing the pull requests of ${branch}`, () => octokit.paginate(octokit.rest.pulls.list, { owner, repo, state: 'open', head: `${owner}:${branch}`, per_page: 100 }));
  const pull = open.find((p) => p.head.ref === branch);
  return pull ? { number: pull.number, url: pull.html_url } : null;
}

async function upsertHealthIssue(context: RepoContext, model: string, body: string, alerting: boolean): Promise<PublishOutcome['issue']> {
  const { octokit, owner, repo } = context;
  const found = await findHealthIssue(context, model);
  if (!found) {
    const { data } = await call(context, `creating the health issue of ${model}`, () => octokit.rest.issues.create({ owner, repo, title: healthTitle(model), body, labels: HEALTH_LABELS }));
    return { number: data.number, action: 'created', url: data.html_url };
  }
  const reopen = alerting && found.state === 'closed';
  if (found.body === body && found.title === healthTitle(model) && !reopen) return { number: found.number, action: 'unchanged', url: found.url };
  await call(context, `updating health issue #${found.number}`, () =>
    octokit.rest.issues.update({ owner, repo, issue_number: found.number, title: healthTitle(model), body, ...(reopen ? { state: 'open' as const } : {}) }),
  );
  return { number: found.number, action: 'updated', url: found.url };
}

async function commentOnce(context: RepoContext, issue: number, marker: string, body: string): Promise<number | null> {
  const { octokit, owner, repo } = context;
  const comments = await call(context, `reading the comments of #${issue}`, () => octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: issue, per_page: 100 }));
  if (comments.some((c) => (c.body ?? '').startsWith(marker))) return null;
  const { data } = await call(context, `commenting on #${issue}`, () => octokit.rest.issues.createComment({ owner, repo, issue_number: issue, body }));
  return data.id;
}

export async function publishMonitoring(octokit: Octokit, target: RepoRef, result: MonitorResult, options: PublishOptions = {}): Promise<PublishOutcome> {
  const model = checkModelName(result.model);
  const { notify, retrainAfter } = checkOptions(options);
  const now = options.now ?? (() => new Date());
  const runUrl = options.runUrl ?? null;
  const branch = options.branch ?? HISTORY_BRANCH;
  const context: RepoContext = { octokit, owner: target.owner, repo: target.repo, location: `github:${target.owner}/${target.repo}` };
  const file = historyFile(model);

  const incoming = toRecords(result, { version: options.version ?? null, runUrl, recordedAt: now().toISOString() });
  const state = await readHistoryFile(context, branch, file);
  const previous = state.text === null ? [] : parseHistory(state.text, `${branch}:${file}`);
  const merged = mergeHistory(previous, incoming).filter((r) => r.chunking === result.chunking);

  let retraining: RetrainOutcome | null = null;
  const found = degradations(merged, retrainAfter);
  let health: { number: number } | null = await findHealthIssue(context, model);
  // The evidence links the health issue: a first publish that already finds a drop creates the issue first.
  const createdFirst = found.length > 0 && health === null;
  if (createdFirst) health = await upsertHealthIssue(context, model, healthBody({ model, records: merged, retraining: null }), true);
  if (found.length > 0) {
    const first = found[0]!;
    const evidence: RetrainEvidence = {
      key: degradationKey(model, first),
      reason: 'performance',
      title: `Retrain ${model}: ${first.kind} ${first.metric} out of its band for ${first.chunks.length} chunks`,
      body: retrainEvidenceBody(model, found, retrainAfter, { runUrl, healthIssue: health?.number ?? null }),
      drift: null,
      performance: { kind: first.kind, metric: first.metric, chunks: first.chunks.length, since: first.chunks[0]!.record.start },
    };
    retraining = await call(context, `opening the retraining pull request of ${model}`, () => retrainWith({ octokit, owner: target.owner, repo: target.repo }, model, evidence, runUrl, now));
  }
  const pull = found.length > 0 ? await openRetrainingPull(context, model) : null;

  const latest = merged.at(-1);
  const upserted = await upsertHealthIssue(context, model, healthBody({ model, records: merged, retraining: pull }), (latest?.alerts.length ?? 0) > 0);
  const issue: PublishOutcome['issue'] = createdFirst ? { ...upserted, action: 'created' } : upserted;

  let comment: PublishOutcome['alertComment'] = null;
  const fresh = newAlerts(previous, incoming, recordKey);
  if (fresh.length > 0) {
    const id = await commentOnce(context, issue.number, alertMarker(model, alertDigest(model, fresh)), alertComment(model, fresh, notify, runUrl));
    if (id !== null) comment = { id, alerts: fresh.length };
  }

  const written = await updateHistory(context, branch, model, incoming, `trainyard monitor: ${model}, ${incoming.length} chunk${incoming.length === 1 ? '' : 's'}${runUrl ? ` (${runUrl})` : ''}`);
  return { history: { branch, file, chunks: written.merged.length, written: written.commit }, issue, alertComment: comment, retraining };
}

export type { HistoryRecord };
