/**
 * A real Prometheus and Pushgateway for tests, from Debian's `prometheus` and
 * `prometheus-pushgateway` packages: each on a free port of 127.0.0.1, Prometheus with a
 * temporary configuration and storage directory and a one-second scrape interval.
 * `prometheusBinaries()` is null when either binary is missing (the tests then skip).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PrometheusBinaries {
  prometheus: string;
  pushgateway: string;
  /** promtool, from the same package as prometheus. */
  promtool: string | null;
}

function which(names: string[]): string | null {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/bin', '/usr/local/bin'];
  for (const name of names) for (const dir of dirs) if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  return null;
}

export function prometheusBinaries(): PrometheusBinaries | null {
  const prometheus = process.env.PROMETHEUS_BIN ?? which(['prometheus']);
  const pushgateway = process.env.PUSHGATEWAY_BIN ?? which(['prometheus-pushgateway', 'pushgateway']);
  return prometheus && pushgateway ? { prometheus, pushgateway, promtool: which(['promtool']) } : null;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitReady(url: string, child: ChildProcess, log: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}:\n${log()}`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url}: not ready after ${timeoutMs} ms:\n${log()}`);
}

function start(bin: string, args: string[]): { child: ChildProcess; log: () => string } {
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-4000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return { child, log: () => output };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

export interface Monitoring {
  prometheusUrl: string;
  pushgatewayUrl: string;
  /** Instant query through /api/v1/query: the vector's samples. */
  query(expr: string): Promise<Array<{ metric: Record<string, string>; value: number }>>;
  /** Polls `query` until `accept` takes its answer (scrapes come every second). */
  waitFor(expr: string, accept: (samples: Array<{ metric: Record<string, string>; value: number }>) => boolean, timeoutMs?: number): Promise<Array<{ metric: Record<string, string>; value: number }>>;
  stop(): Promise<void>;
}

/** Starts a Pushgateway and a Prometheus scraping it (honor_labels) and the `targets` (host:port, path /metrics). */
export async function startMonitoring(bins: PrometheusBinaries, targets: Record<string, string>): Promise<Monitoring> {
  const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-prometheus-'));
  const promPort = await freePort();
  let gwPort = await freePort();
  while (gwPort === promPort) gwPort = await freePort();
  // Debian's build persists to /var/lib/prometheus/pushgateway.data by default: keep each run's pushes to itself.
  const gw = start(bins.pushgateway, [`--web.listen-address=127.0.0.1:${gwPort}`, `--persistence.file=${path.join(dir, 'pushgateway.data')}`]);
  const jobs = Object.entries(targets).map(([job, target]) => `  - job_name: ${JSON.stringify(job)}\n    static_configs: [{ targets: [${JSON.stringify(target)}] }]\n`);
  await writeFile(path.join(dir, 'prometheus.yml'), [
    'global: { scrape_interval: 1s, evaluation_interval: 1s }',
    'scrape_configs:',
    '  - job_name: pushgateway',
    '    honor_labels: true',
    `    static_configs: [{ targets: ["127.0.0.1:${gwPort}"] }]`,
    ...jobs,
  ].join('\n'));
  const prom = start(bins.prometheus, [
    `--config.file=${path.join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${path.join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${promPort}`,
  ]);
  const stopAll = async () => {
    await Promise.all([stop(prom.child), stop(gw.child)]);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitReady(`http://127.0.0.1:${gwPort}/-/ready`, gw.child, gw.log);
    await waitReady(`http://127.0.0.1:${promPort}/-/ready`, prom.child, prom.log);
  } catch (error) {
    await stopAll();
    throw error;
  }
  const prometheusUrl = `http://127.0.0.1:${promPort}`;
  const query: Monitoring['query'] = async (expr) => {
    const response = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(expr)}`);
    const body = (await response.json()) as { status: string; error?: string; data: { resultType: string; result: Array<{ metric: Record<string, string>; value: [number, string] }> } };
    if (body.status !== 'success') throw new Error(`query ${expr}: ${body.error ?? body.status}`);
    return body.data.result.map((r) => ({ metric: r.metric, value: Number(r.value[1]) }));
  };
  return {
    prometheusUrl,
    pushgatewayUrl: `http://127.0.0.1:${gwPort}`,
    query,
    waitFor: async (expr, accept, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      let last: Awaited<ReturnType<Monitoring['query']>> = [];
      while (Date.now() < deadline) {
        last = await query(expr);
        if (accept(last)) return last;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      throw new Error(`${expr}: not as expected after ${timeoutMs} ms; last answer ${JSON.stringify(last)}`);
    },
    stop: stopAll,
  };
}
