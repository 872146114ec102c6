/**
 * Reads `.github/trainyard.yml` into a typed, validated configuration. Every problem
 * becomes a ConfigError naming the file, line, column and key.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../errors.ts';
import { configSchema, type TrainyardConfig } from './schema.ts';
import { explainIssues } from './zod-issues.ts';
import { MAX_CONFIG_BYTES, parseYamlSource, positionOf } from './yaml-source.ts';

/** The conventional place of the config inside a repository. */
export const DEFAULT_CONFIG_PATH = '.github/trainyard.yml';

export interface LoadedConfig {
  config: TrainyardConfig;
  /** The file it came from, as shown to the user. */
  file: string;
  /** The file's text, for hashing into lineage. */
  text: string;
  /** The project root that relative paths in the config are resolved against. */
  root: string;
}

/** Validates config text; `file` is only used to name the source in errors. */
export function parseConfig(text: string, file: string): TrainyardConfig {
  const source = parseYamlSource(text, file);
  if (source.value === null || source.value === undefined) {
    throw new ConfigError({ file, message: 'the file is empty; expected a mapping with a "models" key' });
  }
  const result = configSchema.safeParse(source.value);
  if (result.success) return result.data;
  const [first] = explainIssues(configSchema, source.value, result.error.issues);
  if (!first) throw new ConfigError({ file, message: result.error.message });
  const position = positionOf(source, first.unknownKey ? first.path.slice(0, -1) : first.path, first.unknownKey);
  const key = first.path.map(String).join('.') || undefined;
  throw new ConfigError({ file, message: first.message, ...(position ? { position } : {}), ...(key ? { key } : {}) });
}

/**
 * The project root of a config file: the folder holding `.github/` when the file lives
 * there (the repository layout), otherwise the file's own folder.
 */
export function projectRootOf(configFile: string): string {
  const folder = path.dirname(path.resolve(configFile));
  return path.basename(folder) === '.github' ? path.dirname(folder) : folder;
}

/**
 * Loads and validates a config file. `shownAs` names it in errors (a path relative to
 * where the user stands); it defaults to `file`.
 */
export async function loadConfig(path_: string, shownAs?: string): Promise<LoadedConfig> {
  const file = shownAs ?? path_;
  let size: number;
  try {
    const info = await stat(path_);
    if (!info.isFile()) throw new ConfigError({ file, message: 'not a file; expected a YAML config file' });
    size = info.size;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError({ file, message: `cannot read the config (${(error as NodeJS.ErrnoException).code ?? 'error'}); expected a YAML file such as ${DEFAULT_CONFIG_PATH}` });
  }
  if (size > MAX_CONFIG_BYTES) {
    throw new ConfigError({ file, message: `file is ${size} bytes; expected at most ${MAX_CONFIG_BYTES} (1 MiB)` });
  }
  const text = await readFile(path_, 'utf8');
  return { config: parseConfig(text, file), file, text, root: projectRootOf(path_) };
}
