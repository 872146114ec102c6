/**
 * One check run per name per commit, created once (claimed, so replicas and
 * redeliveries do not add a second) and updated only when its result changes.
 * Annotations go in batches of 50, GitHub's limit per request.
 */
import { awaitObject, claimRef, createClaimed } from './claims.ts';
import type { Repo } from './repo.ts';

export type Conclusion = 'success' | 'failure' | 'neutral' | 'cancelled' | 'skipped' | 'timed_out' | 'action_required';

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
}

export interface CheckAction {
  label: string;
  identifier: string;
  description: string;
}

export interface CheckResult {
  name: string;
  headSha: string;
  conclusion: Conclusion;
  title: string;
  summary: string;
  text?: string;
  annotations?: Annotation[];
  actions?: CheckAction[];
  externalId?: string;
  detailsUrl?: string;
}

const OUTPUT_LIMIT = 65_535;
const clipOutput = (text: string): string => (text.length <= OUTPUT_LIMIT ? text : `${text.slice(0, OUTPUT_LIMIT - 1)}…`);

export interface ExistingCheck {
  id: number;
  conclusion: string | null;
  title: string | null;
  summary: string | null;
  externalId: string | null;
}

export async function findCheck(repo: Repo, name: string, sha: string, appSlug: string): Promise<ExistingCheck | null> {
  const { data } = await repo.octokit.rest.checks.listForRef({ owner: repo.owner, repo: repo.repo, ref: sha, check_name: name, filter: 'latest', per_page: 100 });
  const run = data.check_runs.find((r) => r.app?.slug === appSlug);
  return run ? { id: run.id, conclusion: run.conclusion, title: run.output.title, summary: run.output.summary, externalId: run.external_id } : null;
}

export type CheckOutcome = { action: 'created' | 'updated' | 'unchanged'; id: number };

/** `known`: the check as the caller just read it (saves listing it again); read here when absent. */
export async function upsertCheck(repo: Repo, result: CheckResult, appSlug: string, known?: ExistingCheck | null): Promise<CheckOutcome> {
  const output = { title: clipOutput(result.title), summary: clipOutput(result.summary), ...(result.text ? { text: clipOutput(result.text) } : {}) };
  const annotations = result.annotations ?? [];
  const fields = {
    owner: repo.owner,
    repo: repo.repo,
    status: 'completed' as const,
    conclusion: result.conclusion,
    ...(result.actions ? { actions: result.actions } : {}),
    ...(result.externalId ? { external_id: result.externalId } : {}),
    ...(result.detailsUrl ? { details_url: result.detailsUrl } : {}),
  };
  let existing = known !== undefined ? known : await findCheck(repo, result.name, result.headSha, appSlug);
  if (!existing) {
    const key = `check:${result.headSha}:${result.name}`;
    const created = await createClaimed(repo, key, result.headSha, async () => {
      const { data } = await repo.octokit.rest.checks.create({ ...fields, name: result.name, head_sha: result.headSha, output: { ...output, annotations: annotations.slice(0, 50) } });
      await addAnnotations(repo, data.id, output, annotations.slice(50));
      return { action: 'created' as const, id: data.id };
    }, async () => (await findCheck(repo, result.name, result.headSha, appSlug)) !== null);
    if (created) return created;
    existing = await awaitObject(() => findCheck(repo, result.name, result.headSha, appSlug));
    if (!existing) throw new Error(`check run "${result.name}" on ${result.headSha} is claimed (${claimRef(key)}) but was not created; the delivery holding the claim is still at work or ended without releasing it`);
  }
  if (existing.conclusion === result.conclusion && existing.title === output.title && existing.summary === output.summary && (result.externalId ?? null) === (existing.externalId ?? null)) {
    return { action: 'unchanged', id: existing.id };
  }
  await repo.octokit.rest.checks.update({ ...fields, check_run_id: existing.id, output: { ...output, annotations: annotations.slice(0, 50) } });
  await addAnnotations(repo, existing.id, output, annotations.slice(50));
  return { action: 'updated', id: existing.id };
}

async function addAnnotations(repo: Repo, id: number, output: { title: string; summary: string }, rest: Annotation[]): Promise<void> {
  for (let i = 0; i < rest.length; i += 50) {
    await repo.octokit.rest.checks.update({ owner: repo.owner, repo: repo.repo, check_run_id: id, output: { ...output, annotations: rest.slice(i, i + 50) } });
  }
}
