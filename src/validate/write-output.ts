/** Writes an output file whole or not at all: a crash never leaves half a report. */
import { rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.ts';

/** Fails early, before any work, when the folder of an output file does not exist. */
export async function checkOutputFolder(file: string, shownAs: string): Promise<void> {
  const folder = await stat(path.dirname(file)).catch(() => undefined);
  if (!folder?.isDirectory()) throw new UsageError(`${shownAs}: the folder ${path.dirname(shownAs) || '.'} does not exist; expected a path in an existing folder`);
}

export async function writeWhole(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}
