/**
 * `trainyard doctor`: reads, through the GitHub API, the repository settings trainyard's
 * promises rest on (docs/security.md, "What each promise depends on") and says, for each,
 * whether the setting is in place and, when it is not, how to set it. A setting that the
 * token cannot read counts as missing: the promise is not shown to hold.
 */
import { EXIT, statusOf } from '../errors.ts';
import { GitHubApiError } from '../registry/errors.ts';
import { messageOf, type Octokit } from '../registry/github/client.ts';

export interface DoctorPromise {
  name: string;
  holds: boolean;
  /** The setting as read from GitHub. */
  setting: string;
  /** How to set it; null when the promise holds. */
  fix: string | null;
}

export interface DoctorReport {
  repository: string;
  promises: DoctorPromise[];
}

export interface DoctorInput {
  octokit: Octokit;
  owner: string;
  repo: string;
  /** The environment deployments go to (default production). */
  environment: string;
  /** The release branch; null for the repository's default branch. */
  releaseBranch: string | null;
  /** trainyard's App id, whose custom deployment protection rule must guard the environment. */
  appId: number;
}

export const PROMISE_NAMES = {
  forkApproval: 'fork pull request workflows need approval',
  runnerGroups: 'self-hosted runners run only trainyard\'s workflows',
  modelTags: 'model tags cannot be moved or deleted',
  environment: 'the environment is protected by the App',
  tokenPermissions: 'workflow tokens are read-only by default',
  releaseBranch: 'the release branch is protected',
} as const;

interface PrivateForkSettings {
  run_workflows_from_fork_pull_requests: boolean;
  require_approval_for_fork_pr_workflows: boolean;
}

interface RunnerGroup {
  id: number;
  name: string;
  restricted_to_workflows?: boolean;
  selected_workflows?: string[];
}

/** A read the token may not make (403, or 404 where GitHub hides a setting). */
class Unreadable extends Error {
  constructor(readonly status: number, readonly detail: string) {
    super(detail);
  }
}

/**
 * One API read. 5xx, rate limits and no answer stop the run (exit 3); 401 stops it as a
 * bad token (exit 2); 403 and the statuses in `unreadable` mean the setting could not be read.
 */
async function read<T>(location: string, doing: string, run: () => Promise<T>, unreadable: number[] = [403]): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const status = statusOf(error);
    if (status === null) throw error;
    if (unreadable.includes(status)) throw new Unreadable(status, messageOf(error));
    throw new GitHubApiError(location, `${doing}: ${messageOf(error)}`, status, error);
  }
}

/** Runs `check`; a setting it could not read becomes a promise not shown to hold. */
async function guarded(name: string, fix: string, check: () => Promise<DoctorPromise>): Promise<DoctorPromise> {
  try {
    return await check();
  } catch (error) {
    if (!(error instanceof Unreadable)) throw error;
    return { name, holds: false, setting: `cannot be read with this token (HTTP ${error.status}: ${error.detail})`, fix: `run doctor with a token that can read it (repository administration: read; organisation self-hosted runners: read), then: ${fix}` };
  }
}

function result(name: string, holds: boolean, setting: string, fix: string): DoctorPromise {
  return { name, holds, setting, fix: holds ? null : fix };
}

