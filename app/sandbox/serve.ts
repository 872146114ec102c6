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
  /** Resolves once no handler of the App is running (one may outlive its delivery: below). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The App with every handler it registers tracked. The webhook middleware answers 202 to
 * a delivery whose handlers take over 9 seconds (as GitHub's own 10-second limit asks)
 * and lets them go on: on a loaded machine the delivery is done before the App is, and
 * the sandbox must wait for the handlers, not only for the deliveries.
 */
function tracked(appFn: ApplicationFunction, pending: Set<Promise<unknown>>): ApplicationFunction {
  return (app, options) => {
    const on = ((event: Parameters<Probot['on']>[0], handler: (context: never) => unknown) =>
      app.on(event, (context) => {
        const running = Promise.resolve(handler(context as never));
        pending.add(running);
        void running.then(() => pending.delete(running), () => pending.delete(running));
        return running as Promise<void>;
      })) as Probot['on'];
    const view = new Proxy(app, {
      get(target, property) {
        if (property === 'on') return on;
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    return appFn(view, options);
  };
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
  const pending = new Set<Promise<unknown>>();
  const middleware = await createNodeMiddleware(tracked(options.instrument ? options.instrument.app(appFn) : appFn, pending), { probot, webhooksPath: '/api/github/webhooks' });
  const server = createServer(appRequestListener(middleware));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
  seeded.app.webhook = { url, secret };
  sim.seed.installation({ appId: seeded.id, account });
  const idle = async (): Promise<void> => {
    while (pending.size > 0) await Promise.allSettled([...pending]);
  };
  return { appId: seeded.id, url, idle, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
