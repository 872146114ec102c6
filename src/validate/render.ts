/**
 * Renderers of a validation result: terminal text, a Markdown report (the job summary
 * and `--report`), and GitHub annotations on the schema line of each failed check.
 */
import { formatNumber } from '../util/format.ts';
import type { CheckFailure, FailureExample, ValidationResult } from './result.ts';

function percent(fraction: number): string {
  const value = fraction * 100;
  if (value === 0) return '0%';
  return `${value >= 0.01 ? value.toFixed(2) : value.toPrecision(2)}%`;
}

function showValue(value: unknown): string {
  return value === null || value === undefined ? 'null' : JSON.stringify(value);
}

function showExample(example: FailureExample): string {
  const where = example.row === undefined ? '' : `${example.file ? `${example.file} ` : ''}row ${example.row}: `;
  return `${where}${showValue(example.value)}`;
}

/** The subject of a failure: the column, the compound key, or the SQL check's name. */
export function subjectOf(failure: CheckFailure): string {
  if (failure.column !== null) return failure.column;
  if (failure.check === 'unique') return `(${failure.name ?? ''})`;
  if (failure.check === 'sql') return failure.name ?? 'sql';
  return 'table';
}

function counted(failure: CheckFailure): string {
  if (failure.check === 'missing_column' || failure.check === 'extra_column') return '';
  if (failure.check === 'rows') return '';
  return `${formatNumber(failure.failed)} (${percent(failure.fraction)}) `;
}

/** One line per failure: `column check: count (share) expected …; e.g. row 3: "x"`. */
export function failureLine(failure: CheckFailure): string {
  const examples = failure.examples.length > 0 ? `; e.g. ${failure.examples.map(showExample).join(', ')}` : '';
  return `${subjectOf(failure)} ${failure.check}: ${counted(failure)}expected ${failure.expected}${examples}`;
}

export function renderText(result: ValidationResult): string {
  const head = `${result.data}: ${formatNumber(result.rows)} rows checked against ${result.schema}`;
  if (result.valid) return `${head}: valid\n`;
  const lines = result.failures.map((failure) => `  ✗ ${failureLine(failure)}`);
  return `${head}: ${result.failures.length} failed check${result.failures.length === 1 ? '' : 's'}\n${lines.join('\n')}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function renderMarkdown(result: ValidationResult): string {
  const verdict = result.valid ? '✅ valid' : `❌ ${result.failures.length} failed check${result.failures.length === 1 ? '' : 's'}`;
  const lines = [`## Data validation: ${verdict}`, '', `\`${result.data}\` (${formatNumber(result.rows)} rows) against \`${result.schema}\`.`, ''];
  if (result.valid) return `${lines.join('\n')}\n`;
  lines.push('| column | check | failed | share | expected | examples | schema line |', '| --- | --- | ---: | ---: | --- | --- | ---: |');
  for (const failure of result.failures) {
    const examples = failure.examples.map((example) => `\`${showExample(example)}\``).join('<br>');
    const line = failure.position ? String(failure.position.line) : '';
    lines.push(`| ${cell(subjectOf(failure))} | ${failure.check} | ${formatNumber(failure.failed)} | ${percent(failure.fraction)} | ${cell(failure.expected)} | ${cell(examples)} | ${line} |`);
  }
  return `${lines.join('\n')}\n`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub workflow commands (`::error file=…,line=…::…`), one per failure. */
export function renderAnnotations(result: ValidationResult): string {
  return result.failures
    .map((failure) => {
      const properties = [`file=${escapeProperty(result.schema)}`];
      if (failure.position) properties.push(`line=${failure.position.line}`, `col=${failure.position.column}`);
      properties.push(`title=${escapeProperty(`trainyard validate: ${subjectOf(failure)} ${failure.check}`)}`);
      return `::error ${properties.join(',')}::${escapeData(failureLine(failure))}\n`;
    })
    .join('');
}
