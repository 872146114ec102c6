/**
 * `trainyard monitor`: the prediction log cut into chunks, each measured (realized and
 * estimated metrics, latency, drift, data quality) and judged against bands from the
 * reference period.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MetricRule } from '../config/schema.ts';
import { DataEngine, quoteIdentifier, quoteLiteral } from '../data/engine.ts';
import type { Correction, DriftMethod } from '../config/drift-methods.ts';
import { DataError } from '../errors.ts';
import { loadDataSchema } from '../validate/load-schema.ts';
import { validateData } from '../validate/validate-data.ts';
import { metricAlerts, referenceBand, type Band } from './bands.ts';
import { driftByChunk } from './chunk-drift.ts';
import { estimatedMetrics, realizedMetrics } from './chunk-metrics.ts';
import { chunkRows, openFrame, type ChunkSummary, type Frame, type MonitorColumns } from './frame.ts';
import { fitIsotonic, predictIsotonic, type IsotonicFit } from './isotonic.ts';
import { openReference } from './reference-frame.ts';
import type { SourceSpec } from './source.ts';
import type { Alert, ChunkResult, Chunking, MetricValues, MonitorResult, MonitorTask } from './types.ts';

export interface MonitorRequest {
  model: string;
  task: MonitorTask;
  predictions: SourceSpec;
  labels?: SourceSpec | undefined;
  /** Rows with labels, or a time range of the log. */
  reference: SourceSpec | { since: Date; until: Date };
  columns: MonitorColumns;
  chunking: Chunking;
  since?: Date | undefined;
  until?: Date | undefined;
  /** A binary model predicts the positive class when score >= threshold. */
  threshold: number;
  /** The data schema whose checks count quality failures; shownAs names it in messages. */
  schema?: { file: string; shownAs: string } | undefined;
  drift: { methods: Record<string, DriftMethod>; thresholds: Record<string, number>; driftShare: number; correction: Correction };
  /** The policy's rules: their `threshold` tightens the bands. */
  policy: Record<string, MetricRule>;
  threads?: number;
}

export function chunkingName(chunking: Chunking): string {
  return typeof chunking === 'string' ? chunking : `${chunking.rows}rows`;
}

/** [start, end) of a time chunk from its start in epoch microseconds. */
function timeBounds(chunking: Chunking, summary: ChunkSummary): { start: string; end: string } {
  if (typeof chunking !== 'string') return { start: summary.first.toISOString(), end: summary.last.toISOString() };
  const start = new Date(summary.key / 1000);
  const end = new Date(start);
  if (chunking === 'hour') end.setUTCHours(end.getUTCHours() + 1);
  else if (chunking === 'day') end.setUTCDate(end.getUTCDate() + 1);
  else if (chunking === 'week') end.setUTCDate(end.getUTCDate() + 7);
  else end.setUTCMonth(end.getUTCMonth() + 1);
  return { start: start.toISOString(), end: end.toISOString() };
}

const SPECIAL = (columns: MonitorColumns): string[] => [columns.id, columns.timestamp, columns.score, columns.prediction, columns.label, columns.model_version, columns.latency_ms];

function featuresOf(request: MonitorRequest, log: Frame): string[] {
  if (request.columns.features) {
    const absent = request.columns.features.find((column) => !log.columns.includes(column));
    if (absent !== undefined) throw new DataError(`${log.display}: no feature column "${absent}" (it has ${log.columns.join(', ')}); see monitoring.columns.features`);
    return request.columns.features;
  }
  const special = new Set(SPECIAL(request.columns));
  return log.columns.filter((column) => !special.has(column));
}

interface Measured {
  summary: ChunkSummary;
  realized: MetricValues | null;
  estimated: MetricValues | null;
}

/** A binary model's labels are 0 and 1 (or false and true); anything else is a mistake in the data. */
function checkLabels(request: MonitorRequest, frame: Frame, label: Float64Array): void {
  if (request.task !== 'binary') return;
  for (const value of label) {
    if (!Number.isNaN(value) && value !== 0 && value !== 1) {
      throw new DataError(`${frame.display}: label ${value} of a binary model; expected 0 or 1 (false or true) in the column "${request.columns.label}"`);
    }
  }
}

function measure(request: MonitorRequest, all: { output: Float64Array; label: Float64Array }, summaries: ChunkSummary[], calibrator: IsotonicFit | null): Measured[] {
  const measured: Measured[] = [];
  let offset = 0;
  for (const summary of summaries) {
    const values = { output: all.output.subarray(offset, offset + summary.rows), label: all.label.subarray(offset, offset + summary.rows) };
    offset += summary.rows;
    const realized = summary.labelled > 0 ? realizedMetrics(request.task, values.output, values.label, request.threshold) : null;
    const estimated = request.task === 'binary' && calibrator ? estimatedMetrics(values.output, predictIsotonic(calibrator, values.output), request.threshold) : null;
    measured.push({ summary, realized, estimated });
  }
  return measured;
}

/** Each chunk's rows (the log's own columns) written to Parquet and validated against the schema. */
async function chunkQuality(engine: DataEngine, request: MonitorRequest, log: Frame, key: number, folder: string): Promise<{ failures: number; alerts: Alert[] }> {
  if (!request.schema) return { failures: 0, alerts: [] };
  const schema = await loadDataSchema(request.schema.file, request.schema.shownAs);
  const file = path.join(folder, `chunk-${key}.parquet`);
  const list = log.columns.map(quoteIdentifier).join(', ');
  await engine.query(`COPY (SELECT ${list} FROM monitor_log_rows WHERE __chunk = ${key}) TO ${quoteLiteral(file)} (FORMAT parquet)`);
  const result = await validateData({ engine, source: { display: `${log.display} chunk`, files: [file], format: 'parquet' }, schema, root: folder });
  const alerts: Alert[] = result.failures.map((failure) => ({
    kind: 'quality',
    metric: [failure.column ?? failure.name, failure.check].filter(Boolean).join('.'),
    value: failure.failed,
    lower: null,
    upper: 0,
  }));
  return { failures: result.failures.reduce((sum, failure) => sum + failure.failed, 0), alerts };
}

