/**
 * A mermaid `xychart-beta` line chart of one metric across model versions. GitHub
 * renders it in comments and job summaries; a table always stands beside it, since
 * not every viewer renders mermaid.
 */

export interface ChartPoint {
  label: string;
  value: number;
}

function quote(text: string): string {
  return `"${text.replace(/["\\]/g, "'").replace(/[\r\n]+/g, ' ')}"`;
}

/** Rounds to 4 significant digits past the leading zeros: enough for a chart axis. */
function axisNumber(value: number): string {
  return Number(value.toPrecision(4)).toString();
}

export function lineChart(input: { title: string; axis: string; points: ChartPoint[] }): string {
  const values = input.points.map((point) => point.value);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = high === low ? Math.max(Math.abs(high) * 0.05, 0.01) : (high - low) * 0.1;
  return [
    '```mermaid',
    'xychart-beta',
    `  title ${quote(input.title)}`,
    `  x-axis [${input.points.map((point) => quote(point.label)).join(', ')}]`,
    `  y-axis ${quote(input.axis)} ${axisNumber(low - pad)} --> ${axisNumber(high + pad)}`,
    `  line [${values.map(axisNumber).join(', ')}]`,
    '```',
  ].join('\n');
}
