/**
 * A monitoring result as metrics for Prometheus: the latest chunk's values as
 * `trainyard_model_metric{model, version, metric, kind}` (kind `realized`, `estimated`,
 * `latency` in milliseconds, `drift` for the share of drifted columns) and its alert
 * count as `trainyard_model_alerts{model, version}`. Metrics whose value is null (a
 * zero denominator, no labels yet) are left out rather than written as NaN, so a
 * dashboard shows a gap, not a fake value.
 *
 * Two encodings of the same samples: OpenMetrics text (`--openmetrics`, for a textfile
 * collector or a static file scrape) and Prometheus text format 0.0.4 (what the
 * Pushgateway's API accepts).
 */
import type { ChunkResult, MonitorResult } from './types.ts';

export const METRIC_FAMILY = 'trainyard_model_metric';
export const ALERTS_FAMILY = 'trainyard_model_alerts';

export interface Sample {
  labels: Record<string, string>;
  value: number;
}

export interface Family {
  name: string;
  help: string;
  samples: Sample[];
}

const METRIC_KINDS = ['realized', 'estimated'] as const;

/** The latest chunk: the one whose values a scrape or a push reports. */
export function latestChunk(result: MonitorResult): ChunkResult | null {
  return result.chunks.length > 0 ? result.chunks[result.chunks.length - 1]! : null;
}

/** The two families of a result; empty samples when the result has no chunk. */
export function monitorFamilies(result: MonitorResult, version: string | null): Family[] {
  const base = { model: result.model, version: version ?? '' };
  const chunk = latestChunk(result);
  const metrics: Sample[] = [];
  const alerts: Sample[] = [];
  if (chunk) {
    for (const kind of METRIC_KINDS) {
      const values = chunk[kind];
      if (!values) continue;
      for (const metric of Object.keys(values).sort()) {
        const value = values[metric];
        if (typeof value === 'number' && Number.isFinite(value)) metrics.push({ labels: { ...base, metric, kind }, value });
      }
    }
    if (chunk.latency) {
      for (const quantile of ['p50', 'p95', 'p99'] as const) metrics.push({ labels: { ...base, metric: `latency_${quantile}`, kind: 'latency' }, value: chunk.latency[quantile] });
    }
    metrics.push({ labels: { ...base, metric: 'drift_share', kind: 'drift' }, value: chunk.drift.share });
    alerts.push({ labels: base, value: chunk.alerts.length });
  }
  return [
    { name: METRIC_FAMILY, help: 'Latest monitoring chunk of a model in production: realized and estimated metrics, latency (ms), drift share.', samples: metrics },
    { name: ALERTS_FAMILY, help: 'Alerts raised by the latest monitoring chunk of a model.', samples: alerts },
  ];
}

/** Escapes a label value: backslash, double quote and line feed (both text formats agree). */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** Escapes HELP text; OpenMetrics also escapes double quotes there, the 0.0.4 format does not. */
function escapeHelp(text: string, openMetrics: boolean): string {
  const escaped = text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
  return openMetrics ? escaped.replace(/"/g, '\\"') : escaped;
}

/** Shortest round-tripping decimal; integers without an exponent, infinities as the formats spell them. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

function renderFamilies(families: Family[], openMetrics: boolean): string {
  const lines: string[] = [];
  for (const family of families) {
    lines.push(`# TYPE ${family.name} gauge`, `# HELP ${family.name} ${escapeHelp(family.help, openMetrics)}`);
    for (const sample of family.samples) {
      const labels = Object.entries(sample.labels).map(([name, value]) => `${name}="${escapeLabelValue(value)}"`).join(',');
      lines.push(`${family.name}{${labels}} ${formatValue(sample.value)}`);
    }
  }
  if (openMetrics) lines.push('# EOF');
  return `${lines.join('\n')}\n`;
}

/** OpenMetrics 1.0 text, ending with `# EOF`; content type `application/openmetrics-text; version=1.0.0`. */
export function renderOpenMetrics(result: MonitorResult, version: string | null): string {
  return renderFamilies(monitorFamilies(result, version), true);
}

/** Prometheus text format 0.0.4 (`text/plain; version=0.0.4`), the body of a Pushgateway push. */
export function renderPrometheusText(result: MonitorResult, version: string | null): string {
  return renderFamilies(monitorFamilies(result, version), false);
}
