/**
 * Writes metrics in the format the file's extension names (JSON, YAML, CSV or TSV,
 * the formats read-metrics reads back), atomically: a reader never sees half a file.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { metricFileFormat, type MetricValues } from './read-metrics.ts';

export function renderMetrics(values: MetricValues, file: string): string {
  const format = metricFileFormat(file);
  if (format === 'yaml') return stringify(values);
  if (format === 'csv' || format === 'tsv') {
    const delimiter = format === 'csv' ? ',' : '\t';
    const quote = (text: string) => (/[",\t\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
    return `${['name', 'value'].join(delimiter)}\n${Object.entries(values).map(([name, value]) => `${quote(name)}${delimiter}${value}`).join('\n')}\n`;
  }
  return `${JSON.stringify(values, null, 2)}\n`;
}

/** Writes `text` to `file` through a temporary sibling and a rename. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}
