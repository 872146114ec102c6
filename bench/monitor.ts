/**
 * Monitoring benchmark: `trainyard monitor --json` (the CLI bundled as released) against
 * pandas + scikit-learn computing the same per-chunk numbers (bench/monitor_peer.py:
 * realized metrics, CBPE with IsotonicRegression, latency percentiles, the normed
 * Wasserstein drift of every feature), each timed as a whole process with its peak
 * memory (bench/measure.py). Run by hand:
 *
 *   npx tsx bench/monitor.ts [rows]        # default 10000000
 *
 * The log: `rows` predictions over 20 weeks in Parquet (id, timestamp, score, 10
 * features, latency_ms), labels for half of them (even ids) in Parquet, and a
 * reference of rows / 5 labelled predictions over the 4 weeks before. Debian has no
 * pyarrow, so pandas cannot read Parquet: the peer reads the same columns from .npy
 * files (raw float64, the fastest load NumPy has), which favours it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { DataEngine } from '../src/data/engine.ts';

const rows = Number(process.argv[2] ?? 10_000_000);
const folder = path.join(tmpdir(), `trainyard-bench-monitor-${rows}`);
const bundle = path.resolve('.trainyard/bench/trainyard.mjs');
const FEATURES = Array.from({ length: 10 }, (_, i) => `f${i}`);

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
    banner: { js: "import { createRequire as trainyardRequire } from 'node:module'; const require = trainyardRequire(import.meta.url);" },
  });
}

/** A float64 column as a .npy file (format 1.0, little-endian '<f8'). */
async function writeNpy(file: string, values: Float64Array): Promise<void> {
  let header = `{'descr': '<f8', 'fortran_order': False, 'shape': (${values.length},), }`;
  const total = 10 + header.length + 1;
  header += ' '.repeat((64 - (total % 64)) % 64) + '\n';
  const prefix = Buffer.alloc(10);
  prefix.write('\x93NUMPY', 0, 'latin1');
  prefix[6] = 1;
  prefix[7] = 0;
  prefix.writeUInt16LE(header.length, 8);
  const handle = await open(file, 'w');
  await handle.write(Buffer.concat([prefix, Buffer.from(header, 'latin1')]));
  await handle.write(Buffer.from(values.buffer, values.byteOffset, values.byteLength));
  await handle.close();
}

const normal = 'sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())';

function predictionsSql(count: number, start: string, weeks: number, withLabel: boolean, shiftFrom: number): string {
  const step = Math.floor((weeks * 7 * 86400 * 1e6) / count);
  const features = FEATURES.map((f, i) => `round(${normal} + CASE WHEN i >= ${shiftFrom} AND ${i} < 3 THEN 0.4 ELSE 0 END, 4) AS ${f}`).join(', ');
  return `SELECT id, timestamp, round(1 / (1 + exp(-(f0 + 0.5 * f1 + 0.7 * noise))), 4) AS score, ${FEATURES.join(', ')}, latency_ms${withLabel ? ', label' : ''}
    FROM (SELECT *, CAST(random() < 1 / (1 + exp(-(f0 + 0.5 * f1))) AS INTEGER) AS label FROM (
      SELECT i AS id, TIMESTAMPTZ '${start} 00:00:00+00' + to_microseconds(i * ${step}) AS timestamp, ${features},
        ${normal} AS noise, round(exp(2.5 + 0.5 * ${normal}), 3) AS latency_ms
      FROM range(${count}) AS t(i)))`;
}

