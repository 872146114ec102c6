/**
 * Benchmark: evaluation of one million prediction rows, against scikit-learn.
 *
 *     npx tsx bench/evaluate.ts [rows=1000000] [resamples=1000] [peerResamples=50]
 *
 * Writes seeded predictions of two models on the same rows (candidate.csv and
 * baseline.csv: id, label, score), then times in this process: reading through DuckDB,
 * every binary metric, pairing the two files by id, and the paired bootstrap of the
 * ROC AUC difference (per resample, after the one-off sorts); and in
 * /usr/bin/python3: pandas' read, the same metrics with sklearn.metrics, and the same
 * bootstrap with numpy + roc_auc_score (fewer resamples: the comparison is per
 * resample). Results go to docs/performance.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataEngine } from '../src/data/engine.ts';
import { pairedBootstrap } from '../src/metrics/bootstrap.ts';
import { evaluateRows } from '../src/metrics/evaluate.ts';
import { loadPairedPredictions, loadPredictions } from '../src/metrics/load-predictions.ts';

const [rows = 1_000_000, resamples = 1000, peerResamples = 50] = process.argv.slice(2).map(Number);
const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-bench-'));
const candidateFile = path.join(dir, 'candidate.csv');
const baselineFile = path.join(dir, 'baseline.csv');

// Seeded synthetic predictions: a label with a 21% positive rate (like the example) and
// two models whose scores carry different amounts of signal, rounded to 6 decimals (ties).
const engine = await DataEngine.open();
await engine.query(`SELECT setseed(0.42)`);
await engine.query(
  `CREATE TABLE rows AS
     WITH base AS (SELECT range AS id, CASE WHEN random() < 0.21 THEN 1 ELSE 0 END AS label, random() AS u, random() AS v FROM range(${rows}))
     SELECT id, label, round(least(1, greatest(0, 0.35 * label + 0.65 * u)), 6) AS candidate, round(least(1, greatest(0, 0.3 * label + 0.7 * v)), 6) AS baseline FROM base`,
);
await engine.query(`COPY (SELECT id, label, candidate AS score FROM rows) TO '${candidateFile}' (HEADER)`);
await engine.query(`COPY (SELECT id, label, baseline AS score FROM rows) TO '${baselineFile}' (HEADER)`);
engine.close();

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

let start = process.hrtime.bigint();
const readEngine = await DataEngine.open();
const loaded = await loadPredictions(readEngine, { file: candidateFile, cwd: dir, columns: { task: 'binary' } });
readEngine.close();
const readSeconds = seconds(start);
start = process.hrtime.bigint();
const evaluation = evaluateRows(loaded.rows);
const metricsSeconds = seconds(start);

start = process.hrtime.bigint();
const pairEngine = await DataEngine.open();
const paired = await loadPairedPredictions(pairEngine, { candidate: candidateFile, baseline: baselineFile, cwd: dir, columns: { task: 'binary' } });
pairEngine.close();
const pairSeconds = seconds(start);
// One resample alone measures the one-off work (sorting both models' scores).
start = process.hrtime.bigint();
pairedBootstrap(paired.candidate, paired.baseline, { metrics: ['roc_auc'], resamples: 1, seed: 42, confidence: 0.95 });
const setupSeconds = seconds(start);
start = process.hrtime.bigint();
const bootstrap = pairedBootstrap(paired.candidate, paired.baseline, { metrics: ['roc_auc'], resamples, seed: 42, confidence: 0.95 });
const bootstrapSeconds = seconds(start);
const ours = (bootstrapSeconds - setupSeconds) / (resamples - 1);

const peer = JSON.parse(execFileSync('/usr/bin/python3', [path.join(import.meta.dirname, 'evaluate_peer.py'), candidateFile, baselineFile, String(peerResamples)], { encoding: 'utf8' })) as {
  read_seconds: number;
  metrics_seconds: number;
  per_resample_seconds: number;
  roc_auc: number;
};

const line = (name: string, value: number) => console.log(`${name.padEnd(48)} ${value.toFixed(4)} s`);
console.log(`rows ${rows.toLocaleString('en-US')}, resamples ${resamples} (peer ${peerResamples}), node ${process.version}`);
console.log(`roc_auc trainyard ${evaluation.metrics.roc_auc}, sklearn ${peer.roc_auc} (difference ${Math.abs(evaluation.metrics.roc_auc! - peer.roc_auc).toExponential(2)})`);
line('trainyard: read predictions (DuckDB)', readSeconds);
line('trainyard: all binary metrics', metricsSeconds);
line('trainyard: read both models and pair rows by id', pairSeconds);
line(`trainyard: bootstrap, ${resamples} resamples`, bootstrapSeconds);
line('trainyard: bootstrap setup (one-off sorts)', setupSeconds);
line('trainyard: per resample', ours);
line('sklearn: read both predictions files (pandas)', peer.read_seconds);
line('sklearn: all binary metrics', peer.metrics_seconds);
line('sklearn: per resample (numpy + roc_auc_score x2)', peer.per_resample_seconds);
console.log(`interval of the ROC AUC difference: [${bootstrap.intervals.roc_auc!.low.toFixed(5)}, ${bootstrap.intervals.roc_auc!.high.toFixed(5)}]`);
console.log(`per-resample ratio (sklearn / trainyard): ${(peer.per_resample_seconds / ours).toFixed(1)}x`);
console.log(`metrics ratio (sklearn / trainyard): ${(peer.metrics_seconds / metricsSeconds).toFixed(1)}x`);
console.log(`whole evaluation (read, metrics, pair, ${resamples}-resample bootstrap): ${(readSeconds + metricsSeconds + pairSeconds + bootstrapSeconds).toFixed(1)} s`);
