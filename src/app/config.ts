/**
 * The repository's config as the App reads it: Probot's `context.config()` resolves
 * `_extends`, and the result is validated with the same schema as the CLI, so a config
 * the CLI refuses is refused here too, with the same explanation.
 */
import { ConfigError } from '../errors.ts';
import { configSchema, type ModelConfig, type TrainyardConfig } from '../config/schema.ts';
import { explainIssues } from '../config/zod-issues.ts';

export const APP_CONFIG_FILE = '.github/trainyard.yml';

export function validateConfig(value: unknown, file = APP_CONFIG_FILE): TrainyardConfig {
  if (value === null || value === undefined) throw new ConfigError({ file, message: 'not found; the App needs it to know the models' });
  const result = configSchema.safeParse(value);
  if (result.success) return result.data;
  const [first] = explainIssues(configSchema, value, result.error.issues);
  const key = first?.path.map(String).join('.') || undefined;
  throw new ConfigError({ file, message: first?.message ?? result.error.message, ...(key ? { key } : {}) });
}

export function environmentOf(model: ModelConfig): string {
  return model.promotion?.environment ?? 'production';
}

/** The registry the App reads: `github:<owner>/<repo>` from the config, else the repository itself. */
export function registryRepo(config: TrainyardConfig, owner: string, repo: string): { owner: string; repo: string } | null {
  if (!config.registry) return { owner, repo };
  const match = /^github:([^/]+)\/(.+)$/.exec(config.registry);
  return match ? { owner: match[1]!, repo: match[2]! } : null;
}

/** The model and kind an artifact name means: `trainyard-<model>` or `trainyard-drift-<model>`. */
export function classifyArtifact(name: string, models: string[]): { kind: 'pipeline' | 'drift'; model: string } | null {
  if (!name.startsWith('trainyard-')) return null;
  const rest = name.slice('trainyard-'.length);
  if (models.includes(rest)) return { kind: 'pipeline', model: rest };
  if (rest.startsWith('drift-') && models.includes(rest.slice('drift-'.length))) return { kind: 'drift', model: rest.slice('drift-'.length) };
  return null;
}
