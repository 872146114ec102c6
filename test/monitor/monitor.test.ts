/**
 * trainyard monitor against values scikit-learn and NumPy computed on the same rows
 * (test/fixtures/monitor/generate.py): realized metrics, CBPE's estimated metrics,
 * latency percentiles and the reference bands, per chunk.
 */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataEngine, quoteLiteral } from '../../src/data/engine.ts';
import { fitIsotonic, predictIsotonic } from '../../src/monitor/isotonic.ts';
import type { ChunkResult, MonitorResult } from '../../src/monitor/types.ts';
import { runCli } from '../helpers/cli.ts';
import { expectSameResult } from './same-result.ts';

const FIXTURES = path.resolve('test/fixtures/monitor');
const at = (file: string) => path.join(FIXTURES, file);

interface ExpectedChunk {
  start: string;
  end: string;
  rows: number;
  labelled: number;
  realized: Record<string, number | null> | null;
  estimated?: Record<string, number | null>;
  latency?: { p50: number; p95: number; p99: number };
}
interface Expected {
  threshold: number;
  binary: {
    reference: { rows: number; chunks: number };
    bands: Record<string, { lower: number; upper: number }>;
    latency_bands: Record<string, { lower: number; upper: number }>;
    chunks: ExpectedChunk[];
    rows_chunks: ExpectedChunk[];
    isotonic: { x: number[]; y: number[] };
  };
  regression: { reference: { rows: number; chunks: number }; bands: Record<string, { lower: number; upper: number }>; chunks: ExpectedChunk[] };
}

let expected: Expected;

function close(actual: number | null | undefined, wanted: number | null | undefined, what: string): void {
  if (wanted === null || wanted === undefined) {
    expect(actual ?? null, what).toBeNull();
    return;
  }
  expect(actual, what).not.toBeNull();
  expect(Math.abs(actual! - wanted), `${what}: ${actual} vs ${wanted}`).toBeLessThan(1e-9);
}

function compareValues(actual: Record<string, number | null> | null, wanted: Record<string, number | null> | null | undefined, what: string): void {
  if (wanted === null || wanted === undefined) {
    expect(actual, what).toBeNull();
    return;
  }
  expect(Object.keys(actual ?? {}).sort(), what).toEqual(Object.keys(wanted).sort());
  for (const [metric, value] of Object.entries(wanted)) close(actual![metric], value, `${what} ${metric}`);
}

function compareChunks(actual: ChunkResult[], wanted: ExpectedChunk[]): void {
  expect(actual.length).toBe(wanted.length);
  wanted.forEach((chunk, i) => {
    const got = actual[i]!;
    expect({ start: got.start, end: got.end, rows: got.rows, labelled: got.labelled }).toEqual({ start: chunk.start, end: chunk.end, rows: chunk.rows, labelled: chunk.labelled });
    compareValues(got.realized, chunk.realized, `chunk ${i} realized`);
    if (chunk.estimated !== undefined) compareValues(got.estimated, chunk.estimated, `chunk ${i} estimated`);
    if (chunk.latency !== undefined) compareValues(got.latency, chunk.latency, `chunk ${i} latency`);
  });
}

async function monitor(args: string[], cwd = process.cwd()): Promise<{ code: number; result: MonitorResult; stderr: string }> {
  const run = await runCli(['monitor', ...args, '--json'], { cwd });
  return { code: run.code, result: run.code === 2 ? (undefined as never) : (JSON.parse(run.stdout) as MonitorResult), stderr: run.stderr };
}

const BINARY = ['--predictions', at('log.csv'), '--labels', at('labels.csv'), '--reference', at('reference.csv')];

beforeAll(async () => {
  expected = JSON.parse(await readFile(at('expected.json'), 'utf8')) as Expected;
});

describe('isotonic calibration', () => {
  it("predicts what sklearn's IsotonicRegression(out_of_bounds='clip') fitted on the reference predicts", async () => {
    const engine = await DataEngine.open();
    try {
      const { columns } = await engine.queryNumbers(`SELECT score, label FROM read_csv(${quoteLiteral(at('reference.csv'))})`);
      const fit = fitIsotonic(columns[0]!, columns[1]!);
      const predicted = predictIsotonic(fit, Float64Array.from(expected.binary.isotonic.x));
      expected.binary.isotonic.y.forEach((y, i) => close(predicted[i]!, y, `x=${expected.binary.isotonic.x[i]}`));
    } finally {
      engine.close();
    }
  });

  it('averages tied scores and pools violators', () => {
    const fit = fitIsotonic(Float64Array.of(0.1, 0.1, 0.2, 0.3, 0.3, 0.4), Float64Array.of(0, 1, 1, 0, 0, 1));
    // Points 0.1 → 0.5 (two rows), 0.2 → 1, 0.3 → 0 (two rows), 0.4 → 1: 0.2 and 0.3 pool
    // into 1/3, which then pools with 0.1 into (2 · 0.5 + 3 · 1/3) / 5 = 0.4.
    const predicted = Array.from(predictIsotonic(fit, Float64Array.of(0, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 1)));
    expect(predicted.map((value) => Number(value.toFixed(12)))).toEqual([0.4, 0.4, 0.4, 0.4, 0.4, 0.7, 1, 1]);
  });
});

