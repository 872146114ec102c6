/** GitHub App endpoints: the App itself, installations, installation tokens, deliveries. */
import { randomBytes } from 'node:crypto';
import { json, type RouteRequest } from '../http.ts';
import { notFound, SimHttpError } from '../http-error.ts';
import type { Route } from '../route.ts';
import { allows, type InstallationToken, type Permissions, type SimApp } from '../state/apps.ts';
import { covers } from '../state/store.ts';
import { installation, installationToken, integration } from '../views/apps.ts';
import { repository } from '../views/repos.ts';
import { bodyOf, intParam, repoOf, strParam } from './util.ts';

function appOf(req: RouteRequest): SimApp {
  if (req.actor.kind !== 'app') throw new SimHttpError(401, 'A JSON web token could not be decoded');
  return req.actor.app;
}

/** Installation tokens live an hour, like GitHub's. */
const TOKEN_TTL_MS = 3_600_000;

export const appRoutes: Route[] = [
  {
    // The code is the credential: no Authorization header is needed, and it is good once.
    operationId: 'apps/create-from-manifest',
    access: { kind: 'public' },
    handle: (req) => {
      const code = strParam(req, 'code');
      const pending = req.sim.state.manifestConversions.get(code);
      req.sim.state.manifestConversions.delete(code);
      if (!pending || pending.expiresAt.getTime() <= req.sim.clock.now().getTime()) throw notFound();
      const app = req.sim.state.apps.get(pending.appId);
      if (!app) throw notFound();
      return json(201, { ...integration(req.sim.urls, app), client_secret: pending.clientSecret, webhook_secret: pending.webhookSecret, pem: pending.pem });
    },
  },
  {
    operationId: 'apps/get-authenticated',
    access: { kind: 'app' },
    handle: (req) => json(200, integration(req.sim.urls, appOf(req))),
  },
  {
    operationId: 'apps/list-installations',
    access: { kind: 'app' },
    handle: (req) => {
      const app = appOf(req);
      const list = [...req.sim.state.installations.values()].filter((i) => i.appId === app.id);
      return json(200, list.map((i) => installation(req.sim.urls, app, i)));
    },
  },
  {
    operationId: 'apps/get-repo-installation',
    access: { kind: 'app-repo' },
    handle: (req) => {
      const app = appOf(req);
      return json(200, installation(req.sim.urls, app, req.sim.state.installationFor(app.id, repoOf(req))!));
    },
  },
  {
    operationId: 'apps/get-org-installation',
    access: { kind: 'app-org' },
    handle: (req) => {
      const app = appOf(req);
      const org = req.sim.state.users.find(strParam(req, 'org'))!;
      return json(200, installation(req.sim.urls, app, req.sim.state.installationOn(app.id, org)!));
    },
  },
  {
    operationId: 'apps/create-installation-access-token',
    access: { kind: 'app' },
    handle: (req) => {
      const app = appOf(req);
      const inst = req.sim.state.installations.get(intParam(req, 'installation_id'));
      if (!inst || inst.appId !== app.id) throw notFound();
      const body = bodyOf<{ repositories?: string[]; repository_ids?: number[]; permissions?: Permissions }>(req);
      const permissions = body.permissions ?? inst.permissions;
      for (const [name, level] of Object.entries(permissions)) {
        if (!allows(inst.permissions[name], level)) {
          throw new SimHttpError(422, `The permissions requested are not granted to this installation.`);
        }
      }
      let repositories: string[] | null = null;
      if (body.repositories || body.repository_ids) {
        const named = (body.repositories ?? []).map((name) => req.sim.state.repo(`${inst.account.login}/${name}`));
        const byId = (body.repository_ids ?? []).map((id) => req.sim.state.repoById(id));
        const repos = [...named, ...byId];
        if (repos.some((r) => !r || !covers(inst, r))) throw new SimHttpError(422, 'There is at least one repository that does not exist or is not accessible to the parent installation.');
        repositories = repos.map((r) => r!.fullName);
      }
      const token: InstallationToken = {
        token: `ghs_${randomBytes(18).toString('hex')}`,
        installationId: inst.id,
        permissions,
        repositories,
        expiresAt: new Date(req.sim.clock.now().getTime() + TOKEN_TTL_MS),
      };
      req.sim.state.installationTokens.set(token.token, token);
      const repoViews = repositories?.map((r) => repository(req.sim.urls, req.sim.state.repo(r)!));
      return json(201, installationToken(token, repoViews));
    },
  },
  {
    operationId: 'apps/list-webhook-deliveries',
    access: { kind: 'app' },
    handle: (req) => {
      const app = appOf(req);
      const list = req.sim.webhooks.deliveries.filter((d) => d.appId === app.id).reverse();
      return json(
        200,
        list.map((d) => ({
          id: d.id,
          guid: d.guid,
          delivered_at: d.deliveredAt,
          redelivery: d.redelivery,
          duration: d.durationMs / 1000,
          status: d.statusCode !== null && d.statusCode < 300 ? 'OK' : 'failed',
          status_code: d.statusCode ?? 0,
          event: d.event,
          action: d.action ?? null,
          installation_id: d.installationId,
          repository_id: d.repositoryId,
        })),
      );
    },
  },
  {
    operationId: 'apps/redeliver-webhook-delivery',
    access: { kind: 'app' },
    handle: (req) => {
      const app = appOf(req);
      const id = intParam(req, 'delivery_id');
      if (!req.sim.webhooks.deliveries.some((d) => d.id === id && d.appId === app.id)) throw notFound();
      req.sim.webhooks.redeliver(id);
      return json(202, {});
    },
  },
];
