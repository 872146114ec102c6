/**
 * The HTTP front of the simulator: matches each request to an operation of GitHub's API
 * description, validates it, authenticates and authorizes the caller, runs the route,
 * validates the response, and records every mismatch as a violation. Requests that
 * match no implemented operation are violations too: a simulator that answered them
 * would let code depend on endpoints GitHub does not have.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { authenticate, authorize, type Actor } from './auth.ts';
import type { SimContext } from './context.ts';
import type { CallerKind, Faults } from './faults.ts';
import type { RouteResponse } from './http.ts';
import { SimHttpError } from './http-error.ts';
import { openApi, type MatchedOperation } from './openapi.ts';
import type { RateLimits } from './rate-limit.ts';
import type { Route } from './route.ts';

export interface ServerDeps {
  ctx: SimContext;
  routes: Map<string, Route>;
  rateLimits: RateLimits;
  faults: Faults;
  requests: RequestStats;
}

/** Requests answered, by kind of caller and by operation (faulted ones included). */
export interface RequestStats {
  total: number;
  byCaller: Record<CallerKind, number>;
  byOperation: Record<string, number>;
}

export function emptyRequestStats(): RequestStats {
  return { total: 0, byCaller: { anonymous: 0, user: 0, app: 0, installation: 0, actions: 0 }, byOperation: {} };
}

const DOCS = 'https://docs.github.com/rest';
const UPLOADS_PREFIX = '/uploads';

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function errorBody(error: SimHttpError): Record<string, unknown> {
  return {
    message: error.message,
    documentation_url: DOCS,
    status: String(error.status),
    ...(error.errors ? { errors: error.errors } : {}),
  };
}

function send(res: ServerResponse, response: RouteResponse, extra: Record<string, string>): void {
  const headers: Record<string, string> = { 'x-github-request-id': randomUUID(), ...extra, ...response.headers };
  if (response.raw) {
    res.writeHead(response.status, headers).end(response.raw);
  } else if (response.body === undefined) {
    res.writeHead(response.status, headers).end();
  } else {
    headers['content-type'] = 'application/json; charset=utf-8';
    headers['x-github-media-type'] = 'github.v3; format=json';
    res.writeHead(response.status, headers).end(JSON.stringify(response.body));
  }
}

/** Parses the body as the operation expects; throws GitHub's 400 for malformed JSON. */
function parseBody(raw: Buffer, contentType: string): unknown {
  if (raw.length === 0) return undefined;
  if (!contentType.includes('json')) return raw;
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw new SimHttpError(400, 'Problems parsing JSON');
  }
}

async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

export function createHandler(deps: ServerDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { ctx } = deps;
  return async (req, res) => {
    const url = new URL(req.url ?? '/', ctx.urls.api);
    const method = (req.method ?? 'GET').toUpperCase();
    const raw = await readBody(req);
    if (url.pathname.startsWith('/_sim/downloads/')) return serveDownload(ctx, url.pathname, res);
    const uploads = url.pathname.startsWith(`${UPLOADS_PREFIX}/`);
    const pathname = uploads ? url.pathname.slice(UPLOADS_PREFIX.length) : url.pathname;
    const at = `${method} ${url.pathname}`;
    const api = openApi();
    const match = api.match(method, pathname, uploads ? 'uploads' : 'api');
    if (!match) {
      const kind = api.describes(method, pathname) ? 'not-simulated' : 'not-in-description';
      const problem = kind === 'not-simulated' ? 'GitHub has this endpoint, the simulator does not implement it' : "not an operation in GitHub's API description";
      ctx.violations.record({ kind, at, operationId: undefined, problems: [problem] });
      return send(res, { status: 404, body: errorBody(new SimHttpError(404, 'Not Found')) }, {});
    }
    let caller: CallerKind | undefined;
    const callerKind = (): CallerKind => {
      try {
        if (caller === undefined) {
          const actor = authenticate(ctx.state, req.headers.authorization, ctx.clock.now().getTime());
          caller = actor.kind === 'installation' && actor.app.slug === 'github-actions' ? 'actions' : actor.kind;
        }
      } catch {
        caller = 'anonymous';
      }
      return caller;
    };
    deps.requests.total++;
    deps.requests.byCaller[callerKind()]++;
    deps.requests.byOperation[match.operationId] = (deps.requests.byOperation[match.operationId] ?? 0) + 1;
    for (const fault of deps.faults.draw(match.operationId, callerKind)) {
      if (fault.kind === 'latency') await sleep(fault.ms);
      else if (fault.kind === 'drop') return void req.socket.destroy();
      else if (fault.kind === 'status') return send(res, { status: fault.status, body: { message: 'Server Error' } }, {});
      else {
        const body = { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: DOCS };
        return send(res, { status: fault.status, body, headers: { 'retry-after': String(fault.retryAfterSeconds) } }, {});
      }
    }
    let rateHeaders: Record<string, string> = {};
    let response: RouteResponse;
    try {
      const actor = authenticate(ctx.state, req.headers.authorization, ctx.clock.now().getTime());
      rateHeaders = deps.rateLimits.consume(actor, match.operationId === 'rate-limit/get');
      response = await run(deps, match, url, raw, req, actor, at);
    } catch (error) {
      if (!(error instanceof SimHttpError)) throw error;
      const headers = (error as SimHttpError & { headers?: Record<string, string> }).headers;
      if (headers) rateHeaders = headers;
      response = { status: error.status, body: errorBody(error) };
    }
    // A raw media type (file bytes) is not the JSON the description's schemas describe.
    const problems = response.raw && response.status < 300 && response.headers?.['content-type']?.startsWith('application/vnd.github.raw') ? [] : api.validateResponse(match.operationId, response.status, response.raw ? undefined : response.body);
    if (problems.length > 0) ctx.violations.record({ kind: 'response', at, operationId: match.operationId, problems: [`status ${response.status}:`, ...problems] });
    send(res, response, rateHeaders);
  };
}

async function run(deps: ServerDeps, match: MatchedOperation, url: URL, raw: Buffer, req: IncomingMessage, actor: Actor, at: string): Promise<RouteResponse> {
  const { ctx } = deps;
  const api = openApi();
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
  const { params, problems } = api.validateParams(match, url.searchParams);
  const body = parseBody(raw, contentType || 'application/json');
  problems.push(...api.validateBody(match, body, contentType || 'application/json'));
  if (match.operation.requestBody?.required && raw.length === 0) problems.push('request body is required');
  if (problems.length > 0) {
    ctx.violations.record({ kind: 'request', at, operationId: match.operationId, problems });
    throw new SimHttpError(422, `Invalid request.\n\n${problems.join('\n')}`);
  }
  const route = deps.routes.get(match.operationId)!;
  const repo = typeof params.owner === 'string' && typeof params.repo === 'string' ? ctx.state.repo(`${params.owner}/${params.repo}`) : undefined;
  authorize(ctx.state, route.access, actor, repo, typeof params.org === 'string' ? params.org : undefined);
  return route.handle({ operationId: match.operationId, path: url.pathname, params, body, rawBody: raw, headers: req.headers, actor, repo, sim: ctx });
}

function serveDownload(ctx: SimContext, pathname: string, res: ServerResponse): void {
  const token = pathname.split('/')[3] ?? '';
  const download = ctx.downloads.take(token);
  if (download === undefined) return void res.writeHead(404).end('Not Found');
  if (download === 'expired') return void res.writeHead(403, { 'content-type': 'text/plain' }).end('Signature expired: the download URL is valid for a limited time.');
  res.writeHead(200, { 'content-type': download.contentType, 'content-length': String(download.data.length) }).end(download.data);
}
