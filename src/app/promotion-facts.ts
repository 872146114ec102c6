/**
 * Gathers the facts of the promotion gate for a deployed commit. Every fact that cannot
 * be gathered becomes a problem line (never an exception), so the gate decides on what
 * it has and rejects what it lacks: fail closed.
 */
import type { TrainyardConfig } from '../config/schema.ts';
import { describeThrown } from '../errors.ts';
import { findCheck } from '../github/checks.ts';
import type { Repo } from '../github/repo.ts';
import type { Permission } from '../promotion/approvals.ts';
import type { GateFacts } from '../promotion/gate.ts';
import type { ModelVersion } from '../registry/types.ts';
import { environmentOf } from './config.ts';
import { openRegistry, readChampion, type RegistryHandle } from './champion.ts';
import type { AppDeps } from './deps.ts';
import { modelCheckName } from './pipeline-review.ts';
import { compareOnEvaluationRows, registeredSide } from './trusted-evaluation.ts';

export interface GateRequest {
  environment: string;
  sha: string;
  /** Pull request numbers GitHub sent with the event, if any. */
  pullRequests: number[];
}

export interface GatheredGate {
  facts: GateFacts;
  candidate: ModelVersion | null;
  registry: RegistryHandle | null;
}

async function findCandidate(handle: RegistryHandle, config: TrainyardConfig, request: GateRequest, problems: string[]): Promise<ModelVersion | null> {
  const found: ModelVersion[] = [];
  for (const [name, model] of Object.entries(config.models)) {
    if (environmentOf(model) !== request.environment) continue;
    const sifted = await handle.registry.siftVersions(name);
    const versions = sifted.versions.filter((v) => v.card.commit === request.sha);
    if (versions.length) found.push(versions[versions.length - 1]!);
    else for (const refusal of sifted.refused) problems.push(`${refusal.tag} is not a version trainyard made: ${refusal.reason}`);
  }
  if (found.length > 1) throw new Error(`commit ${request.sha.slice(0, 7)} has candidates of several models (${found.map((v) => v.tag).join(', ')}); deploy one model per run`);
  return found[0] ?? null;
}

interface PullFacts { number: number; author: string; headSha: string }

/**
 * The pull request whose approval covers the deployed commit: GitHub's own list of the
 * pull requests of that commit, keeping only one whose merge commit is the deployed
 * commit (merged) or whose final head is (a deploy of the head itself). A commit that is
 * an older head, or any other commit of a pull request, is covered by none: its approval
 * was given to other code. The pull request numbers an event carries only narrow it.
 */
async function findPull(repo: Repo, request: GateRequest): Promise<PullFacts | null> {
  const pulls = await repo.octokit.paginate(repo.octokit.rest.repos.listPullRequestsAssociatedWithCommit, { owner: repo.owner, repo: repo.repo, commit_sha: request.sha, per_page: 100 });
  const bound = pulls.filter((p) => (p.merged_at ? p.merge_commit_sha === request.sha : p.head.sha === request.sha) || (p.merged_at && p.head.sha === request.sha));
  const pull = bound.find((p) => request.pullRequests.includes(p.number)) ?? bound.find((p) => p.merged_at && p.merge_commit_sha === request.sha) ?? bound[0];
  return pull && pull.user ? { number: pull.number, author: pull.user.login, headSha: pull.head.sha } : null;
}

/** Everyone who authored or committed a commit of the pull request, as GitHub links commits to accounts. */
async function contributorsOf(repo: Repo, pull: PullFacts): Promise<string[]> {
  const commits = await repo.octokit.paginate(repo.octokit.rest.pulls.listCommits, { owner: repo.owner, repo: repo.repo, pull_number: pull.number, per_page: 100 });
  const logins = new Set<string>();
  for (const commit of commits) {
    for (const account of [commit.author, commit.committer]) if (account && 'login' in account && account.login) logins.add(account.login);
  }
  return [...logins];
}

