/**
 * Workflows, runs, artifacts (zip downloads through a 302 to a URL valid 60 seconds),
 * workflow dispatch (with `return_run_details`), JIT runner configs, and the App's
 * answer to a custom deployment protection rule.
 */
import { randomBytes } from 'node:crypto';
import { actingUser } from '../auth.ts';
import { workflowRunEvent } from '../events.ts';
import { json, type RouteRequest, type RouteResponse } from '../http.ts';
import { notFound, SimHttpError, validationFailed } from '../http-error.ts';
import { repoAccess, type Route } from '../route.ts';
import type { JitRunner, WorkflowRun } from '../state/actions.ts';
import type { RepoState } from '../state/repos.ts';
import { artifactView, workflowRun, workflowView } from '../views/actions.ts';
import { findWorkflow, isDispatchable, workflowsOf } from '../workflows.ts';
import { resolveCommit } from './contents.ts';
import { bodyOf, findOr404, intParam, paginate, repoOf, strParam } from './util.ts';

const read = repoAccess('read', 'actions');

/** GitHub's artifact download URLs are valid for one minute. */
export const ARTIFACT_URL_TTL_MS = 60_000;

function runOf(req: RouteRequest, repo: RepoState): WorkflowRun {
  return findOr404(repo.runs, (r) => r.id === intParam(req, 'run_id'));
}

/**
 * A just-in-time runner in `runners` (a repository's or an organisation's), and the
 * encoded config `run.sh --jitconfig` reads: `.runner` and `.credentials`, base64 JSON.
 */
function mintJitRunner(req: RouteRequest, runners: JitRunner[], gitHubUrl: string): RouteResponse {
  const body = bodyOf<{ name: string; runner_group_id: number; labels: string[]; work_folder?: string }>(req);
  if (runners.some((r) => r.name === body.name)) throw new SimHttpError(409, 'Already exists - A runner with the name already exists.');
  const id = req.sim.state.ids.next();
  const config = { '.runner': Buffer.from(JSON.stringify({ agentId: id, agentName: body.name, poolId: body.runner_group_id, serverUrl: req.sim.urls.api, gitHubUrl, workFolder: body.work_folder ?? '_work', ephemeral: true })).toString('base64'), '.credentials': Buffer.from(JSON.stringify({ scheme: 'OAuthAccessToken', data: { token: randomBytes(20).toString('hex') } })).toString('base64') };
  const runner: JitRunner = { id, name: body.name, labels: body.labels, runnerGroupId: body.runner_group_id, encodedJitConfig: Buffer.from(JSON.stringify(config)).toString('base64') };
  runners.push(runner);
  // GitHub lists `self-hosted` once, as a read-only label, however the request named it.
  const labels = ['self-hosted', ...runner.labels.filter((name) => name !== 'self-hosted')];
  return json(201, {
    runner: {
      id,
      runner_group_id: runner.runnerGroupId,
      name: runner.name,
      os: 'unknown',
      status: 'offline',
      busy: false,
      ephemeral: true,
      labels: labels.map((name, i) => ({ id: i + 1, name, type: name === 'self-hosted' ? 'read-only' : 'custom' })),
    },
    encoded_jit_config: runner.encodedJitConfig,
  });
}

