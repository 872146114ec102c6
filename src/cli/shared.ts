/** Option parsing shared by commands: the config file and the facts every run records. */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_CONFIG_PATH, loadConfig, type LoadedConfig } from '../config/load.ts';
import { gatherSystemFacts, type SystemFacts } from '../train/system-facts.ts';
import { sha256Text } from '../util/hash.ts';
import { VERSION } from '../version.ts';
import type { CliIo } from './io.ts';

export interface ProjectContext {
  loaded: LoadedConfig;
  configSha256: string;
  system: SystemFacts;
  versions: { node: string; trainyard: string };
}

/** Loads the config named by `--config` (default `.github/trainyard.yml`), relative to the cwd. */
export async function openConfig(io: CliIo, configOption: string | undefined): Promise<LoadedConfig> {
  const given = configOption ?? DEFAULT_CONFIG_PATH;
  return loadConfig(path.resolve(io.cwd, given), given);
}

export async function openProject(io: CliIo, configOption: string | undefined): Promise<ProjectContext> {
  const loaded = await openConfig(io, configOption);
  const system = await gatherSystemFacts(loaded.root, io.env);
  return { loaded, configSha256: sha256Text(loaded.text), system, versions: { node: process.version, trainyard: VERSION } };
}

/** A folder name for a run, sortable by time to the millisecond: 2026-11-26T05-24-10-123Z. */
export function runId(now: Date): string {
  return now.toISOString().replace(/\.(\d+)Z$/, '-$1Z').replace(/:/g, '-');
}

/**
 * A new, empty run folder under `parent`, named by `runId(now)`: created here, so two
 * runs never share one (a second run in the same millisecond gets `-2`, `-3`, ...).
 */
export async function newRunDir(parent: string, now: Date): Promise<string> {
  await mkdir(parent, { recursive: true });
  const base = runId(now);
  for (let attempt = 1; ; attempt += 1) {
    const dir = path.join(parent, attempt === 1 ? base : `${base}-${attempt}`);
    try {
      await mkdir(dir);
      return dir;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
