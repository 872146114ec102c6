/** Environments, deployments and deployment statuses. */
import { actingUser } from '../auth.ts';
import type { SimContext } from '../context.ts';
import { json, type RouteRequest } from '../http.ts';
import { validationFailed } from '../http-error.ts';
import { repoAccess, type Route } from '../route.ts';
import type { Deployment, DeploymentStatus, Environment } from '../state/deployments.ts';
import type { RepoState } from '../state/repos.ts';
import { deploymentStatusView, deploymentView, environmentView } from '../views/deployments.ts';
import { resolveCommit } from './contents.ts';
import { bodyOf, findOr404, intParam, paginate, repoOf, strParam } from './util.ts';

/** The environment named `name`, created on first use as GitHub does for deployments. */
export function ensureEnvironment(ctx: SimContext, repo: RepoState, name: string): Environment {
  let env = repo.environments.find((e) => e.name.toLowerCase() === name.toLowerCase());
  if (!env) {
    const now = ctx.clock.iso();
    env = { id: ctx.state.ids.next(), name, protectionApps: [], createdAt: now, updatedAt: now };
    repo.environments.push(env);
  }
  return env;
}

function deploymentOf(req: RouteRequest, repo: RepoState): Deployment {
  return findOr404(repo.deployments, (d) => d.id === intParam(req, 'deployment_id'));
}

export const deploymentRoutes: Route[] = [
  {
    operationId: 'repos/get-all-environments',
    access: repoAccess('read', 'actions', 'environments'),
    handle: (req) => {
      const repo = repoOf(req);
      const { page, headers } = paginate(req, repo.environments);
      return json(200, { total_count: repo.environments.length, environments: page.map((e) => environmentView(req.sim, repo, e)) }, headers);
    },
  },
  {
    operationId: 'repos/get-environment',
    access: repoAccess('read', 'actions', 'environments'),
    handle: (req) => {
      const repo = repoOf(req);
      const name = strParam(req, 'environment_name');
      return json(200, environmentView(req.sim, repo, findOr404(repo.environments, (e) => e.name.toLowerCase() === name.toLowerCase())));
    },
  },
  {
    operationId: 'repos/create-or-update-environment',
    access: repoAccess('admin', 'administration'),
    handle: (req) => {
      const repo = repoOf(req);
      const env = ensureEnvironment(req.sim, repo, strParam(req, 'environment_name'));
      env.updatedAt = req.sim.clock.iso();
      return json(200, environmentView(req.sim, repo, env));
    },
  },
  {
    operationId: 'repos/create-deployment',
    access: repoAccess('write', 'deployments'),
    handle: (req) => {
      const repo = repoOf(req);
      const body = bodyOf<{ ref: string; task?: string; environment?: string; payload?: Record<string, unknown> | string; description?: string | null }>(req);
      const sha = resolveCommit(repo, body.ref);
      if (!sha) throw validationFailed('Deployment', 'ref', 'invalid', `No ref found for: ${body.ref}`);
      const environment = ensureEnvironment(req.sim, repo, body.environment ?? 'production').name;
      const user = actingUser(req.actor);
      const deployment: Deployment = {
        id: req.sim.state.ids.next(),
        sha,
        ref: body.ref,
        task: body.task ?? 'deploy',
        environment,
        payload: body.payload ?? {},
        description: body.description ?? null,
        creator: user,
        createdAt: req.sim.clock.iso(),
        statuses: [],
        runId: null,
      };
      repo.deployments.push(deployment);
      req.sim.webhooks.emit({ event: 'deployment', action: 'created', repo, sender: user, fields: { deployment: deploymentView(req.sim, repo, deployment), workflow: null, workflow_run: null } });
      return json(201, deploymentView(req.sim, repo, deployment));
    },
  },
  {
    operationId: 'repos/list-deployments',
    access: repoAccess('read', 'deployments'),
    handle: (req) => {
      const repo = repoOf(req);
      const { sha, ref, task, environment } = req.params as Record<string, string | undefined>;
      const list = repo.deployments
        .filter((d) => (!sha || d.sha === sha) && (!ref || d.ref === ref) && (!task || d.task === task) && (!environment || d.environment === environment))
        .reverse();
      const { page, headers } = paginate(req, list);
      return json(200, page.map((d) => deploymentView(req.sim, repo, d)), headers);
    },
  },
  {
    operationId: 'repos/get-deployment',
    access: repoAccess('read', 'deployments'),
    handle: (req) => {
      const repo = repoOf(req);
      return json(200, deploymentView(req.sim, repo, deploymentOf(req, repo)));
    },
  },
  {
    operationId: 'repos/create-deployment-status',
    access: repoAccess('write', 'deployments'),
    handle: (req) => {
      const repo = repoOf(req);
      const deployment = deploymentOf(req, repo);
      const body = bodyOf<{ state: DeploymentStatus['state']; description?: string; environment_url?: string; log_url?: string; target_url?: string }>(req);
      const user = actingUser(req.actor);
      const status: DeploymentStatus = {
        id: req.sim.state.ids.next(),
        state: body.state,
        description: body.description ?? '',
        environmentUrl: body.environment_url ?? '',
        logUrl: body.log_url ?? body.target_url ?? '',
        creator: user,
        createdAt: req.sim.clock.iso(),
      };
      deployment.statuses.push(status);
      req.sim.webhooks.emit({
        event: 'deployment_status',
        action: 'created',
        repo,
        sender: user,
        fields: { deployment: deploymentView(req.sim, repo, deployment), deployment_status: deploymentStatusView(req.sim, repo, deployment, status) },
      });
      return json(201, deploymentStatusView(req.sim, repo, deployment, status));
    },
  },
  {
    operationId: 'repos/list-deployment-statuses',
    access: repoAccess('read', 'deployments'),
    handle: (req) => {
      const repo = repoOf(req);
      const deployment = deploymentOf(req, repo);
      const list = [...deployment.statuses].reverse();
      const { page, headers } = paginate(req, list);
      return json(200, page.map((s) => deploymentStatusView(req.sim, repo, deployment, s)), headers);
    },
  },
];
