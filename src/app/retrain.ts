/**
 * Retraining pull requests and dispatches. On drift, or on a performance drop that
 * monitoring saw (src/monitor/github): one branch `trainyard/retrain/<model>`
 * with a commit to `trainyard.lock`, one open pull request with the evidence, and a
 * dispatch of the retraining workflow on that branch with the installation token (a
 * push made with GITHUB_TOKEN would start no workflow). A data snapshot already in the
 * lock (on the branch or the default branch) does nothing; a claim per key stops
 * two replicas from both acting.
 */
import { claimOnce } from '../github/claims.ts';
import { statusOf } from '../errors.ts';
import type { Repo } from '../github/repo.ts';
import type { DriftReport } from '../retrain/drift-report.ts';
import { driftEvidence, planFromEvidence, readLock, retrainBranch, type RetrainEvidence } from '../retrain/plan.ts';
import type { AppDeps } from './deps.ts';

export const LOCK_FILE = 'trainyard.lock';
export const RETRAIN_WORKFLOW = 'trainyard-retrain.yml';

async function readFileAt(repo: Repo, path: string, ref: string): Promise<{ text: string; sha: string } | null> {
  try {
    const { data } = await repo.octokit.rest.repos.getContent({ owner: repo.owner, repo: repo.repo, path, ref });
    if (Array.isArray(data) || data.type !== 'file') return null;
    return { text: Buffer.from((data as { content: string }).content, 'base64').toString('utf8'), sha: data.sha };
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}

async function branchHead(repo: Repo, branch: string): Promise<string | null> {
  try {
    const { data } = await repo.octokit.rest.git.getRef({ owner: repo.owner, repo: repo.repo, ref: `heads/${branch}` });
    return data.object.sha;
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}

export interface RetrainingDispatch {
  model: string;
  /** The branch the retraining workflow runs on. */
  ref: string;
  reason: string;
  /** The data snapshot key recorded in trainyard.lock; absent for a retraining asked for by a person. */
  snapshot?: string;
}

export async function dispatchRetraining(repo: Repo, { model, ref, reason, snapshot }: RetrainingDispatch): Promise<void> {
  await repo.octokit.rest.actions.createWorkflowDispatch({ owner: repo.owner, repo: repo.repo, workflow_id: RETRAIN_WORKFLOW, ref, inputs: { model, reason: reason.slice(0, 200), 'data-snapshot': snapshot ?? '' } });
}

export interface RetrainOutcome {
  action: 'opened' | 'updated' | 'unchanged';
  pullRequest: number | null;
  branch: string;
  key: string;
}

export async function retrainOnDrift(repo: Repo, model: string, report: DriftReport, runUrl: string | null, deps: AppDeps): Promise<RetrainOutcome> {
  return retrainWith(repo, model, driftEvidence({ model, report, runUrl }), runUrl, deps.now);
}

/** Opens (or updates) the model's retraining pull request for this evidence and dispatches the retraining. */
export async function retrainWith(repo: Repo, model: string, evidence: RetrainEvidence, runUrl: string | null, now: () => Date): Promise<RetrainOutcome> {
  const branch = retrainBranch(model);
  const { key } = evidence;
  const unchanged: RetrainOutcome = { action: 'unchanged', pullRequest: null, branch, key };
  const { data: info } = await repo.octokit.rest.repos.get({ owner: repo.owner, repo: repo.repo });
  const base = info.default_branch;
  const baseHead = await branchHead(repo, base);
  if (!baseHead) throw new Error(`the default branch ${base} has no commits`);
  const baseLock = await readFileAt(repo, LOCK_FILE, base);
  if (readLock(baseLock?.text ?? null, `${LOCK_FILE} on ${base}`).models[model]?.dataSnapshot === key) return unchanged;
  if (!(await claimOnce(repo, `retrain:${model}:${key}`, baseHead))) return unchanged;
  if (!(await branchHead(repo, branch))) {
    try {
      await repo.octokit.rest.git.createRef({ owner: repo.owner, repo: repo.repo, ref: `refs/heads/${branch}`, sha: baseHead });
    } catch (error) {
      if (statusOf(error) !== 422) throw error;
    }
  }
  const branchLock = await readFileAt(repo, LOCK_FILE, branch);
  const lockFile = `${LOCK_FILE} on ${branchLock ? branch : base}`;
  const plan = planFromEvidence({ model, evidence, lockText: branchLock?.text ?? baseLock?.text ?? null, lockFile, runUrl, detectedAt: now().toISOString() });
  if (!plan) return unchanged;
  await repo.octokit.rest.repos.createOrUpdateFileContents({
    owner: repo.owner, repo: repo.repo, path: LOCK_FILE, branch, message: plan.commitMessage,
    content: Buffer.from(plan.lockText).toString('base64'), ...(branchLock ? { sha: branchLock.sha } : {}),
  });
  const open = await repo.octokit.paginate(repo.octokit.rest.pulls.list, { owner: repo.owner, repo: repo.repo, state: 'open', head: `${repo.owner}:${branch}`, per_page: 100 });
  const existing = open.find((p) => p.head.ref === branch);
  let number: number;
  if (existing) {
    await repo.octokit.rest.pulls.update({ owner: repo.owner, repo: repo.repo, pull_number: existing.number, title: plan.title, body: plan.body });
    number = existing.number;
  } else {
    const { data } = await repo.octokit.rest.pulls.create({ owner: repo.owner, repo: repo.repo, head: branch, base, title: plan.title, body: plan.body });
    number = data.number;
  }
  await repo.octokit.rest.issues.addLabels({ owner: repo.owner, repo: repo.repo, issue_number: number, labels: plan.labels });
  await dispatchRetraining(repo, { model, ref: branch, reason: evidence.reason, snapshot: key });
  return { action: existing ? 'updated' : 'opened', pullRequest: number, branch, key };
}
