/**
 * Scenario steps for flow tests: what people and GitHub Actions do around the code under
 * test. Steps a person takes through the API (push, open a PR, review, merge, comment)
 * go through the simulator's own HTTP API with that person's token, so they are
 * validated and raise the same webhooks as any client. Steps GitHub itself takes
 * (completing a workflow run with artifacts, asking an App to review a deployment,
 * a click on a check-run button, a schedule) change state directly and send the events.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { SimContext } from './context.ts';
import type { SimApp } from './state/apps.ts';
import { checkRunEvent, workflowRunEvent } from './events.ts';
import { ensureEnvironment } from './routes/deployments.ts';
import type { Seed } from './seed.ts';
import type { WorkflowRun } from './state/actions.ts';
import type { Deployment } from './state/deployments.ts';
import type { RepoState } from './state/repos.ts';
import { deploymentView } from './views/deployments.ts';
import { findWorkflow } from './workflows.ts';
import { buildZip, type ZipEntry } from './zip.ts';
import { pullRequest, pullHeadSha } from './views/pulls.ts';

export class ScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioError';
  }
}

export interface CompleteRunInput {
  repo: string;
  /** Workflow file name (`train.yml`) or id; the file must exist on the default branch. */
  workflow: string;
  /** Commit the run ran on; the tip of `branch` by default. */
  headSha?: string;
  /** Branch the run ran on; the default branch by default. */
  branch?: string;
  /** `owner/name` of the head repository, for runs of fork PRs. */
  headRepo?: string;
  event?: string;
  conclusion?: 'success' | 'failure' | 'cancelled' | 'skipped' | 'timed_out' | 'neutral' | 'action_required';
  /** Artifacts the run uploaded: name and files (zipped like GitHub does). */
  artifacts?: Array<{ name: string; files: ZipEntry[] }>;
  /** Login the run is attributed to; the repository owner by default. */
  actor?: string;
  /** Retention in days (1–90). */
  retentionDays?: number;
}

/** GitHub App manifest parameters (https://docs.github.com/apps/sharing-github-apps/registering-a-github-app-from-a-manifest). */
export interface AppManifest {
  name?: string;
  url: string;
  hook_attributes?: { url?: string; active?: boolean };
  redirect_url?: string;
  callback_urls?: string[];
  setup_url?: string;
  description?: string;
  public?: boolean;
  default_events?: string[];
  default_permissions?: Record<string, 'read' | 'write' | 'admin'>;
  request_oauth_on_install?: boolean;
  setup_on_update?: boolean;
}

/** A manifest code is good for one hour, like GitHub's. */
const MANIFEST_CODE_TTL_MS = 3_600_000;

export class Scenario {
  constructor(
    private readonly ctx: SimContext,
    private readonly seed: Seed,
  ) {}

  private repo(fullName: string): RepoState {
    const repo = this.ctx.state.repo(fullName);
    if (!repo) throw new ScenarioError(`no repository ${fullName}`);
    return repo;
  }

  private tokenOf(login: string): string {
    return this.seed.user({ login }).token;
  }

  /** Calls the simulator's API as `login`; throws with GitHub's message on an error status. */
  async api<T>(login: string, method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.ctx.urls.api}${path}`, {
      method,
      headers: { authorization: `token ${this.tokenOf(login)}`, 'content-type': 'application/json', accept: 'application/vnd.github+json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new ScenarioError(`${method} ${path} as ${login}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /**
   * Commits `files` (path to content; null deletes) on `branch` as `author` and moves the
   * branch (created from the default branch when missing). Returns the commit SHA.
   */
  async push(input: { repo: string; branch: string; files: Record<string, string | null>; message?: string; author: string }): Promise<string> {
    const repo = this.repo(input.repo);
    const base = `/repos/${repo.fullName}`;
    const tip = repo.git.refs.get(`refs/heads/${input.branch}`) ?? repo.git.refs.get(`refs/heads/${repo.defaultBranch}`);
    const baseTree = tip ? repo.git.get(tip, 'commit')!.tree : undefined;
    const tree = Object.entries(input.files).map(([path, content]) => (content === null ? { path, mode: '100644', type: 'blob', sha: null } : { path, mode: '100644', type: 'blob', content }));
    const newTree = await this.api<{ sha: string }>(input.author, 'POST', `${base}/git/trees`, { ...(baseTree ? { base_tree: baseTree } : {}), tree });
    const commit = await this.api<{ sha: string }>(input.author, 'POST', `${base}/git/commits`, { message: input.message ?? `Update ${Object.keys(input.files).join(', ')}`, tree: newTree.sha, parents: tip ? [tip] : [] });
    if (repo.git.refs.has(`refs/heads/${input.branch}`)) {
      await this.api(input.author, 'PATCH', `${base}/git/refs/heads/${input.branch}`, { sha: commit.sha });
    } else {
      await this.api(input.author, 'POST', `${base}/git/refs`, { ref: `refs/heads/${input.branch}`, sha: commit.sha });
    }
    return commit.sha;
  }

