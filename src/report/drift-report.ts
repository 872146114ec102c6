/**
 * The drift report: the verdict, a table of columns sorted by severity, and for the most
 * drifted columns a chart of reference against current shares with the same numbers as
 * a table beside it. Pure, and always under GitHub's 65,536-character comment limit.
 */
import type { ColumnDrift, DriftResult } from '../drift/types.ts';
import { formatNumber } from '../util/format.ts';
import { referenceVsCurrentChart } from './mermaid.ts';

export const REPORT_LIMIT = 65_536;
const BUDGET = 60_000;
const CHARTS = 3;
const CHART_BINS = 12;

/** How far past its threshold a column is: >= 1 when it drifts. */
export function severity(column: ColumnDrift): number {
  if (column.status !== 'tested' || column.threshold === null) return -1;
  if (column.rule === '>=') return column.threshold === 0 ? Infinity : (column.statistic ?? Infinity) / column.threshold;
  const p = column.pValueAdjusted ?? column.pValue ?? 1;
  return column.threshold / Math.max(p, 1e-300);
}

function number(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (value !== 0 && Math.abs(value) < 1e-4) return value.toExponential(2);
  return formatNumber(value);
}

function verdictText(column: ColumnDrift): string {
  if (column.status !== 'tested') return column.note ?? column.status;
  return column.drifted ? '**drift**' : 'no drift';
}

function row(column: ColumnDrift): string {
  const p = column.pValueAdjusted !== undefined ? `${number(column.pValue)} (adj. ${number(column.pValueAdjusted)})` : number(column.pValue);
  const rule = column.rule === null ? '' : column.rule === '>=' ? '≥ ' : column.rule === 'p<' ? 'p < ' : 'p ≤ ';
  const cells = [column.column, column.kind, column.method ?? '—', number(column.statistic), p, column.threshold === null ? '—' : `${rule}${number(column.threshold)}`, verdictText(column)];
  return `| ${cells.map((cell) => String(cell).replace(/\|/g, '\\|')).join(' | ')} |`;
}

/** The bins with the most mass, the rest folded into "other", so charts stay readable. */
function topBins(distribution: NonNullable<ColumnDrift['distribution']>): NonNullable<ColumnDrift['distribution']> {
  if (distribution.labels.length <= CHART_BINS) return distribution;
  const order = distribution.labels.map((_, i) => i).sort((a, b) => distribution.reference[b]! + distribution.current[b]! - (distribution.reference[a]! + distribution.current[a]!));
  const keep = order.slice(0, CHART_BINS - 1).sort((a, b) => a - b);
  const rest = order.slice(CHART_BINS - 1);
  const sum = (values: number[]) => rest.reduce((total, i) => total + values[i]!, 0);
  return {
    labels: [...keep.map((i) => distribution.labels[i]!), 'other'],
    reference: [...keep.map((i) => distribution.reference[i]!), sum(distribution.reference)],
    current: [...keep.map((i) => distribution.current[i]!), sum(distribution.current)],
  };
}

function chart(column: ColumnDrift): string {
  const d = topBins(column.distribution!);
  const table = ['| bin | reference | current |', '| --- | ---: | ---: |', ...d.labels.map((label, i) => `| ${label.replace(/\|/g, '\\|')} | ${(d.reference[i]! * 100).toFixed(1)}% | ${(d.current[i]! * 100).toFixed(1)}% |`)];
  return [
    `### ${column.column}`,
    '',
    `${column.description ?? column.method}${column.note ? `; ${column.note}` : ''}. Bars: reference; line: current.`,
    '',
    referenceVsCurrentChart(`${column.column}: reference vs current`, d.labels, d.reference, d.current),
    '',
    ...table,
  ].join('\n');
}

export function renderDriftReport(result: DriftResult): string {
  const sorted = [...result.columns].sort((a, b) => severity(b) - severity(a));
  const headline = result.drifted ? '**Drift detected**' : '**No dataset drift**';
  const correction = result.correction === 'none' ? '' : ` P-values corrected with ${result.correction}.`;
  const parts = [
    `# Data drift: ${result.current.source} against ${result.reference.source}`,
    '',
    `${headline}: ${result.driftedColumns} of ${result.tested} tested columns drifted (share ${formatNumber(result.share)}; the dataset drifts at ${formatNumber(result.driftShare)}).${correction}`,
    `Reference: ${result.reference.rows.toLocaleString('en-US')} rows (${result.reference.kind}); current: ${result.current.rows.toLocaleString('en-US')} rows.`,
    ...(result.excluded.length > 0 ? [`Left out: ${result.excluded.map((entry) => `\`${entry.column}\` (${entry.reason})`).join(', ')}.`] : []),
    '',
    '| column | kind | method | statistic | p-value | threshold | verdict |',
    '| --- | --- | --- | ---: | ---: | ---: | --- |',
  ];
  let length = parts.join('\n').length;
  let shown = 0;
  for (const column of sorted) {
    const line = row(column);
    if (length + line.length + 200 > BUDGET / 2) break;
    parts.push(line);
    length += line.length + 1;
    shown++;
  }
  if (shown < sorted.length) parts.push('', `… and ${sorted.length - shown} more columns, in drift.json.`);
  const charted = sorted.filter((c) => c.status === 'tested' && c.distribution && c.distribution.labels.length > 0 && (c.drifted || !result.columns.some((d) => d.drifted))).slice(0, CHARTS);
  if (charted.length > 0) parts.push('', `## ${charted.some((c) => c.drifted) ? 'Most drifted columns' : 'Closest to drifting'}`);
  for (const column of charted) {
    const block = chart(column);
    if (length + block.length + 2 > BUDGET) break;
    parts.push('', block);
    length += block.length + 2;
  }
  return `${parts.join('\n')}\n`;
}
