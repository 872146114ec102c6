/**
 * Seeding: put users, repositories (with files, collaborators and forks), Apps,
 * installations, tokens and environments into the simulator before a test acts. Seeding
 * sends no webhooks; use the scenario API for events.
 */
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import type { SimContext } from './context.ts';
import { signAppJwt } from './jwt.ts';
import type { Installation, InstallationToken, Permissions, SimApp } from './state/apps.ts';
import type { Environment } from './state/deployments.ts';
import type { ForkApprovalPolicy, PrivateForkSettings, Ruleset, RunnerGroup } from './state/settings.ts';
import { newRepo, type RepoRole, type RepoState } from './state/repos.ts';
import type { AccountType, SimUser } from './state/users.ts';
import { ensureEnvironment } from './routes/deployments.ts';

export interface SeedUserInput {
  login: string;
  type?: AccountType;
  name?: string;
  email?: string;
  /** The personal token that acts as this user; `ghp_<login>` by default. */
  token?: string;
}

export interface SeededUser {
  user: SimUser;
  token: string;
}

export interface SeedRepoInput {
  /** `owner/name`; the owner is created as a user when unknown. */
  fullName: string;
  private?: boolean;
  defaultBranch?: string;
  description?: string;
  /** Files of the initial commit on the default branch (path to content). */
  files?: Record<string, string | Buffer>;
  /** Collaborator login to role; unknown logins are created as users. */
  collaborators?: Record<string, RepoRole>;
  /** Releases published from now on are immutable (GitHub's repository setting). */
  immutableReleases?: boolean;
  /** `owner/name` of the repository this one is a fork of (its refs and objects are copied). */
  forkOf?: string;
}

export interface SeededRepo {
  state: RepoState;
  fullName: string;
  owner: string;
  name: string;
  /** The commit at the tip of the default branch (undefined for an empty repository). */
  headSha: string | undefined;
}

export interface SeedAppInput {
  slug?: string;
  name?: string;
  /** Owner login; created as an organization when unknown. */
  owner?: string;
  /** PEM private key; a fresh 2048-bit RSA key by default. */
  privateKey?: string;
  permissions?: Permissions;
  /** Webhook events the App subscribes to; `['*']` (all) by default. */
  events?: string[];
  webhook?: { url: string; secret: string };
}

export interface SeededApp {
  app: SimApp;
  id: number;
  slug: string;
  privateKey: string;
  /** A JWT for the App, signed with its private key, valid for the next 9 minutes. */
  jwt(): string;
}

export interface SeedInstallationInput {
  appId: number;
  /** The account (user or organization) the App is installed on. */
  account: string;
  /** `all` (default) or the `owner/name`s of selected repositories. */
  repositories?: 'all' | string[];
  /** Defaults to the App's permissions. */
  permissions?: Permissions;
}

const DEFAULT_APP_PERMISSIONS: Permissions = {
  metadata: 'read',
  contents: 'write',
  pull_requests: 'write',
  issues: 'write',
  checks: 'write',
  actions: 'write',
  deployments: 'write',
  environments: 'read',
  administration: 'write',
  organization_self_hosted_runners: 'write',
};

export class Seed {
  constructor(private readonly ctx: SimContext) {}

  user(input: SeedUserInput): SeededUser {
    const user = this.ctx.state.users.add({ ...input, createdAt: this.ctx.clock.iso() });
    const token = input.token ?? `ghp_${user.login}`;
    this.ctx.state.users.addToken(token, user.login);
    return { user, token };
  }

  /** The account `login`, creating it (with a `ghp_<login>` token) when unknown. */
  account(login: string, type: AccountType = 'User'): SimUser {
    return this.ctx.state.users.find(login) ?? this.user({ login, type }).user;
  }