describe('trainyard monitor (binary, weekly)', () => {
  let run: Awaited<ReturnType<typeof monitor>>;
  beforeAll(async () => {
    run = await monitor([...BINARY, '--schema', at('schema.yml')]);
  }, 120_000);

  it('gives per-chunk realized metrics equal to scikit-learn, CBPE estimates and latency equal to the NumPy reference', () => {
    expect(run.stderr).toBe('');
    expect(run.result.chunking).toBe('week');
    expect(run.result.reference).toEqual({ ...expected.binary.reference, source: at('reference.csv') });
    compareChunks(run.result.chunks, expected.binary.chunks);
  });

  it('judges each value against the reference band (mean ± 3 σ) and counts drift and quality failures', () => {
    const { result } = run;
    for (const alert of result.alerts.filter((a) => a.kind === 'realized' || a.kind === 'estimated')) {
      const band = expected.binary.bands[alert.metric]!;
      close(alert.lower, band.lower, `${alert.metric} lower`);
      close(alert.upper, band.upper, `${alert.metric} upper`);
      expect(alert.value! < band.lower || alert.value! > band.upper).toBe(true);
    }
    for (const alert of result.alerts.filter((a) => a.kind === 'latency')) close(alert.lower, expected.binary.latency_bands[alert.metric]!.lower, `latency ${alert.metric}`);
    // Every value outside its band is an alert, and only those.
    result.chunks.forEach((chunk) => {
      for (const kind of ['realized', 'estimated'] as const) {
        for (const [metric, value] of Object.entries(chunk[kind] ?? {})) {
          const band = expected.binary.bands[metric]!;
          const out = value !== null && (value < band.lower || value > band.upper);
          expect(chunk.alerts.some((a) => a.kind === kind && a.metric === metric), `${chunk.start} ${kind} ${metric}`).toBe(out);
        }
      }
    });
    const fifth = result.chunks[4]!;
    expect(fifth.quality.failures).toBe(3);
    expect(fifth.alerts).toContainEqual({ kind: 'quality', metric: 'x2.max', value: 3, lower: null, upper: 0 });
    expect(result.chunks.slice(0, 4).map((chunk) => chunk.quality.failures)).toEqual([0, 0, 0, 0]);
    // The last two weeks shifted x1 by 1.2 standard deviations.
    for (const chunk of result.chunks.slice(4)) {
      expect(chunk.drift.columns.find((c) => c.column === 'x1')?.drifted).toBe(true);
      expect(chunk.alerts.some((a) => a.kind === 'drift')).toBe(true);
    }
    expect(result.chunks[0]!.drift.columns.map((c) => c.column)).toEqual(['x1', 'x2', 'cat']);
    expect(result.alerts).toEqual(result.chunks.flatMap((chunk) => chunk.alerts));
    expect(run.code).toBe(1);
  });

  it('gives each chunk the drift `trainyard drift` finds between that chunk\'s rows and the reference (numerical and categorical)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-monitor-drift-'));
    const [header, ...lines] = (await readFile(at('log.csv'), 'utf8')).trim().split('\n');
    const time = header!.split(',').indexOf('timestamp');
    for (const [i, chunk] of run.result.chunks.entries()) {
      const [start, end] = [Date.parse(chunk.start), Date.parse(chunk.end)];
      const rows = lines.filter((line) => {
        const at = Date.parse(line.split(',')[time]!);
        return at >= start && at < end;
      });
      expect(rows.length).toBe(chunk.rows);
      const current = path.join(dir, `chunk-${i}.csv`);
      await writeFile(current, `${[header, ...rows].join('\n')}\n`);
      const drift = await runCli(['drift', '--reference', at('reference.csv'), '--current', current, '--columns', 'x1,x2,cat', '--json']);
      expect([0, 1], drift.stderr).toContain(drift.code);
      const wanted = JSON.parse(drift.stdout) as { drifted: boolean; share: number; columns: Array<{ column: string; method: string; statistic: number; drifted: boolean }> };
      expect(chunk.drift.drifted, `chunk ${i}`).toBe(wanted.drifted);
      close(chunk.drift.share, wanted.share, `chunk ${i} share`);
      expect(chunk.drift.columns.map((c) => [c.column, c.method, c.drifted]), `chunk ${i}`).toEqual(wanted.columns.map((c) => [c.column, c.method, c.drifted]));
      chunk.drift.columns.forEach((c, j) => close(c.statistic, wanted.columns[j]!.statistic, `chunk ${i} ${c.column} statistic`));
    }
    expect(run.result.chunks[0]!.drift.columns.find((c) => c.column === 'cat')!.method).toBe('jensenshannon');
  });

  it('writes monitor.md with a chart per metric and monitor.json', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-monitor-'));
    const out = await runCli(['monitor', ...BINARY, '--until', '2024-02-19', '--report', 'monitor.md', '--out', 'out/monitor.json'], { cwd: dir });
    expect(out.code, out.stderr).toBe(1);
    const report = await readFile(path.join(dir, 'monitor.md'), 'utf8');
    expect(out.stdout).toBe(report);
    expect(report.match(/```mermaid/g)?.length).toBe(6);
    expect(report).toContain('### roc_auc');
    expect(report).toContain('Lines, in order: realized, estimated, lower bound, upper bound.');
    const json = JSON.parse(await readFile(path.join(dir, 'out/monitor.json'), 'utf8')) as MonitorResult;
    expect(json.chunks.map((chunk) => chunk.start)).toEqual(['2024-02-05T00:00:00.000Z', '2024-02-12T00:00:00.000Z']);
  }, 120_000);
});

describe('trainyard monitor: chunking, sources and exit codes', () => {
  it('cuts the log into chunks of N rows by time, then id', async () => {
    const { result } = await monitor([...BINARY, '--chunk', '500rows']);
    expect(result.chunking).toBe('500rows');
    compareChunks(result.chunks, expected.binary.rows_chunks);
  }, 120_000);

  it('reads Parquet folders, globs and JSON lines to the same result as CSV', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-monitor-src-'));
    await mkdir(path.join(dir, 'log'));
    const engine = await DataEngine.open();
    try {
      const log = `read_csv(${quoteLiteral(at('log.csv'))})`;
      await engine.query(`COPY (SELECT * FROM ${log} WHERE timestamp < '2024-02-20') TO ${quoteLiteral(path.join(dir, 'log/part-0.parquet'))} (FORMAT parquet)`);
      await engine.query(`COPY (SELECT * FROM ${log} WHERE timestamp >= '2024-02-20') TO ${quoteLiteral(path.join(dir, 'log/part-1.parquet'))} (FORMAT parquet)`);
      await engine.query(`COPY (SELECT * FROM read_csv(${quoteLiteral(at('labels.csv'))})) TO ${quoteLiteral(path.join(dir, 'labels.jsonl'))} (FORMAT json)`);
      await engine.query(`COPY (SELECT * FROM read_csv(${quoteLiteral(at('reference.csv'))})) TO ${quoteLiteral(path.join(dir, 'reference.parquet'))} (FORMAT parquet)`);
    } finally {
      engine.close();
    }
    const csv = await monitor([...BINARY, '--until', '2024-02-26']);
    const folder = await monitor(['--predictions', 'log', '--labels', 'labels.jsonl', '--reference', 'reference.parquet', '--until', '2024-02-26'], dir);
    const glob = await monitor(['--predictions', 'log/*.parquet', '--labels', 'labels.jsonl', '--reference', 'reference.parquet', '--until', '2024-02-26'], dir);
    // The same rows from other files: everything but the reference's source is the same.
    const counted = (result: MonitorResult): MonitorResult => ({ ...result, reference: { rows: result.reference.rows, chunks: result.reference.chunks } });
    expect([folder.result.reference.source, glob.result.reference.source]).toEqual(['reference.parquet', 'reference.parquet']);
    expectSameResult(counted(folder.result), counted(csv.result));
    expectSameResult(counted(glob.result), counted(csv.result));
    expect(csv.result.chunks.length).toBe(3);
  }, 180_000);

  it('exits 0 when the latest chunk has no alert', async () => {
    const { code, result } = await monitor([...BINARY, '--until', '2024-02-12']);
    expect(result.chunks.length).toBe(1);
    expect(result.chunks[0]!.alerts).toEqual([]);
    expect(code).toBe(0);
  }, 120_000);

  it('monitors a regression model per day with rmse, mae and r2 equal to scikit-learn', async () => {
    const { result, code } = await monitor(['--task', 'regression', '--predictions', at('regression-log.csv'), '--reference', at('regression-reference.csv'), '--chunk', 'day']);
    expect(result.reference).toEqual({ ...expected.regression.reference, source: at('regression-reference.csv') });
    compareChunks(result.chunks, expected.regression.chunks);
    expect(result.chunks.every((chunk) => chunk.estimated === null)).toBe(true);
    const rmse = result.chunks[3]!.alerts.find((a) => a.metric === 'rmse')!;
    close(rmse.upper, expected.regression.bands.rmse!.upper, 'rmse upper');
    expect(code).toBe(1);
  }, 120_000);

  it('takes its settings from the model config, the reference as a time range of the log', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-monitor-config-'));
    await mkdir(path.join(dir, '.github'));
    await writeFile(
      path.join(dir, '.github/trainyard.yml'),
      [
        'models:',
        '  churn:',
        '    task: binary',
        '    data: { train: train.csv }',
        '    training: { command: "true" }',
        '    monitoring:',
        `      predictions: ${at('log.csv')}`,
        `      labels: ${at('labels.csv')}`,
        '      reference: { since: "2024-02-05", until: "2024-02-19" }',
        '      chunk: week',
        '      since: "2024-02-19"',
        '      columns: { features: [x1, x2] }',
      ].join('\n'),
    );
    const { result, code, stderr } = await monitor([], dir);
    expect(stderr).toBe('');
    expect(code).not.toBe(2);
    expect(result.model).toBe('churn');
    expect(result.reference).toEqual({ rows: expected.binary.chunks[0]!.rows + expected.binary.chunks[1]!.rows, chunks: 2, source: 'the log between 2024-02-05T00:00:00.000Z and 2024-02-19T00:00:00.000Z' });
    expect(result.chunks.map((chunk) => chunk.start)).toEqual(expected.binary.chunks.slice(2).map((chunk) => chunk.start));
    compareValues(result.chunks[0]!.realized, expected.binary.chunks[2]!.realized, 'realized');
    expect(result.chunks[0]!.drift.columns.map((c) => c.column)).toEqual(['x1', 'x2']);
  }, 120_000);

  it('reports bad input in one line and exits 2', async () => {
    const cases: Array<[string[], RegExp]> = [
      [[...BINARY, '--chunk', '3days'], /^trainyard: --chunk 3days: expected hour, day, week, month or <N>rows/],
      [[...BINARY, '--since', 'yesterday'], /^trainyard: --since yesterday: expected an ISO date/],
      [['--predictions', at('labels.csv'), '--reference', at('reference.csv')], /labels\.csv: no column "timestamp"/],
      [['--predictions', at('log.csv')], /no reference period: give --reference/],
      [['--predictions', at('regression-log.csv'), '--reference', at('reference.csv'), '--task', 'regression'], /reference\.csv: no column "prediction"/],
      [['--predictions', at('log.csv'), '--reference', at('regression-reference.csv'), '--task', 'binary'], /regression-reference\.csv: no column "score"/],
      [['--predictions', 'postgres://localhost/db', '--reference', at('reference.csv')], /expected \?table=<name> or \?query=/],
    ];
    const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-monitor-bad-'));
    await writeFile(path.join(dir, 'labels.csv'), 'id,label\np10000,2\n');
    await writeFile(path.join(dir, 'twice.csv'), 'id,label\np10000,1\np10000,0\n');
    cases.push([['--predictions', at('log.csv'), '--labels', 'labels.csv', '--reference', at('reference.csv')], /log\.csv: label 2 of a binary model; expected 0 or 1/]);
    cases.push([['--predictions', at('log.csv'), '--labels', 'twice.csv', '--reference', at('reference.csv')], /twice\.csv: an id has more than one label; expected one label per id/]);
    for (const [args, message] of cases) {
      const run = await runCli(['monitor', ...args], { cwd: dir });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  }, 120_000);
});

describe('the flight-delays production log', () => {
  it('is monitored from the example config: weekly chunks, labels 14 days late, realized and estimated metrics', async () => {
    const cwd = path.resolve('examples/flight-delays');
    const { code, result, stderr } = await monitor(['--config', '.github/trainyard.yml'], cwd);
    expect(stderr).toBe('');
    expect(result.model).toBe('flight-delays');
    expect(result.chunks.length).toBe(14);
    expect(result.chunks[0]!.start).toBe('2001-03-26T00:00:00.000Z');
    expect(result.chunks.slice(-2).map((chunk) => [chunk.labelled, chunk.realized])).toEqual([
      [0, null],
      [0, null],
    ]);
    expect(result.chunks.slice(0, 11).every((chunk) => chunk.labelled === chunk.rows && chunk.realized !== null)).toBe(true);
    expect(result.chunks.every((chunk) => chunk.estimated !== null && chunk.quality.failures === 0)).toBe(true);
    expect(result.chunks.reduce((sum, chunk) => sum + chunk.rows, 0)).toBe(11_826);
    expect(code).toBe(1);
  }, 120_000);
});
