import path from 'node:path';

/**
 * A path as a user reads it best: relative to the working directory when it lies below
 * it, else absolute (`../../../root/out` says less than `/root/out`).
 */
export function displayPath(cwd: string, target: string): string {
  const relative = path.relative(cwd, target);
  if (relative === '') return '.';
  return relative.startsWith('..') || path.isAbsolute(relative) ? path.resolve(cwd, target) : relative;
}