  repo(input: SeedRepoInput): SeededRepo {
    const [ownerLogin, name] = input.fullName.split('/') as [string, string];
    if (!name) throw new Error(`seed.repo: fullName must be owner/name, got '${input.fullName}'`);
    if (this.ctx.state.repo(input.fullName)) throw new Error(`seed.repo: ${input.fullName} already exists`);
    const parent = input.forkOf ? this.ctx.state.repo(input.forkOf) : undefined;
    if (input.forkOf && !parent) throw new Error(`seed.repo: fork parent ${input.forkOf} does not exist`);
    const owner = this.account(ownerLogin);
    const repo = newRepo({
      id: this.ctx.state.ids.next(),
      owner,
      name,
      private: input.private ?? parent?.private ?? false,
      defaultBranch: input.defaultBranch ?? parent?.defaultBranch ?? 'main',
      description: input.description ?? null,
      parent: parent?.fullName ?? null,
      immutableReleases: input.immutableReleases ?? false,
      createdAt: this.ctx.clock.iso(),
    });
    this.ctx.state.repos.set(repo.fullName.toLowerCase(), repo);
    if (parent) {
      for (const [sha, object] of parent.git.objects) repo.git.objects.set(sha, object);
      for (const [ref, sha] of parent.git.refs) if (ref.startsWith('refs/heads/')) repo.git.refs.set(ref, sha);
    }
    for (const [login, role] of Object.entries(input.collaborators ?? {})) repo.roles.set(this.account(login).login.toLowerCase(), role);
    if (input.files) {
      const changes = Object.entries(input.files).map(([path, content]) => ({ path, mode: '100644' as const, type: 'blob' as const, sha: repo.git.writeBlob(content) }));
      const tree = repo.git.applyChanges(undefined, changes);
      const author = { name: owner.login, email: `${owner.id}+${owner.login}@users.noreply.github.com`, date: this.ctx.clock.iso() };
      repo.git.refs.set(`refs/heads/${repo.defaultBranch}`, repo.git.writeCommit({ tree, parents: [], message: 'Initial commit', author }));
    }
    return this.describe(repo);
  }

  app(input: SeedAppInput = {}): SeededApp {
    const privateKey = input.privateKey ?? generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const id = this.ctx.state.ids.next();
    const slug = input.slug ?? `sim-app-${id}`;
    const app: SimApp = {
      id,
      slug,
      name: input.name ?? slug,
      clientId: `Iv1.${id.toString(16).padStart(16, '0')}`,
      owner: this.account(input.owner ?? `${slug}-owner`, 'Organization'),
      bot: this.account(`${slug}[bot]`, 'Bot'),
      publicKey: createPublicKey(privateKey),
      permissions: input.permissions ?? DEFAULT_APP_PERMISSIONS,
      events: input.events ?? ['*'],
      webhook: input.webhook ?? null,
      createdAt: this.ctx.clock.iso(),
    };
    this.ctx.state.apps.set(id, app);
    return { app, id, slug, privateKey, jwt: () => signAppJwt({ appId: id, privateKey, nowMs: this.ctx.clock.now().getTime() }) };
  }

  installation(input: SeedInstallationInput): Installation {
    const app = this.ctx.state.apps.get(input.appId);
    if (!app) throw new Error(`seed.installation: no App ${input.appId}`);
    const installation: Installation = {
      id: this.ctx.state.ids.next(),
      appId: app.id,
      account: this.account(input.account),
      repositories: input.repositories ?? 'all',
      permissions: input.permissions ?? app.permissions,
      createdAt: this.ctx.clock.iso(),
    };
    this.ctx.state.installations.set(installation.id, installation);
    return installation;
  }

  /** An installation access token without the JWT exchange (valid one hour). */
  installationToken(input: { installationId: number; permissions?: Permissions; repositories?: string[] }): string {
    const installation = this.ctx.state.installations.get(input.installationId);
    if (!installation) throw new Error(`seed.installationToken: no installation ${input.installationId}`);
    const token: InstallationToken = {
      token: `ghs_sim${this.ctx.state.ids.next()}`,
      installationId: installation.id,
      permissions: input.permissions ?? installation.permissions,
      repositories: input.repositories ?? null,
      expiresAt: new Date(this.ctx.clock.now().getTime() + 3_600_000),
    };
    this.ctx.state.installationTokens.set(token.token, token);
    return token.token;
  }

  /**
   * The `GITHUB_TOKEN` of a workflow run in `repo`: on GitHub it is an installation token
   * of the GitHub Actions App, limited to the repository, and what it writes is written
   * by `github-actions[bot]`, whichever workflow, branch or run holds it.
   */
  actionsToken(input: { repo: string; permissions?: Permissions }): string {
    const repo = this.ctx.state.repo(input.repo);
    if (!repo) throw new Error(`seed.actionsToken: no repository ${input.repo}`);
    const app = [...this.ctx.state.apps.values()].find((a) => a.slug === 'github-actions') ?? this.app({ slug: 'github-actions', name: 'GitHub Actions', owner: 'github' }).app;
    const installation = [...this.ctx.state.installations.values()].find((i) => i.appId === app.id && i.account.id === repo.owner.id)
      ?? this.installation({ appId: app.id, account: repo.owner.login });
    return this.installationToken({ installationId: installation.id, repositories: [repo.fullName], permissions: input.permissions ?? { contents: 'write', metadata: 'read', actions: 'read', checks: 'write', deployments: 'write', pull_requests: 'write', issues: 'write', statuses: 'write' } });
  }

