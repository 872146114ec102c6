/**
 * `.trainyard/` holds run folders, trained models (pickles, checkpoints) and the local
 * registry: none of it belongs in git. init adds it to the repository's .gitignore.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const ENTRY = '.trainyard/';

/** Whether a .gitignore already ignores the folder at the root. */
export function ignoresRunFolder(text: string): boolean {
  return text.split(/\r?\n/).some((line) => ['.trainyard', '.trainyard/', '/.trainyard', '/.trainyard/', '.trainyard/*', '/.trainyard/*'].includes(line.trim()));
}

/** Adds `.trainyard/` to the root .gitignore; says what it did, or null when it was there. */
export async function ignoreRunFolder(root: string): Promise<'created' | 'updated' | null> {
  const file = path.join(root, '.gitignore');
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (text !== null && ignoresRunFolder(text)) return null;
  const block = `# trainyard: runs, trained models and the local registry\n${ENTRY}\n`;
  if (text === null) {
    await writeFile(file, block);
    return 'created';
  }
  await writeFile(file, `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${text === '' ? '' : '\n'}${block}`);
  return 'updated';
}
