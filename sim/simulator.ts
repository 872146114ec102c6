/**
 * `startSimulator()`: an in-memory GitHub on 127.0.0.1 (a free port by default), with
 * the seeding and scenario APIs, webhook deliveries, fault injection, and the record of
 * every disagreement with GitHub's API description.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SimContext } from './context.ts';
import { Downloads } from './downloads.ts';
import { Faults, type FaultRule } from './faults.ts';
import { openApi } from './openapi.ts';
import { RateLimits } from './rate-limit.ts';
import { allRoutes } from './routes/index.ts';
import { Scenario } from './scenario.ts';
import { Seed } from './seed.ts';
import { createHandler, emptyRequestStats, type RequestStats } from './server.ts';
import { Clock } from './state/clock.ts';
import { SimState } from './state/store.ts';
import { ViolationLog, type Violation } from './violations.ts';
import { Webhooks, type Delivery } from './webhooks.ts';

export interface SimulatorOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** One primary rate limit for every caller (GitHub: 5,000/h, 60/h anonymous). */
  rateLimit?: number;
  /** Seed of the fault-injection random sequence (default 1). */
  faultSeed?: number;
}

export interface Simulator {
  /** The REST API root: pass as Octokit's `baseUrl`. */
  readonly url: string;
  /** The uploads root (GitHub's https://uploads.github.com); release `upload_url`s point here. */
  readonly uploadsUrl: string;
  readonly seed: Seed;
  readonly scenario: Scenario;
  readonly state: SimState;
  readonly clock: Clock;
  readonly webhooks: {
    readonly deliveries: readonly Delivery[];
    redeliver(id: number): Delivery;
    /** Resolves when every delivery in flight has been answered and every receiver registered with `waitFor` is done. */
    idle(): Promise<void>;
    /** Makes `idle()` wait for a receiver that works on after answering; returns its unregistration. */
    waitFor(receiverIdle: () => Promise<void>): () => void;
  };
  readonly faults: {
    add(rule: FaultRule): void;
    /** Removes all rules and restarts the random sequence. */
    reset(seed?: number): void;
    /** Failures injected since the start or the last reset. */
    injected(): number;
  };
  /** API requests answered so far (uploads included, download URLs not), by caller and operation. */
  requests(): RequestStats;
  /** Violations recorded so far (and not yet taken). */
  violations(): Violation[];
  /** Returns the violations so far and forgets them: for tests that provoke one. */
  takeViolations(): Violation[];
  /** Throws a SimulatorViolationError listing every violation, then forgets them. */
  assertNoViolations(): void;
  close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  openApi();
  const clock = new Clock();
  const state = new SimState();
  const violations = new ViolationLog();
  let base = '';
  const urls = { api: '', uploads: '', web: 'https://github.com' };
  const ctx: SimContext = {
    state,
    clock,
    urls,
    violations,
    downloads: new Downloads(() => base, clock),
    webhooks: new Webhooks(() => ctx),
  };
  const rateLimits = new RateLimits(clock, options.rateLimit);
  const faultSeed = options.faultSeed ?? 1;
  const faults = new Faults(faultSeed);
  const routes = new Map(allRoutes(rateLimits).map((r) => [r.operationId, r]));
  const requests = emptyRequestStats();
  const handler = createHandler({ ctx, routes, rateLimits, faults, requests });
  const server: Server = createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      violations.record({ kind: 'response', at: `${req.method} ${req.url}`, operationId: undefined, problems: [`simulator error: ${error instanceof Error ? error.stack : String(error)}`] });
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Simulator error' }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  urls.api = base;
  urls.uploads = `${base}/uploads`;
  const seed = new Seed(ctx);
  return {
    url: base,
    uploadsUrl: urls.uploads,
    seed,
    scenario: new Scenario(ctx, seed),
    state,
    clock,
    webhooks: {
      deliveries: ctx.webhooks.deliveries,
      redeliver: (id) => ctx.webhooks.redeliver(id),
      idle: () => ctx.webhooks.idle(),
      waitFor: (receiverIdle) => ctx.webhooks.waitFor(receiverIdle),
    },
    faults: { add: (rule) => faults.add(rule), reset: (s = faultSeed) => faults.reset(s), injected: () => faults.injected },
    requests: () => structuredClone(requests),
    violations: () => violations.list(),
    takeViolations: () => violations.take(),
    assertNoViolations: () => violations.assertNone(),
    close: async () => {
      await ctx.webhooks.idle();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
