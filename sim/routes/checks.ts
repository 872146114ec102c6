/**
 * Check runs, written only by GitHub Apps, with GitHub's limits enforced: 50 annotations
 * per request (more through repeated updates), 3 actions with short labels, 65,535
 * characters of summary and text.
 */
import { checkRunEvent } from '../events.ts';
import { json, type RouteRequest } from '../http.ts';
import { SimHttpError, validationFailed } from '../http-error.ts';
import type { Route } from '../route.ts';
import { CHECK_LIMITS, type CheckAction, type CheckAnnotation, type CheckRun, type CheckStatus } from '../state/checks.ts';
import { annotation, checkRun } from '../views/checks.ts';
import { resolveCommit } from './contents.ts';
import { bodyOf, findOr404, intParam, paginate, repoOf, strParam } from './util.ts';

interface CheckBody {
  name?: string;
  head_sha?: string;
  details_url?: string;
  external_id?: string;
  status?: CheckStatus;
  started_at?: string;
  conclusion?: string;
  completed_at?: string;
  output?: { title?: string; summary: string; text?: string; annotations?: CheckAnnotation[] };
  actions?: CheckAction[];
}

function apply(req: RouteRequest, run: CheckRun, body: CheckBody): void {
  const annotations = body.output?.annotations ?? [];
  if (annotations.length > CHECK_LIMITS.annotationsPerRequest) throw validationFailed('CheckRun', 'annotations', 'too_long', `At most ${CHECK_LIMITS.annotationsPerRequest} annotations per request`);
  const actions = body.actions ?? run.actions;
  if (actions.length > CHECK_LIMITS.actions) throw validationFailed('CheckRun', 'actions', 'too_long', `At most ${CHECK_LIMITS.actions} actions`);
  for (const a of actions) {
    if (a.label.length > 20 || a.identifier.length > 20 || a.description.length > 40) throw validationFailed('CheckRun', 'actions', 'invalid', 'Action label and identifier are at most 20 characters, description 40');
  }
  for (const text of [body.output?.summary, body.output?.text]) {
    if (text !== undefined && text.length > CHECK_LIMITS.outputText) throw validationFailed('CheckRun', 'output', 'too_long', `Output text is at most ${CHECK_LIMITS.outputText} characters`);
  }
  if (body.name !== undefined) run.name = body.name;
  if (body.details_url !== undefined) run.detailsUrl = body.details_url;
  if (body.external_id !== undefined) run.externalId = body.external_id;
  if (body.started_at !== undefined) run.startedAt = body.started_at;
  if (body.output) {
    run.output = { title: body.output.title ?? run.output.title, summary: body.output.summary, text: body.output.text ?? run.output.text };
    run.annotations.push(...annotations);
  }
  run.actions = actions;
  if (body.conclusion !== undefined) {
    run.status = 'completed';
    run.conclusion = body.conclusion;
    run.completedAt = body.completed_at ?? req.sim.clock.iso();
  } else if (body.status !== undefined) {
    if (body.status === 'completed') throw validationFailed('CheckRun', 'conclusion', 'missing_field', 'conclusion is required when status is completed');
    run.status = body.status;
  }
}

function appIdOf(req: RouteRequest): number {
  if (req.actor.kind !== 'installation') throw new SimHttpError(403, 'You must authenticate via a GitHub App.');
  return req.actor.app.id;
}

export const checkRoutes: Route[] = [
  {
    operationId: 'checks/create',
    access: { kind: 'repo', permissions: ['checks'], level: 'write', appsOnly: true },
    handle: (req) => {
      const repo = repoOf(req);
      const body = bodyOf<CheckBody & { name: string; head_sha: string }>(req);
      if (!repo.git.get(body.head_sha, 'commit')) throw validationFailed('CheckRun', 'head_sha', 'invalid', 'No commit found for SHA: ' + body.head_sha);
      const id = req.sim.state.ids.next();
      const run: CheckRun = {
        id,
        appId: appIdOf(req),
        name: body.name,
        headSha: body.head_sha,
        status: 'queued',
        conclusion: null,
        startedAt: req.sim.clock.iso(),
        completedAt: null,
        externalId: '',
        detailsUrl: `${req.sim.urls.web}/${repo.fullName}/runs/${id}`,
        output: { title: null, summary: null, text: null },
        annotations: [],
        actions: [],
      };
      apply(req, run, body);
      repo.checkRuns.push(run);
      checkRunEvent(req.sim, repo, run, 'created', req.sim.state.apps.get(run.appId)!.bot);
      return json(201, checkRun(req.sim, repo, run));
    },
  },
  {
    operationId: 'checks/update',
    access: { kind: 'repo', permissions: ['checks'], level: 'write', appsOnly: true },
    handle: (req) => {
      const repo = repoOf(req);
      const run = findOr404(repo.checkRuns, (r) => r.id === intParam(req, 'check_run_id'));
      if (run.appId !== appIdOf(req)) throw new SimHttpError(403, 'Invalid app_id `' + appIdOf(req) + '` - check run can only be modified by the GitHub App that created it.');
      const wasCompleted = run.status === 'completed';
      apply(req, run, bodyOf<CheckBody>(req));
      if (!wasCompleted && run.status === 'completed') checkRunEvent(req.sim, repo, run, 'completed', req.sim.state.apps.get(run.appId)!.bot);
      return json(200, checkRun(req.sim, repo, run));
    },
  },
  {
    operationId: 'checks/get',
    access: { kind: 'repo', permissions: ['checks'], level: 'read' },
    handle: (req) => {
      const repo = repoOf(req);
      return json(200, checkRun(req.sim, repo, findOr404(repo.checkRuns, (r) => r.id === intParam(req, 'check_run_id'))));
    },
  },
  {
    operationId: 'checks/list-for-ref',
    access: { kind: 'repo', permissions: ['checks'], level: 'read' },
    handle: (req) => {
      const repo = repoOf(req);
      const ref = strParam(req, 'ref');
      const sha = resolveCommit(repo, ref);
      if (!sha) throw new SimHttpError(422, `No commit found for SHA: ${ref}`);
      const name = req.params.check_name as string | undefined;
      const appId = req.params.app_id === undefined ? null : Number(req.params.app_id);
      const newestFirst = repo.checkRuns.filter((r) => r.headSha === sha && (!name || r.name === name) && (appId === null || r.appId === appId)).reverse();
      // `filter=latest` (the default) keeps the newest run of each name per App: a re-run replaces the earlier one.
      const seen = new Set<string>();
      const runs = req.params.filter === 'all' ? newestFirst : newestFirst.filter((r) => !seen.has(`${r.appId}:${r.name}`) && seen.add(`${r.appId}:${r.name}`));
      const { page, headers } = paginate(req, runs);
      return json(200, { total_count: runs.length, check_runs: page.map((r) => checkRun(req.sim, repo, r)) }, headers);
    },
  },
  {
    operationId: 'checks/list-annotations',
    access: { kind: 'repo', permissions: ['checks'], level: 'read' },
    handle: (req) => {
      const repo = repoOf(req);
      const run = findOr404(repo.checkRuns, (r) => r.id === intParam(req, 'check_run_id'));
      const { page, headers } = paginate(req, run.annotations);
      return json(200, page.map((a) => annotation(repo, a, req.sim.urls, run.headSha)), headers);
    },
  },
];
