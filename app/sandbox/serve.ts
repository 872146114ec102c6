/**
 * The real App (app/index.ts) served over HTTP through Probot's createNodeMiddleware,
 * as app/server.ts serves it, and registered with the simulator as the App's webhook.
 * Retries stay on as in production, with a 20 ms backoff instead of 1 s so a run with
 * injected faults finishes in seconds; throttling is off (it spaces one installation's
 * writes a second apart, GitHub's advice that a simulator has no limit to enforce).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeMiddleware, Probot, ProbotOctokit, type ApplicationFunction } from 'probot';
import type { AppDeps } from '../../src/app/deps.ts';
import type { Simulator } from '../../test/sim/index.ts';
import { appRequestListener } from '../http.ts';
import { createApp } from '../index.ts';

export const SandboxOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  throttle: { ...(options.throttle as object | undefined), enabled: false },
  retry: { enabled: true, retries: 3, retryAfterBaseValue: 20 },
}));

export interface ServedApp {
  appId: number;
  url: string;
  close(): Promise<void>;
}

/** `instrument` lets a benchmark wrap the App and its Octokit class to measure them. */
export interface ServeOptions {
  /** The App's clock, when a scenario moves the simulator's clock past a lease. */
  deps?: Pick<Partial<AppDeps>, 'now'>;
  /** The App's private key, when a scenario serves many Apps (a 2048-bit key takes a second to make). */
  privateKey?: string;
  instrument?: { app: (fn: ApplicationFunction) => ApplicationFunction; Octokit: typeof ProbotOctokit };
}

export async function serveApp(sim: Simulator, secret: string, account: string, options: ServeOptions = {}): Promise<ServedApp> {
  const seeded = sim.seed.app({ slug: 'trainyard', ...(options.privateKey ? { privateKey: options.privateKey } : {}) });
  const probot = new Probot({ appId: seeded.id, privateKey: seeded.privateKey, secret, baseUrl: sim.url, logLevel: 'fatal', Octokit: options.instrument?.Octokit ?? SandboxOctokit });
  const appFn = createApp({ appSlug: 'trainyard', ...options.deps });
  const middleware = await createNodeMiddleware(options.instrument ? options.instrument.app(appFn) : appFn, { probot, webhooksPath: '/api/github/webhooks' });
  const server = createServer(appRequestListener(middleware));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
  seeded.app.webhook = { url, secret };
  sim.seed.installation({ appId: seeded.id, account });
  return { appId: seeded.id, url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
