/**
 * Drift benchmark: trainyard's whole process (`trainyard drift --json`) against
 * pandas + scipy computing the same statistics (bench/drift_peer.py, what Evidently
 * runs), in one run, on the same files. Run by hand:
 *
 *   npx tsx bench/drift.ts
 *
 * Cases: 2.5 million reference and 2.5 million current rows from CSV (two numerical
 * columns, one categorical), and the flights of vega-datasets, January to March 2001
 * against June (CSV for both tools, and the Parquet twin for trainyard).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { DataEngine } from '../src/data/engine.ts';

const folder = path.join(tmpdir(), 'trainyard-bench-drift');
/** The CLI bundled as the release ships it (dist/ is rebuilt on merge; this copy is ignored by git). */
const bundle = path.resolve('.trainyard/bench/trainyard.mjs');

async function bundleCli(): Promise<void> {
  await build({
    entryPoints: ['src/cli/bin.ts'],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.18',
    external: ['@duckdb/node-api', '@actions/artifact'],
    logLevel: 'warning',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
}
const flights = path.resolve('node_modules/vega-datasets/data/flights-3m.parquet');

async function prepare(): Promise<void> {
  mkdirSync(folder, { recursive: true });
  if (existsSync(path.join(folder, 'flights-june.parquet'))) return;
  const engine = await DataEngine.open();
  const synthetic = (shift: number, seed: number) =>
    `SELECT setseed(${seed}) AS s UNION ALL SELECT NULL LIMIT 0; ` +
    `COPY (SELECT round(${shift} + 10 * sqrt(-2 * ln(random())) * cos(2 * pi() * random()), 2) AS amount, ` +
    `round(exp(${1 + shift / 20} + 0.5 * sqrt(-2 * ln(random())) * cos(2 * pi() * random())), 3) AS latency, ` +
    `'segment-' || CAST(floor(pow(random(), ${1 + shift / 10}) * 30) AS INTEGER) AS segment FROM range(2500000))`;
  for (const [name, shift, seed] of [['reference', 0, 0.1], ['current', 1, 0.2]] as const) {
    const [setseed, copy] = synthetic(shift, seed).split('; ');
    await engine.query(setseed!);
    await engine.query(`${copy} TO '${path.join(folder, `${name}.csv`)}' (HEADER)`);
  }
  for (const [name, months] of [['flights-q1', '1, 2, 3'], ['flights-june', '6']] as const) {
    for (const format of ['csv', 'parquet']) {
      const options = format === 'csv' ? '(HEADER)' : '(FORMAT PARQUET)';
      await engine.query(`COPY (SELECT * FROM '${flights}' WHERE month(date) IN (${months})) TO '${path.join(folder, `${name}.${format}`)}' ${options}`);
    }
  }
  engine.close();
}

function timed(command: string, args: string[]): { seconds: number; stdout: string } {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return { seconds, stdout: result.stdout };
}

function trainyard(reference: string, current: string) {
  const run = timed('node', [bundle, 'drift', '-r', path.join(folder, reference), '--current', path.join(folder, current), '--json']);
  const json = JSON.parse(run.stdout) as { columns: Array<{ column: string; statistic: number | null; status: string }> };
  const statistics = Object.fromEntries(json.columns.filter((c) => c.status === 'tested').map((c) => [c.column, c.statistic!]));
  return { seconds: run.seconds, statistics };
}

function peer(reference: string, current: string) {
  const run = timed('/usr/bin/python3', ['bench/drift_peer.py', path.join(folder, reference), path.join(folder, current)]);
  return { seconds: run.seconds, statistics: JSON.parse(run.stdout) as Record<string, number> };
}

function largestDifference(a: Record<string, number>, b: Record<string, number>): number {
  const columns = Object.keys(b);
  if (Object.keys(a).sort().join() !== [...columns].sort().join()) throw new Error(`different columns: ${Object.keys(a)} vs ${columns}`);
  return Math.max(...columns.map((c) => (a[c] === b[c] ? 0 : Math.abs(a[c]! - b[c]!) / Math.abs(b[c]!))));
}

await prepare();
await bundleCli();
const cases = [
  ['2.5M vs 2.5M rows, CSV', 'reference.csv', 'current.csv'],
  ['flights Jan-Mar vs June, CSV', 'flights-q1.csv', 'flights-june.csv'],
] as const;
console.log('| case | trainyard | pandas + scipy | ratio | largest relative difference |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const [name, reference, current] of cases) {
  const ours = trainyard(reference, current);
  const theirs = peer(reference, current);
  const diff = largestDifference(ours.statistics, theirs.statistics);
  console.log(`| ${name} | ${ours.seconds.toFixed(2)} s | ${theirs.seconds.toFixed(2)} s | ${(theirs.seconds / ours.seconds).toFixed(1)}× | ${diff.toExponential(1)} |`);
}
const parquet = trainyard('flights-q1.parquet', 'flights-june.parquet');
console.log(`| flights Jan-Mar vs June, Parquet (trainyard only) | ${parquet.seconds.toFixed(2)} s | — | — | — |`);
