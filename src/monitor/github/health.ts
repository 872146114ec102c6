/**
 * The text of a model's health issue, its alert comments and its retraining evidence,
 * all computed from the monitoring history (the data branch). The issue body is a pure
 * function of the history, so publishing the same history twice leaves it unchanged.
 */
import { createHash } from 'node:crypto';
import type { Alert } from '../types.ts';
import type { HistoryRecord } from './history.ts';

export const HEALTH_LABELS = ['trainyard', 'trainyard:monitoring'];
export const healthMarker = (model: string): string => `<!-- trainyard:health:${model} -->`;
export const healthTitle = (model: string): string => `Model health: ${model}`;
export const alertMarker = (model: string, digest: string): string => `<!-- trainyard:monitoring-alert:${model}:${digest} -->`;

/** Chunks shown in charts and in the chunk table. */
export const CHART_CHUNKS = 26;
export const TABLE_CHUNKS = 12;

const round = (value: number): number => Math.round(value * 1e4) / 1e4;
const show = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : String(round(value)));
const day = (iso: string): string => iso.slice(0, 10);
const hour = (iso: string): string => iso.slice(0, 16).replace('T', ' ');

/** How a chunk is named: the day of its start, with the time for hourly chunks. */
export function chunkLabel(record: Pick<HistoryRecord, 'start' | 'chunking'>): string {
  return record.chunking === 'hour' ? hour(record.start) : day(record.start);
}

export const alertKey = (alert: Pick<Alert, 'kind' | 'metric'>): string => `${alert.kind}:${alert.metric}`;

function band(alert: Alert): string {
  if (alert.lower !== null && alert.upper !== null) return `[${show(alert.lower)}, ${show(alert.upper)}]`;
  if (alert.lower !== null) return `≥ ${show(alert.lower)}`;
  if (alert.upper !== null) return `≤ ${show(alert.upper)}`;
  return '—';
}

/** A chunk's alerts in a table cell: the first three named, the rest counted. */
function alertCell(alerts: Alert[]): string {
  if (alerts.length === 0) return '0';
  const named = alerts.slice(0, 3).map((a) => `${a.kind} ${a.metric}`).join(', ');
  return alerts.length > 3 ? `${named} and ${alerts.length - 3} more` : named;
}

export function alertTable(rows: Array<{ chunk: string; alert: Alert }>): string[] {
  return ['| chunk | kind | metric | value | band |', '| --- | --- | --- | --- | --- |', ...rows.map(({ chunk, alert }) => `| ${chunk} | ${alert.kind} | ${alert.metric} | ${show(alert.value)} | ${band(alert)} |`)];
}

/** The band of a metric: the latest alert on it that carries one (bands come from the reference, the same for every chunk). */
function knownBand(records: HistoryRecord[], kind: string, metric: string): { lower: number | null; upper: number | null } | null {
  for (let i = records.length - 1; i >= 0; i--) {
    const alert = records[i]!.alerts.find((a) => a.kind === kind && a.metric === metric && (a.lower !== null || a.upper !== null));
    if (alert) return { lower: alert.lower, upper: alert.upper };
  }
  return null;
}

const quote = (text: string): string => `"${text.replace(/"/g, "'")}"`;

/** Values of a line up to its first missing point: a mermaid line cannot have gaps, so it stops there. */
function leading(values: Array<number | null | undefined>): number[] {
  const out: number[] = [];
  for (const value of values) {
    if (typeof value !== 'number' || !Number.isFinite(value)) break;
    out.push(round(value));
  }
  return out;
}

/** A mermaid xychart of one metric over the chunks: realized, estimated, then the band's lower and upper edges. */
export function metricChart(records: HistoryRecord[], metric: string): string[] | null {
  const realized = leading(records.map((r) => r.realized?.[metric]));
  const estimated = leading(records.map((r) => r.estimated?.[metric]));
  if (realized.length === 0 && estimated.length === 0) return null;
  const lines: Array<{ name: string; values: number[] }> = [];
  if (realized.length > 0) lines.push({ name: 'realized', values: realized });
  if (estimated.length > 0) lines.push({ name: 'estimated', values: estimated });
  const bandOf = knownBand(records, 'estimated', metric) ?? knownBand(records, 'realized', metric);
  if (bandOf?.lower !== null && bandOf?.lower !== undefined) lines.push({ name: 'lower', values: records.map(() => round(bandOf.lower!)) });
  if (bandOf?.upper !== null && bandOf?.upper !== undefined) lines.push({ name: 'upper', values: records.map(() => round(bandOf.upper!)) });
  const all = lines.flatMap((l) => l.values);
  const low = Math.min(...all);
  const high = Math.max(...all);
  const pad = (high - low) * 0.1 || Math.abs(high) * 0.05 || 0.05;
  return [
    `**${metric}**: ${lines.map((l) => l.name).join(', ')} (in this order)`,
    '',
    '```mermaid',
    'xychart-beta',
    `  title ${quote(metric)}`,
    `  x-axis [${records.map((r) => quote(chunkLabel(r))).join(', ')}]`,
    `  y-axis ${quote(metric)} ${round(low - pad)} --> ${round(high + pad)}`,
    ...lines.map((l) => `  line [${l.values.join(', ')}]`),
    '```',
    '',
  ];
}

