/**
 * The prediction rows of one side (the log, or the reference) as a DuckDB view with
 * three added columns: `__ts` (the timestamp as TIMESTAMPTZ, UTC), `__label` (the
 * label as DOUBLE, NULL until it arrives) and `__chunk` (the chunk's start in epoch
 * microseconds for time chunks, its index for row chunks).
 */
import { quoteIdentifier, quoteLiteral, type DataEngine } from '../data/engine.ts';
import { DataError } from '../errors.ts';
import { postgresColumns, postgresLatency, type LatencyPercentiles, type Pushdown } from './postgres.ts';
import { describeSource, loadSource, type SourceSpec } from './source.ts';
import type { Chunking } from './types.ts';

export interface MonitorColumns {
  id: string;
  timestamp: string;
  score: string;
  prediction: string;
  label: string;
  model_version: string;
  latency_ms: string;
  features?: string[] | undefined;
}

export interface FrameRequest {
  /** The view created: `<name>` with the added columns. */
  name: string;
  rows: SourceSpec;
  labels?: SourceSpec | undefined;
  /** The score (binary) or prediction (regression) column. */
  output: string;
  columns: MonitorColumns;
  chunking: Chunking;
  since?: Date | undefined;
  until?: Date | undefined;
  /** Whether the rows must carry a label column themselves (the reference). */
  needsLabel: boolean;
  /** Whether a database source may keep columns it aggregates (nothing else reads them). */
  aggregateInDatabase?: boolean;
}

export interface Frame {
  /** With labels. */
  view: string;
  /** Without labels: the source's columns, __ts and __chunk. */
  rowsView: string;
  display: string;
  /** The id column's name. */
  id: string;
  /** The columns of the source, as read. */
  columns: string[];
  hasLatency: boolean;
  /** Latency percentiles by chunk key, when the database computed them. */
  latencyByChunk?: Map<number, LatencyPercentiles>;
}

const q = quoteIdentifier;
const UNITS = new Set(['hour', 'day', 'week', 'month']);

function missing(display: string, column: string, columns: string[], key: string): DataError {
  return new DataError(`${display}: no column "${column}" (it has ${columns.join(', ')}); name it with monitoring.columns.${key}`);
}

export async function openFrame(engine: DataEngine, request: FrameRequest): Promise<Frame> {
  const { name, columns: names } = request;
  const display = describeSource(request.rows);
  const raw = `${name}_source`;
  const pushdown: Pushdown = { timestamp: names.timestamp, ...(request.since ? { since: request.since } : {}), ...(request.until ? { until: request.until } : {}) };
  // PostgreSQL computes the latency percentiles of time chunks itself: latencies stay there.
  let latencyByChunk: Map<number, LatencyPercentiles> | undefined;
  let sourceColumns: string[] | undefined;
  if (request.rows.kind === 'postgres' && typeof request.chunking === 'string' && request.aggregateInDatabase) {
    sourceColumns = await postgresColumns(request.rows);
    if (sourceColumns.includes(names.latency_ms) && sourceColumns.includes(names.timestamp)) {
      latencyByChunk = await postgresLatency(request.rows, pushdown, request.chunking, names.latency_ms);
      pushdown.exclude = [names.latency_ms];
    }
  }
  const loaded = await loadSource(engine, raw, request.rows, pushdown);
  const columns = latencyByChunk ? sourceColumns! : loaded;
  if (!columns.includes(names.timestamp)) throw missing(display, names.timestamp, columns, 'timestamp');
  if (!columns.includes(request.output)) throw missing(display, request.output, columns, request.output === names.score ? 'score' : 'prediction');
  let labelSql = columns.includes(names.label) ? `rows.${q(names.label)}` : 'NULL';
  let join = '';
  if (request.labels) {
    const labelsDisplay = describeSource(request.labels);
    const labelColumns = await loadSource(engine, `${name}_labels`, request.labels);
    for (const [column, key] of [[names.id, 'id'], [names.label, 'label']] as const) if (!labelColumns.includes(column)) throw missing(labelsDisplay, column, labelColumns, key);
    if (!columns.includes(names.id)) throw missing(display, names.id, columns, 'id');
    const [counts] = await engine.query(`SELECT count(*) AS n, count(DISTINCT ${q(names.id)}) AS ids FROM ${q(`${name}_labels`)}`);
    const repeated = Number(counts!.n) - Number(counts!.ids);
    if (repeated > 0) throw new DataError(`${labelsDisplay}: ${repeated === 1 ? 'an id has' : `${repeated} ids have`} more than one label; expected one label per id`);
    join = ` LEFT JOIN (SELECT CAST(${q(names.id)} AS VARCHAR) AS __label_id, ${q(names.label)} AS __arrived FROM ${q(`${name}_labels`)}) AS labels ON CAST(rows.${q(names.id)} AS VARCHAR) = labels.__label_id`;
    labelSql = labelSql === 'NULL' ? 'labels.__arrived' : `coalesce(labels.__arrived, ${labelSql})`;
  } else if (request.needsLabel && labelSql === 'NULL') throw missing(display, names.label, columns, 'label');
  const conditions = [`rows.${q(names.timestamp)} IS NOT NULL`];
  if (request.since) conditions.push(`CAST(rows.${q(names.timestamp)} AS TIMESTAMPTZ) >= ${quoteLiteral(request.since.toISOString())}::TIMESTAMPTZ`);
  if (request.until) conditions.push(`CAST(rows.${q(names.timestamp)} AS TIMESTAMPTZ) < ${quoteLiteral(request.until.toISOString())}::TIMESTAMPTZ`);
  const chunking = request.chunking;
  if (typeof chunking === 'string' && !UNITS.has(chunking)) throw new DataError(`unknown chunking ${chunking}`);
  const order = loaded.includes(names.id) ? `__ts, ${q(names.id)}` : '__ts';
  const chunkSql =
    typeof chunking === 'string'
      ? `epoch_us(date_trunc(${quoteLiteral(chunking)}, __ts))`
      : `(row_number() OVER (ORDER BY ${order}) - 1) // ${chunking.rows}`;
  // `<name>_rows`: the source's rows with __ts and __chunk, for drift and quality; `<name>`
  // adds the labels, for the metrics (the join runs only where labels are read).
  const timed = `SELECT rows.*, CAST(rows.${q(names.timestamp)} AS TIMESTAMPTZ) AS __ts FROM ${q(raw)} AS rows WHERE ${conditions.join(' AND ')}`;
  await engine.query(`CREATE OR REPLACE VIEW ${q(`${name}_rows`)} AS SELECT *, ${chunkSql} AS __chunk FROM (${timed})`);
  await engine.query(`CREATE OR REPLACE VIEW ${q(name)} AS SELECT rows.*, CAST(${labelSql} AS DOUBLE) AS __label FROM ${q(`${name}_rows`)} AS rows${join}`);
  return { view: name, rowsView: `${name}_rows`, display, id: names.id, columns: loaded, hasLatency: columns.includes(names.latency_ms), ...(latencyByChunk ? { latencyByChunk } : {}) };
}

