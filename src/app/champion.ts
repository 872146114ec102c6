/**
 * The champion of an environment, read from the registry's release assets. No
 * champion yet is a fact (the first version is judged on thresholds alone); a registry
 * that cannot be read is an error the caller turns into a refusal.
 */
import { GitHubReleasesRegistry } from '../registry/github/github-registry.ts';
import { championOf } from '../registry/promotion-record.ts';
import type { ModelVersion } from '../registry/types.ts';
import type { MetricValues } from '../metrics/read-metrics.ts';
import type { TrainyardConfig } from '../config/schema.ts';
import { ConfigError } from '../errors.ts';
import type { Repo } from '../github/repo.ts';
import { APP_CONFIG_FILE, registryRepo } from './config.ts';
import { readVersionMetrics } from './version-metrics.ts';

export interface RegistryHandle {
  registry: GitHubReleasesRegistry;
  readMetrics(version: ModelVersion): Promise<MetricValues>;
}

/** The release workflow `trainyard init` writes; only its runs on the release branch register versions besides the App. */
export const RELEASE_WORKFLOW = '.github/workflows/trainyard-release.yml';

/**
 * The registry as the App reads it: only what GitHub attests trainyard's App or release
 * workflow made counts (trust.ts), so a writer's hand-made release or tag is never a
 * candidate or a champion.
 */
export function openRegistry(repo: Repo, config: TrainyardConfig, appSlug: string): RegistryHandle {
  const where = registryRepo(config, repo.owner, repo.repo);
  if (!where) throw new ConfigError({ file: APP_CONFIG_FILE, key: 'registry', message: `${config.registry ?? ''} is a local folder, which the App cannot read; use github:<owner>/<repo>` });
  const trust = { appBot: `${appSlug}[bot]`, releaseWorkflow: RELEASE_WORKFLOW, releaseBranch: null };
  const registry = new GitHubReleasesRegistry({ octokit: repo.octokit, owner: where.owner, repo: where.repo, trust, attestRecords: true });
  const context = { octokit: repo.octokit, owner: where.owner, repo: where.repo, location: registry.location };
  return { registry, readMetrics: (version) => readVersionMetrics(context, version) };
}

export interface Champion {
  version: ModelVersion;
  metrics: MetricValues;
}

/** `exclude`: a candidate already promoted is compared with the champion before it. */
export async function readChampion(handle: RegistryHandle, model: string, environment: string, exclude?: number): Promise<Champion | null> {
  const history = (await handle.registry.history(model, environment)).filter((p) => p.version !== exclude);
  const promotion = championOf(history, environment);
  if (!promotion) return null;
  const version = await handle.registry.version(model, { version: promotion.version });
  return { version, metrics: await handle.readMetrics(version) };
}