export interface HealthInput {
  model: string;
  /** The history of the chunking being published, sorted by time. */
  records: HistoryRecord[];
  /** The retraining pull request, when one is open for the model. */
  retraining?: { number: number; url: string | null } | null;
}

export function metricNames(records: HistoryRecord[]): string[] {
  const names = new Set<string>();
  for (const r of records) for (const values of [r.realized, r.estimated]) for (const name of Object.keys(values ?? {})) names.add(name);
  return [...names];
}

/** GitHub refuses issue and comment bodies over 65,536 characters; this leaves room. */
export const MAX_BODY = 60_000;
/** Alerts listed in one comment; the rest are counted. */
export const MAX_ALERT_ROWS = 100;

/** The health issue's body; the folded charts go first, then the quiet ones are left out, when it would be too long. */
export function healthBody(input: HealthInput): string {
  const full = renderHealth(input, true);
  return full.length <= MAX_BODY ? full : renderHealth(input, false);
}

function renderHealth(input: HealthInput, quietCharts: boolean): string {
  const { model, records } = input;
  const latest = records.at(-1);
  const out = [healthMarker(model), `## ${model} in production`, ''];
  if (!latest) return [...out, 'No monitoring chunk recorded yet.', ''].join('\n');
  const status = latest.alerts.length === 0 ? 'no alert' : `**${latest.alerts.length} alert${latest.alerts.length === 1 ? '' : 's'}**`;
  out.push(
    `Latest chunk ${chunkLabel(latest)} (${latest.chunking}, until ${hour(latest.end)} UTC): ${status}; ${latest.rows} rows, ${latest.labelled} with labels${latest.version ? `, version ${latest.version}` : ''}${latest.runUrl ? `, [run](${latest.runUrl})` : ''}.`,
    '',
  );
  if (input.retraining) out.push(`Retraining: #${input.retraining.number}`, '');
  out.push('### Latest alerts', '');
  if (latest.alerts.length === 0) out.push('None in the latest chunk.', '');
  else out.push(...alertTable(latest.alerts.map((alert) => ({ chunk: chunkLabel(latest), alert }))), '');
  const window = records.slice(-CHART_CHUNKS);
  const alerted = new Set(window.flatMap((r) => r.alerts.map((a) => a.metric)));
  const names = metricNames(window);
  const charts = names.map((name) => ({ name, chart: metricChart(window, name) })).filter((c) => c.chart !== null);
  if (charts.length > 0) {
    out.push(`### Metrics over the last ${window.length} chunk${window.length === 1 ? '' : 's'}`, '', 'A realized line stops at the first chunk without labels; the table below has every value.', '');
    for (const { chart } of charts.filter((c) => alerted.has(c.name))) out.push(...chart!);
    const quiet = charts.filter((c) => !alerted.has(c.name));
    if (quiet.length > 0 && quietCharts) out.push('<details><summary>Metrics without alerts</summary>', '', ...quiet.flatMap((c) => c.chart!), '</details>', '');
    else if (quiet.length > 0) out.push(`Metrics without alerts (charts left out for length): ${quiet.map((c) => c.name).join(', ')}.`, '');
  }
  const primary = names[0];
  const recent = records.slice(-TABLE_CHUNKS).reverse();
  out.push(
    '### Chunks',
    '',
    `| chunk | rows | labelled |${primary ? ` realized ${primary} | estimated ${primary} |` : ''} drift share | alerts | run |`,
    `| --- | --- | --- |${primary ? ' --- | --- |' : ''} --- | --- | --- |`,
    ...recent.map((r) => `| ${chunkLabel(r)} | ${r.rows} | ${r.labelled} |${primary ? ` ${show(r.realized?.[primary])} | ${show(r.estimated?.[primary])} |` : ''} ${show(r.drift.share)} | ${alertCell(r.alerts)} | ${r.runUrl ? `[run](${r.runUrl})` : '—'} |`),
    '',
  );
  const runs = [...new Set(records.map((r) => r.runUrl).filter((u): u is string => !!u))].slice(-10).reverse();
  if (runs.length > 0) out.push('### Runs', '', ...runs.map((u) => `- ${u}`), '');
  out.push(`History: branch \`trainyard-monitoring\`, file \`${model}.jsonl\`. This issue is kept current by \`trainyard monitor-publish\`; edits to it are overwritten.`, '');
  return out.join('\n');
}

