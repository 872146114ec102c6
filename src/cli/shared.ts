/** Option parsing shared by commands: the config file and the facts every run records. */
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

/** A folder name for a run, sortable by time: 2026-11-26T05-24-10Z. */
export function runId(now: Date): string {
  return now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
}
