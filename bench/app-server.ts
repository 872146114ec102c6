/**
 * The App's side of bench/app.ts, run as its own process the way it is deployed: this
 * file is bundled by esbuild and run by plain `node` (no tsx), serving the real App
 * (app/index.ts) through Probot's middleware and app/http.ts, as app/server.ts does.
 * Two additions for measuring: each delivery's handler time and the time its Octokit
 * requests waited (in the delivery's async context), and the process's memory, sampled
 * every 20 ms (the breakdown at the peak), reported to the parent over IPC.
 * Octokit as in app/sandbox/serve.ts: retries on, throttling off.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getHeapSpaceStatistics } from 'node:v8';
import { createNodeMiddleware, Probot, type ApplicationFunction } from 'probot';
import { appRequestListener } from '../app/http.ts';
import { createApp } from '../app/index.ts';
import { SandboxOctokit } from '../app/sandbox/serve.ts';

export interface Timing { started: number; api: number; total: number }
export type MemorySample = { rss: number; heapTotal: number; heapUsed: number; external: number; arrayBuffers: number };
export type FromApp =
  | { kind: 'listening'; url: string }
  | { kind: 'report'; timings: Timing[]; idle: MemorySample; peak: MemorySample; maxRssKiB: number; cpuMs: number; heapSpacesAtPeak: Record<string, number> };
export type ToApp = { kind: 'start'; appId: number; privateKey: string; baseUrl: string; secret: string } | { kind: 'measure' } | { kind: 'stop' };

const timings: Timing[] = [];
const delivery = new AsyncLocalStorage<Timing>();
const TimedOctokit = SandboxOctokit.plugin((octokit) => {
  octokit.hook.wrap('request', async (request, options) => {
    const t0 = performance.now();
    try {
      return await request(options);
    } finally {
      const timing = delivery.getStore();
      if (timing) timing.api += performance.now() - t0;
    }
  });
});
type AnyHandler = (context: { name: string }) => Promise<void>;
const timed = (fn: ApplicationFunction): ApplicationFunction => (app, options) => {
  const on = app.on.bind(app) as unknown as (event: unknown, handler: AnyHandler) => void;
  (app as unknown as { on: (event: unknown, handler: AnyHandler) => void }).on = (event, handler) =>
    on(event, (context) => {
      const timing: Timing = { started: performance.now(), api: 0, total: 0 };
      return delivery.run(timing, async () => {
        await handler(context);
        timing.total = performance.now() - timing.started;
        if (context.name === 'workflow_run') timings.push(timing);
      });
    });
  return fn(app, options);
};

const MiB = 1048576;
const sample = (): MemorySample => {
  const m = process.memoryUsage();
  return { rss: m.rss / MiB, heapTotal: m.heapTotal / MiB, heapUsed: m.heapUsed / MiB, external: m.external / MiB, arrayBuffers: m.arrayBuffers / MiB };
};
const send = (message: FromApp) => process.send!(message);

let idle: MemorySample | null = null;
let peak: MemorySample | null = null;
let heapSpacesAtPeak: Record<string, number> = {};
let sampler: NodeJS.Timeout | undefined;
let cpu = process.cpuUsage();

process.on('message', async (message: ToApp) => {
  if (message.kind === 'start') {
    const probot = new Probot({ appId: message.appId, privateKey: message.privateKey, secret: message.secret, baseUrl: message.baseUrl, logLevel: 'fatal', Octokit: TimedOctokit as never });
    const middleware = await createNodeMiddleware(timed(createApp({ appSlug: 'trainyard' })), { probot, webhooksPath: '/api/github/webhooks' });
    const server = createServer(appRequestListener(middleware));
    server.listen(0, '127.0.0.1', () => send({ kind: 'listening', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks` }));
  } else if (message.kind === 'measure') {
    idle = sample();
    peak = idle;
    cpu = process.cpuUsage();
    sampler = setInterval(() => {
      const now = sample();
      if (now.rss > peak!.rss) {
        peak = now;
        heapSpacesAtPeak = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, s.space_used_size / MiB]));
      }
    }, 20);
  } else {
    clearInterval(sampler);
    const used = process.cpuUsage(cpu);
    send({ kind: 'report', timings, idle: idle!, peak: peak!, maxRssKiB: process.resourceUsage().maxRSS, cpuMs: (used.user + used.system) / 1000, heapSpacesAtPeak });
    process.disconnect();
    process.exit(0);
  }
});
