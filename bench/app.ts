/**
 * `npx tsx bench/app.ts [deliveries=500] [seconds=60]`: the App under a steady stream of
 * pull-request pipeline runs. The simulated GitHub runs in a child process
 * (bench/app-github.ts), so this process holds the App alone, served over HTTP through
 * Probot's middleware as app/server.ts serves it. Runs complete at an even rate over
 * `seconds`, each delivering `workflow_run.completed`. Per delivery: the App's overhead
 * (the handler's wall time minus the time its requests waited for GitHub's answers),
 * the handler's time, and the time from delivery to the App's answer (by then the
 * comment and the check are written); then lost and duplicate comments, API calls, CPU
 * and peak resident memory of the App's process. Throttling is off (it spaces one
 * installation's writes a second apart: GitHub's advice, not the App's work), retries on.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeMiddleware, Probot, type ApplicationFunction } from 'probot';
import { createApp } from '../app/index.ts';
import { SandboxOctokit } from '../app/sandbox/serve.ts';
import type { ToChild, ToParent } from './app-github.ts';

const DELIVERIES = Number(process.argv[2] ?? 500);
const SECONDS = Number(process.argv[3] ?? 60);
const SECRET = 'bench-secret';

interface Timing { started: number; api: number; total: number }
const timings: Timing[] = [];
const delivery = new AsyncLocalStorage<Timing>();
/** Every Octokit request, timed in the delivery's async context. */
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

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! * 10) / 10;
}
const spread = (values: number[]) => ({ p50: quantile(values, 0.5), p95: quantile(values, 0.95), p99: quantile(values, 0.99), max: quantile(values, 1) });

const github = fork(new URL('./app-github.ts', import.meta.url), [String(DELIVERIES)], { execArgv: ['--import', 'tsx', ...(process.env.BENCH_PROFILE_GITHUB ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : [])] });
const next = () => new Promise<ToParent>((resolve) => github.once('message', (m) => resolve(m as ToParent)));
const tell = (message: ToChild) => github.send(message);
process.stderr.write(`GitHub side: opening ${DELIVERIES} pull requests…\n`);
const ready = await next();
if (ready.kind !== 'ready') throw new Error('the GitHub side did not start');

const probot = new Probot({ appId: ready.appId, privateKey: ready.privateKey, secret: SECRET, baseUrl: ready.url, logLevel: (process.env.LOG_LEVEL ?? 'fatal') as 'fatal', Octokit: TimedOctokit as never });
const middleware = await createNodeMiddleware(timed(createApp({ appSlug: 'trainyard' })), { probot, webhooksPath: '/api/github/webhooks' });
const server = createServer((req, res) => void middleware(req, res, () => res.writeHead(404).end()));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
tell({ kind: 'webhook', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`, secret: SECRET });

global.gc?.();
const idleRss = process.memoryUsage().rss;
let peakRss = idleRss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const cpu = process.cpuUsage();
process.stderr.write(`delivering ${DELIVERIES} workflow runs over ${SECONDS} s…\n`);
const done = next();
tell({ kind: 'go', count: DELIVERIES, seconds: SECONDS });
const result = await done;
clearInterval(sampler);
const cpuUsed = process.cpuUsage(cpu);
server.close();
if (result.kind !== 'done') throw new Error('the GitHub side did not finish');

const overheads = timings.map((t) => t.total - t.api);
const report = {
  deliveries: result.latencies.length, seconds: Math.round(result.seconds * 10) / 10, failed: result.failed,
  appOverheadMs: spread(overheads),
  handlerMs: spread(timings.map((t) => t.total)),
  deliveryToAnswerMs: spread(result.latencies),
  comments: { expected: DELIVERIES, lost: result.lost, duplicates: result.duplicates }, checks: result.checks,
  apiCallsPerDelivery: Math.round((result.appCalls / result.latencies.length) * 10) / 10,
  appCpuMsPerDelivery: Math.round(((cpuUsed.user + cpuUsed.system) / 1000 / result.latencies.length) * 10) / 10,
  appRssMiB: { idle: Math.round(idleRss / 1048576), peak: Math.round(peakRss / 1048576) },
  simulatorViolations: result.violations,
  goals: {
    p95OverheadUnder100ms: quantile(overheads, 0.95) < 100, rssUnder200MB: peakRss < 200 * 1e6,
    noneLostOrDuplicated: result.lost === 0 && result.duplicates === 0 && result.failed === 0, within60s: result.seconds <= 60,
  },
};
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
