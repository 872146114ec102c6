/**
 * drift.json as the App reads it from the drift workflow's artifact: the dataset
 * verdict and the columns. Only the fields the App uses are required; the rest of the
 * `trainyard drift --json` contract passes through untouched.
 */
import { z } from 'zod';
import { DataError } from '../errors.ts';

const columnSchema = z.looseObject({
  column: z.string(),
  method: z.string().nullable().optional(),
  statistic: z.number().nullable().optional(),
  pValue: z.number().nullable().optional(),
  threshold: z.number().nullable().optional(),
  drifted: z.boolean(),
});

export const driftReportSchema = z.looseObject({
  drifted: z.boolean(),
  share: z.number().min(0).max(1),
  driftShare: z.number().min(0).max(1),
  current: z.looseObject({ source: z.string().optional(), rows: z.number().optional(), sha256: z.string().optional() }).optional(),
  columns: z.array(columnSchema),
});

export type DriftReport = z.output<typeof driftReportSchema>;
export type DriftColumn = z.output<typeof columnSchema>;

export function parseDriftReport(text: string, file: string): DriftReport {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new DataError(`${file}: invalid JSON (${(error as Error).message})`);
  }
  const parsed = driftReportSchema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DataError(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}