/** The chunks of a frame in order: key, first and last row time, rows, labelled rows and latency percentiles. */
export interface ChunkSummary {
  key: number;
  first: Date;
  last: Date;
  rows: number;
  labelled: number;
  latency: { p50: number; p95: number; p99: number } | null;
}

export async function chunkSummaries(engine: DataEngine, frame: Frame, latencyColumn: string): Promise<ChunkSummary[]> {
  const latency = frame.hasLatency && !frame.latencyByChunk
    ? `, quantile_cont(${q(latencyColumn)}, 0.5) AS p50, quantile_cont(${q(latencyColumn)}, 0.95) AS p95, quantile_cont(${q(latencyColumn)}, 0.99) AS p99`
    : '';
  // The first query to read every row: a timestamp or label that does not convert fails here.
  const rows = await engine
    .query(`SELECT __chunk AS key, epoch_ms(min(__ts)) AS first, epoch_ms(max(__ts)) AS last, count(*) AS n, count(__label) AS labelled${latency} FROM ${q(frame.view)} GROUP BY __chunk ORDER BY __chunk`)
    .catch((error: unknown) => {
      throw new DataError(`${frame.display}: cannot read the timestamp or label column (${(error as Error).message.replace(/^query failed: /, '')})`);
    });
  return rows.map((row) => ({
    key: Number(row.key),
    first: new Date(Number(row.first)),
    last: new Date(Number(row.last)),
    rows: Number(row.n),
    labelled: Number(row.labelled),
    latency: frame.latencyByChunk
      ? (frame.latencyByChunk.get(Number(row.key)) ?? null)
      : row.p50 === null || row.p50 === undefined
        ? null
        : { p50: Number(row.p50), p95: Number(row.p95), p99: Number(row.p99) },
  }));
}

/**
 * The output and label of every row (NaN where the label has not arrived), by chunk and
 * in time order within a chunk, so that sums add up in the same order whatever the source.
 */
export async function chunkValues(engine: DataEngine, frame: Frame, output: string): Promise<{ output: Float64Array; label: Float64Array }> {
  const order = frame.columns.includes(frame.id) ? `__chunk, __ts, ${q(frame.id)}` : '__chunk, __ts';
  const { columns } = await engine.queryNumbers(`SELECT CAST(${q(output)} AS DOUBLE), __label FROM ${q(frame.view)} ORDER BY ${order}`);
  return { output: columns[0]!, label: columns[1]! };
}
