/**
 * Expands data paths: a file, a directory (every file below it) or a glob with `*`,
 * `?`, `**` and `[...]`. Results are sorted so hashes and shard orders are stable.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

const GLOB_CHARS = /[*?[]/;

export function isGlob(pattern: string): boolean {
  return GLOB_CHARS.test(pattern);
}

/** A regular expression equivalent to a glob over `/`-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end === -1) source += '\\[';
      else {
        source += `[${glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else source += char.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) return walk(full);
      return Promise.resolve(entry.isFile() ? [full] : []);
    }),
  );
  return nested.flat();
}

/** Every file a path, directory or glob names, relative to `root`; empty when none. */
export async function expandDataPath(pattern: string, root: string): Promise<string[]> {
  const absolute = path.resolve(root, pattern);
  if (!isGlob(pattern)) {
    const info = await stat(absolute).catch(() => undefined);
    if (!info) return [];
    return info.isDirectory() ? (await walk(absolute)).sort() : [absolute];
  }
  const segments = absolute.split(path.sep);
  const firstGlob = segments.findIndex((segment) => isGlob(segment));
  const base = segments.slice(0, firstGlob).join(path.sep) || path.sep;
  const matcher = globToRegExp(segments.slice(firstGlob).join('/'));
  const files = await walk(base).catch(() => [] as string[]);
  return files.filter((file) => matcher.test(path.relative(base, file).split(path.sep).join('/'))).sort();
}
