/**
 * The simulator's request and response types. The error a route throws to answer the
 * way GitHub answers lives in http-error.ts.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Actor } from './auth.ts';
import type { SimContext } from './context.ts';
import type { RepoState } from './state/repos.ts';

/** What a route handler receives: validated, coerced parameters and the parsed body. */
export interface RouteRequest {
  operationId: string;
  /** The request path (without the uploads prefix), for pagination links. */
  path: string;
  /** Path and query parameters after validation against the description (coerced types). */
  params: Record<string, unknown>;
  /** The JSON body (validated), or the raw bytes for binary uploads. */
  body: unknown;
  rawBody: Buffer;
  headers: IncomingHttpHeaders;
  actor: Actor;
  /** The repository named by `{owner}/{repo}`, present once access was checked. */
  repo: RepoState | undefined;
  sim: SimContext;
}

/** What a route returns; `body` is JSON unless `raw` is set. */
export interface RouteResponse {
  status: number;
  body?: unknown;
  raw?: Buffer;
  headers?: Record<string, string>;
}

/** Shorthand for a JSON answer. */
export function json(status: number, body: unknown, headers?: Record<string, string>): RouteResponse {
  return headers ? { status, body, headers } : { status, body };
}
