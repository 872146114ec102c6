/**
 * Where custom deployment protection rules are unavailable (private repositories off
 * Enterprise), the App publishes its promotion decision as the check run
 * `trainyard / promotion` on the commit; deploy proceeds only when the newest such
 * check completed with success. No check, a pending one, or any other conclusion: stop.
 */
import { TrainyardError } from '../errors.ts';
import { call, type RepoContext } from '../registry/github/client.ts';

export const PROMOTION_CHECK = 'trainyard / promotion';

export async function requirePromotionCheck(context: RepoContext, commit: string): Promise<void> {
  const { data } = await call(context, `reading check runs of ${commit}`, () =>
    context.octokit.rest.checks.listForRef({ owner: context.owner, repo: context.repo, ref: commit, check_name: PROMOTION_CHECK, filter: 'latest' }),
  );
  const run = [...data.check_runs].sort((a, b) => (b.started_at ?? '').localeCompare(a.started_at ?? ''))[0];
  if (!run) throw new TrainyardError(`${context.location}: commit ${commit} has no "${PROMOTION_CHECK}" check; refusing to deploy`, { exitCode: 1 });
  if (run.status !== 'completed' || run.conclusion !== 'success') {
    const state = run.status === 'completed' ? `concluded ${run.conclusion ?? 'without a conclusion'}` : `is ${run.status}`;
    throw new TrainyardError(`${context.location}: "${PROMOTION_CHECK}" on ${commit} ${state}; refusing to deploy`, { exitCode: 1 });
  }
}