export const actionRoutes: Route[] = [
  {
    operationId: 'actions/list-repo-workflows',
    access: read,
    handle: (req) => {
      const repo = repoOf(req);
      const all = workflowsOf(req.sim, repo);
      const { page, headers } = paginate(req, all);
      return json(200, { total_count: all.length, workflows: page.map((w) => workflowView(req.sim, repo, w)) }, headers);
    },
  },
  {
    operationId: 'actions/list-workflow-runs-for-repo',
    access: read,
    handle: (req) => {
      const repo = repoOf(req);
      const { branch, event, status, head_sha: headSha } = req.params as Record<string, string | undefined>;
      const runs = repo.runs
        .filter((r) => !branch || r.headBranch === branch)
        .filter((r) => !event || r.event === event)
        .filter((r) => !status || r.status === status || r.conclusion === status)
        .filter((r) => !headSha || r.headSha === headSha)
        .reverse();
      const { page, headers } = paginate(req, runs);
      return json(200, { total_count: runs.length, workflow_runs: page.map((r) => workflowRun(req.sim, repo, r)) }, headers);
    },
  },
  {
    operationId: 'actions/get-workflow-run',
    access: read,
    handle: (req) => {
      const repo = repoOf(req);
      return json(200, workflowRun(req.sim, repo, runOf(req, repo)));
    },
  },
  {
    operationId: 'actions/list-workflow-run-artifacts',
    access: read,
    handle: (req) => {
      const repo = repoOf(req);
      const run = runOf(req, repo);
      const name = req.params.name as string | undefined;
      const list = repo.artifacts.filter((a) => a.runId === run.id && (!name || a.name === name));
      const { page, headers } = paginate(req, list);
      return json(200, { total_count: list.length, artifacts: page.map((a) => artifactView(req.sim, repo, a)) }, headers);
    },
  },
  {
    operationId: 'actions/get-artifact',
    access: read,
    handle: (req) => {
      const repo = repoOf(req);
      return json(200, artifactView(req.sim, repo, findOr404(repo.artifacts, (a) => a.id === intParam(req, 'artifact_id'))));
    },
  },
  {
    operationId: 'actions/download-artifact',
    access: read,
    handle: (req) => {
      const repo = repoOf(req);
      const artifact = findOr404(repo.artifacts, (a) => a.id === intParam(req, 'artifact_id'));
      if (strParam(req, 'archive_format') !== 'zip') throw notFound();
      if (artifact.expired) throw new SimHttpError(410, 'Artifact has expired');
      const location = req.sim.downloads.register({ data: artifact.zip, contentType: 'application/zip', filename: `${artifact.name}.zip`, ttlMs: ARTIFACT_URL_TTL_MS });
      return { status: 302, headers: { location } };
    },
  },
  {
    operationId: 'actions/create-workflow-dispatch',
    access: repoAccess('write', 'actions'),
    handle: (req) => {
      const repo = repoOf(req);
      const workflow = findWorkflow(req.sim, repo, strParam(req, 'workflow_id'));
      if (!workflow) throw notFound();
      const body = bodyOf<{ ref: string; inputs?: Record<string, unknown>; return_run_details?: boolean }>(req);
      if (Object.keys(body.inputs ?? {}).length > 25) throw validationFailed('Workflow', 'inputs', 'custom', 'you may only define up to 25 `inputs` for a `workflow_dispatch` event');
      const branch = body.ref.replace(/^refs\/heads\//, '');
      const sha = resolveCommit(repo, body.ref.replace(/^refs\/(heads|tags)\//, ''));
      if (!sha) throw new SimHttpError(422, `No ref found for: ${body.ref}`);
      if (!isDispatchable(repo, sha, workflow.path)) throw new SimHttpError(422, "Workflow does not have 'workflow_dispatch' trigger");
      const user = actingUser(req.actor);
      const now = req.sim.clock.iso();
      const run: WorkflowRun = {
        id: req.sim.state.ids.next(),
        runNumber: repo.runs.filter((r) => r.workflowId === workflow.id).length + 1,
        path: workflow.path,
        workflowId: workflow.id,
        name: workflow.name,
        event: 'workflow_dispatch',
        status: 'queued',
        conclusion: null,
        headBranch: branch,
        headSha: sha,
        headRepo: repo.fullName,
        actorLogin: user.login,
        inputs: body.inputs ?? {},
        createdAt: now,
        updatedAt: now,
      };
      repo.runs.push(run);
      workflowRunEvent(req.sim, repo, run, 'requested', user);
      if (!body.return_run_details) return { status: 204 };
      return json(200, {
        workflow_run_id: run.id,
        run_url: `${req.sim.urls.api}/repos/${repo.fullName}/actions/runs/${run.id}`,
        html_url: `${req.sim.urls.web}/${repo.fullName}/actions/runs/${run.id}`,
      });
    },
  },
  {
    operationId: 'actions/generate-runner-jitconfig-for-repo',
    access: repoAccess('write', 'administration'),
    handle: (req) => {
      const repo = repoOf(req);
      return mintJitRunner(req, repo.runners, `${req.sim.urls.web}/${repo.fullName}`);
    },
  },
  {
    operationId: 'actions/generate-runner-jitconfig-for-org',
    access: { kind: 'org', permission: 'organization_self_hosted_runners', level: 'write' },
    handle: (req) => {
      const org = strParam(req, 'org');
      return mintJitRunner(req, req.sim.state.runnersOf(org), `${req.sim.urls.web}/${org}`);
    },
  },
  {
    operationId: 'actions/review-custom-gates-for-run',
    access: repoAccess('write', 'deployments'),
    handle: (req) => {
      const repo = repoOf(req);
      const run = runOf(req, repo);
      if (req.actor.kind !== 'installation') throw new SimHttpError(403, 'Resource not accessible by personal access token');
      const appId = req.actor.app.id;
      const body = bodyOf<{ environment_name: string; state?: 'approved' | 'rejected'; comment?: string }>(req);
      const env = repo.environments.find((e) => e.name === body.environment_name);
      if (!env || !env.protectionApps.includes(appId)) throw validationFailed('DeploymentProtectionRule', 'environment_name', 'invalid', `No pending deployment protection rule of this app for environment ${body.environment_name}`);
      if ((body.comment ?? '').length > 1024) throw validationFailed('DeploymentProtectionRule', 'comment', 'too_long');
      const decided = repo.protectionReviews.some((r) => r.runId === run.id && r.environment === env.name && r.appId === appId && r.state !== undefined);
      if (decided && body.state !== undefined) throw validationFailed('DeploymentProtectionRule', 'state', 'custom', 'The deployment protection rule was already reviewed');
      repo.protectionReviews.push({ runId: run.id, environment: env.name, state: body.state, comment: body.comment, appId, at: req.sim.clock.iso() });
      if (body.state === 'rejected') Object.assign(run, { status: 'completed', conclusion: 'failure', updatedAt: req.sim.clock.iso() });
      else if (body.state === 'approved' && run.status === 'waiting') Object.assign(run, { status: 'in_progress', updatedAt: req.sim.clock.iso() });
      return { status: 204 };
    },
  },
];
