/**
 * `pull_request_review.submitted` / `.dismissed`: approvals change the promotion status
 * of a merged pull request's commit, so its check `trainyard / promotion` is refreshed
 * when a candidate version of that commit exists.
 */
import type { Context } from 'probot';
import type { AppDeps } from '../../src/app/deps.ts';
import { refreshPromotionCheck } from '../../src/app/promotion-refresh.ts';
import { loadConfig, repoOf } from '../context.ts';

export function pullRequestReview(deps: AppDeps) {
  return async (context: Context<'pull_request_review.submitted' | 'pull_request_review.dismissed'>): Promise<void> => {
    const pull = context.payload.pull_request;
    if (!pull.merged_at || !pull.merge_commit_sha) return context.log.debug(`review on #${pull.number} ignored: the pull request is not merged`);
    const loaded = await loadConfig(context);
    if (!loaded.config) return context.log.debug(`review on #${pull.number} ignored: ${loaded.problem}`);
    await refreshPromotionCheck(repoOf(context), loaded.config, pull.merge_commit_sha, [pull.number], deps);
  };
}