/** GitHub's ruleset `fnmatch`: `*` is any run of characters but `/`, `**` any run at all. */
export function refPatternMatches(pattern: string, ref: string): boolean {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`).test(ref);
}

interface RefConditions {
  include: string[];
  exclude: string[];
}

function conditionsOf(ruleset: { conditions?: unknown }): RefConditions {
  const refName = (ruleset.conditions as { ref_name?: { include?: unknown; exclude?: unknown } } | null | undefined)?.ref_name;
  const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  return { include: list(refName?.include), exclude: list(refName?.exclude) };
}

/** Whether a ruleset's `ref_name` conditions take in `ref` (a full ref). */
export function conditionsCover(conditions: RefConditions, ref: string, defaultBranch: string): boolean {
  const matches = (pattern: string): boolean => {
    if (pattern === '~ALL') return true;
    if (pattern === '~DEFAULT_BRANCH') return ref === `refs/heads/${defaultBranch}`;
    return refPatternMatches(pattern, ref);
  };
  return conditions.include.some(matches) && !conditions.exclude.some(matches);
}

/** Tags a ruleset must cover to keep model tags in place: versions and promotion records, of any model. */
export function modelTagSamples(environment: string): string[] {
  return ['churn', 'm', 'fraud-model.v2'].flatMap((model) => [`refs/tags/${model}@v1`, `refs/tags/${model}@v27`, `refs/tags/${model}#${environment}#1`]);
}

/** Workflow files a runner group may be restricted to: the repository's or trainyard's own `trainyard-*.yml`. */
function isTrainyardWorkflow(entry: string, owner: string, repo: string): boolean {
  const path = entry.split('@')[0] ?? '';
  const match = /^([^/]+)\/([^/]+)\/\.github\/workflows\/trainyard-[a-z0-9-]+\.ya?ml$/i.exec(path);
  if (!match) return false;
  const [who, what] = [match[1]!.toLowerCase(), match[2]!.toLowerCase()];
  return (who === owner.toLowerCase() && what === repo.toLowerCase()) || (who === 'trainyard' && what === 'trainyard');
}

