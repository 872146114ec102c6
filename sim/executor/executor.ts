/**
 * GitHub Actions for the simulator: runs workflow files as GitHub would, on this
 * machine. Files are parsed and validated by GitHub's own parser
 * (@actions/workflow-parser), `${{ }}` is evaluated by GitHub's evaluator
 * (@actions/expressions). Supported: `on:` filters (filters.ts), `workflow_call`
 * inputs and outputs, jobs in `needs` order with `if:`, `strategy.matrix`, job and
 * step outputs, `concurrency` (concurrency.ts), `timeout-minutes`, `continue-on-error`,
 * pull-request runs on the test merge `refs/pull/N/merge`, `permissions` (the job's
 * GITHUB_TOKEN is an installation token of the `github-actions` App with exactly those
 * scopes, capped by the caller's), `runs-on` labels matched to the runners given,
 * composite actions (nested, inputs, outputs, GITHUB_ACTION_PATH), `run:` steps in bash
 * or sh, and the runner files. Third-party actions run as stand-ins (stand-ins.ts).
 * Anything else fails the run, naming what is unsupported.
 *
 * `uses: trainyard/trainyard…@v1` resolves to the trainyard checkout given, copied once
 * as the runner downloads an action (action.yml, actions/, dist/, .github/workflows/).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import type { Simulator } from '../simulator.ts';
import type { PermissionLevel } from '../state/apps.ts';
import type { WorkflowRun } from '../state/actions.ts';
import { workflowParser } from './github-parser.ts';
import { changedFiles } from './changes.ts';
import { concurrencyOf, ConcurrencyGroups, type Concurrency } from './concurrency.ts';
import { WorkflowError } from './errors.ts';
import { testMerge } from '../pull-refs.ts';
import { checkOn, eventsOf, triggers, type TriggerEvent } from './filters.ts';
import { condition, interpolate, interpolateString, truthy, type Contexts, type JobStatus } from './expressions.ts';
import { ResultsService } from './results-service.ts';
import { readKeyValueFile, readPathFile } from './runner-files.ts';
import { standIn, UnsupportedActionError, type StandInContext } from './stand-ins.ts';

export interface SimRunner {
  name: string;
  labels: string[];
  /** Extra environment of the runner's jobs (a GPU runner's PATH to nvidia-smi). */
  env?: Record<string, string>;
}

export interface ExecutorOptions {
  sim: Simulator;
  /** The trainyard checkout `trainyard/trainyard@v1` resolves to. */
  trainyardRoot: string;
  runners: SimRunner[];
  /** Preseeded actions/cache entries: key -> folder restored (linked) at the path. */
  cache?: Map<string, string>;
  /** Every step's output, for debugging a failed run. */
  log?: (line: string) => void;
  /** The repository's configuration variables (`vars`). */
  vars?: Record<string, string>;
  /**
   * Called before a job bound to an `environment:` starts, as GitHub holds such a job for
   * the environment's protection rules; the job starts when the promise settles.
   */
  environmentGate?: (gate: { repo: string; environment: string; sha: string; job: string; runId: number }) => Promise<void>;
}

export interface StepResult {
  name: string;
  outcome: 'success' | 'failure' | 'skipped' | 'cancelled';
  conclusion: 'success' | 'failure' | 'skipped' | 'cancelled';
  outputs: Record<string, string>;
  log: string;
}

export interface JobResult {
  id: string;
  name: string;
  conclusion: 'success' | 'failure' | 'skipped' | 'cancelled';
  outputs: Record<string, string>;
  steps: StepResult[];
  runner: string | null;
  permissions: Record<string, PermissionLevel>;
  summary: string;
}

export interface WorkflowRunResult {
  workflow: string;
  event: string;
  conclusion: 'success' | 'failure' | 'cancelled';
  jobs: JobResult[];
  run: WorkflowRun;
}

export interface RunRequest {
  repo: string;
  /** The workflow file in `.github/workflows/` of the repository at `sha`. */
  workflow: string;
  event: string;
  payload: Record<string, unknown>;
  sha: string;
  ref: string;
  actor: string;
  /** workflow_dispatch inputs. */
  inputs?: Record<string, unknown>;
  /** A run GitHub already queued (a dispatch through the API): it is the one that runs, no new run is created. */
  queuedRunId?: number;
}

export { WorkflowError };

type Yaml = Record<string, unknown>;

const JOB_KEYS = new Set(['name', 'needs', 'if', 'runs-on', 'permissions', 'environment', 'concurrency', 'timeout-minutes', 'steps', 'outputs', 'strategy', 'continue-on-error', 'env', 'uses', 'with', 'secrets']);
const STEP_KEYS = new Set(['name', 'id', 'if', 'uses', 'run', 'with', 'env', 'shell', 'working-directory', 'continue-on-error', 'timeout-minutes']);
const TRAINYARD = 'trainyard/trainyard';
/** Scopes GITHUB_TOKEN can have, as workflow `permissions:` names them. */
const SCOPES = ['actions', 'attestations', 'checks', 'contents', 'deployments', 'discussions', 'id-token', 'issues', 'models', 'packages', 'pages', 'pull-requests', 'repository-projects', 'security-events', 'statuses'];
const RANK: Record<string, number> = { none: 0, read: 1, write: 2 };

async function validate(kind: 'workflow' | 'action', name: string, content: string): Promise<void> {
  const { parseWorkflow, parseAction, NoOperationTraceWriter } = await workflowParser();
  const result = kind === 'workflow' ? parseWorkflow({ name, content }, new NoOperationTraceWriter()) : parseAction({ name, content }, new NoOperationTraceWriter());
  const errors = result.context.errors.getErrors();
  if (errors.length > 0) throw new WorkflowError(`${name} is not a valid ${kind}: ${errors.map((error) => error.message).join('; ')}`);
  if (kind === 'workflow') checkOn((parse(content) as Yaml).on, name);
}

/** `permissions:` as a map of scope to level (`read-all`, `write-all`, `{}` expanded). */
function permissionMap(value: unknown, where: string): Record<string, string> {
  if (value === 'read-all' || value === 'write-all') return Object.fromEntries(SCOPES.map((scope) => [scope, value === 'read-all' ? 'read' : 'write']));
  if (value === undefined) return Object.fromEntries(SCOPES.map((scope) => [scope, 'write']));
  if (typeof value !== 'object' || value === null) throw new WorkflowError(`${where}: permissions must be read-all, write-all or a map`);
  const map = Object.fromEntries(SCOPES.map((scope) => [scope, 'none']));
  for (const [scope, level] of Object.entries(value)) {
    if (!SCOPES.includes(scope)) throw new WorkflowError(`${where}: unknown permission scope "${scope}"`);
    map[scope] = String(level);
  }
  return map;
}

