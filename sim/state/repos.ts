/** A repository and everything held per repository. */
import type { Artifact, JitRunner, Workflow, WorkflowRun } from './actions.ts';
import type { CheckRun } from './checks.ts';
import type { Deployment, Environment, ProtectionRuleReview } from './deployments.ts';
import { GitStore } from './git.ts';
import type { Issue, IssueComment, Label } from './issues.ts';
import type { PullRequest } from './pulls.ts';
import type { Release } from './releases.ts';
import { defaultRepoSettings, type RepoSettings } from './settings.ts';
import type { SimUser } from './users.ts';

export type RepoRole = 'read' | 'triage' | 'write' | 'maintain' | 'admin';

export interface RepoState {
  id: number;
  owner: SimUser;
  name: string;
  fullName: string;
  private: boolean;
  defaultBranch: string;
  description: string | null;
  /** The repository this one was forked from (`owner/name`), if any. */
  parent: string | null;
  /** Releases published from now on are immutable (the repository setting). */
  immutableReleases: boolean;
  createdAt: string;
  pushedAt: string;
  /** Collaborator login (lower case) to role; the owner is always admin. */
  roles: Map<string, RepoRole>;
  git: GitStore;
  /** Next issue/PR number. */
  nextNumber: number;
  pulls: PullRequest[];
  issues: Issue[];
  comments: IssueComment[];
  labels: Label[];
  /** Issue/PR number to label names applied to it. */
  issueLabels: Map<number, string[]>;
  checkRuns: CheckRun[];
  releases: Release[];
  /** Tags that can never be used again (published immutable releases). */
  burnedTags: Set<string>;
  workflows: Workflow[];
  runs: WorkflowRun[];
  artifacts: Artifact[];
  runners: JitRunner[];
  environments: Environment[];
  deployments: Deployment[];
  protectionReviews: ProtectionRuleReview[];
  /** Actions permissions, branch protection and rulesets. */
  settings: RepoSettings;
}

export function newRepo(input: {
  id: number;
  owner: SimUser;
  name: string;
  private: boolean;
  defaultBranch: string;
  description: string | null;
  parent: string | null;
  immutableReleases: boolean;
  createdAt: string;
}): RepoState {
  return {
    ...input,
    fullName: `${input.owner.login}/${input.name}`,
    pushedAt: input.createdAt,
    roles: new Map(),
    git: new GitStore(),
    nextNumber: 1,
    pulls: [],
    issues: [],
    comments: [],
    labels: [],
    issueLabels: new Map(),
    checkRuns: [],
    releases: [],
    burnedTags: new Set(),
    workflows: [],
    runs: [],
    artifacts: [],
    runners: [],
    environments: [],
    deployments: [],
    protectionReviews: [],
    settings: defaultRepoSettings(),
  };
}

/** The caller's role: admin for the owner, the granted role, else none. */
export function roleOf(repo: RepoState, user: SimUser): RepoRole | undefined {
  if (user.id === repo.owner.id) return 'admin';
  return repo.roles.get(user.login.toLowerCase());
}
