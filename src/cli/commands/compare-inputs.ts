/**
 * The inputs of `trainyard compare` beside the metrics: the policy (a trainyard config
 * or a policy file; the repository's `.github/trainyard.yml` when none is named), and
 * the optional report context (previous versions, lineage).
 */
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_CONFIG_PATH } from '../../config/load.ts';
import { DataError } from '../../errors.ts';
import { loadPolicy, type LoadedPolicy } from '../../metrics/policy.ts';
import { flattenMetrics } from '../../metrics/read-metrics.ts';
import type { VersionMetrics } from '../../report/comparison-report.ts';
import type { Lineage } from '../../train/lineage.ts';

export async function resolvePolicy(cwd: string, given: string | undefined, model: string | undefined): Promise<LoadedPolicy & { file: string | null }> {
  if (given) return { ...(await loadPolicy(path.resolve(cwd, given), given, model)), file: given };
  const fallback = path.resolve(cwd, DEFAULT_CONFIG_PATH);
  const exists = await access(fallback).then(
    () => true,
    () => false,
  );
  if (exists) return { ...(await loadPolicy(fallback, DEFAULT_CONFIG_PATH, model)), file: DEFAULT_CONFIG_PATH };
  return { policy: { rules: {}, significance: null }, model: model ?? null, task: null, file: null };
}

async function readJson(file: string, shown: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new DataError(`${shown}: cannot read the ${what} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DataError(`${shown}: invalid JSON (${(error as Error).message}); expected the ${what}`);
  }
}

/** `--history`: a JSON array of `{ "version": "v3", "metrics": { ... } }`, oldest first. */
export async function readHistory(cwd: string, given: string): Promise<VersionMetrics[]> {
  const document = await readJson(path.resolve(cwd, given), given, 'version history');
  if (!Array.isArray(document)) throw new DataError(`${given}: expected a JSON array of {"version", "metrics"} objects, oldest first`);
  return document.map((entry: unknown, index) => {
    const item = entry as { version?: unknown; metrics?: unknown };
    if (item === null || typeof item !== 'object' || typeof item.version !== 'string') {
      throw new DataError(`${given}: entry ${index} has no "version" string; expected {"version", "metrics"}`);
    }
    return { version: item.version, metrics: flattenMetrics(item.metrics, `${given} [${index}].metrics`) };
  });
}

/** `--lineage`: the candidate's lineage.json, shown folded in the report. */
export async function readLineage(cwd: string, given: string): Promise<Lineage> {
  const document = await readJson(path.resolve(cwd, given), given, 'lineage.json');
  const lineage = document as Partial<Lineage> | null;
  if (!lineage || typeof lineage !== 'object' || lineage.schemaVersion !== 1 || typeof lineage.command !== 'string' || !Array.isArray(lineage.data)) {
    throw new DataError(`${given}: not a trainyard lineage.json (expected schemaVersion 1 with command and data)`);
  }
  return lineage as Lineage;
}