interface RunState {
  request: RunRequest;
  runId: number;
  dir: string;
  artifacts: Map<string, string>;
  github: Record<string, unknown>;
  jobs: JobResult[];
  /** Cancelled by a concurrency group: what has not run is cancelled, what runs is stopped. */
  cancelled: boolean;
  /** A job or called workflow of the run was cancelled by its concurrency group: the run ends cancelled. */
  groupCancelled: boolean;
  /** The controls of the jobs running or waiting for their concurrency group. */
  live: Set<Control>;
  /** The concurrency groups the run holds, to detect a deadlock with a called workflow. */
  held: Set<string>;
}

/** Stops one job: a waiting one leaves its group, a running one's processes are killed. */
interface Control {
  cancelled: boolean;
  children: Set<ChildProcess>;
  cancel: () => void;
}

function cancelRun(state: RunState): void {
  state.cancelled = true;
  for (const control of state.live) control.cancel();
}

function newControl(): Control {
  const control: Control = {
    cancelled: false,
    children: new Set(),
    cancel: () => {
      control.cancelled = true;
      for (const child of control.children) killGroup(child);
    },
  };
  return control;
}

function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

function groupKey(concurrency: Concurrency): string {
  return concurrency.group.toLowerCase();
}

/** A job that never ran, cancelled by its concurrency group (the reason is its only step's log). */
function cancelledJob(state: RunState, id: string, name: string, reason: string): JobResult {
  state.groupCancelled = true;
  return { id, name, conclusion: 'cancelled', outputs: {}, steps: [{ name: 'concurrency', outcome: 'cancelled', conclusion: 'cancelled', outputs: {}, log: `${reason}\n` }], runner: null, permissions: {}, summary: '' };
}

interface Caller {
  /** The calling job's permissions: the called jobs may ask no more. */
  permissions: Record<string, string>;
  name: string;
}

export class WorkflowExecutor {
  private readonly actionsDir: string;
  private runs = 0;
  private results: ResultsService | undefined;
  private readonly concurrency = new ConcurrencyGroups();

  constructor(private readonly options: ExecutorOptions) {
    this.actionsDir = mkdtempSync(path.join(tmpdir(), 'trainyard-actions-'));
    const target = path.join(this.actionsDir, TRAINYARD, 'v1');
    for (const entry of ['action.yml', 'actions', 'dist', '.github/workflows']) {
      cpSync(path.join(options.trainyardRoot, entry), path.join(target, entry), { recursive: true, filter: (source) => !source.includes(`${path.sep}node_modules`) });
    }
  }

  /** Stops the artifact results service. */
  close(): void {
    this.results?.close();
  }

  /** The installation of the `github-actions` App on the repository's owner, created once. */
  private tokenFor(repo: string, permissions: Record<string, string>): string {
    const { sim } = this.options;
    const owner = repo.split('/')[0]!;
    let app = [...sim.state.apps.values()].find((candidate) => candidate.slug === 'github-actions');
    if (!app) app = sim.seed.app({ slug: 'github-actions' }).app;
    let installation = [...sim.state.installations.values()].find((candidate) => candidate.appId === app.id && candidate.account.login.toLowerCase() === owner.toLowerCase());
    if (!installation) installation = sim.seed.installation({ appId: app.id, account: owner, permissions: Object.fromEntries(SCOPES.map((scope) => [scope.replace(/-/g, '_'), 'write'])) as Record<string, PermissionLevel> });
    const granted: Record<string, PermissionLevel> = { metadata: 'read' };
    for (const [scope, level] of Object.entries(permissions)) if (level === 'read' || level === 'write') granted[scope.replace(/-/g, '_')] = level;
    return sim.seed.installationToken({ installationId: installation.id, permissions: granted, repositories: [repo] });
  }

  private fileAt(repo: string, sha: string, file: string): string {
    const state = this.options.sim.state.repo(repo);
    if (!state) throw new WorkflowError(`no repository ${repo}`);
    const entry = state.git.entryAt(sha, file);
    const blob = entry?.type === 'blob' ? state.git.get(entry.sha, 'blob') : undefined;
    if (!blob) throw new WorkflowError(`${repo}@${sha.slice(0, 7)}: no file ${file}`);
    return blob.content.toString('utf8');
  }

  /**
   * An event as GitHub delivers it to Actions: every workflow in `.github/workflows/` at
   * `sha` whose `on:` matches runs (`schedule` and `workflow_run` read the default
   * branch's files, as on GitHub).
   */
  async trigger(event: Omit<RunRequest, 'workflow'>): Promise<WorkflowRunResult[]> {
    const repo = this.options.sim.state.repo(event.repo);
    if (!repo) throw new WorkflowError(`no repository ${event.repo}`);
    const commit = this.eventCommit(event);
    // A pull request that conflicts with its base has no merge commit: GitHub starts no pull_request workflow.
    if (commit === null) return [];
    const at = ['schedule', 'workflow_run'].includes(event.event) ? repo.git.refs.get(`refs/heads/${repo.defaultBranch}`)! : commit.sha;
    const dir = repo.git.entryAt(at, '.github/workflows');
    const tree = dir?.type === 'tree' ? repo.git.get(dir.sha, 'tree') : undefined;
    const results: WorkflowRunResult[] = [];
    for (const entry of (tree?.entries ?? []).filter((file) => /\.ya?ml$/.test(file.path)).sort((a, b) => a.path.localeCompare(b.path))) {
      const file = `.github/workflows/${entry.path}`;
      const text = this.fileAt(event.repo, at, file);
      await validate('workflow', file, text);
      const workflow = parse(text) as Yaml;
      const sha = ['schedule', 'workflow_run'].includes(event.event) ? at : event.sha;
      if (triggers(workflow.on, this.triggerEvent({ ...event, sha }))) results.push(await this.run({ ...event, sha, workflow: entry.path }));
    }
    return results;
  }

