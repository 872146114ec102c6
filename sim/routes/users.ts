/** The caller, other users, and the rate-limit status. */
import { actingUser } from '../auth.ts';
import { json } from '../http.ts';
import { notFound } from '../http-error.ts';
import type { RateLimits } from '../rate-limit.ts';
import type { Route } from '../route.ts';
import { publicUser } from '../views/users.ts';
import { strParam } from './util.ts';

export function userRoutes(rateLimits: RateLimits): Route[] {
  return [
    {
      operationId: 'users/get-authenticated',
      access: { kind: 'user' },
      handle: (req) => json(200, publicUser(req.sim.urls, actingUser(req.actor))),
    },
    {
      operationId: 'users/get-by-username',
      access: { kind: 'public' },
      handle: (req) => {
        const user = req.sim.state.users.find(strParam(req, 'username'));
        if (!user) throw notFound();
        return json(200, publicUser(req.sim.urls, user));
      },
    },
    {
      operationId: 'rate-limit/get',
      access: { kind: 'public' },
      handle: (req) => {
        const core = rateLimits.snapshot(req.actor);
        return json(200, { resources: { core, search: { limit: 30, used: 0, remaining: 30, reset: core.reset } }, rate: core });
      },
    },
  ];
}