export async function runDoctor(input: DoctorInput): Promise<DoctorReport> {
  const { octokit, owner, repo } = input;
  const location = `github:${owner}/${repo}`;
  const where = { owner, repo };
  const { data: repository } = await read(location, 'reading the repository', () => octokit.rest.repos.get(where), []);
  const branch = input.releaseBranch ?? repository.default_branch;
  const settingsUrl = `${repository.html_url}/settings`;

  const forkApproval = guarded(PROMISE_NAMES.forkApproval, `in ${settingsUrl}/actions, under "Approval for running fork pull request workflows from contributors", choose "Require approval for all external contributors"`, async () => {
    const name = PROMISE_NAMES.forkApproval;
    if (repository.private) {
      const { data } = await read(location, 'reading the fork pull request workflow settings', () =>
        octokit.request('GET /repos/{owner}/{repo}/actions/permissions/fork-pr-workflows-private-repos', where) as Promise<{ data: PrivateForkSettings }>);
      const holds = !data.run_workflows_from_fork_pull_requests || data.require_approval_for_fork_pr_workflows;
      const setting = data.run_workflows_from_fork_pull_requests ? `private repository: fork pull request workflows run, approval ${data.require_approval_for_fork_pr_workflows ? 'required' : 'not required'}` : 'private repository: workflows from fork pull requests do not run';
      return result(name, holds, setting, `in ${settingsUrl}/actions, under "Fork pull request workflows in private repositories", tick "Require approval for fork pull request workflows"`);
    }
    const { data } = await read(location, 'reading the fork pull request approval policy', () =>
      octokit.request('GET /repos/{owner}/{repo}/actions/permissions/fork-pr-contributor-approval', where) as Promise<{ data: { approval_policy: string } }>);
    return result(name, data.approval_policy === 'all_external_contributors', `approval_policy: ${data.approval_policy}`, `in ${settingsUrl}/actions, under "Approval for running fork pull request workflows from contributors", choose "Require approval for all external contributors" (approval_policy: all_external_contributors)`);
  });

  const runnerFix = `in https://github.com/organizations/${owner}/settings/actions/runner-groups, limit each group visible to ${repo} to trainyard's workflows ("Selected workflows": ${owner}/${repo}/.github/workflows/trainyard-pr.yml@refs/heads/${branch} and the other trainyard-*.yml), or stop sharing it with ${repo}`;
  const runnerGroups = guarded(PROMISE_NAMES.runnerGroups, runnerFix, async () => {
    const name = PROMISE_NAMES.runnerGroups;
    if (repository.owner.type !== 'Organization') return result(name, true, 'user-owned repository: no organisation runner groups', runnerFix);
    const groups = await read(location, 'listing the organisation\'s runner groups', () =>
      octokit.paginate('GET /orgs/{org}/actions/runner-groups', { org: owner, visible_to_repository: repo, per_page: 100 }) as Promise<RunnerGroup[]>,
    );
    if (groups.length === 0) return result(name, true, `no runner group of ${owner} is visible to ${repo}`, runnerFix);
    const open = groups.filter((g) => !g.restricted_to_workflows || (g.selected_workflows ?? []).length === 0 || !(g.selected_workflows ?? []).every((w) => isTrainyardWorkflow(w, owner, repo)));
    const describe = (g: RunnerGroup): string => (g.restricted_to_workflows ? `"${g.name}" (restricted to ${(g.selected_workflows ?? []).join(', ') || 'no workflow'})` : `"${g.name}" (any workflow)`);
    if (open.length === 0) return result(name, true, `runner groups visible to ${repo}: ${groups.map(describe).join('; ')}`, runnerFix);
    return result(name, false, `runner groups not limited to trainyard's workflows: ${open.map(describe).join('; ')}`, runnerFix);
  });

  const rulesets = read(location, 'listing the repository\'s rulesets', async () => {
    const summaries = await octokit.paginate(octokit.rest.repos.getRepoRulesets, { ...where, includes_parents: true, per_page: 100 });
    return Promise.all(summaries.map(async (s) => (await octokit.rest.repos.getRepoRuleset({ ...where, ruleset_id: s.id, includes_parents: true })).data));
  });
  // A rejected promise nobody awaits yet must not be reported as unhandled.
  rulesets.catch(() => {});

  // A made tag must stay where it was made: moving a version tag, or deleting the newest
  // promotion record, would change the champion. Who made a tag is read from GitHub at read
  // time (docs/security.md), so creation stays open: the release workflow creates its tags
  // with GITHUB_TOKEN, which GitHub does not take as a ruleset bypass actor.
  const tagFix = `in ${settingsUrl}/rules, add an active tag ruleset targeting refs/tags/*@v* and refs/tags/*#*#* that restricts updates and deletions (not creations: the release workflow creates these tags with its GITHUB_TOKEN)`;
  const modelTags = guarded(PROMISE_NAMES.modelTags, tagFix, async () => {
    const name = PROMISE_NAMES.modelTags;
    const samples = modelTagSamples(input.environment);
    const tagRulesets = (await rulesets).filter((r) => r.target === 'tag' && r.enforcement === 'active');
    const covering = (type: string) => tagRulesets.filter((r) => (r.rules ?? []).some((rule) => rule.type === type) && samples.every((ref) => conditionsCover(conditionsOf(r), ref, repository.default_branch)));
    const [updates, deletions, creations] = [covering('update'), covering('deletion'), covering('creation')];
    const names = (list: typeof tagRulesets) => list.map((r) => `"${r.name}"`).join(', ');
    const creationNote = creations.length > 0 ? `; ${names(creations)} also restrict${creations.length > 1 ? '' : 's'} creation, which refuses the release workflow's tags (made with GITHUB_TOKEN) unless its actor may bypass` : '';
    if (updates.length > 0 && deletions.length > 0) return result(name, true, `updates restricted by ${names(updates)}, deletions by ${names(deletions)}${creationNote}`, tagFix);
    const missing = [updates.length === 0 ? 'updates' : null, deletions.length === 0 ? 'deletions' : null].filter(Boolean).join(' and ');
    const partial = tagRulesets.length > 0 ? `; active tag rulesets: ${tagRulesets.map((r) => `"${r.name}" (${(r.rules ?? []).map((rule) => rule.type).join(', ') || 'no rules'} of ${conditionsOf(r).include.join(', ') || 'no refs'})`).join(', ')}` : '';
    return result(name, false, `no active tag ruleset restricts ${missing} of every <model>@v<N> and <model>#<environment>#<N> tag${partial}`, tagFix);
  });

  const envFix = `in ${settingsUrl}/environments, create the environment "${input.environment}" if needed and enable trainyard's App (id ${input.appId}) under "Deployment protection rules"`;
  const environment = guarded(PROMISE_NAMES.environment, envFix, async () => {
    const name = PROMISE_NAMES.environment;
    let rules;
    try {
      ({ data: rules } = await read(location, `reading the deployment protection rules of ${input.environment}`, () =>
        octokit.rest.repos.getAllDeploymentProtectionRules({ ...where, environment_name: input.environment }), [403]));
    } catch (error) {
      if (error instanceof GitHubApiError && error.status === 404) return result(name, false, `no environment "${input.environment}"`, envFix);
      throw error;
    }
    const custom = rules.custom_deployment_protection_rules ?? [];
    const ours = custom.find((r) => r.app.id === input.appId);
    const others = custom.filter((r) => r.app.id !== input.appId).map((r) => `${r.app.slug} (${r.app.id})`);
    const besides = others.length > 0 ? `; other Apps: ${others.join(', ')}` : '';
    if (ours?.enabled) return result(name, true, `"${input.environment}" has the custom protection rule of App ${ours.app.slug} (${input.appId})${besides}`, envFix);
    const setting = ours ? `the rule of App ${input.appId} on "${input.environment}" is disabled` : `"${input.environment}" has no custom protection rule of App ${input.appId}${besides}`;
    return result(name, false, setting, envFix);
  });

  const tokenPermissions = guarded(PROMISE_NAMES.tokenPermissions, `in ${settingsUrl}/actions, under "Workflow permissions", choose "Read repository contents and packages permissions"`, async () => {
    const { data } = await read(location, 'reading the default workflow permissions', () => octokit.rest.actions.getGithubActionsDefaultWorkflowPermissionsRepository(where));
    return result(PROMISE_NAMES.tokenPermissions, data.default_workflow_permissions === 'read', `default_workflow_permissions: ${data.default_workflow_permissions}`, `in ${settingsUrl}/actions, under "Workflow permissions", choose "Read repository contents and packages permissions"`);
  });

  const branchFix = `in ${settingsUrl}/rules, add an active branch ruleset targeting ${branch} that requires a pull request and blocks force pushes (or protect ${branch} in ${settingsUrl}/branches)`;
  const releaseBranch = guarded(PROMISE_NAMES.releaseBranch, branchFix, async () => {
    const name = PROMISE_NAMES.releaseBranch;
    const ref = `refs/heads/${branch}`;
    const covering = (await rulesets).filter((r) => r.target === 'branch' && r.enforcement === 'active' && (r.rules ?? []).length > 0 && conditionsCover(conditionsOf(r), ref, repository.default_branch));
    if (covering.length > 0) return result(name, true, `${branch}: active branch ruleset${covering.length > 1 ? 's' : ''} ${covering.map((r) => `"${r.name}"`).join(', ')}`, branchFix);
    try {
      await read(location, `reading the protection of ${branch}`, () => octokit.rest.repos.getBranchProtection({ ...where, branch }));
      return result(name, true, `${branch}: branch protection`, branchFix);
    } catch (error) {
      if (error instanceof GitHubApiError && error.status === 404) {
        const missing = /branch not found/i.test(error.message) ? `no branch ${branch}` : `${branch}: no branch protection and no active branch ruleset`;
        return result(name, false, missing, branchFix);
      }
      throw error;
    }
  });

  const promises = await Promise.all([forkApproval, runnerGroups, modelTags, environment, tokenPermissions, releaseBranch]);
  return { repository: repository.full_name, promises };
}

/** 0 when every promise holds, else 1 (a promise not backed by its setting). */
export function doctorExitCode(report: DoctorReport): number {
  return report.promises.every((p) => p.holds) ? EXIT.ok : EXIT.gate;
}
