/** The lines of lineage.json a model card shows, checked for shape. */
import { DataError } from '../errors.ts';
import type { Lineage } from '../train/lineage.ts';
import type { LineageSummary } from './types.ts';

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function summarizeLineage(document: unknown, file: string): LineageSummary {
  if (!isObject(document) || typeof document.command !== 'string' || !Array.isArray(document.data)) {
    throw new DataError(`${file}: not a trainyard lineage file; expected an object with "command" and "data" (written by trainyard train)`);
  }
  const lineage = document as unknown as Lineage;
  return {
    commit: lineage.commit ?? null,
    command: lineage.command,
    seed: lineage.seed,
    params: lineage.params ?? {},
    data: lineage.data.map(({ path, bytes, sha256 }) => ({ path, bytes, sha256 })),
    durationSeconds: lineage.durationSeconds,
    runner: lineage.runner?.name ?? null,
  };
}
