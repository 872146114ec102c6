/**
 * Repository and organisation settings that decide what trainyard's promises rest on:
 * who must approve fork pull request workflows, the default `GITHUB_TOKEN` permissions,
 * classic branch protection, rulesets, and organisation runner groups.
 */

export type ForkApprovalPolicy = 'first_time_contributors_new_to_github' | 'first_time_contributors' | 'all_external_contributors';

export interface PrivateForkSettings {
  runWorkflowsFromForkPullRequests: boolean;
  sendWriteTokensToWorkflows: boolean;
  sendSecretsAndVariables: boolean;
  requireApprovalForForkPrWorkflows: boolean;
}

export interface RulesetBypassActor {
  actorId: number | null;
  actorType: 'Integration' | 'OrganizationAdmin' | 'RepositoryRole' | 'Team' | 'DeployKey' | 'User';
  bypassMode: 'always' | 'pull_request' | 'exempt';
}

export interface Ruleset {
  id: number;
  name: string;
  target: 'branch' | 'tag' | 'push' | 'repository';
  enforcement: 'disabled' | 'active' | 'evaluate';
  /** `ref_name` condition: fnmatch patterns of full refs, or `~ALL`, `~DEFAULT_BRANCH`. */
  include: string[];
  exclude: string[];
  /** Rule types (`creation`, `update`, `deletion`, `pull_request`, ...), without parameters. */
  rules: string[];
  bypassActors: RulesetBypassActor[];
  createdAt: string;
  updatedAt: string;
}

export interface RepoSettings {
  /** GitHub's default for public repositories is `first_time_contributors`. */
  forkApprovalPolicy: ForkApprovalPolicy;
  privateForks: PrivateForkSettings;
  defaultWorkflowPermissions: 'read' | 'write';
  canApprovePullRequestReviews: boolean;
  /** Branches with classic branch protection. */
  protectedBranches: Set<string>;
  rulesets: Ruleset[];
}

export function defaultRepoSettings(): RepoSettings {
  return {
    forkApprovalPolicy: 'first_time_contributors',
    privateForks: { runWorkflowsFromForkPullRequests: false, sendWriteTokensToWorkflows: false, sendSecretsAndVariables: false, requireApprovalForForkPrWorkflows: true },
    defaultWorkflowPermissions: 'read',
    canApprovePullRequestReviews: false,
    protectedBranches: new Set(),
    rulesets: [],
  };
}

export interface RunnerGroup {
  id: number;
  name: string;
  /** `all` repositories of the organisation, `selected` ones, or `private` ones. */
  visibility: 'all' | 'selected' | 'private';
  default: boolean;
  /** Ids of the repositories a `selected` group is visible to. */
  selectedRepositoryIds: number[];
  allowsPublicRepositories: boolean;
  restrictedToWorkflows: boolean;
  /** `owner/repo/.github/workflows/file.yml@ref` entries. */
  selectedWorkflows: string[];
}
