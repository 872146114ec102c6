/**
 * monitor.md: the latest chunk's verdict, one chart per metric over the chunks (realized
 * and estimated values with the reference band), a table per metric with the same
 * numbers, and the alerts. For job summaries and comments.
 */
import { formatNumber } from '../util/format.ts';
import { multiLineChart } from '../report/mermaid.ts';
import type { Band } from './bands.ts';
import type { Alert, ChunkResult, MonitorResult } from './types.ts';

const cell = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : formatNumber(value));

/** A chunk's label on a chart axis: the start date, or the start time for hourly chunks. */
function chunkLabel(result: MonitorResult, chunk: ChunkResult): string {
  return result.chunking === 'hour' ? chunk.start.slice(0, 13).replace('T', ' ') + 'h' : chunk.start.slice(0, 10);
}

function alertText(alert: Alert): string {
  const band = alert.lower === null && alert.upper !== null ? `above ${cell(alert.upper)}` : alert.upper === null ? `below ${cell(alert.lower)}` : `outside [${cell(alert.lower)}, ${cell(alert.upper)}]`;
  if (alert.kind === 'drift') return `drift: ${formatNumber(alert.value ?? 0)} of the feature columns drifted (share threshold ${cell(alert.upper)})`;
  if (alert.kind === 'quality') return `quality: ${alert.metric} failed for ${cell(alert.value)} values`;
  return `${alert.kind} ${alert.metric} ${cell(alert.value)}, ${band}`;
}

function metricSection(result: MonitorResult, metric: string, band: Band | undefined, pick: (chunk: ChunkResult) => { realized: number | null; estimated: number | null }, estimatedKind: string): string[] {
  const labels = result.chunks.map((chunk) => chunkLabel(result, chunk));
  const realized = result.chunks.map((chunk) => pick(chunk).realized);
  const estimated = result.chunks.map((chunk) => pick(chunk).estimated);
  const lines: number[][] = [];
  const drawn: string[] = [];
  const complete = (series: (number | null)[]): series is number[] => series.length > 0 && series.every((value) => value !== null);
  if (complete(realized)) {
    lines.push(realized);
    drawn.push('realized');
  }
  if (complete(estimated)) {
    lines.push(estimated);
    drawn.push(estimatedKind);
  }
  if (band?.lower !== null && band?.lower !== undefined && lines.length > 0) {
    lines.push(labels.map(() => band.lower!));
    drawn.push('lower bound');
  }
  if (band?.upper !== null && band?.upper !== undefined && lines.length > 0) {
    lines.push(labels.map(() => band.upper!));
    drawn.push('upper bound');
  }
  const out = [`### ${metric}`, ''];
  if (lines.length > 0 && lines.length > drawn.filter((name) => name.includes('bound')).length) {
    out.push(multiLineChart({ title: metric, axis: metric, labels, lines }), '', `Lines, in order: ${drawn.join(', ')}.${complete(realized) ? '' : ' Realized values are in the table only: some chunks have no labels yet.'}`, '');
  }
  out.push(`| chunk | realized | ${estimatedKind} | band |`, '| --- | --- | --- | --- |');
  const bandText = band ? `[${cell(band.lower)}, ${cell(band.upper)}]` : '—';
  result.chunks.forEach((chunk, i) => out.push(`| ${labels[i]} | ${cell(realized[i])} | ${cell(estimated[i])} | ${bandText} |`));
  out.push('');
  return out;
}

export function renderMonitorReport(result: MonitorResult, bands: { realized: Record<string, Band>; latency: Record<string, Band> }): string {
  const latest = result.chunks[result.chunks.length - 1];
  const out = [`## Monitoring: ${result.model}`, ''];
  if (!latest) out.push('No rows in the monitored period.', '');
  else {
    const verdict = latest.alerts.length === 0 ? 'no alerts' : `**${latest.alerts.length} alert${latest.alerts.length === 1 ? '' : 's'}**`;
    out.push(
      `Latest chunk ${latest.start} to ${latest.end}: ${verdict}; ${formatNumber(latest.rows)} rows, ${formatNumber(latest.labelled)} labelled.`,
      '',
      `${result.chunks.length} ${result.chunking} chunks (UTC); reference: ${formatNumber(result.reference.rows)} rows in ${result.reference.chunks} chunks${result.reference.source ? `, from ${result.reference.source}` : ''}, bands are the reference chunks' mean ± 3 standard deviations.`,
      '',
    );
    if (latest.alerts.length > 0) out.push(...latest.alerts.map((alert) => `- ${alertText(alert)}`), '');
  }
  const metrics = new Set<string>();
  for (const chunk of result.chunks) for (const name of [...Object.keys(chunk.realized ?? {}), ...Object.keys(chunk.estimated ?? {})]) metrics.add(name);
  for (const metric of metrics) {
    out.push(...metricSection(result, metric, bands.realized[metric], (chunk) => ({ realized: chunk.realized?.[metric] ?? null, estimated: chunk.estimated?.[metric] ?? null }), 'estimated'));
  }
  if (result.chunks.some((chunk) => chunk.latency)) {
    out.push('### latency (ms)', '', '| chunk | p50 | p95 | p99 |', '| --- | --- | --- | --- |');
    for (const chunk of result.chunks) out.push(`| ${chunkLabel(result, chunk)} | ${cell(chunk.latency?.p50)} | ${cell(chunk.latency?.p95)} | ${cell(chunk.latency?.p99)} |`);
    out.push('');
  }
  out.push('### Drift and data quality', '', '| chunk | rows | labelled | drifted columns | drift share | quality failures | alerts |', '| --- | --- | --- | --- | --- | --- | --- |');
  for (const chunk of result.chunks) {
    const drifted = chunk.drift.columns.filter((column) => column.drifted).map((column) => column.column);
    out.push(`| ${chunkLabel(result, chunk)} | ${formatNumber(chunk.rows)} | ${formatNumber(chunk.labelled)} | ${drifted.join(', ') || '—'} | ${cell(chunk.drift.share)} | ${formatNumber(chunk.quality.failures)} | ${chunk.alerts.length} |`);
  }
  out.push('');
  return `${out.join('\n')}\n`;
}
