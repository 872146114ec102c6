/** The shape of a model card's front matter, checked when a card is read back. */
import { z } from 'zod';

const versionFile = z.strictObject({
  path: z.string().min(1),
  role: z.enum(['model', 'metrics', 'predictions', 'lineage', 'profile']),
  bytes: z.int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

const lineage = z.strictObject({
  commit: z.string().nullable(),
  command: z.string(),
  seed: z.number(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  data: z.array(z.strictObject({ path: z.string(), bytes: z.number(), sha256: z.string() })),
  durationSeconds: z.number(),
  runner: z.string().nullable(),
});

const profile = z.strictObject({
  rows: z.number().nullable(),
  columns: z.array(z.strictObject({ name: z.string(), type: z.string().nullable(), nulls: z.number().nullable() })),
});

export const cardSchema = z.strictObject({
  trainyard: z.literal(1),
  model: z.string(),
  version: z.int().positive(),
  task: z.string().nullable(),
  description: z.string().nullable(),
  intendedUse: z.string().nullable(),
  limitations: z.string().nullable(),
  createdAt: z.string(),
  commit: z.string().nullable(),
  runUrl: z.string().nullable(),
  contentSha256: z.string().regex(/^[0-9a-f]{64}$/),
  metrics: z.record(z.string(), z.number()),
  files: z.array(versionFile).min(1),
  lineage: lineage.nullable(),
  profile: profile.nullable(),
});