  /**
   * Every run a `workflow_dispatch` through the API queued and nothing has run yet, as
   * GitHub's runners pick them up: each runs the workflow file at the dispatched ref with
   * the dispatch's inputs, in the order they were queued.
   */
  async runDispatched(repo: string): Promise<WorkflowRunResult[]> {
    const state = this.options.sim.state.repo(repo);
    if (!state) throw new WorkflowError(`no repository ${repo}`);
    const results: WorkflowRunResult[] = [];
    for (const queued of state.runs.filter((r) => r.event === 'workflow_dispatch' && r.status === 'queued')) {
      const ref = `refs/heads/${queued.headBranch ?? state.defaultBranch}`;
      results.push(await this.run({
        repo,
        workflow: path.posix.basename(queued.path),
        event: 'workflow_dispatch',
        payload: { inputs: queued.inputs, ref, workflow: queued.path, sender: { login: queued.actorLogin } },
        sha: queued.headSha,
        ref,
        actor: queued.actorLogin,
        inputs: queued.inputs,
        queuedRunId: queued.id,
      }));
    }
    return results;
  }

  /**
   * The commit and ref a run checks out and reads its workflow from (GITHUB_SHA,
   * GITHUB_REF): for pull_request the test merge `refs/pull/N/merge` (null when the pull
   * request conflicts with its base), for pull_request_target the base branch, else the
   * event's own. A pull request's run is on its head branch and head repository.
   */
  private eventCommit(event: Omit<RunRequest, 'workflow'>): { sha: string; ref: string; branch?: string; headRepo?: string } | null {
    if (event.event !== 'pull_request' && event.event !== 'pull_request_target') return { sha: event.sha, ref: event.ref };
    const { sim } = this.options;
    const repo = sim.state.repo(event.repo)!;
    const number = Number((event.payload.pull_request as { number?: unknown } | undefined)?.number ?? event.payload.number);
    const refs = testMerge(sim, repo, number);
    if (event.sha !== refs.head) throw new WorkflowError(`${event.repo}: ${event.sha} is not the head of pull request #${number} (${refs.head})`);
    const head = { branch: refs.pull.head.ref, headRepo: refs.pull.head.repo };
    if (event.event === 'pull_request_target') return { sha: refs.base, ref: `refs/heads/${refs.pull.base.ref}`, ...head };
    return refs.merge === null ? null : { sha: refs.merge, ref: `refs/pull/${number}/merge`, ...head };
  }

  /** The event as `on:` filters read it, its changed files computed when a paths filter asks. */
  private triggerEvent(event: Omit<RunRequest, 'workflow'>): TriggerEvent {
    const repo = this.options.sim.state.repo(event.repo)!;
    let files: string[] | undefined;
    return { event: event.event, payload: event.payload, ref: event.ref, changedFiles: () => (files ??= changedFiles(this.options.sim, repo, event)) };
  }

