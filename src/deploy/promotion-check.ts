/**
 * Where custom deployment protection rules are unavailable (private repositories off
 * Enterprise), the App publishes its promotion decision as the check run
 * `trainyard / promotion` on the commit; deploy proceeds only when trainyard's own App
 * (by its id, which GitHub attests on every check run) has such a check on that exact
 * commit and its newest one completed with success. A check of the same name by any
 * other App (GitHub Actions included) is not read. Newest means the highest check run
 * id, which GitHub assigns; `started_at` is set by whoever creates the check.
 */
import { TrainyardError } from '../errors.ts';
import { call, type RepoContext } from '../registry/github/client.ts';

export const PROMOTION_CHECK = 'trainyard / promotion';

export async function requirePromotionCheck(context: RepoContext, commit: string, appId: number): Promise<void> {
  const runs = await call(context, `reading check runs of ${commit}`, () =>
    context.octokit.paginate(context.octokit.rest.checks.listForRef, { owner: context.owner, repo: context.repo, ref: commit, check_name: PROMOTION_CHECK, app_id: appId, filter: 'all', per_page: 100 }),
  );
  const ours = runs.filter((r) => r.app?.id === appId && r.head_sha === commit && r.name === PROMOTION_CHECK);
  const run = ours.sort((a, b) => b.id - a.id)[0];
  if (!run) throw new TrainyardError(`${context.location}: commit ${commit} has no "${PROMOTION_CHECK}" check by App ${appId}; refusing to deploy`, { exitCode: 1 });
  if (run.status !== 'completed' || run.conclusion !== 'success') {
    const state = run.status === 'completed' ? `concluded ${run.conclusion ?? 'without a conclusion'}` : `is ${run.status}`;
    throw new TrainyardError(`${context.location}: "${PROMOTION_CHECK}" on ${commit} ${state}; refusing to deploy`, { exitCode: 1 });
  }
}
