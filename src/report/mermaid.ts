/** Mermaid charts for GitHub Markdown (xychart-beta renders in comments and job summaries). */

function quote(label: string): string {
  return `"${label.replace(/"/g, "'").slice(0, 24)}"`;
}

const round = (value: number) => Number(value.toFixed(4));

/** Bars for the reference, a line for the current data, over the same labels. */
export function referenceVsCurrentChart(title: string, labels: string[], reference: number[], current: number[]): string {
  const top = Math.max(...reference, ...current, 0.0001);
  return [
    '```mermaid',
    'xychart-beta',
    `  title ${quote(title).slice(0, 60)}`,
    `  x-axis [${labels.map(quote).join(', ')}]`,
    `  y-axis "share of rows" 0 --> ${round(top * 1.1)}`,
    `  bar [${reference.map(round).join(', ')}]`,
    `  line [${current.map(round).join(', ')}]`,
    '```',
  ].join('\n');
}