  /** Runs one workflow of the repository for an event and records the run in the simulator. */
  async run(request: RunRequest): Promise<WorkflowRunResult> {
    if (!this.results) {
      this.results = new ResultsService();
      await this.results.start();
    }
    const file = `.github/workflows/${request.workflow}`;
    const commit = this.eventCommit(request);
    if (commit === null) throw new WorkflowError(`${request.repo}: the pull request conflicts with its base branch; GitHub starts no pull_request workflow for it`);
    const text = this.fileAt(request.repo, commit.sha, file);
    await validate('workflow', file, text);
    const workflow = parse(text) as Yaml;
    if (!triggers(workflow.on, this.triggerEvent(request))) throw new WorkflowError(`${file}: on: does not start it for ${request.event}${request.payload.action ? `.${String(request.payload.action)}` : ''}`);
    const repoState = this.options.sim.state.repo(request.repo)!;
    // The run exists (in progress) while its jobs run, as on GitHub: what they write names a run the API shows.
    const queued = request.queuedRunId === undefined ? undefined : repoState.runs.find((r) => r.id === request.queuedRunId);
    if (request.queuedRunId !== undefined && queued?.status !== 'queued') throw new WorkflowError(`${request.repo}: no queued workflow run ${request.queuedRunId}`);
    if (queued) queued.status = 'in_progress';
    const live = queued ?? this.options.sim.scenario.startWorkflowRun({
      repo: request.repo,
      workflow: request.workflow,
      headSha: request.sha,
      ...(commit.branch ? { branch: commit.branch, headRepo: commit.headRepo } : request.ref.startsWith('refs/heads/') ? { branch: request.ref.slice('refs/heads/'.length) } : {}),
      event: request.event,
      actor: request.actor,
    });
    const runId = live.id;
    const dir = path.join(this.actionsDir, '..', `${path.basename(this.actionsDir)}-run-${++this.runs}`);
    mkdirSync(dir, { recursive: true });
    const dispatchInputs = request.event === 'workflow_dispatch' ? this.dispatchInputs(workflow, request.inputs ?? {}, file) : {};
    const github: Record<string, unknown> = {
      event_name: request.event,
      event: { ...request.payload, ...(request.event === 'workflow_dispatch' ? { inputs: dispatchInputs } : {}), repository: { full_name: request.repo, default_branch: repoState.defaultBranch, name: repoState.name, owner: { login: request.repo.split('/')[0] } } },
      sha: commit.sha,
      ref: commit.ref,
      ref_name: commit.ref.replace(/^refs\/(heads|tags|pull)\//, ''),
      repository: request.repo,
      repository_owner: request.repo.split('/')[0],
      actor: request.actor,
      triggering_actor: request.actor,
      workflow: workflow.name ?? file,
      workflow_ref: `${request.repo}/${file}@${commit.ref}`,
      run_id: String(runId),
      run_number: '1',
      run_attempt: '1',
      server_url: 'https://github.com',
      api_url: this.options.sim.url,
      head_ref: request.event.startsWith('pull_request') ? (request.payload.pull_request as { head: { ref: string } }).head.ref : '',
      base_ref: request.event.startsWith('pull_request') ? (request.payload.pull_request as { base: { ref: string } }).base.ref : '',
    };
    const state: RunState = { request, runId, dir, artifacts: new Map(), github, jobs: [], cancelled: false, groupCancelled: false, live: new Set(), held: new Set() };
    const concurrency = concurrencyOf(workflow.concurrency, { github, inputs: dispatchInputs, vars: this.options.vars ?? {} }, `${file} concurrency`);
    // A run waits (pending) for its group; a newer run replaces it while it waits, or cancels it once it runs with cancel-in-progress.
    const ticket = concurrency ? this.concurrency.enter(request.repo, concurrency, () => cancelRun(state)) : undefined;
    if (ticket?.waiting()) live.status = 'pending';
    if ((await ticket?.admission) === 'cancelled') state.cancelled = true;
    else {
      live.status = 'in_progress';
      if (concurrency) state.held.add(groupKey(concurrency));
      try {
        await this.runJobs(workflow, file, state, { inputs: dispatchInputs }, permissionMap(workflow.permissions, file), null);
      } finally {
        ticket?.leave();
      }
    }
    const conclusion = state.cancelled || state.groupCancelled ? 'cancelled' : state.jobs.some((job) => job.conclusion === 'failure' || job.conclusion === 'cancelled') ? 'failure' : 'success';
    const run = this.options.sim.scenario.finishWorkflowRun({
      repo: request.repo,
      runId,
      conclusion,
      artifacts: [...state.artifacts.entries()].map(([name, folder]) => ({ name, files: listFiles(folder).map((relative) => ({ path: relative, content: readFileSync(path.join(folder, relative)) })) })),
    });
    return { workflow: String(workflow.name ?? file), event: request.event, conclusion, jobs: state.jobs, run };
  }

  private dispatchInputs(workflow: Yaml, given: Record<string, unknown>, file: string): Record<string, unknown> {
    const declared = (((workflow.on as Yaml).workflow_dispatch ?? {}) as Yaml).inputs as Record<string, Yaml> | undefined;
    const inputs: Record<string, unknown> = {};
    for (const [name, spec] of Object.entries(declared ?? {})) {
      const value = given[name] ?? spec.default;
      if (value === undefined && spec.required) throw new WorkflowError(`${file}: workflow_dispatch input "${name}" is required`);
      if (spec.type === 'choice' && value !== undefined && !(spec.options as unknown[]).includes(value)) throw new WorkflowError(`${file}: input "${name}" must be one of ${JSON.stringify(spec.options)}`);
      inputs[name] = spec.type === 'boolean' ? value === true || value === 'true' : value ?? '';
    }
    for (const name of Object.keys(given)) if (!(name in (declared ?? {}))) throw new WorkflowError(`${file}: unexpected workflow_dispatch input "${name}"`);
    return inputs;
  }

  /** The jobs of one workflow (the caller's, or a called one), in `needs` order. */
  private async runJobs(workflow: Yaml, file: string, state: RunState, scope: { inputs: Record<string, unknown> }, workflowPermissions: Record<string, string>, caller: Caller | null): Promise<Record<string, JobResult>> {
    const jobs = (workflow.jobs ?? {}) as Record<string, Yaml>;
    const done: Record<string, JobResult> = {};
    const pending = new Set(Object.keys(jobs));
    // GitHub refuses a called workflow whose jobs ask more than the caller grants before any job starts.
    if (caller) {
      for (const [id, job] of Object.entries(jobs)) {
        const asked = job.permissions !== undefined ? permissionMap(job.permissions, `${file} jobs.${id}`) : workflowPermissions;
        for (const [scopeName, level] of Object.entries(asked)) {
          if (RANK[level]! > RANK[caller.permissions[scopeName] ?? 'none']!) {
            throw new WorkflowError(`${file}: the nested job '${id}' is requesting '${scopeName}: ${level}', but is only allowed '${scopeName}: ${caller.permissions[scopeName] ?? 'none'}'`);
          }
        }
      }
    }
    while (pending.size > 0) {
      const ready = [...pending].find((id) => needsOf(jobs[id]!).every((need) => done[need]));
      if (!ready) throw new WorkflowError(`${file}: jobs ${[...pending].join(', ')} wait on each other or on a job that does not exist`);
      pending.delete(ready);
      const job = jobs[ready]!;
      for (const key of Object.keys(job)) if (!JOB_KEYS.has(key)) throw new WorkflowError(`${file}: jobs.${ready}.${key} is not supported by the workflow executor`);
      const needs = Object.fromEntries(needsOf(job).map((need) => [need, { result: done[need]!.conclusion, outputs: done[need]!.outputs }]));
      const failedNeed = needsOf(job).some((need) => done[need]!.conclusion !== 'success');
      const contexts: Contexts = { github: state.github, inputs: scope.inputs, needs, vars: this.options.vars ?? {}, secrets: {}, env: workflow.env ?? {} };
      const name = interpolateString(job.name ?? ready, contexts);
      const shown = caller ? `${caller.name} / ${name}` : name;
      const status: JobStatus = { failed: failedNeed, cancelled: state.cancelled };
      if (!condition(job.if, contexts, status)) {
        done[ready] = { id: ready, name: shown, conclusion: state.cancelled ? 'cancelled' : 'skipped', outputs: {}, steps: [], runner: null, permissions: {}, summary: '' };
        if (!job.uses) state.jobs.push(done[ready]);
        continue;
      }
      const permissions = job.permissions !== undefined ? permissionMap(job.permissions, `${file} jobs.${ready}`) : workflowPermissions;
      if (job.uses) {
        done[ready] = await this.callWorkflow(ready, job, contexts, state, permissions, shown);
        continue;
      }
      const matrix = (job.strategy as Yaml | undefined)?.matrix as Yaml | undefined;
      const combinations = matrix ? expandMatrix(interpolate(matrix, contexts) as Yaml, `${file} jobs.${ready}`) : [null];
      const results: JobResult[] = [];
      for (const combination of combinations) {
        const withMatrix = { ...contexts, matrix: combination ?? {}, strategy: { 'fail-fast': true } };
        const label = combination ? `${shown} (${Object.values(combination).join(', ')})` : shown;
        const result = await this.runJob(ready, job, label, withMatrix, state, permissions, file);
        state.jobs.push(result);
        results.push(result);
      }
      const failed = results.find((result) => result.conclusion !== 'success');
      done[ready] = { ...results[0]!, conclusion: failed ? (truthy(interpolate(job['continue-on-error'] ?? false, contexts)) ? 'success' : failed.conclusion) : 'success', outputs: Object.assign({}, ...results.map((result) => result.outputs)) };
    }
    return done;
  }

  /** A job that calls a reusable workflow: inputs checked and typed, outputs mapped back. */
  private async callWorkflow(id: string, job: Yaml, contexts: Contexts, state: RunState, permissions: Record<string, string>, name: string): Promise<JobResult> {
    const uses = String(job.uses);
    const match = new RegExp(`^${TRAINYARD}/(\\.github/workflows/[\\w.-]+\\.ya?ml)@v1$`).exec(uses);
    const local = /^\.\/(\.github\/workflows\/[\w.-]+\.ya?ml)$/.exec(uses);
    if (!match && !local) throw new WorkflowError(`jobs.${id}: the reusable workflow ${uses} is not available to the workflow executor`);
    const file = match ? match[1]! : local![1]!;
    const text = match ? readFileSync(path.join(this.actionsDir, TRAINYARD, 'v1', file), 'utf8') : this.fileAt(state.request.repo, String(state.github.sha), file);
    await validate('workflow', uses, text);
    const called = parse(text) as Yaml;
    const events = eventsOf(called.on);
    const call = 'workflow_call' in events ? ((events.workflow_call ?? {}) as Yaml) : undefined;
    if (call === undefined) throw new WorkflowError(`${uses}: on: has no workflow_call; it cannot be called`);
    if (job.secrets !== undefined) throw new WorkflowError(`jobs.${id}.secrets is not supported by the workflow executor`);
    const given = (interpolate(job.with ?? {}, contexts) ?? {}) as Record<string, unknown>;
    const declared = (call.inputs ?? {}) as Record<string, Yaml>;
    const inputs: Record<string, unknown> = {};
    for (const key of Object.keys(given)) if (!(key in declared)) throw new WorkflowError(`${uses}: invalid input, ${key} is not defined in the referenced workflow`);
    for (const [key, spec] of Object.entries(declared)) {
      let value = key in given ? given[key] : spec.default;
      if (value === undefined) {
        if (spec.required) throw new WorkflowError(`${uses}: input ${key} is required, but not provided while calling`);
        value = spec.type === 'boolean' ? false : spec.type === 'number' ? 0 : '';
      }
      if (spec.type === 'number') {
        const number = typeof value === 'number' ? value : Number(value);
        if (!Number.isFinite(number)) throw new WorkflowError(`${uses}: input ${key} expects a number, got ${JSON.stringify(value)}`);
        value = number;
      } else if (spec.type === 'boolean') {
        if (typeof value !== 'boolean' && value !== 'true' && value !== 'false') throw new WorkflowError(`${uses}: input ${key} expects a boolean, got ${JSON.stringify(value)}`);
        value = value === true || value === 'true';
      } else value = typeof value === 'string' ? value : JSON.stringify(value);
      inputs[key] = value;
    }
    const calledPermissions = called.permissions !== undefined ? permissionMap(called.permissions, uses) : permissions;
    for (const [scope, level] of Object.entries(calledPermissions)) if (RANK[level]! > RANK[permissions[scope] ?? 'none']!) calledPermissions[scope] = permissions[scope] ?? 'none';
    const concurrency = concurrencyOf(called.concurrency, { github: state.github, inputs, vars: this.options.vars ?? {} }, `${uses} concurrency`);
    const group = concurrency ? await this.joinGroup(state, concurrency, name, () => cancelRun(state)) : null;
    if (group?.cancelled) {
      const result = cancelledJob(state, id, name, group.cancelled);
      state.jobs.push(result);
      return result;
    }
    let done: Record<string, JobResult>;
    try {
      done = await this.runJobs(called, uses, state, { inputs }, calledPermissions, { permissions, name });
    } finally {
      group?.leave();
    }
    const outputs: Record<string, string> = {};
    const jobsContext = Object.fromEntries(Object.entries(done).map(([key, result]) => [key, { result: result.conclusion, outputs: result.outputs }]));
    for (const [key, spec] of Object.entries((call.outputs ?? {}) as Record<string, Yaml>)) outputs[key] = interpolateString(spec.value, { ...contexts, jobs: jobsContext, inputs });
    const results = Object.values(done);
    const conclusion = results.some((result) => result.conclusion === 'failure') ? 'failure' : results.some((result) => result.conclusion === 'cancelled') ? 'cancelled' : 'success';
    return { id, name, conclusion, outputs, steps: [], runner: null, permissions: {}, summary: '' };
  }

  /**
   * Waits for a concurrency group of a job or a called workflow. A group the run already
   * holds is a deadlock, which GitHub cancels. `cancelled` names why it does not run;
   * otherwise `leave` when done.
   */
  private async joinGroup(state: RunState, concurrency: Concurrency, holder: string, stop: () => void): Promise<{ cancelled: string | null; leave: () => void }> {
    const key = groupKey(concurrency);
    if (state.held.has(key)) return { cancelled: `Canceling since a deadlock for concurrency group '${concurrency.group}' was detected between 'top level workflow' and '${holder}'`, leave: () => undefined };
    const ticket = this.concurrency.enter(state.request.repo, concurrency, stop);
    const waiter: Control = { cancelled: false, children: new Set(), cancel: () => ticket.leave() };
    state.live.add(waiter);
    const admission = await ticket.admission;
    state.live.delete(waiter);
    if (admission === 'cancelled' || state.cancelled) {
      ticket.leave();
      return { cancelled: state.cancelled ? 'The run was canceled.' : `Canceling since a higher priority waiting request for '${concurrency.group}' exists`, leave: () => undefined };
    }
    state.held.add(key);
    return {
      cancelled: null,
      leave: () => {
        state.held.delete(key);
        ticket.leave();
      },
    };
  }

  private runnerFor(labels: unknown, where: string): SimRunner {
    const wanted = (Array.isArray(labels) ? labels : [labels]).map((label) => String(label).toLowerCase());
    const runner = this.options.runners.find((candidate) => wanted.every((label) => candidate.labels.map((own) => own.toLowerCase()).includes(label)));
    if (!runner) throw new WorkflowError(`${where}: no simulated runner has the labels ${JSON.stringify(wanted)} (runners: ${this.options.runners.map((candidate) => JSON.stringify(candidate.labels)).join(', ')})`);
    return runner;
  }

  /** One job (one matrix leg): its concurrency group first, then its steps, stopped when cancelled. */
  private async runJob(id: string, job: Yaml, name: string, contexts: Contexts, state: RunState, permissions: Record<string, string>, file: string): Promise<JobResult> {
    const where = `${file} jobs.${id}`;
    const control = newControl();
    const concurrency = concurrencyOf(job.concurrency, contexts, `${where}.concurrency`);
    const group = concurrency ? await this.joinGroup(state, concurrency, name, () => control.cancel()) : null;
    if (group?.cancelled) return cancelledJob(state, id, name, group.cancelled);
    state.live.add(control);
    try {
      const result = await this.runJobSteps(id, job, name, contexts, state, permissions, where, control);
      if (control.cancelled) state.groupCancelled ||= !state.cancelled;
      return result;
    } finally {
      state.live.delete(control);
      group?.leave();
    }
  }

  private async runJobSteps(id: string, job: Yaml, name: string, contexts: Contexts, state: RunState, permissions: Record<string, string>, where: string, control: Control): Promise<JobResult> {
    if (job.environment !== undefined && this.options.environmentGate) {
      const environment = interpolate(job.environment, contexts);
      const envName = typeof environment === 'object' && environment !== null ? (environment as { name?: unknown }).name : environment;
      await this.options.environmentGate({ repo: state.request.repo, environment: String(envName), sha: String(state.github.sha), job: name, runId: state.runId });
    }
    const runner = this.runnerFor(interpolate(job['runs-on'], contexts), where);
    const jobDir = mkdtempSync(path.join(state.dir, `${id}-`));
    const workspace = path.join(jobDir, 'workspace');
    const temp = path.join(jobDir, 'temp');
    mkdirSync(workspace, { recursive: true });
    mkdirSync(temp, { recursive: true });
    const token = this.tokenFor(state.request.repo, permissions);
    const github = { ...state.github, token, workspace, job: id, action_path: '' };
    const runnerContext = { os: 'Linux', arch: 'X64', name: runner.name, temp, tool_cache: path.join(jobDir, 'tools'), environment: 'self-hosted', debug: '' };
    const timeoutMinutes = Number(interpolate(job['timeout-minutes'] ?? 360, { ...contexts, github }));
    if (!Number.isFinite(timeoutMinutes) || timeoutMinutes <= 0) throw new WorkflowError(`${where}: timeout-minutes must be a positive number`);
    const deadline = Date.now() + timeoutMinutes * 60_000;
    const env: Record<string, string> = { ...stringMap(interpolate(contexts.env, { ...contexts, github, runner: runnerContext })) };
    Object.assign(env, stringMap(interpolate(job.env ?? {}, { ...contexts, github, runner: runnerContext, env })));
    const job$: JobContext = {
      state,
      control,
      runner,
      workspace,
      temp,
      token,
      github,
      runnerContext,
      env,
      path: [],
      status: { failed: false, cancelled: false },
      summary: '',
      deadline,
      timeoutMinutes,
      stepTimeout: null,
      timedOut: false,
      contexts: { ...contexts, github, runner: runnerContext, job: { status: 'success' } },
    };
    const steps = (job.steps ?? []) as Yaml[];
    const results: StepResult[] = [];
    const stepsContext: Record<string, unknown> = {};
    for (const [index, step] of steps.entries()) {
      results.push(await this.runStep(step, index, job$, stepsContext, `${where}.steps[${index}]`, null));
    }
    const jobContexts = { ...job$.contexts, steps: stepsContext, env: job$.env };
    const outputs = stringMap(interpolate(job.outputs ?? {}, jobContexts));
    const failed = job$.status.failed && !truthy(interpolate(job['continue-on-error'] ?? false, job$.contexts));
    return { id, name, conclusion: job$.timedOut || control.cancelled ? 'cancelled' : failed ? 'failure' : 'success', outputs, steps: results, runner: runner.name, permissions: Object.fromEntries(Object.entries(permissions).filter(([, level]) => level !== 'none')) as Record<string, PermissionLevel>, summary: job$.summary };
  }

  /** One step of a job or of a composite action (`action` set). */
  private async runStep(step: Yaml, index: number, job: JobContext, stepsContext: Record<string, unknown>, where: string, action: ActionScope | null): Promise<StepResult> {
    for (const key of Object.keys(step)) if (!STEP_KEYS.has(key)) throw new WorkflowError(`${where}.${key} is not supported by the workflow executor`);
    if (job.control.cancelled || job.timedOut) job.status.cancelled = true;
    const jobStatus = job.status.cancelled ? 'cancelled' : job.status.failed ? 'failure' : 'success';
    const contexts: Contexts = { ...job.contexts, job: { status: jobStatus }, steps: stepsContext, env: { ...job.env, ...(action?.env ?? {}) }, ...(action ? { inputs: action.inputs } : {}) };
    const id = step.id ? String(step.id) : `__step${index}`;
    const name = interpolateString(step.name ?? step.uses ?? String(step.run ?? '').split('\n')[0], contexts, job.status);
    const skipped = (): StepResult => {
      stepsContext[id] = { outcome: 'skipped', conclusion: 'skipped', outputs: {} };
      return { name, outcome: 'skipped', conclusion: 'skipped', outputs: {}, log: '' };
    };
    if (!condition(step.if, contexts, job.status)) return skipped();
    const outerTimeout = job.stepTimeout;
    if (step['timeout-minutes'] !== undefined) {
      const minutes = Number(interpolate(step['timeout-minutes'], contexts, job.status));
      if (!Number.isFinite(minutes) || minutes <= 0) throw new WorkflowError(`${where}: timeout-minutes must be a positive number`);
      const deadline = Date.now() + minutes * 60_000;
      if (!outerTimeout || deadline < outerTimeout.deadline) job.stepTimeout = { deadline, minutes, name };
    }
    try {
      return await this.runStepBody(step, id, name, job, stepsContext, contexts, where, action);
    } finally {
      job.stepTimeout = outerTimeout;
    }
  }

  private async runStepBody(step: Yaml, id: string, name: string, job: JobContext, stepsContext: Record<string, unknown>, contexts: Contexts, where: string, action: ActionScope | null): Promise<StepResult> {
    const stepEnv = { ...job.env, ...(action?.env ?? {}), ...stringMap(interpolate(step.env ?? {}, contexts, job.status)) };
    const files = this.runnerFiles(job.temp);
    let outcome: 'success' | 'failure' | 'cancelled' = 'success';
    let outputs: Record<string, string> = {};
    let log = '';
    try {
      if (step.run !== undefined) {
        const shell = step.shell ?? (action ? undefined : 'bash');
        if (shell === undefined) throw new WorkflowError(`${where}: a run step of a composite action needs shell:`);
        const script = interpolateString(step.run, contexts, job.status);
        const cwd = path.resolve(job.workspace, interpolateString(step['working-directory'] ?? '.', contexts, job.status));
        const result = await this.shell(String(shell), script, cwd, { ...this.baseEnv(job, action), ...stepEnv, ...files.env }, job, where);
        log = result.log;
        if (result.code !== 0) outcome = 'failure';
      } else if (step.uses !== undefined) {
        const uses = interpolateString(step.uses, contexts, job.status);
        const withInputs = stringMap(interpolate(step.with ?? {}, contexts, job.status));
        const composite = this.resolveAction(uses, job.workspace);
        if (composite) {
          const result = await this.runComposite(composite, withInputs, stepEnv, job, where);
          outcome = result.outcome;
          outputs = result.outputs;
          log = result.log;
        } else {
          const context: StandInContext = { uses, with: withInputs, env: { ...this.baseEnv(job, action), ...stepEnv, ...files.env }, workspace: job.workspace, temp: job.temp, sim: this.options.sim, repo: job.state.request.repo, sha: String(job.state.github.sha), ref: String(job.state.github.ref), token: job.token, artifacts: job.state.artifacts, cache: this.options.cache ?? new Map(), runId: job.state.runId };
          const result = await standIn(context);
          log = result.log;
          outputs = result.outputs;
          if (!result.ok) outcome = 'failure';
        }
      } else throw new WorkflowError(`${where}: a step needs run: or uses:`);
    } catch (error) {
      if (error instanceof WorkflowError || error instanceof UnsupportedActionError) throw error;
      log += `${(error as Error).message}\n`;
      outcome = 'failure';
    }
    outputs = { ...outputs, ...readKeyValueFile(files.output) };
    Object.assign(job.env, readKeyValueFile(files.envFile));
    job.path.unshift(...readPathFile(files.pathFile).reverse());
    const summary = existsSync(files.summary) ? readFileSync(files.summary, 'utf8') : '';
    job.summary += summary;
    this.options.log?.(`[${name}] ${outcome}\n${log}`);
    if ((job.control.cancelled || job.timedOut) && !job.status.cancelled) {
      // The job was cancelled or timed out while this step ran: the step is cancelled, later steps
      // see cancelled(), and those that run anyway get the runner's cancel timeout of 5 minutes.
      outcome = 'cancelled';
      job.status.cancelled = true;
      if (job.timedOut) job.deadline = Date.now() + 5 * 60_000;
    }
    const continueOnError = truthy(interpolate(step['continue-on-error'] ?? false, contexts, job.status));
    const conclusion = outcome === 'failure' && continueOnError ? 'success' : outcome;
    if (conclusion === 'failure') job.status.failed = true;
    stepsContext[id] = { outcome, conclusion, outputs };
    return { name, outcome, conclusion, outputs, log };
  }

  private runnerFiles(temp: string): { env: Record<string, string>; output: string; envFile: string; pathFile: string; summary: string } {
    const dir = mkdtempSync(path.join(temp, '_runner_file_commands-'));
    const output = path.join(dir, 'output');
    const envFile = path.join(dir, 'env');
    const pathFile = path.join(dir, 'path');
    const summary = path.join(dir, 'summary');
    const stateFile = path.join(dir, 'state');
    for (const file of [output, envFile, pathFile, summary, stateFile]) writeFileSync(file, '');
    return { env: { GITHUB_OUTPUT: output, GITHUB_ENV: envFile, GITHUB_PATH: pathFile, GITHUB_STEP_SUMMARY: summary, GITHUB_STATE: stateFile }, output, envFile, pathFile, summary };
  }

  /** The environment GitHub's runner gives every step. */
  private baseEnv(job: JobContext, action: ActionScope | null): Record<string, string> {
    const { github, runnerContext } = job;
    const event = path.join(job.temp, '_github_workflow', 'event.json');
    if (!existsSync(event)) {
      mkdirSync(path.dirname(event), { recursive: true });
      writeFileSync(event, JSON.stringify(github.event));
    }
    const base = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? job.temp, LANG: 'C.UTF-8' };
    return {
      ...base,
      ...(job.runner.env ?? {}),
      PATH: [...job.path, job.runner.env?.PATH ?? base.PATH].join(':'),
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_API_URL: String(github.api_url),
      GITHUB_SERVER_URL: String(github.server_url),
      GITHUB_REPOSITORY: String(github.repository),
      GITHUB_REPOSITORY_OWNER: String(github.repository_owner),
      GITHUB_SHA: String(github.sha),
      GITHUB_REF: String(github.ref),
      GITHUB_REF_NAME: String(github.ref_name),
      GITHUB_HEAD_REF: String(github.head_ref),
      GITHUB_BASE_REF: String(github.base_ref),
      GITHUB_EVENT_NAME: String(github.event_name),
      GITHUB_EVENT_PATH: event,
      GITHUB_ACTOR: String(github.actor),
      GITHUB_RUN_ID: String(github.run_id),
      GITHUB_RUN_NUMBER: String(github.run_number),
      GITHUB_RUN_ATTEMPT: String(github.run_attempt),
      GITHUB_WORKFLOW: String(github.workflow),
      GITHUB_JOB: String(github.job),
      GITHUB_WORKSPACE: job.workspace,
      RUNNER_TEMP: job.temp,
      RUNNER_OS: String(runnerContext.os),
      RUNNER_ARCH: String(runnerContext.arch),
      RUNNER_NAME: job.runner.name,
      ...this.results!.envFor(job.state.runId, `${String(github.job)}-${path.basename(job.temp, '/temp')}`, { artifacts: job.state.artifacts, dir: job.state.dir, nextId: () => this.options.sim.state.ids.next() }),
      ...(action ? { GITHUB_ACTION_PATH: action.dir } : {}),
    };
  }