  /** Opens a PR as `author` from `head` (`branch`, or `owner:branch` for a fork). Returns its number. */
  async openPullRequest(input: { repo: string; head: string; base?: string; title: string; body?: string; author: string }): Promise<number> {
    const repo = this.repo(input.repo);
    const pr = await this.api<{ number: number }>(input.author, 'POST', `/repos/${repo.fullName}/pulls`, { title: input.title, head: input.head, base: input.base ?? repo.defaultBranch, body: input.body ?? '' });
    return pr.number;
  }

  /** Submits a review as `reviewer` on the PR's current head (or `commitId`). */
  async submitReview(input: { repo: string; number: number; reviewer: string; event: 'APPROVE' | 'REQUEST_CHANGES' | 'COMMENT'; body?: string; commitId?: string }): Promise<void> {
    await this.api(input.reviewer, 'POST', `/repos/${input.repo}/pulls/${input.number}/reviews`, {
      event: input.event,
      body: input.body ?? (input.event === 'APPROVE' ? '' : 'Reviewed.'),
      ...(input.commitId ? { commit_id: input.commitId } : {}),
    });
  }

  async comment(input: { repo: string; number: number; author: string; body: string }): Promise<number> {
    const comment = await this.api<{ id: number }>(input.author, 'POST', `/repos/${input.repo}/issues/${input.number}/comments`, { body: input.body });
    return comment.id;
  }

  /** Merges the PR as `by`; returns the merge commit SHA. */
  async merge(input: { repo: string; number: number; by: string; method?: 'merge' | 'squash' | 'rebase' }): Promise<string> {
    const result = await this.api<{ sha: string }>(input.by, 'PUT', `/repos/${input.repo}/pulls/${input.number}/merge`, { merge_method: input.method ?? 'merge' });
    return result.sha;
  }

  /** Records a completed workflow run with its artifacts and sends `workflow_run.completed`. */
  completeWorkflowRun(input: CompleteRunInput): WorkflowRun {
    const repo = this.repo(input.repo);
    const workflow = findWorkflow(this.ctx, repo, input.workflow);
    if (!workflow) throw new ScenarioError(`no workflow ${input.workflow} in ${repo.fullName}/.github/workflows on ${repo.defaultBranch}`);
    const branch = input.branch ?? repo.defaultBranch;
    const headRepo = input.headRepo ? this.repo(input.headRepo) : repo;
    const headSha = input.headSha ?? headRepo.git.refs.get(`refs/heads/${branch}`);
    if (!headSha) throw new ScenarioError(`no branch ${branch} in ${headRepo.fullName}`);
    const now = this.ctx.clock.now();
    const run = this.queueRun(repo, { workflowId: workflow.id, path: workflow.path, name: workflow.name, event: input.event ?? 'push', headBranch: branch, headSha, headRepo: headRepo.fullName, actorLogin: input.actor ?? repo.owner.login });
    Object.assign(run, { status: 'completed', conclusion: input.conclusion ?? 'success', updatedAt: this.ctx.clock.iso(now) });
    const expires = new Date(now.getTime() + (input.retentionDays ?? 90) * 86_400_000);
    for (const artifact of input.artifacts ?? []) {
      if (this.ctx.state.repo(repo.fullName)!.artifacts.some((a) => a.runId === run.id && a.name === artifact.name)) throw new ScenarioError(`artifact ${artifact.name} uploaded twice in run ${run.id}`);
      repo.artifacts.push({ id: this.ctx.state.ids.next(), runId: run.id, name: artifact.name, zip: buildZip(artifact.files), createdAt: this.ctx.clock.iso(now), expiresAt: this.ctx.clock.iso(expires), expired: false });
    }
    workflowRunEvent(this.ctx, repo, run, 'completed', this.seed.account(run.actorLogin));
    return run;
  }

