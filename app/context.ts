/**
 * What every handler needs from a Probot context: the repository with the
 * installation's Octokit, the validated config (or why it is unusable), and a guard
 * that turns a handler's final failure into a neutral check saying what failed.
 */
import type { Octokit } from '@octokit/rest';
import type { Context } from 'probot';
import { upsertCheck } from '../src/github/checks.ts';
import type { Repo } from '../src/github/repo.ts';
import { validateConfig } from '../src/app/config.ts';
import type { TrainyardConfig } from '../src/config/schema.ts';
import { describeThrown } from '../src/errors.ts';
import type { AppDeps } from '../src/app/deps.ts';

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

/** Publishes a bad config as the failing check `trainyard / config` on `sha`. */
export async function reportConfigProblem(repo: Repo, sha: string, problem: string, deps: AppDeps): Promise<void> {
  await upsertCheck(repo, { name: 'trainyard / config', headSha: sha, conclusion: 'failure', title: 'The trainyard config cannot be used', summary: `${problem}\n\nFix \`.github/trainyard.yml\` (see docs/configuration.md); the App does nothing else until it validates.` }, deps.appSlug);
}

/**
 * Runs a handler; when it finally fails (after Octokit's retries), leaves the neutral
 * check `<name>` on `sha` saying what failed, then rethrows so the delivery shows failed.
 */
export async function guarded(repo: Repo, sha: string | null, name: string, deps: AppDeps, run: () => Promise<unknown>, runId?: number): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (sha) {
      // `retry:run:<id>`: the Re-compare button still finds the run, and a redelivery redoes it.
      await upsertCheck(repo, { name, headSha: sha, conclusion: 'neutral', ...(runId ? { externalId: `retry:run:${runId}` } : {}), title: 'The trainyard App could not finish', summary: `The App failed while handling this event: ${describeThrown(error)}\n\nRedeliver the webhook or use the check's Re-compare button to try again.` }, deps.appSlug).catch(() => undefined);
    }
    throw error;
  }
}
