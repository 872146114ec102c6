/**
 * The result of `trainyard monitor`: one model's prediction log cut into chunks, each with
 * realized metrics (rows whose labels arrived), estimated metrics (all rows, by
 * confidence-based performance estimation), latency, data quality and drift, judged
 * against bands from the reference period. This is the `--json` contract.
 */

export type MonitorTask = 'binary' | 'regression';

/** `hour`, `day`, `week` (weeks start on Monday, UTC), `month`, or a fixed row count. */
export type Chunking = 'hour' | 'day' | 'week' | 'month' | { rows: number };

export type MetricValues = Record<string, number | null>;

export interface DriftColumnResult {
  column: string;
  method: string;
  statistic: number | null;
  drifted: boolean;
}

export interface ChunkDrift {
  drifted: boolean;
  /** Share of the monitored columns that drifted. */
  share: number;
  columns: DriftColumnResult[];
}

export type AlertKind = 'realized' | 'estimated' | 'drift' | 'quality' | 'latency';

export interface Alert {
  kind: AlertKind;
  /** The metric (or column, for drift; check, for quality) out of its band. */
  metric: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
}

export interface ChunkResult {
  /** ISO timestamps in UTC, the chunk is [start, end). Row chunks carry the first and last row's times. */
  start: string;
  end: string;
  rows: number;
  labelled: number;
  realized: MetricValues | null;
  estimated: MetricValues | null;
  latency: { p50: number; p95: number; p99: number } | null;
  drift: ChunkDrift;
  quality: { failures: number };
  alerts: Alert[];
}

export interface MonitorResult {
  model: string;
  /** `hour` | `day` | `week` | `month` | `<N>rows`. */
  chunking: string;
  /**
   * The reference rows and chunks, and where they came from: the --reference source, a
   * time range of the log, or the champion's predictions on the evaluation rows.
   */
  reference: { rows: number; chunks: number; source?: string };
  chunks: ChunkResult[];
  /** The alerts of every chunk, in chunk order. */
  alerts: Alert[];
}