  /**
   * A run of `workflow` that started and is still in progress (`workflow_run.requested`):
   * what it writes with its token (`seed.actionsToken`) happens while it runs. End it
   * with `finishWorkflowRun`.
   */
  startWorkflowRun(input: Omit<CompleteRunInput, 'conclusion' | 'artifacts' | 'retentionDays'>): WorkflowRun {
    const repo = this.repo(input.repo);
    const workflow = findWorkflow(this.ctx, repo, input.workflow);
    if (!workflow) throw new ScenarioError(`no workflow ${input.workflow} in ${repo.fullName}/.github/workflows on ${repo.defaultBranch}`);
    const branch = input.branch ?? repo.defaultBranch;
    const headRepo = input.headRepo ? this.repo(input.headRepo) : repo;
    const headSha = input.headSha ?? headRepo.git.refs.get(`refs/heads/${branch}`);
    if (!headSha) throw new ScenarioError(`no branch ${branch} in ${headRepo.fullName}`);
    const run = this.queueRun(repo, { workflowId: workflow.id, path: workflow.path, name: workflow.name, event: input.event ?? 'push', headBranch: branch, headSha, headRepo: headRepo.fullName, actorLogin: input.actor ?? repo.owner.login });
    run.status = 'in_progress';
    workflowRunEvent(this.ctx, repo, run, 'requested', this.seed.account(run.actorLogin));
    return run;
  }

  /** Ends a run `startWorkflowRun` began (`workflow_run.completed`). */
  finishWorkflowRun(input: { repo: string; runId: number; conclusion?: CompleteRunInput['conclusion']; artifacts?: CompleteRunInput['artifacts'] }): WorkflowRun {
    const repo = this.repo(input.repo);
    const run = repo.runs.find((r) => r.id === input.runId);
    if (!run) throw new ScenarioError(`no workflow run ${input.runId} in ${repo.fullName}`);
    const now = this.ctx.clock.now();
    Object.assign(run, { status: 'completed', conclusion: input.conclusion ?? 'success', updatedAt: this.ctx.clock.iso(now) });
    const expires = new Date(now.getTime() + 90 * 86_400_000);
    for (const artifact of input.artifacts ?? []) {
      if (repo.artifacts.some((a) => a.runId === run.id && a.name === artifact.name)) throw new ScenarioError(`artifact ${artifact.name} uploaded twice in run ${run.id}`);
      repo.artifacts.push({ id: this.ctx.state.ids.next(), runId: run.id, name: artifact.name, zip: buildZip(artifact.files), createdAt: this.ctx.clock.iso(now), expiresAt: this.ctx.clock.iso(expires), expired: false });
    }
    workflowRunEvent(this.ctx, repo, run, 'completed', this.seed.account(run.actorLogin));
    return run;
  }

  /** A scheduled run of `workflow` on the default branch, queued (`workflow_run.requested`). */
  runSchedule(input: { repo: string; workflow: string }): WorkflowRun {
    const repo = this.repo(input.repo);
    const workflow = findWorkflow(this.ctx, repo, input.workflow);
    if (!workflow) throw new ScenarioError(`no workflow ${input.workflow} in ${repo.fullName}`);
    const headSha = repo.git.refs.get(`refs/heads/${repo.defaultBranch}`)!;
    const run = this.queueRun(repo, { workflowId: workflow.id, path: workflow.path, name: workflow.name, event: 'schedule', headBranch: repo.defaultBranch, headSha, headRepo: repo.fullName, actorLogin: repo.owner.login });
    workflowRunEvent(this.ctx, repo, run, 'requested', repo.owner);
    return run;
  }

  /**
   * A workflow job reaches `environment`: GitHub creates a deployment, marks the run
   * waiting, and sends `deployment_protection_rule.requested` to each App whose custom
   * rule guards the environment. The App answers at `deployment_callback_url`.
   */
  requestDeployment(input: { repo: string; runId: number; environment: string; pullRequests?: number[] }): { deployment: Deployment; callbackUrl: string } {
    const repo = this.repo(input.repo);
    const run = repo.runs.find((r) => r.id === input.runId);
    if (!run) throw new ScenarioError(`no workflow run ${input.runId} in ${repo.fullName}`);
    const env = ensureEnvironment(this.ctx, repo, input.environment);
    const actor = this.seed.account(run.actorLogin);
    const deployment: Deployment = {
      id: this.ctx.state.ids.next(),
      sha: run.headSha,
      ref: run.headBranch ?? run.headSha,
      task: 'deploy',
      environment: env.name,
      payload: {},
      description: null,
      creator: actor,
      createdAt: this.ctx.clock.iso(),
      statuses: [],
      runId: run.id,
    };
    repo.deployments.push(deployment);
    Object.assign(run, { status: 'waiting', conclusion: null, updatedAt: this.ctx.clock.iso() });
    const callbackUrl = `${this.ctx.urls.api}/repos/${repo.fullName}/actions/runs/${run.id}/deployment_protection_rule`;
    const pulls = (input.pullRequests ?? []).map((n) => repo.pulls.find((p) => p.number === n)).filter((p) => p !== undefined);
    this.ctx.webhooks.emit({
      event: 'deployment_protection_rule',
      action: 'requested',
      repo,
      sender: actor,
      fields: {
        environment: env.name,
        event: run.event,
        deployment_callback_url: callbackUrl,
        deployment: deploymentView(this.ctx, repo, deployment),
        pull_requests: pulls.map((p) => pullRequest(this.ctx, repo, p, pullHeadSha(this.ctx, p))),
      },
    });
    return { deployment, callbackUrl };
  }

