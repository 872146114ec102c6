/** Hand-made MonitorResults: a binary model's weekly chunks, the way `trainyard monitor --json` writes them. */
import type { Alert, ChunkResult, MonitorResult } from '../../src/monitor/types.ts';

export interface ChunkSpec {
  /** Monday of the chunk's week, YYYY-MM-DD. */
  week: string;
  auc: number | null;
  estimatedAuc: number;
  alerts?: Alert[];
  rows?: number;
  labelled?: number;
  latency?: { p50: number; p95: number; p99: number } | null;
  driftShare?: number;
}

export function chunk(spec: ChunkSpec): ChunkResult {
  const start = new Date(`${spec.week}T00:00:00Z`);
  const end = new Date(start.getTime() + 7 * 86_400_000);
  const labelled = spec.labelled ?? (spec.auc === null ? 0 : 500);
  return {
    start: start.toISOString(),
    end: end.toISOString(),
    rows: spec.rows ?? 1000,
    labelled,
    realized: spec.auc === null ? null : { roc_auc: spec.auc, accuracy: 0.8, precision: 0.7, recall: 0.6, f1: 0.646, log_loss: 0.45 },
    estimated: { roc_auc: spec.estimatedAuc, accuracy: 0.81, precision: null, recall: 0.61, f1: 0.65 },
    latency: spec.latency === undefined ? { p50: 12.5, p95: 40, p99: 95.25 } : spec.latency,
    drift: { drifted: (spec.driftShare ?? 0) > 0.5, share: spec.driftShare ?? 0, columns: [{ column: 'distance', method: 'ks', statistic: 0.01, drifted: false }] },
    quality: { failures: 0 },
    alerts: spec.alerts ?? [],
  };
}

export const aucLow = (value: number, kind: 'realized' | 'estimated' = 'realized'): Alert => ({ kind, metric: 'roc_auc', value, lower: 0.7, upper: 0.9 });

export function result(model: string, chunks: ChunkSpec[]): MonitorResult {
  const built = chunks.map(chunk);
  return { model, chunking: 'week', reference: { rows: 4000, chunks: 4 }, chunks: built, alerts: built.flatMap((c) => c.alerts) };
}
