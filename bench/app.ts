/**
 * `npx tsx bench/app.ts [deliveries=500] [seconds=60]`: the App under a steady stream of
 * pull-request pipeline runs, in three processes: this one orchestrates; the simulated
 * GitHub runs in one child (bench/app-github.ts, under tsx); the App runs in another as
 * it is deployed, bundled by esbuild and run by plain `node` (bench/app-server.ts: the
 * real App behind Probot's middleware, with timing). Runs complete at an even rate over
 * `seconds`, each delivering `workflow_run.completed`. Per delivery: the App's overhead
 * (the handler's wall time minus the time its requests waited for GitHub's answers),
 * the handler's time, and the time from delivery to the App's answer (by then the
 * comment and the check are written); then lost and duplicate comments, API calls, CPU
 * and the App process's resident memory: idle, peak (sampled every 20 ms, with its
 * breakdown) and the kernel's high-water mark.
 * `BENCH_APP_NODE_OPTIONS="--max-semi-space-size=4"` passes flags to the App's node;
 * `BENCH_APP_RUNTIME=tsx` runs the App's source under tsx instead of the bundle.
 */
import { fork } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { ToChild, ToParent } from './app-github.ts';
import type { FromApp, MemorySample, ToApp } from './app-server.ts';

const DELIVERIES = Number(process.argv[2] ?? 500);
const SECONDS = Number(process.argv[3] ?? 60);
const SECRET = 'bench-secret';
const appFlags = (process.env.BENCH_APP_NODE_OPTIONS ?? '').split(/\s+/).filter(Boolean);
const underTsx = process.env.BENCH_APP_RUNTIME === 'tsx';

async function appEntry(): Promise<string> {
  const source = fileURLToPath(new URL('./app-server.ts', import.meta.url));
  if (underTsx) return source;
  const outdir = await mkdtemp(path.join(tmpdir(), 'trainyard-bench-app-'));
  await build({
    entryPoints: { 'app-server': source }, outdir, outExtension: { '.js': '.mjs' }, bundle: true, platform: 'node', format: 'esm', target: 'node20.18', logLevel: 'warning',
    banner: { js: "import { createRequire as __trainyardCreateRequire } from 'node:module';\nconst require = __trainyardCreateRequire(import.meta.url);" },
  });
  return path.join(outdir, 'app-server.mjs');
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! * 10) / 10;
}
const spread = (values: number[]) => ({ p50: quantile(values, 0.5), p95: quantile(values, 0.95), p99: quantile(values, 0.99), max: quantile(values, 1) });
const rounded = (m: MemorySample) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, Math.round(v)]));

const github = fork(new URL('./app-github.ts', import.meta.url), [String(DELIVERIES)], { execArgv: ['--import', 'tsx'] });
const fromGithub = () => new Promise<ToParent>((resolve) => github.once('message', (m) => resolve(m as ToParent)));
const app = fork(await appEntry(), [], { execArgv: [...(underTsx ? ['--import', 'tsx'] : []), ...appFlags] });
const fromApp = () => new Promise<FromApp>((resolve) => app.once('message', (m) => resolve(m as FromApp)));
const tellApp = (message: ToApp) => app.send(message);
const tellGithub = (message: ToChild) => github.send(message);

process.stderr.write(`GitHub side: opening ${DELIVERIES} pull requests…\n`);
const ready = await fromGithub();
if (ready.kind !== 'ready') throw new Error('the GitHub side did not start');
const listening = fromApp();
tellApp({ kind: 'start', appId: ready.appId, privateKey: ready.privateKey, baseUrl: ready.url, secret: SECRET });
const served = await listening;
if (served.kind !== 'listening') throw new Error('the App did not start');
tellGithub({ kind: 'webhook', url: served.url, secret: SECRET });
tellApp({ kind: 'measure' });

process.stderr.write(`delivering ${DELIVERIES} workflow runs over ${SECONDS} s to the App (${underTsx ? 'tsx' : 'bundle'}${appFlags.length ? ` ${appFlags.join(' ')}` : ''})…\n`);
const done = fromGithub();
tellGithub({ kind: 'go', count: DELIVERIES, seconds: SECONDS });
const result = await done;
if (result.kind !== 'done') throw new Error('the GitHub side did not finish');
const reported = fromApp();
tellApp({ kind: 'stop' });
const measured = await reported;
if (measured.kind !== 'report') throw new Error('the App did not report');

const overheads = measured.timings.map((t) => t.total - t.api);
const report = {
  app: { runtime: underTsx ? 'tsx' : 'bundle', nodeFlags: appFlags },
  deliveries: result.latencies.length, seconds: Math.round(result.seconds * 10) / 10, failed: result.failed,
  appOverheadMs: spread(overheads),
  handlerMs: spread(measured.timings.map((t) => t.total)),
  deliveryToAnswerMs: spread(result.latencies),
  comments: { expected: DELIVERIES, lost: result.lost, duplicates: result.duplicates }, checks: result.checks,
  apiCallsPerDelivery: Math.round((result.appCalls / result.latencies.length) * 10) / 10,
  appCpuMsPerDelivery: Math.round((measured.cpuMs / result.latencies.length) * 10) / 10,
  appMemoryMiB: { idle: rounded(measured.idle), peak: rounded(measured.peak), maxRss: Math.round(measured.maxRssKiB / 1024), heapSpacesAtPeak: rounded(measured.heapSpacesAtPeak as MemorySample) },
  simulatorViolations: result.violations,
  goals: {
    p95OverheadUnder100ms: quantile(overheads, 0.95) < 100, rssUnder200MB: measured.maxRssKiB * 1024 < 200 * 1e6,
    noneLostOrDuplicated: result.lost === 0 && result.duplicates === 0 && result.failed === 0,
    // The last run completes at 59.88 s of 60; kept up means it too was answered within the window's last half second.
    keptUpWithin60s: result.seconds <= SECONDS + 0.5,
  },
};
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
