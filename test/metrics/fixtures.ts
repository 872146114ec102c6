import { readFileSync } from 'node:fs';

/** Reads a reference-value fixture written by scripts/fixtures/metrics.py. */
export function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/metrics/${name}`, import.meta.url), 'utf8')) as T;
}

/** The tolerance the issue sets against scikit-learn: 1e-9. */
export const TOLERANCE = 1e-9;