async function prepare(): Promise<void> {
  if (existsSync(path.join(folder, 'done'))) return;
  mkdirSync(folder, { recursive: true });
  const engine = await DataEngine.open();
  try {
    await engine.query("SET TimeZone = 'UTC'");
    const reference = Math.floor(rows / 5);
    await engine.query(`CREATE TABLE log AS ${predictionsSql(rows, '2026-01-05', 20, true, Math.floor(rows * 0.75))}`);
    await engine.query(`CREATE TABLE reference AS ${predictionsSql(reference, '2025-12-08', 4, true, reference)}`);
    await engine.query(`COPY (SELECT * EXCLUDE (label) FROM log ORDER BY id) TO '${folder}/log.parquet' (FORMAT parquet)`);
    await engine.query(`COPY (SELECT id, label FROM log WHERE id % 2 = 0) TO '${folder}/labels.parquet' (FORMAT parquet)`);
    await engine.query(`COPY (SELECT * FROM reference ORDER BY id) TO '${folder}/reference.parquet' (FORMAT parquet)`);
    const columns = ['id', 'timestamp', 'score', ...FEATURES, 'latency_ms'];
    const numeric = (c: string) => (c === 'timestamp' ? 'CAST(epoch_us(timestamp) AS DOUBLE)' : `CAST(${c} AS DOUBLE)`);
    for (const [table, names, where] of [
      ['log', columns, ''],
      ['labels', ['id', 'label'], ' WHERE id % 2 = 0'],
      ['reference', [...columns, 'label'], ''],
    ] as const) {
      for (const name of names) {
        const { columns: [values] } = await engine.queryNumbers(`SELECT ${numeric(name)} FROM ${table === 'labels' ? 'log' : table}${where} ORDER BY id`);
        await writeNpy(path.join(folder, `${table}-${name}.npy`), values!);
      }
    }
    await open(path.join(folder, 'done'), 'w').then((handle) => handle.close());
  } finally {
    engine.close();
  }
}

function measured(command: string, args: string[]): { seconds: number; peakMiB: number; stdout: string } {
  const result = spawnSync('/usr/bin/python3', ['bench/measure.py', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  const [wall, , , rss] = result.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { seconds: wall!, peakMiB: rss! / 1024, stdout: result.stdout };
}

interface Chunk {
  start: string;
  realized: Record<string, number | null> | null;
  estimated: Record<string, number | null> | null;
}

function largestDifference(ours: Chunk[], theirs: Chunk[]): number {
  if (ours.length !== theirs.length) throw new Error(`chunks: ${ours.length} vs ${theirs.length}`);
  let largest = 0;
  ours.forEach((chunk, i) => {
    const peer = theirs[i]!;
    if (chunk.start !== peer.start) throw new Error(`chunk ${i}: ${chunk.start} vs ${peer.start}`);
    for (const kind of ['realized', 'estimated'] as const) {
      for (const [metric, value] of Object.entries(peer[kind] ?? {})) {
        const mine = chunk[kind]?.[metric];
        if (value === null || mine === null || mine === undefined) {
          if (value !== (mine ?? null)) throw new Error(`chunk ${i} ${kind} ${metric}: ${mine} vs ${value}`);
          continue;
        }
        largest = Math.max(largest, Math.abs(mine - value));
      }
    }
  });
  return largest;
}

await prepare();
await bundleCli();
const ours = measured('node', [bundle, 'monitor', '--predictions', `${folder}/log.parquet`, '--labels', `${folder}/labels.parquet`, '--reference', `${folder}/reference.parquet`, '--json']);
const theirs = measured('/usr/bin/python3', ['bench/monitor_peer.py', folder]);
const mine = (JSON.parse(ours.stdout) as { chunks: Chunk[] }).chunks;
const peer = (JSON.parse(theirs.stdout) as { chunks: Chunk[] }).chunks;
const difference = largestDifference(mine, peer);
console.log(`${rows} rows, ${mine.length} weekly chunks, reference ${Math.floor(rows / 5)} rows`);
console.log('| tool | wall | peak memory |');
console.log('| --- | ---: | ---: |');
console.log(`| trainyard monitor (Parquet) | ${ours.seconds.toFixed(1)} s | ${ours.peakMiB.toFixed(0)} MiB |`);
console.log(`| pandas + scikit-learn (.npy) | ${theirs.seconds.toFixed(1)} s | ${theirs.peakMiB.toFixed(0)} MiB |`);
console.log(`speed ${(theirs.seconds / ours.seconds).toFixed(2)}×, memory ${(ours.peakMiB / theirs.peakMiB).toFixed(2)} of the peer's; largest difference of realized and estimated metrics ${difference.toExponential(1)}`);