function bandsOf(request: MonitorRequest, reference: Measured[], pick: (m: Measured) => MetricValues | null): Record<string, Band> {
  const names = new Set<string>();
  for (const m of reference) for (const name of Object.keys(pick(m) ?? {})) names.add(name);
  const bands: Record<string, Band> = {};
  for (const name of names) bands[name] = referenceBand(name, reference.map((m) => pick(m)?.[name] ?? null), request.policy[name]);
  return bands;
}

export interface MonitorOutcome {
  result: MonitorResult;
  /** The bands each kind of value was judged against, for the report. */
  bands: { realized: Record<string, Band>; latency: Record<string, Band> };
}

export async function runMonitor(request: MonitorRequest): Promise<MonitorOutcome> {
  const engine = await DataEngine.open(request.threads ? { threads: request.threads } : {});
  const folder = await mkdtemp(path.join(tmpdir(), 'trainyard-monitor-'));
  try {
    await engine.query("SET TimeZone = 'UTC'");
    const output = request.task === 'binary' ? request.columns.score : request.columns.prediction;
    // The quality checks read every column of the log; without them, latencies can stay in the database.
    const base = { output, columns: request.columns, chunking: request.chunking, aggregateInDatabase: !request.schema };
    const log = await openFrame(engine, { name: 'monitor_log', rows: request.predictions, labels: request.labels, since: request.since, until: request.until, needsLabel: false, ...base });
    const fromLog = !('kind' in request.reference);
    const reference = fromLog
      ? await openFrame(engine, { name: 'monitor_reference', rows: request.predictions, labels: request.labels, since: (request.reference as { since: Date }).since, until: (request.reference as { until: Date }).until, needsLabel: false, ...base })
      : await openReference(engine, request.reference as SourceSpec, log, base);
    const features = featuresOf(request, log);
    const absent = features.filter((column) => !reference.columns.includes(column));
    if (absent.length > 0) throw new DataError(`${reference.display}: the reference lacks the feature column "${absent[0]}" of the log`);

    const referenceValues = await chunkRows(engine, reference, output, request.columns.latency_ms);
    const referenceSummaries = referenceValues.summaries;
    if (referenceSummaries.length === 0) throw new DataError(`${reference.display}: the reference period has no rows`);
    checkLabels(request, reference, referenceValues.label);
    let calibrator: IsotonicFit | null = null;
    if (request.task === 'binary') {
      const all = referenceValues;
      let labelled = 0;
      for (let i = 0; i < all.label.length; i++) if (!Number.isNaN(all.label[i]!)) labelled++;
      if (labelled === 0) throw new DataError(`${reference.display}: the reference has no labelled rows to calibrate the scores on`);
      const score = new Float64Array(labelled);
      const target = new Float64Array(labelled);
      for (let i = 0, k = 0; i < all.label.length; i++) {
        if (Number.isNaN(all.label[i]!)) continue;
        score[k] = all.output[i]!;
        target[k++] = all.label[i]!;
      }
      calibrator = fitIsotonic(score, target);
    }
    const referenceMeasured = measure(request, referenceValues, referenceSummaries, calibrator);
    const realizedBands = bandsOf(request, referenceMeasured, (m) => m.realized);
    const latencyBands = bandsOf(request, referenceMeasured, (m) => m.summary.latency);

    const logValues = await chunkRows(engine, log, output, request.columns.latency_ms);
    const summaries = logValues.summaries;
    checkLabels(request, log, logValues.label);
    const measured = measure(request, logValues, summaries, calibrator);
    const drifts = await driftByChunk(engine, {
      reference: reference.rowsView,
      log: log.rowsView,
      cheapReference: reference.cheap,
      cheapLog: log.cheap,
      features,
      keys: summaries.map((s) => s.key),
      methods: request.drift.methods,
      thresholds: request.drift.thresholds,
      driftShare: request.drift.driftShare,
      correction: request.drift.correction,
    });
    const chunks: ChunkResult[] = [];
    for (const m of measured) {
      const drift = drifts.get(m.summary.key)!;
      const quality = await chunkQuality(engine, request, log, m.summary.key, folder);
      const alerts: Alert[] = [
        ...metricAlerts('realized', m.realized, realizedBands),
        ...metricAlerts('estimated', m.estimated, realizedBands),
        ...metricAlerts('latency', m.summary.latency, latencyBands),
        ...(drift.drifted ? [{ kind: 'drift' as const, metric: 'dataset', value: drift.share, lower: null, upper: request.drift.driftShare }] : []),
        ...quality.alerts,
      ];
      chunks.push({
        ...timeBounds(request.chunking, m.summary),
        rows: m.summary.rows,
        labelled: m.summary.labelled,
        realized: m.realized,
        estimated: m.estimated,
        latency: m.summary.latency,
        drift,
        quality: { failures: quality.failures },
        alerts,
      });
    }
    const result: MonitorResult = {
      model: request.model,
      chunking: chunkingName(request.chunking),
      reference: { rows: referenceSummaries.reduce((sum, s) => sum + s.rows, 0), chunks: referenceSummaries.length },
      chunks,
      alerts: chunks.flatMap((chunk) => chunk.alerts),
    };
    return { result, bands: { realized: realizedBands, latency: latencyBands } };
  } finally {
    engine.close();
    await rm(folder, { recursive: true, force: true });
  }
}
