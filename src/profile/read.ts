/** Reads and checks a profile.json; anything off is a DataError naming the file and key. */
import { open, readFile } from 'node:fs/promises';
import { z } from 'zod';
import { DataError } from '../errors.ts';
import { PROFILE_FORMAT, PROFILE_VERSION, type Profile } from './types.ts';

const value = z.union([z.string(), z.number()]);
const columnSchema = z.object({
  name: z.string(),
  type: z.string(),
  kind: z.enum(['numerical', 'categorical', 'datetime', 'other']),
  count: z.number().int().nonnegative(),
  nulls: z.number().int().nonnegative(),
  min: value.nullable(),
  max: value.nullable(),
  mean: z.number().nullable(),
  m2: z.number().nullable(),
  distinct: z.number().int().nonnegative().nullable(),
  values: z.array(z.tuple([value, z.number().int().nonnegative()])).nullable(),
  histogram: z.object({ width: z.number().positive(), start: z.number().int(), counts: z.array(z.number().int().nonnegative()) }).nullable(),
  sample: z.object({ seen: z.number().int().nonnegative(), values: z.array(value) }),
});
export const profileSchema = z.object({
  format: z.literal(PROFILE_FORMAT),
  version: z.literal(PROFILE_VERSION),
  source: z.string(),
  rows: z.number().int().nonnegative(),
  sampleSize: z.number().int().positive(),
  columns: z.array(columnSchema),
});

export function parseProfile(text: string, file: string): Profile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DataError(`${file}: not JSON (${(error as Error).message}); expected a profile written by trainyard profile`);
  }
  const result = profileSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new DataError(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}; expected a profile written by trainyard profile`);
  }
  return result.data as Profile;
}

export async function readProfile(file: string, shownAs = file): Promise<Profile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new DataError(`${shownAs}: cannot read the profile (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return parseProfile(text, shownAs);
}

/** Whether a file is a profile: a .json file whose opening names the profile format. */
export async function looksLikeProfile(file: string): Promise<boolean> {
  if (!file.toLowerCase().endsWith('.json')) return false;
  let handle;
  try {
    handle = await open(file, 'r');
    const buffer = Buffer.alloc(512);
    const { bytesRead } = await handle.read(buffer, 0, 512, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').includes(`"${PROFILE_FORMAT}"`);
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}
