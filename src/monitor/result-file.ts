/**
 * Reads a `trainyard monitor --json` result back (monitor.json), for the commands that
 * consume one. The shape is checked as far as they rely on it; a file that is not a
 * result is one line naming the file and the field.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { UsageError } from '../errors.ts';
import type { MonitorResult } from './types.ts';

const metricValues = z.record(z.string(), z.number().nullable());
const alert = z.looseObject({
  kind: z.enum(['realized', 'estimated', 'drift', 'quality', 'latency']),
  metric: z.string(),
  value: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
});
const chunk = z.looseObject({
  start: z.string(),
  end: z.string(),
  rows: z.number().int().min(0),
  labelled: z.number().int().min(0),
  realized: metricValues.nullable(),
  estimated: metricValues.nullable(),
  latency: z.looseObject({ p50: z.number(), p95: z.number(), p99: z.number() }).nullable(),
  drift: z.looseObject({
    drifted: z.boolean(),
    share: z.number(),
    columns: z.array(z.looseObject({ column: z.string(), method: z.string(), statistic: z.number().nullable(), drifted: z.boolean() })),
  }),
  quality: z.looseObject({ failures: z.number().int().min(0) }),
  alerts: z.array(alert),
});
export const monitorResultSchema = z.looseObject({
  model: z.string(),
  chunking: z.string(),
  reference: z.looseObject({ rows: z.number(), chunks: z.number() }),
  chunks: z.array(chunk),
  alerts: z.array(alert),
});

export function parseMonitorResult(text: string, file: string): MonitorResult {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: invalid JSON (${(error as Error).message}); expected the output of trainyard monitor --json`);
  }
  const parsed = monitorResultSchema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}; expected the output of trainyard monitor --json`);
  }
  return parsed.data as MonitorResult;
}

export async function readMonitorResult(file: string, shown: string): Promise<MonitorResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${shown}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)}); expected the output of trainyard monitor --json`);
  }
  return parseMonitorResult(text, shown);
}