  /** An environment, optionally guarded by the custom protection rules of `protectionApps`. */
  environment(input: { repo: string; name: string; protectionApps?: number[] }): Environment {
    const repo = this.ctx.state.repo(input.repo);
    if (!repo) throw new Error(`seed.environment: no repository ${input.repo}`);
    const env = ensureEnvironment(this.ctx, repo, input.name);
    env.protectionApps = input.protectionApps ?? env.protectionApps;
    return env;
  }

  /**
   * Actions settings and classic branch protection of `repo`: who must approve fork pull
   * request workflows, the default `GITHUB_TOKEN` permissions, protected branches.
   */
  repoSettings(input: {
    repo: string;
    forkApprovalPolicy?: ForkApprovalPolicy;
    privateForks?: Partial<PrivateForkSettings>;
    defaultWorkflowPermissions?: 'read' | 'write';
    protectedBranches?: string[];
  }): void {
    const repo = this.ctx.state.repo(input.repo);
    if (!repo) throw new Error(`seed.repoSettings: no repository ${input.repo}`);
    const { settings } = repo;
    if (input.forkApprovalPolicy) settings.forkApprovalPolicy = input.forkApprovalPolicy;
    if (input.privateForks) settings.privateForks = { ...settings.privateForks, ...input.privateForks };
    if (input.defaultWorkflowPermissions) settings.defaultWorkflowPermissions = input.defaultWorkflowPermissions;
    if (input.protectedBranches) settings.protectedBranches = new Set(input.protectedBranches);
  }

  /** A repository ruleset; `rules` are rule types without parameters (`creation`, `deletion`, `update`, `non_fast_forward`). */
  ruleset(input: { repo: string } & Partial<Omit<Ruleset, 'id' | 'createdAt' | 'updatedAt'>> & Pick<Ruleset, 'target'>): Ruleset {
    const repo = this.ctx.state.repo(input.repo);
    if (!repo) throw new Error(`seed.ruleset: no repository ${input.repo}`);
    const now = this.ctx.clock.iso();
    const ruleset: Ruleset = {
      id: this.ctx.state.ids.next(),
      name: input.name ?? `${input.target} ruleset`,
      target: input.target,
      enforcement: input.enforcement ?? 'active',
      include: input.include ?? ['~ALL'],
      exclude: input.exclude ?? [],
      rules: input.rules ?? ['creation'],
      bypassActors: input.bypassActors ?? [],
      createdAt: now,
      updatedAt: now,
    };
    repo.settings.rulesets.push(ruleset);
    return ruleset;
  }

  /** A self-hosted runner group of the organisation `org`; `repositories` (`owner/name`) for `selected` visibility. */
  runnerGroup(input: { org: string; name: string; visibility?: RunnerGroup['visibility']; repositories?: string[]; allowsPublicRepositories?: boolean; restrictedToWorkflows?: boolean; selectedWorkflows?: string[] }): RunnerGroup {
    const account = this.account(input.org, 'Organization');
    const ids = (input.repositories ?? []).map((name) => {
      const repo = this.ctx.state.repo(name);
      if (!repo) throw new Error(`seed.runnerGroup: no repository ${name}`);
      return repo.id;
    });
    const group: RunnerGroup = {
      id: this.ctx.state.ids.next(),
      name: input.name,
      visibility: input.visibility ?? (input.repositories ? 'selected' : 'all'),
      default: false,
      selectedRepositoryIds: ids,
      allowsPublicRepositories: input.allowsPublicRepositories ?? true,
      restrictedToWorkflows: input.restrictedToWorkflows ?? false,
      selectedWorkflows: input.selectedWorkflows ?? [],
    };
    this.ctx.state.runnerGroupsOf(account.login).push(group);
    return group;
  }

  describe(repo: RepoState): SeededRepo {
    return { state: repo, fullName: repo.fullName, owner: repo.owner.login, name: repo.name, headSha: repo.git.refs.get(`refs/heads/${repo.defaultBranch}`) };
  }
}
