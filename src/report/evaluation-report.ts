/**
 * `trainyard evaluate` for a terminal or a job summary: the metrics, the confusion
 * matrix, and one row per segment when sliced. Pure: data in, Markdown out.
 */
import type { EvaluationResult } from '../metrics/evaluate.ts';
import { TASK_METRICS } from '../metrics/suite.ts';
import { formatNumber } from '../util/format.ts';

function segmentTable(result: EvaluationResult): string[] {
  if (!result.slices) return [];
  const names = TASK_METRICS[result.task];
  const lines = [`### By ${result.slices.column}`, '', `| ${result.slices.column} | rows | ${names.join(' | ')} |`, `| --- | ---: | ${names.map(() => '---:').join(' | ')} |`];
  for (const segment of result.slices.segments) {
    const values = names.map((name) => (segment.metrics[name] === undefined ? '—' : formatNumber(segment.metrics[name]!)));
    lines.push(`| ${segment.segment.replace(/\|/g, '\\|')} | ${segment.rows.toLocaleString('en-US')} | ${values.join(' | ')} |`);
  }
  return ['', ...lines];
}

export function renderEvaluation(result: EvaluationResult, source: string): string {
  const lines = [`## Evaluation of ${source}`, '', `${result.rows.toLocaleString('en-US')} rows, ${result.task}.`, '', '| metric | value |', '| --- | ---: |'];
  for (const [name, value] of Object.entries(result.metrics)) lines.push(`| ${name} | ${formatNumber(value)} |`);
  for (const missing of result.undefined) lines.push(`| ${missing.name} | — (${missing.reason}) |`);
  if (result.confusionMatrix) {
    const [[tn, fp], [fn, tp]] = result.confusionMatrix as [[number, number], [number, number]];
    lines.push('', '| confusion | predicted 0 | predicted 1 |', '| --- | ---: | ---: |', `| label 0 | ${formatNumber(tn)} | ${formatNumber(fp)} |`, `| label 1 | ${formatNumber(fn)} | ${formatNumber(tp)} |`);
  }
  lines.push(...segmentTable(result));
  return `${lines.join('\n')}\n`;
}
