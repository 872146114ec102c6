/**
 * Mermaid `xychart-beta` charts for GitHub Markdown: they render in comments and job
 * summaries. A table always stands beside a chart, since not every viewer renders
 * mermaid.
 */

export interface ChartPoint {
  label: string;
  value: number;
}

/** A quoted label: no quote, backslash or backtick (which could end the code fence), no line break, no HTML. */
function quote(text: string, limit = 60): string {
  return `"${text.replace(/["\\`]/g, "'").replace(/</g, '‹').replace(/>/g, '›').replace(/@/g, '@\u200b').replace(/[\r\n]+/g, ' ').slice(0, limit)}"`;
}

/** Rounds to 4 significant digits past the leading zeros: enough for a chart axis. */
function axisNumber(value: number): string {
  return Number(value.toPrecision(4)).toString();
}

/** A line chart of one metric across model versions. */
export function lineChart(input: { title: string; axis: string; points: ChartPoint[] }): string {
  return linesOver({ title: input.title, axis: input.axis, labels: input.points.map((point) => quote(point.label)), lines: [input.points.map((point) => point.value)] });
}

/** Bars for the reference, a line for the current data, over the same labels. */
export function referenceVsCurrentChart(title: string, labels: string[], reference: number[], current: number[]): string {
  const top = Math.max(...reference, ...current, 0.0001);
  const round = (value: number) => Number(value.toFixed(4));
  return [
    '```mermaid',
    'xychart-beta',
    `  title ${quote(title)}`,
    `  x-axis [${labels.map((label) => quote(label, 24)).join(', ')}]`,
    `  y-axis "share of rows" 0 --> ${round(top * 1.1)}`,
    `  bar [${reference.map(round).join(', ')}]`,
    `  line [${current.map(round).join(', ')}]`,
    '```',
  ].join('\n');
}

/** Several lines over the same labels (xychart draws them in order, without a legend). */
export function multiLineChart(input: { title: string; axis: string; labels: string[]; lines: number[][] }): string {
  return linesOver({ title: input.title, axis: input.axis, labels: input.labels.map((label) => quote(label, 24)), lines: input.lines });
}

/** Lines over quoted labels, the y axis padded around every value. */
function linesOver(input: { title: string; axis: string; labels: string[]; lines: number[][] }): string {
  const values = input.lines.flat();
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = high === low ? Math.max(Math.abs(high) * 0.05, 0.01) : (high - low) * 0.1;
  return [
    '```mermaid',
    'xychart-beta',
    `  title ${quote(input.title)}`,
    `  x-axis [${input.labels.join(', ')}]`,
    `  y-axis ${quote(input.axis)} ${axisNumber(low - pad)} --> ${axisNumber(high + pad)}`,
    ...input.lines.map((line) => `  line [${line.map(axisNumber).join(', ')}]`),
    '```',
  ].join('\n');
}
