/**
 * The prediction rows of one side (the log, or the reference) as a DuckDB view with
 * three added columns: `__ts` (the timestamp as TIMESTAMPTZ, UTC), `__label` (the
 * label as DOUBLE, NULL until it arrives) and `__chunk` (the chunk's start in epoch
 * microseconds for time chunks, its index for row chunks).
 */
import { quoteIdentifier, quoteLiteral, type DataEngine } from '../data/engine.ts';
import { DataError } from '../errors.ts';
import { postgresColumns, postgresLatency, type LatencyPercentiles, type Pushdown } from './postgres.ts';
import { latencyPercentiles } from './chunk-metrics.ts';
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
  /** Rows without the timestamp column (a reference of labelled rows), chunked by row count in id order. */
  untimed?: boolean;
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
  /** Whether the chunks are time chunks, keyed by their start. */
  timeChunks: boolean;
  /** Whether `rowsView` costs little to read again: a Parquet or PostgreSQL source cut into time chunks. */
  cheap: boolean;
  /** Latency percentiles by chunk key, when the database computed them. */
  latencyByChunk?: Map<number, LatencyPercentiles>;
}

const q = quoteIdentifier;
const UNITS = new Set(['hour', 'day', 'week', 'month']);
const EXACT_ID = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|VARCHAR|UUID)$/;
const HOUR_US = 3_600_000_000;
/** Fixed-length chunks in UTC as microsecond arithmetic: hours and days from the epoch, weeks from Monday 1970-01-05. */
const FIXED: Record<string, { length: number; offset: number }> = { hour: { length: HOUR_US, offset: 0 }, day: { length: 24 * HOUR_US, offset: 0 }, week: { length: 7 * 24 * HOUR_US, offset: 4 * 24 * HOUR_US } };

/** The chunk key of `__ts`: date_trunc's start in epoch microseconds (UTC), without a time zone lookup per row where the length is fixed. */
function timeChunkSql(unit: string): string {
  const fixed = FIXED[unit];
  if (!fixed) return `epoch_us(date_trunc(${quoteLiteral(unit)}, __ts))`;
  const shifted = `(epoch_us(__ts) - ${fixed.offset})`;
  return `(${shifted} - ((${shifted} % ${fixed.length}) + ${fixed.length}) % ${fixed.length} + ${fixed.offset})`;
}

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
  const { columns: loaded, cheap } = await loadSource(engine, raw, request.rows, pushdown);
  const columns = latencyByChunk ? sourceColumns! : loaded;
  const untimed = request.untimed === true && typeof request.chunking !== 'string' && !columns.includes(names.timestamp);
  if (!untimed && !columns.includes(names.timestamp)) throw missing(display, names.timestamp, columns, 'timestamp');
  if (!columns.includes(request.output)) throw missing(display, request.output, columns, request.output === names.score ? 'score' : 'prediction');
  let labelSql = columns.includes(names.label) ? `rows.${q(names.label)}` : 'NULL';
  let join = '';
  if (request.labels) {
    const labelsDisplay = describeSource(request.labels);
    const { columns: labelColumns } = await loadSource(engine, `${name}_labels`, request.labels);
    for (const [column, key] of [[names.id, 'id'], [names.label, 'label']] as const) if (!labelColumns.includes(column)) throw missing(labelsDisplay, column, labelColumns, key);
    if (!columns.includes(names.id)) throw missing(display, names.id, columns, 'id');
    const [counts] = await engine.query(`SELECT count(*) AS n, count(DISTINCT ${q(names.id)}) AS ids FROM ${q(`${name}_labels`)}`);
    const repeated = Number(counts!.n) - Number(counts!.ids);
    if (repeated > 0) throw new DataError(`${labelsDisplay}: ${repeated === 1 ? 'an id has' : `${repeated} ids have`} more than one label; expected one label per id`);
    // Ids match as text; ids of one exact type (integers, text) match as they are, which is the same and cheaper.
    const idType = async (view: string): Promise<string | undefined> => (await engine.columns(view)).find((column) => column.name === names.id)?.type;
    const [rowsId, labelsId] = [await idType(raw), await idType(`${name}_labels`)];
    const native = rowsId !== undefined && rowsId === labelsId && EXACT_ID.test(rowsId);
    const key = (column: string): string => (native ? column : `CAST(${column} AS VARCHAR)`);
    join = ` LEFT JOIN (SELECT ${key(q(names.id))} AS __label_id, ${q(names.label)} AS __arrived FROM ${q(`${name}_labels`)}) AS labels ON ${key(`rows.${q(names.id)}`)} = labels.__label_id`;
    labelSql = labelSql === 'NULL' ? 'labels.__arrived' : `coalesce(labels.__arrived, ${labelSql})`;
  } else if (request.needsLabel && labelSql === 'NULL') throw missing(display, names.label, columns, 'label');
  const conditions = untimed ? ['true'] : [`rows.${q(names.timestamp)} IS NOT NULL`];
  if (request.since) conditions.push(`CAST(rows.${q(names.timestamp)} AS TIMESTAMPTZ) >= ${quoteLiteral(request.since.toISOString())}::TIMESTAMPTZ`);
  if (request.until) conditions.push(`CAST(rows.${q(names.timestamp)} AS TIMESTAMPTZ) < ${quoteLiteral(request.until.toISOString())}::TIMESTAMPTZ`);
  const chunking = request.chunking;
  if (typeof chunking === 'string' && !UNITS.has(chunking)) throw new DataError(`unknown chunking ${chunking}`);
  const order = loaded.includes(names.id) ? `__ts, ${q(names.id)}` : '__ts';
  const chunkSql =
    typeof chunking === 'string'
      ? timeChunkSql(chunking)
      : `(row_number() OVER (ORDER BY ${order}) - 1) // ${chunking.rows}`;
  // `<name>_rows`: the source's rows with __ts and __chunk, for drift and quality; `<name>`
  // adds the labels, for the metrics (the join runs only where labels are read).
  const timeSql = untimed ? 'CAST(NULL AS TIMESTAMPTZ)' : `CAST(rows.${q(names.timestamp)} AS TIMESTAMPTZ)`;
  const timed = `SELECT rows.*, ${timeSql} AS __ts FROM ${q(raw)} AS rows WHERE ${conditions.join(' AND ')}`;
  await engine.query(`CREATE OR REPLACE VIEW ${q(`${name}_rows`)} AS SELECT *, ${chunkSql} AS __chunk FROM (${timed})`);
  await engine.query(`CREATE OR REPLACE VIEW ${q(name)} AS SELECT rows.*, CAST(${labelSql} AS DOUBLE) AS __label FROM ${q(`${name}_rows`)} AS rows${join}`);
  return { view: name, rowsView: `${name}_rows`, display, id: names.id, columns: loaded, timeChunks: typeof chunking === 'string', cheap: cheap && typeof chunking === 'string', hasLatency: columns.includes(names.latency_ms), ...(latencyByChunk ? { latencyByChunk } : {}) };
}

