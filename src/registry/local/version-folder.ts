/**
 * One version's folder in the local registry, `<model>/v<N>/`: `registration.json`
 * (written right after the folder is taken), `files/`, `card.md`, and the `complete`
 * marker written last. A folder without the marker is a registration in progress or
 * an interrupted one; `abandoned` marks one whose files were removed (its number stays
 * taken, so numbers never repeat).
 */
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

export const REGISTRATION_FILE = 'registration.json';
export const COMPLETE_FILE = 'complete';
export const ABANDONED_FILE = 'abandoned';
export const CARD_FILE = 'card.md';
export const FILES_DIR = 'files';

const registrationSchema = z.strictObject({
  trainyard: z.literal(1),
  contentSha256: z.string(),
  startedAt: z.string(),
});

export type Registration = z.output<typeof registrationSchema>;

export type FolderState =
  | { kind: 'complete' }
  | { kind: 'abandoned' }
  | { kind: 'incomplete'; registration: Registration }
  | { kind: 'claimed' }
  | { kind: 'foreign' };

async function exists(file: string): Promise<boolean> {
  return readFile(file).then(() => true, () => false);
}

export async function folderState(dir: string, again = true): Promise<FolderState> {
  let registration: Registration;
  try {
    const parsed = registrationSchema.safeParse(JSON.parse(await readFile(path.join(dir, REGISTRATION_FILE), 'utf8')));
    if (!parsed.success) return { kind: 'foreign' };
    registration = parsed.data;
  } catch {
    // A folder just taken by another process is empty for a moment; a crash right after
    // taking it leaves it empty for good, its number burnt. Anything else is not ours.
    // registration.json is written through a temporary file, which may be all a
    // racing reader sees of a folder another process has just taken.
    // Or registration.json appeared between the read and the listing (and the files after
    // it): read it once more.
    const entries = await readdir(dir).catch(() => ['?']);
    if (again && entries.includes(REGISTRATION_FILE)) return folderState(dir, false);
    return entries.every((entry) => entry.startsWith(`${REGISTRATION_FILE}.`) && entry.endsWith('.tmp')) ? { kind: 'claimed' } : { kind: 'foreign' };
  }
  if (await exists(path.join(dir, COMPLETE_FILE))) return { kind: 'complete' };
  if (await exists(path.join(dir, ABANDONED_FILE))) return { kind: 'abandoned' };
  return { kind: 'incomplete', registration };
}

/** Writes a file whole or not at all: readers never see half of it. */
export async function writeAtomic(file: string, text: string): Promise<void> {
  const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

export async function copyAtomic(source: string, target: string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.${randomBytes(4).toString('hex')}.tmp`;
  await copyFile(source, temporary);
  await rename(temporary, target);
}

export async function writeRegistration(dir: string, registration: Registration): Promise<void> {
  await writeAtomic(path.join(dir, REGISTRATION_FILE), `${JSON.stringify(registration, null, 2)}\n`);
}
