/**
 * The simulator's request and response types, and the error a route throws to answer
 * the way GitHub answers (status, message, optional `errors`).
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

/** An answer GitHub would give as an error: thrown by routes, turned into a response. */
export class SimHttpError extends Error {
  readonly status: number;
  readonly errors: unknown[] | undefined;

  constructor(status: number, message: string, errors?: unknown[]) {
    super(message);
    this.name = 'SimHttpError';
    this.status = status;
    this.errors = errors;
  }
}

/** GitHub's "Validation Failed" answer with one error entry. */
export function validationFailed(resource: string, field: string, code: string, message?: string): SimHttpError {
  return new SimHttpError(422, message ?? 'Validation Failed', [{ resource, field, code, ...(message ? { message } : {}) }]);
}

export function notFound(): SimHttpError {
  return new SimHttpError(404, 'Not Found');
}

/** Shorthand for a JSON answer. */
export function json(status: number, body: unknown, headers?: Record<string, string>): RouteResponse {
  return headers ? { status, body, headers } : { status, body };
}