  private shell(shell: string, script: string, cwd: string, env: Record<string, string>, job: JobContext, where: string): Promise<{ code: number; log: string }> {
    const file = path.join(job.temp, `step-${Math.random().toString(36).slice(2)}.sh`);
    writeFileSync(file, script);
    const commands: Record<string, string[]> = { bash: ['bash', '--noprofile', '--norc', '-eo', 'pipefail', file], sh: ['sh', '-e', file] };
    const command = commands[shell];
    if (!command) throw new WorkflowError(`${where}: shell ${shell} is not supported by the workflow executor (bash, sh)`);
    if (!existsSync(cwd)) return Promise.resolve({ code: 1, log: `working-directory ${cwd} does not exist\n` });
    return new Promise((resolve) => {
      const child = spawn(command[0]!, command.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
      job.control.children.add(child);
      let log = '';
      child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
      const step = job.stepTimeout && job.stepTimeout.deadline < job.deadline ? job.stepTimeout : null;
      const timer = setTimeout(() => {
        if (step) log += `##[error]The action '${step.name}' has timed out after ${step.minutes} minutes.\n`;
        else {
          job.timedOut = true;
          log += `##[error]The job running on runner ${job.runner.name} has exceeded the maximum execution time of ${job.timeoutMinutes} minutes.\n`;
        }
        killGroup(child);
      }, Math.max(0, (step?.deadline ?? job.deadline) - Date.now()));
      child.on('close', (code) => {
        clearTimeout(timer);
        job.control.children.delete(child);
        resolve({ code: code ?? 1, log });
      });
    });
  }

  /** The folder of a composite action, or null for a third-party action (a stand-in). */
  private resolveAction(uses: string, workspace: string): string | null {
    const root = path.join(this.actionsDir, TRAINYARD, 'v1');
    if (uses === `${TRAINYARD}@v1`) return root;
    const sub = new RegExp(`^${TRAINYARD}/(actions/[\\w-]+)@v1$`).exec(uses);
    if (sub) return path.join(root, sub[1]!);
    if (uses.startsWith(`${TRAINYARD}/`) || uses.startsWith(`${TRAINYARD}@`)) throw new WorkflowError(`${uses}: not an action of trainyard at v1`);
    if (uses.startsWith('./')) return path.resolve(workspace, uses);
    return null;
  }

  private async runComposite(dir: string, given: Record<string, string>, stepEnv: Record<string, string>, job: JobContext, where: string): Promise<{ outcome: 'success' | 'failure' | 'cancelled'; outputs: Record<string, string>; log: string }> {
    const file = path.join(dir, 'action.yml');
    const text = readFileSync(file, 'utf8');
    await validate('action', path.relative(this.actionsDir, file), text);
    const action = parse(text) as Yaml;
    const runs = action.runs as Yaml;
    if (runs.using !== 'composite') throw new WorkflowError(`${file}: runs.using ${String(runs.using)} is not supported by the workflow executor (composite only)`);
    const declared = (action.inputs ?? {}) as Record<string, Yaml>;
    const unexpected = Object.keys(given).filter((key) => !(key in declared));
    if (unexpected.length > 0) throw new WorkflowError(`${where}: unexpected input(s) ${unexpected.map((key) => `'${key}'`).join(', ')} for ${path.relative(path.join(this.actionsDir, TRAINYARD, 'v1'), dir) || 'action.yml'}; valid inputs are ${Object.keys(declared).join(', ')}`);
    const inputs: Record<string, string> = {};
    for (const [key, spec] of Object.entries(declared)) {
      inputs[key] = key in given ? given[key]! : interpolateString(spec.default ?? '', { ...job.contexts, env: job.env }, job.status);
      if (spec.required === true && !(key in given)) throw new WorkflowError(`${where}: input required and not supplied: ${key}`);
    }
    const scope: ActionScope = { dir, inputs, env: stepEnv, workspace: job.workspace };
    const stepsContext: Record<string, unknown> = {};
    const outer = job.status;
    job.status = { failed: false, cancelled: outer.cancelled };
    let log = '';
    for (const [index, step] of ((runs.steps ?? []) as Yaml[]).entries()) {
      const result = await this.runStep(step, index, job, stepsContext, `${file} runs.steps[${index}]`, scope);
      log += result.log;
    }
    const failed = job.status.failed;
    const cancelled = job.status.cancelled && !outer.cancelled;
    job.status = { failed: outer.failed, cancelled: outer.cancelled || job.status.cancelled };
    const outputs = stringMap(Object.fromEntries(Object.entries((action.outputs ?? {}) as Record<string, Yaml>).map(([key, spec]) => [key, interpolateString(spec.value, { ...job.contexts, steps: stepsContext, inputs, env: job.env })])));
    return { outcome: cancelled ? 'cancelled' : failed ? 'failure' : 'success', outputs, log };
  }
}

interface ActionScope {
  dir: string;
  inputs: Record<string, string>;
  env: Record<string, string>;
  workspace: string;
}

interface JobContext {
  state: RunState;
  /** Set when the job is cancelled; holds its running processes. */
  control: Control;
  runner: SimRunner;
  workspace: string;
  temp: string;
  token: string;
  github: Record<string, unknown>;
  runnerContext: Record<string, unknown>;
  env: Record<string, string>;
  path: string[];
  status: JobStatus;
  summary: string;
  deadline: number;
  timeoutMinutes: number;
  /** The nearest deadline of the steps running (a step and the composite steps inside it). */
  stepTimeout: { deadline: number; minutes: number; name: string } | null;
  timedOut: boolean;
  contexts: Contexts;
}

function needsOf(job: Yaml): string[] {
  return job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs.map(String) : [String(job.needs)];
}

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries((value ?? {}) as Record<string, unknown>)) out[key] = item === null || item === undefined ? '' : typeof item === 'string' ? item : typeof item === 'object' ? JSON.stringify(item) : String(item);
  return out;
}

