/**
 * How the App's services leave a trace on GitHub when they cannot finish: a failing
 * `trainyard / config` check for an unusable config, and a neutral check naming what
 * failed when a handler's work finally fails (after Octokit's retries).
 */
import { describeThrown } from '../errors.ts';
import { upsertCheck } from '../github/checks.ts';
import type { Repo } from '../github/repo.ts';
import type { AppDeps } from './deps.ts';

/** Publishes a bad config as the failing check `trainyard / config` on `sha`. */
export async function reportConfigProblem(repo: Repo, sha: string, problem: string, deps: AppDeps): Promise<void> {
  await upsertCheck(repo, { name: 'trainyard / config', headSha: sha, conclusion: 'failure', title: 'The trainyard config cannot be used', summary: `${problem}\n\nFix \`.github/trainyard.yml\` (see docs/configuration.md); the App does nothing else until it validates.` }, deps.appSlug);
}

/**
 * Runs `run`; when it finally fails, leaves the neutral check `<name>` on `sha` saying
 * what failed, then rethrows so the delivery shows failed.
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
