/**
 * The champion a local run compares against: the version promoted last to the
 * model's environment in the local registry, downloaded (digests verified) into the
 * run folder. None before the first promotion.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { championOf } from '../registry/promotion-record.ts';
import type { ModelRegistry } from '../registry/types.ts';

export interface Champion {
  version: number;
  tag: string;
  metricsFile: string;
  predictionsFile: string | null;
  /** The downloaded version folder. */
  dir: string;
  /** The commit the version was trained from, when recorded. */
  commit: string | null;
}

export async function fetchChampion(input: { registry: ModelRegistry; model: string; environment: string; dir: string }): Promise<Champion | null> {
  if (!championOf(await input.registry.history(input.model, input.environment), input.environment)) return null;
  const version = await input.registry.version(input.model, { environment: input.environment });
  const downloaded = await input.registry.download(input.model, version.version, input.dir);
  const predictions = (await readdir(downloaded.dir)).find((file) => file.startsWith('predictions.'));
  return {
    version: version.version,
    tag: version.tag,
    metricsFile: path.join(downloaded.dir, 'metrics.json'),
    predictionsFile: predictions ? path.join(downloaded.dir, predictions) : null,
    dir: downloaded.dir,
    commit: version.card.commit,
  };
}
