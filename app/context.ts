/**
 * What every handler needs from a Probot context: the repository with the
 * installation's Octokit and the validated config (or why it is unusable).
 */
import type { Octokit } from '@octokit/rest';
import type { Context } from 'probot';
import type { Repo } from '../src/github/repo.ts';
import { validateConfig } from '../src/app/config.ts';
import type { TrainyardConfig } from '../src/config/schema.ts';
import { describeThrown } from '../src/errors.ts';

export type AnyContext = Context;

export function repoOf(context: AnyContext): Repo {
  const { owner, repo } = context.repo();
  // ProbotOctokit carries the REST methods and pagination of @octokit/rest.
  return { octokit: context.octokit as unknown as Octokit, owner, repo };
}

export type LoadedConfig = { config: TrainyardConfig; problem: null } | { config: null; problem: string };

export async function loadConfig(context: AnyContext): Promise<LoadedConfig> {
  try {
    const value = await context.config('trainyard.yml');
    return { config: validateConfig(value), problem: null };
  } catch (error) {
    return { config: null, problem: describeThrown(error) };
  }
}
