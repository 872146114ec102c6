/**
 * Data hashes are reused while a file's path, size and modification time are unchanged,
 * so a persistent runner does not re-read gigabytes before every run. The cache is a
 * small JSON file under .trainyard/; an unreadable or foreign cache is ignored.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const HASH_CACHE_FILE = path.join('.trainyard', 'hash-cache.json');

export interface HashCacheEntry {
  bytes: number;
  mtimeMs: number;
  sha256: string;
}

export interface HashCache {
  version: 1;
  /** By absolute path. */
  files: Record<string, HashCacheEntry>;
}

export async function loadHashCache(file: string): Promise<HashCache> {
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return { version: 1, files: {} };
  try {
    const parsed = JSON.parse(text) as Partial<HashCache>;
    if (parsed.version === 1 && parsed.files && typeof parsed.files === 'object') return { version: 1, files: parsed.files };
  } catch {
    // A damaged cache only costs a re-hash.
  }
  return { version: 1, files: {} };
}

/** The cached hash when size and mtime still match; null means hash the file again. */
export function cachedHash(cache: HashCache, file: string, info: { size: number; mtimeMs: number }): string | null {
  const entry = cache.files[file];
  return entry && entry.bytes === info.size && entry.mtimeMs === info.mtimeMs ? entry.sha256 : null;
}

/** Written to a temporary file and renamed, so a cancelled run never leaves half a cache. */
export async function saveHashCache(file: string, cache: HashCache): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, `${JSON.stringify(cache)}\n`);
  await rename(temporary, file);
}