/** The chunks of a frame in order: key, first and last row time, rows, labelled rows and latency percentiles. */
export interface ChunkSummary {
  key: number;
  /** The first and last row's time for chunks of N rows; a time chunk's start, for both, otherwise. */
  first: Date;
  last: Date;
  rows: number;
  labelled: number;
  latency: { p50: number; p95: number; p99: number } | null;
}

export interface ChunkRows {
  summaries: ChunkSummary[];
  /** The output and label of every row (NaN where the label has not arrived), chunk after chunk. */
  output: Float64Array;
  label: Float64Array;
}

/**
 * One ordered read of the columns the metrics need, in typed arrays: every row's output
 * and label by chunk and in time order within a chunk (so that sums add up in the same
 * order whatever the source), and each chunk's summary counted from them. The first query
 * to read every row: a timestamp or label that does not convert fails here.
 */
export async function chunkRows(engine: DataEngine, frame: Frame, output: string, latencyColumn: string): Promise<ChunkRows> {
  const order = frame.columns.includes(frame.id) ? `__chunk, __ts, ${q(frame.id)}` : '__chunk, __ts';
  const latency = frame.hasLatency && !frame.latencyByChunk;
  // Time chunks are named by their key; the first and last row times name chunks of N rows.
  const times = !frame.timeChunks;
  const select = ['CAST(__chunk AS DOUBLE)', `CAST(${q(output)} AS DOUBLE)`, '__label', ...(latency ? [`CAST(${q(latencyColumn)} AS DOUBLE)`] : []), ...(times ? ['CAST(epoch_ms(__ts) AS DOUBLE)'] : [])];
  const { columns } = await engine.queryNumbers(`SELECT ${select.join(', ')} FROM ${q(frame.view)} ORDER BY ${order}`).catch((error: unknown) => {
    throw new DataError(`${frame.display}: cannot read the timestamp or label column (${(error as Error).message.replace(/^query failed: /, '')})`);
  });
  const [chunk, values, label] = columns as [Float64Array, Float64Array, Float64Array];
  const latencies = latency ? columns[3] : undefined;
  const time = times ? columns[columns.length - 1]! : undefined;
  const summaries: ChunkSummary[] = [];
  for (let from = 0; from < chunk.length; ) {
    const key = chunk[from]!;
    let to = from;
    let labelled = 0;
    while (to < chunk.length && chunk[to] === key) if (!Number.isNaN(label[to++]!)) labelled++;
    summaries.push({
      key,
      first: new Date(time ? time[from]! : key / 1000),
      last: new Date(time ? time[to - 1]! : key / 1000),
      rows: to - from,
      labelled,
      latency: frame.latencyByChunk ? (frame.latencyByChunk.get(key) ?? null) : latencies ? latencyPercentiles(latencies.subarray(from, to)) : null,
    });
    from = to;
  }
  return { summaries, output: values, label };
}