async function permissionOf(repo: Repo, login: string): Promise<Permission> {
  const { data } = await repo.octokit.rest.repos.getCollaboratorPermissionLevel({ owner: repo.owner, repo: repo.repo, username: login });
  const role = (data as { role_name?: string }).role_name;
  return (['admin', 'maintain', 'write', 'triage', 'read'].includes(role ?? '') ? role : data.permission) as Permission;
}

async function reviewFacts(repo: Repo, pull: PullFacts): Promise<GateFacts['review']> {
  const reviews = await repo.octokit.paginate(repo.octokit.rest.pulls.listReviews, { owner: repo.owner, repo: repo.repo, pull_number: pull.number, per_page: 100 });
  const logins = [...new Set(reviews.flatMap((r) => (r.user ? [r.user.login] : [])))];
  const permissions: Record<string, Permission> = {};
  for (const login of logins) permissions[login] = await permissionOf(repo, login);
  return {
    author: pull.author,
    contributors: await contributorsOf(repo, pull),
    headSha: pull.headSha,
    reviews: reviews.flatMap((r) => (r.user ? [{ login: r.user.login, state: r.state, commitId: r.commit_id ?? null, submittedAt: r.submitted_at ?? null }] : [])),
    permissions,
    allowedReviewers: [],
  };
}

/** Runs one gathering step; a failure is recorded as a problem and yields null. */
async function attempt<T>(problems: string[], what: string, run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (error) {
    problems.push(`${what}: ${describeThrown(error)}`);
    return null;
  }
}

export async function gatherGateFacts(repo: Repo, config: TrainyardConfig, request: GateRequest, deps: AppDeps): Promise<GatheredGate> {
  const problems: string[] = [];
  const registry = await attempt(problems, 'registry', async () => openRegistry(repo, config, deps.appSlug));
  const candidate = registry ? await attempt(problems, 'finding the candidate', () => findCandidate(registry, config, request, problems)) : null;
  const modelConfig = candidate ? config.models[candidate.model]! : null;
  let comparison: GateFacts['comparison'] = null;
  if (registry && candidate && modelConfig) {
    comparison = await attempt(problems, 'comparing with the champion', async () => {
      const champion = await readChampion(registry, candidate.model, request.environment, candidate.version);
      // With an evaluation section, trainyard scores both versions' registered predictions on
      // the default branch's evaluation rows; the registered metrics file is only checked.
      if (modelConfig.evaluation) return compareOnEvaluationRows(repo, modelConfig, candidate.model, await registeredSide(registry, candidate), champion, registry);
      const candidateMetrics = await registry.readMetrics(candidate);
      return deps.compare({ policy: modelConfig.metrics.policy, candidate: candidateMetrics, champion: champion?.metrics ?? null });
    });
  }
  const pull = await attempt(problems, 'finding the pull request', () => findPull(repo, request));
  const review = pull ? await attempt(problems, `reading reviews of #${pull.number}`, () => reviewFacts(repo, pull)) : null;
  if (review && modelConfig) review.allowedReviewers = modelConfig.promotion?.allowed_reviewers ?? [];
  let validation: GateFacts['validation'] = null;
  if (pull && candidate) {
    validation = await attempt(problems, 'reading the validation result', async () => {
      const check = await findCheck(repo, modelCheckName(candidate.model), pull.headSha, deps.appSlug);
      if (!check) return null;
      return { passed: check.conclusion === 'success', detail: `"${modelCheckName(candidate.model)}" on ${pull.headSha.slice(0, 7)} concluded ${check.conclusion ?? 'nothing'}` };
    });
  }
  return {
    candidate,
    registry,
    facts: {
      model: candidate?.model ?? null,
      version: candidate?.version ?? null,
      environment: request.environment,
      comparison,
      review,
      pullRequest: pull?.number ?? null,
      requiredApprovals: modelConfig?.promotion?.required_approvals ?? 1,
      validation,
      problems,
    },
  };
}