function expandMatrix(matrix: Yaml, where: string): Array<Record<string, unknown>> {
  let combinations: Array<Record<string, unknown>> = [{}];
  for (const [key, values] of Object.entries(matrix)) {
    if (key === 'include' || key === 'exclude') continue;
    if (!Array.isArray(values)) throw new WorkflowError(`${where}: strategy.matrix.${key} must be a list`);
    combinations = combinations.flatMap((combination) => values.map((value: unknown) => ({ ...combination, [key]: value })));
  }
  const matches = (combination: Record<string, unknown>, pattern: Record<string, unknown>) => Object.entries(pattern).every(([key, value]) => JSON.stringify(combination[key]) === JSON.stringify(value));
  for (const pattern of (matrix.exclude ?? []) as Array<Record<string, unknown>>) combinations = combinations.filter((combination) => !matches(combination, pattern));
  for (const extra of (matrix.include ?? []) as Array<Record<string, unknown>>) combinations.push(extra);
  return combinations.filter((combination) => Object.keys(combination).length > 0);
}

function listFiles(dir: string, prefix = ''): string[] {
  const entries = existsSync(dir) ? readdirSync(path.join(dir, prefix), { withFileTypes: true }) : [];
  return entries.flatMap((entry) => (entry.isDirectory() ? listFiles(dir, path.join(prefix, entry.name)) : [path.join(prefix, entry.name)]));
}
