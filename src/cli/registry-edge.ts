/**
 * Opens the registry a command names: `--registry`, else the config's `registry`,
 * else the local folder under the project root. The GitHub token and API URL come
 * from the environment here and nowhere deeper.
 */
import type { Octokit } from '@octokit/rest';
import { DEFAULT_CONFIG_PATH, loadConfig, type LoadedConfig } from '../config/load.ts';
import { UsageError } from '../errors.ts';
import { GitHubReleasesRegistry } from '../registry/github/github-registry.ts';
import type { RepoContext } from '../registry/github/client.ts';
import { LocalRegistry } from '../registry/local/local-registry.ts';
import { DEFAULT_LOCAL_REGISTRY, parseRegistrySpec, type RegistrySpec } from '../registry/spec.ts';
import type { ModelRegistry } from '../registry/types.ts';
import { octokitFor } from './github-client.ts';
import type { CliIo } from './io.ts';
import path from 'node:path';
import { stat } from 'node:fs/promises';

export interface OpenedRegistry {
  registry: ModelRegistry;
  spec: RegistrySpec;
  /** The config, when the project has one. */
  loaded: LoadedConfig | null;
  /** Set for GitHub registries, for the calls deploy makes beside the registry. */
  github: RepoContext | null;
}

/** An Octokit with GITHUB_TOKEN; `need` says in the error what the token is for. */
export function githubClient(io: CliIo, need = 'a github: registry needs a token with contents: write'): Octokit {
  const token = io.env.GITHUB_TOKEN;
  if (!token) throw new UsageError(`GITHUB_TOKEN is not set; ${need}`);
  // Failed requests surface as one-line errors; a taken tag ref (422) is expected, not news.
  return octokitFor(io, token);
}

/** Loads the config when the file exists; a missing default config is no error here. */
async function maybeConfig(io: CliIo, configOption: string | undefined): Promise<LoadedConfig | null> {
  const given = configOption ?? DEFAULT_CONFIG_PATH;
  const file = path.resolve(io.cwd, given);
  if (!configOption && !(await stat(file).catch(() => null))) return null;
  return loadConfig(file, given);
}

/** `need` says, when GITHUB_TOKEN is missing, what the token is for. */
export async function openRegistry(io: CliIo, options: { registry?: string; config?: string; need?: string }): Promise<OpenedRegistry> {
  const loaded = await maybeConfig(io, options.config);
  const root = loaded?.root ?? io.cwd;
  const text = options.registry ?? loaded?.config.registry ?? `local:${DEFAULT_LOCAL_REGISTRY}`;
  const spec = parseRegistrySpec(text, options.registry ? io.cwd : root, options.registry ? '--registry' : 'registry');
  if (spec.kind === 'local') return { registry: new LocalRegistry({ dir: spec.dir, now: io.now }), spec, loaded, github: null };
  const octokit = githubClient(io, options.need);
  const registry = new GitHubReleasesRegistry({ octokit, owner: spec.owner, repo: spec.repo, now: io.now });
  return { registry, spec, loaded, github: { octokit, owner: spec.owner, repo: spec.repo, location: registry.location } };
}

/** The URL of the current workflow run, when running in GitHub Actions. */
export function runUrlFrom(env: Record<string, string | undefined>): string | null {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
  return server && repo && run ? `${server}/${repo}/actions/runs/${run}` : null;
}
