/**
 * Reads a metrics file into a flat map of dotted names to finite numbers, in the
 * formats DVC reads: JSON, YAML, and CSV/TSV. Nested objects are addressed with dots
 * (`eval.roc_auc`). NaN, Infinity, non-numbers and empty files are errors naming the
 * key and the file, never silently dropped: a gate on a metric that is not there
 * would pass or fail for the wrong reason.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { DataError } from '../errors.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import { parseDelimitedMetrics } from './metrics-table.ts';

/** Metric name (dotted for nested keys) to value. */
export type MetricValues = Record<string, number>;

export type MetricFileFormat = 'json' | 'yaml' | 'csv' | 'tsv';

const FORMATS: Record<string, MetricFileFormat> = { '.json': 'json', '.yaml': 'yaml', '.yml': 'yaml', '.csv': 'csv', '.tsv': 'tsv' };

/** The format of a metrics file from its extension; JSON when the extension says nothing. */
export function metricFileFormat(file: string): MetricFileFormat {
  return FORMATS[path.extname(file).toLowerCase()] ?? 'json';
}

function describeValue(value: unknown): string {
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value) ?? String(value);
}

/** Flattens a parsed metrics document; anything but finite numbers is an error naming the key. */
export function flattenMetrics(document: unknown, file: string): MetricValues {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw new DataError(`${file}: expected an object of metric names to numbers`);
  }
  const values: MetricValues = {};
  const visit = (node: Record<string, unknown>, prefix: string): void => {
    for (const [key, value] of Object.entries(node)) {
      const name = prefix ? `${prefix}.${key}` : key;
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) visit(value as Record<string, unknown>, name);
      // defineProperty: a key such as `__proto__` stays an ordinary metric.
      else if (typeof value === 'number' && Number.isFinite(value)) Object.defineProperty(values, name, { value, enumerable: true, writable: true, configurable: true });
      else throw new DataError(`${file}: metric "${name}" is ${describeValue(value)}; expected a finite number`);
    }
  };
  visit(document as Record<string, unknown>, '');
  return values;
}

/** Parses metrics text of a known format; `file` names the source in errors. */
export function parseMetricsText(text: string, format: MetricFileFormat, file: string): MetricValues {
  let values: MetricValues;
  if (format === 'csv' || format === 'tsv') {
    values = parseDelimitedMetrics(text, format === 'csv' ? ',' : '\t', file);
  } else if (format === 'yaml') {
    const document = parseDocument(text, { uniqueKeys: true });
    const [error] = document.errors;
    if (error) {
      const line = error.linePos?.[0];
      throw new DataError(`${file}${line ? `:${line.line}:${line.col}` : ''}: invalid YAML (${error.message.split('\n')[0]}); expected a mapping of metric names to numbers`);
    }
    values = flattenMetrics(document.toJS(), file);
  } else {
    // JSON.parse refuses NaN and Infinity, so they surface here as a parse error.
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (error) {
      throw new DataError(`${file}: invalid JSON (${(error as Error).message}); expected an object of metric names to numbers`);
    }
    values = flattenMetrics(document, file);
  }
  if (Object.keys(values).length === 0) throw new DataError(`${file}: holds no metrics; expected at least one metric name with a number`);
  return values;
}

/** Reads a JSON, YAML, CSV or TSV metrics file (by extension; JSON otherwise). */
export async function readMetricsFile(file: string): Promise<MetricValues> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new DataError(`${file}: cannot read the metrics file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return parseMetricsText(text, metricFileFormat(file), file);
}

/** One metric of a file; a missing key is an error naming it, the file, and the closest name. */
export function metricValue(values: MetricValues, name: string, file: string): number {
  const value = Object.hasOwn(values, name) ? values[name] : undefined;
  if (value !== undefined) return value;
  const near = didYouMean(name, Object.keys(values));
  throw new DataError(`${file}: no metric "${name}"${near ? ` (did you mean "${near}"?)` : ''}; it has: ${Object.keys(values).join(', ')}`);
}
