/**
 * Thresholds, as NannyML sets them by default: each metric's values over the reference
 * chunks give mean ± 3 population standard deviations, clipped to the metric's range;
 * the policy's `threshold` tightens the side it guards. A value outside its band is an
 * alert.
 */
import type { MetricRule } from '../config/schema.ts';
import type { Alert, AlertKind, MetricValues } from './types.ts';

export interface Band {
  lower: number | null;
  upper: number | null;
}

/** The range a metric can take: scores in [0, 1], errors from 0, r2 up to 1. */
const RANGES: Record<string, [number, number]> = {
  roc_auc: [0, 1],
  accuracy: [0, 1],
  precision: [0, 1],
  recall: [0, 1],
  f1: [0, 1],
  log_loss: [0, Number.POSITIVE_INFINITY],
  rmse: [0, Number.POSITIVE_INFINITY],
  mae: [0, Number.POSITIVE_INFINITY],
  r2: [Number.NEGATIVE_INFINITY, 1],
  p50: [0, Number.POSITIVE_INFINITY],
  p95: [0, Number.POSITIVE_INFINITY],
  p99: [0, Number.POSITIVE_INFINITY],
};

const finite = (value: number): number | null => (Number.isFinite(value) ? value : null);

/** mean ± 3 σ (ddof 0) of the non-null reference values; no band from no values. */
export function referenceBand(metric: string, values: readonly (number | null)[], rule?: MetricRule): Band {
  const present = values.filter((value): value is number => value !== null);
  let lower = Number.NEGATIVE_INFINITY;
  let upper = Number.POSITIVE_INFINITY;
  if (present.length > 0) {
    const mean = present.reduce((sum, value) => sum + value, 0) / present.length;
    const std = Math.sqrt(present.reduce((sum, value) => sum + (value - mean) ** 2, 0) / present.length);
    const [low, high] = RANGES[metric] ?? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
    lower = Math.max(mean - 3 * std, low);
    upper = Math.min(mean + 3 * std, high);
  }
  if (rule?.threshold !== undefined) {
    if (rule.greater_is_better) lower = Math.max(lower, rule.threshold);
    else upper = Math.min(upper, rule.threshold);
  }
  return { lower: finite(lower), upper: finite(upper) };
}

export function outside(value: number | null, band: Band): boolean {
  if (value === null) return false;
  return (band.lower !== null && value < band.lower) || (band.upper !== null && value > band.upper);
}

/** The alerts of a chunk's metric values against their bands. */
export function metricAlerts(kind: AlertKind, values: MetricValues | null, bands: Record<string, Band>): Alert[] {
  if (!values) return [];
  const alerts: Alert[] = [];
  for (const [metric, value] of Object.entries(values)) {
    const band = bands[metric];
    if (band && outside(value, band)) alerts.push({ kind, metric, value, lower: band.lower, upper: band.upper });
  }
  return alerts;
}
