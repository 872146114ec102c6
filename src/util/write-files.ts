/**
 * Writes a set of files all or none: every target is checked first, each file goes to
 * a temporary sibling, and only when all are written are they renamed into place. A
 * failure removes the temporaries, so a user never finds half of the set.
 */
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.ts';

export interface FileToWrite {
  /** Relative to the root, forward slashes. */
  path: string;
  content: string;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false);
}

/** The files of the set that already exist under root. */
export async function existingFiles(root: string, files: FileToWrite[]): Promise<string[]> {
  const found: string[] = [];
  for (const file of files) if (await exists(path.join(root, file.path))) found.push(file.path);
  return found;
}

/** Writes every file or none; refuses to replace existing files unless `force`. */
export async function writeAllOrNothing(root: string, files: FileToWrite[], options: { force: boolean }): Promise<void> {
  const existing = await existingFiles(root, files);
  if (existing.length > 0 && !options.force) {
    throw new UsageError(`${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}; nothing was written (use --force to replace)`);
  }
  const temporaries: Array<[string, string]> = [];
  try {
    for (const file of files) {
      const target = path.join(root, file.path);
      const temporary = path.join(path.dirname(target), `.${path.basename(target)}.trainyard-${process.pid}.tmp`);
      await mkdir(path.dirname(target), { recursive: true });
      temporaries.push([temporary, target]);
      await writeFile(temporary, file.content, { flag: 'wx' });
    }
  } catch (error) {
    await Promise.all(temporaries.map(([temporary]) => rm(temporary, { force: true })));
    throw error;
  }
  for (const [temporary, target] of temporaries) await rename(temporary, target);
}
