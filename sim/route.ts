/** A route: one operation of GitHub's API description, who may call it, and its handler. */
import type { Access } from './auth.ts';
import type { RouteRequest, RouteResponse } from './http.ts';

export interface Route {
  /** The operation id in GitHub's description (`repos/create-release`). */
  operationId: string;
  access: Access;
  handle(req: RouteRequest): RouteResponse | Promise<RouteResponse>;
}

/** Repository access needing one of `permissions` (App permission names) at `level`. */
export function repoAccess(level: 'read' | 'write' | 'admin', ...permissions: string[]): Access {
  return { kind: 'repo', permissions, level };
}
