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

/** Trainers report a reference model's metrics as `baseline_<metric>` beside `<metric>`. */
export const BASELINE_PREFIX = 'baseline_';

export type MetricFileFormat = 'json' | 'yaml' | 'csv' | 'tsv';

const FORMATS: Record<string, MetricFileFormat> = { '.json': 'json', '.yaml': 'yaml', '.yml': 'yaml', '.csv': 'csv', '.tsv': 'tsv' };

/** The format of a metrics file from its extension; JSON when the extension says nothing. */
export function metricFileFormat(file: string): MetricFileFormat {
  return FORMATS[path.extname(file).toLowerCase()] ?? 'json';
}

/** Marks Python's bare NaN and Infinity once they are read as strings (see `readPythonJson`). */
const PYTHON_TOKEN = '\u0000python:';

function describeValue(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string' && value.startsWith(PYTHON_TOKEN)) return `${value.slice(PYTHON_TOKEN.length)} (Python's json.dump writes it for a float that is not a number)`;
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
      const python = readPythonJson(text);
      if (python === undefined) throw new DataError(`${file}: invalid JSON (${(error as Error).message}); expected an object of metric names to numbers`);
      document = python;
    }
    values = flattenMetrics(document, file);
  }
  if (Object.keys(values).length === 0) throw new DataError(`${file}: holds no metrics; expected at least one metric name with a number`);
  return values;
}

/**
 * JSON as Python's json.dump writes it: bare `NaN`, `Infinity` and `-Infinity` outside
 * strings. They are read as marked strings, so the metric that holds one is named in
 * the error; undefined when the text is not JSON even so.
 */
function readPythonJson(text: string): unknown {
  let out = '';
  let inString = false;
  let found = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (inString) {
      out += char;
      if (char === '\\') out += text[++i] ?? '';
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') {
      inString = true;
      out += char;
      continue;
    }
    const token = ['-Infinity', 'Infinity', 'NaN'].find((name) => text.startsWith(name, i));
    if (token) {
      out += JSON.stringify(`${PYTHON_TOKEN}${token}`);
      i += token.length - 1;
      found = true;
    } else out += char;
  }
  if (!found) return undefined;
  try {
    return JSON.parse(out);
  } catch {
    return undefined;
  }
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