  /** A person clicks a check run's action button (`check_run.requested_action`). */
  clickCheckRunAction(input: { repo: string; checkRunId: number; identifier: string; by: string }): void {
    const repo = this.repo(input.repo);
    const run = repo.checkRuns.find((r) => r.id === input.checkRunId);
    if (!run) throw new ScenarioError(`no check run ${input.checkRunId} in ${repo.fullName}`);
    if (!run.actions.some((a) => a.identifier === input.identifier)) throw new ScenarioError(`check run ${run.id} has no action ${input.identifier}`);
    checkRunEvent(this.ctx, repo, run, 'requested_action', this.seed.account(input.by), { requested_action: { identifier: input.identifier } });
  }

  private queueRun(repo: RepoState, fields: Pick<WorkflowRun, 'workflowId' | 'path' | 'name' | 'event' | 'headBranch' | 'headSha' | 'headRepo' | 'actorLogin'>): WorkflowRun {
    const now = this.ctx.clock.iso();
    const run: WorkflowRun = {
      ...fields,
      id: this.ctx.state.ids.next(),
      runNumber: repo.runs.filter((r) => r.workflowId === fields.workflowId).length + 1,
      status: 'queued',
      conclusion: null,
      inputs: {},
      createdAt: now,
      updatedAt: now,
    };
    repo.runs.push(run);
    return run;
  }

  /**
   * A person confirms a manifest on GitHub's "Create GitHub App" page (`/settings/apps/new`
   * for `by`, `/organizations/<org>/settings/apps/new` for `org`): GitHub registers the App
   * and sends the browser to the manifest's `redirect_url` with a one-time code (and the
   * page's `state`), which `POST /app-manifests/{code}/conversions` trades for the App's
   * credentials within the hour.
   */
  confirmAppManifest(input: { manifest: AppManifest; by: string; org?: string; state?: string }): { code: string; app: SimApp; redirectUrl: string | null } {
    const { manifest } = input;
    if (typeof manifest.url !== 'string' || !/^https?:\/\//.test(manifest.url)) throw new ScenarioError('manifest: url is required (the App\'s homepage)');
    const name = manifest.name ?? `${input.org ?? input.by}'s App`;
    if (name.length > 34) throw new ScenarioError(`manifest: name "${name}" is longer than 34 characters`);
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    if ([...this.ctx.state.apps.values()].some((a) => a.slug === slug)) throw new ScenarioError(`manifest: Name "${name}" is already taken`);
    this.seed.account(input.by);
    if (input.org) this.seed.account(input.org, 'Organization');
    const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    const hookUrl = manifest.hook_attributes?.url;
    const webhookSecret = hookUrl ? randomBytes(20).toString('hex') : null;
    const active = hookUrl !== undefined && manifest.hook_attributes?.active !== false;
    const { app } = this.seed.app({
      slug,
      name,
      owner: input.org ?? input.by,
      privateKey: pem,
      permissions: { metadata: 'read', ...manifest.default_permissions },
      events: manifest.default_events ?? [],
      ...(active && hookUrl && webhookSecret ? { webhook: { url: hookUrl, secret: webhookSecret } } : {}),
    });
    const code = randomBytes(20).toString('hex');
    this.ctx.state.manifestConversions.set(code, {
      code,
      appId: app.id,
      pem,
      clientSecret: randomBytes(20).toString('hex'),
      webhookSecret,
      expiresAt: new Date(this.ctx.clock.now().getTime() + MANIFEST_CODE_TTL_MS),
    });
    let redirectUrl: string | null = null;
    if (manifest.redirect_url) {
      const url = new URL(manifest.redirect_url);
      url.searchParams.set('code', code);
      if (input.state !== undefined) url.searchParams.set('state', input.state);
      redirectUrl = url.toString();
    }
    return { code, app, redirectUrl };
  }
}