/** The alerts of `incoming` chunks that the previous history did not have for that chunk. */
export function newAlerts(previous: HistoryRecord[], incoming: HistoryRecord[], keyOf: (r: HistoryRecord) => string): Array<{ record: HistoryRecord; alert: Alert }> {
  const before = new Map(previous.map((r) => [keyOf(r), new Set(r.alerts.map(alertKey))]));
  return incoming.flatMap((record) => {
    const known = before.get(keyOf(record)) ?? new Set<string>();
    return record.alerts.filter((a) => !known.has(alertKey(a))).map((alert) => ({ record, alert }));
  });
}

export function alertDigest(model: string, alerts: Array<{ record: HistoryRecord; alert: Alert }>): string {
  const keys = alerts.map(({ record, alert }) => `${record.chunking}|${record.start}|${alertKey(alert)}`).sort();
  return createHash('sha256').update(`${model}\n${keys.join('\n')}`).digest('hex').slice(0, 16);
}

export function mention(login: string): string {
  return login.startsWith('@') ? login : `@${login}`;
}

export function alertComment(model: string, alerts: Array<{ record: HistoryRecord; alert: Alert }>, notify: string[], runUrl: string | null): string {
  const people = notify.map(mention).join(' ');
  return [
    alertMarker(model, alertDigest(model, alerts)),
    `${people ? `${people}: ` : ''}**${model}** has ${alerts.length} new monitoring alert${alerts.length === 1 ? '' : 's'}${runUrl ? ` ([run](${runUrl}))` : ''}.`,
    '',
    ...alertTable(alerts.slice(-MAX_ALERT_ROWS).map(({ record, alert }) => ({ chunk: chunkLabel(record), alert }))),
    ...(alerts.length > MAX_ALERT_ROWS ? ['', `The ${MAX_ALERT_ROWS} latest are listed; ${alerts.length - MAX_ALERT_ROWS} earlier ones are in the history.`] : []),
    '',
  ].join('\n');
}

export interface Degradation {
  kind: 'realized' | 'estimated';
  metric: string;
  /** The out-of-band chunks, oldest first. */
  chunks: Array<{ record: HistoryRecord; alert: Alert }>;
}

/**
 * Metrics that are out of their band in at least `after` consecutive chunks up to the
 * latest. Chunks where the metric has no value (no labels yet, for realized metrics)
 * neither break nor extend a run: they carry no evidence either way.
 */
export function degradations(records: HistoryRecord[], after: number): Degradation[] {
  if (after < 1) return [];
  const found: Degradation[] = [];
  const names = metricNames(records);
  for (const kind of ['realized', 'estimated'] as const) {
    for (const metric of names) {
      const run: Degradation['chunks'] = [];
      for (let i = records.length - 1; i >= 0; i--) {
        const record = records[i]!;
        const value = record[kind]?.[metric];
        if (value === null || value === undefined) continue;
        const alert = record.alerts.find((a) => a.kind === kind && a.metric === metric);
        if (!alert) break;
        run.unshift({ record, alert });
      }
      if (run.length >= after) found.push({ kind, metric, chunks: run });
    }
  }
  return found.sort((a, b) => a.chunks[0]!.record.start.localeCompare(b.chunks[0]!.record.start) || a.kind.localeCompare(b.kind) || a.metric.localeCompare(b.metric));
}

export function degradationKey(model: string, d: Degradation): string {
  const since = d.chunks[0]!.record;
  return `performance:${createHash('sha256').update(`${model}|${d.kind}|${d.metric}|${since.chunking}|${since.start}`).digest('hex').slice(0, 32)}`;
}

export function retrainEvidenceBody(model: string, found: Degradation[], after: number, links: { runUrl: string | null; healthIssue: number | null }): string {
  const first = found[0]!;
  const tables = found.flatMap((d) => [
    `**${d.kind} ${d.metric}**, out of its band for ${d.chunks.length} consecutive chunks (the limit is ${after}):`,
    '',
    ...alertTable(d.chunks.map(({ record, alert }) => ({ chunk: chunkLabel(record), alert }))),
    '',
  ]);
  return [
    `<!-- trainyard:retrain:${model} -->`,
    `The performance of **${model}** in production dropped: ${first.kind} ${first.metric} has been outside its band since the chunk of ${chunkLabel(first.chunks[0]!.record)}.`,
    '',
    `This pull request records the evidence in \`trainyard.lock\` and the retraining workflow runs on its branch; the comparison with the champion appears here when it finishes.`,
    links.runUrl ? `\nMonitoring run: ${links.runUrl}` : '',
    links.healthIssue ? `Model health: #${links.healthIssue}` : '',
    '',
    ...tables,
  ].join('\n');
}
