/**
 * The real App (app/index.ts) served over HTTP through Probot's createNodeMiddleware,
 * as app/server.ts serves it, and registered with the simulator as the App's webhook.
 * Retries stay on as in production, with a 20 ms backoff instead of 1 s so a run with
 * injected faults finishes in seconds; throttling is off (it spaces one installation's
 * writes a second apart, GitHub's advice that a simulator has no limit to enforce).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeMiddleware, Probot, ProbotOctokit, type ApplicationFunction } from 'probot';
import type { AppDeps } from '../../src/app/deps.ts';
import type { Simulator } from '../../sim/index.ts';
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

/** Probot's Octokit for tests that count every request: neither retries nor throttling. */
export const UnretriedOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  throttle: { ...(options.throttle as object | undefined), enabled: false },
  retry: { enabled: false },
}));

/** `instrument` lets a benchmark wrap the App and its Octokit class to measure them. */
export interface ServeOptions {
  /** The App's clock and gate lease, when a scenario moves the simulator's clock past a lease. */
  deps?: Pick<Partial<AppDeps>, 'now' | 'gateLeaseMs'>;
  /** The App's private key, when a scenario serves many Apps (a 2048-bit key takes a second to make). */
  privateKey?: string;
  /** App servers behind one webhook URL that fans every delivery out to all of them (default 1). */
  replicas?: number;
  /** Octokit's retries on 5xx and lost connections (default on, with a 20 ms backoff). */
  retries?: boolean;
  logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  instrument?: { app: (fn: ApplicationFunction) => ApplicationFunction; Octokit: typeof ProbotOctokit };
}

const listen = (server: Server): Promise<string> => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));

/** A server in front of the replicas: every delivery reaches every replica at once, answered with the worst status. */
function fanOut(urls: string[]): Server {
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => k.startsWith('x-') || k === 'content-type' || k === 'user-agent')) as Record<string, string>;
      void Promise.all(urls.map((u) => fetch(u, { method: 'POST', headers, body }).then((r) => r.status))).then((codes) => res.writeHead(Math.max(...codes)).end());
    });
  });
}

/**
 * Serves the App on `sim` as the webhook of a new App installed on `account`. The
 * simulator's `webhooks.idle()` waits for the App's handlers as well as its deliveries.
 */
export async function serveApp(sim: Simulator, secret: string, account: string, options: ServeOptions = {}): Promise<ServedApp> {
  const seeded = sim.seed.app({ slug: 'trainyard', ...(options.privateKey ? { privateKey: options.privateKey } : {}) });
  const Octokit = options.instrument?.Octokit ?? (options.retries === false ? UnretriedOctokit : SandboxOctokit);
  const pending = new Set<Promise<unknown>>();
  const servers: Server[] = [];
  const urls: string[] = [];
  for (let i = 0; i < (options.replicas ?? 1); i++) {
    const probot = new Probot({ appId: seeded.id, privateKey: seeded.privateKey, secret, baseUrl: sim.url, logLevel: options.logLevel ?? 'fatal', Octokit });
    const appFn = createApp({ appSlug: 'trainyard', ...options.deps });
    const middleware = await createNodeMiddleware(tracked(options.instrument ? options.instrument.app(appFn) : appFn, pending), { probot, webhooksPath: '/api/github/webhooks' });
    const server = createServer(appRequestListener(middleware));
    servers.push(server);
    urls.push(`${await listen(server)}/api/github/webhooks`);
  }
  let url = urls[0]!;
  if (urls.length > 1) {
    const fan = fanOut(urls);
    servers.push(fan);
    url = `${await listen(fan)}/`;
  }
  seeded.app.webhook = { url, secret };
  sim.seed.installation({ appId: seeded.id, account });
  const idle = async (): Promise<void> => {
    while (pending.size > 0) await Promise.allSettled([...pending]);
  };
  const unregister = sim.webhooks.waitFor(idle);
  const close = async (): Promise<void> => {
    unregister();
    for (const server of servers) await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { appId: seeded.id, url, idle, close };
}
