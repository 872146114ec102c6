/**
 * Reads a metrics file into a flat map of dotted names to finite numbers. Nested
 * objects are addressed with dots (`eval.roc_auc`), as DVC does.
 */
import { readFile } from 'node:fs/promises';
import { DataError } from '../errors.ts';

/** Metric name (dotted for nested keys) to value. */
export type MetricValues = Record<string, number>;

/** Flattens a parsed metrics document; anything but finite numbers is an error naming the key. */
export function flattenMetrics(document: unknown, file: string): MetricValues {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw new DataError(`${file}: expected a JSON object of metric names to numbers`);
  }
  const values: MetricValues = {};
  const visit = (node: Record<string, unknown>, prefix: string): void => {
    for (const [key, value] of Object.entries(node)) {
      const name = prefix ? `${prefix}.${key}` : key;
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) visit(value as Record<string, unknown>, name);
      else if (typeof value === 'number' && Number.isFinite(value)) values[name] = value;
      else throw new DataError(`${file}: metric "${name}" is ${JSON.stringify(value) ?? String(value)}; expected a finite number`);
    }
  };
  visit(document as Record<string, unknown>, '');
  return values;
}

export async function readMetricsFile(file: string): Promise<MetricValues> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new DataError(`${file}: cannot read the metrics file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  // JSON.parse refuses NaN and Infinity, so they surface here as a parse error.
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new DataError(`${file}: invalid JSON (${(error as Error).message}); expected an object of metric names to numbers`);
  }
  return flattenMetrics(document, file);
}
