/**
 * `release.published`: a model version was registered. A note goes on the pull request
 * that brought its commit ("registered as <model>@v<N>"), once, and the promotion check
 * of that commit is refreshed.
 */
import type { Context } from 'probot';
import type { AppDeps } from '../../src/app/deps.ts';
import { refreshPromotionCheck } from '../../src/app/promotion-refresh.ts';
import { parseCard } from '../../src/registry/card.ts';
import { postOnce } from '../../src/github/sticky-comment.ts';
import { loadConfig, repoOf } from '../context.ts';

export function releasePublished(deps: AppDeps) {
  return async (context: Context<'release.published'>): Promise<void> => {
    const { release } = context.payload;
    const card = parseCard(release.body ?? '');
    if (!card || release.tag_name !== `${card.model}@v${card.version}` || !card.commit) return;
    const repo = repoOf(context);
    const pulls = await repo.octokit.paginate(repo.octokit.rest.pulls.list, { owner: repo.owner, repo: repo.repo, state: 'closed', per_page: 100 });
    const pull = pulls.find((p) => p.merge_commit_sha === card.commit && p.merged_at);
    if (pull) {
      await postOnce(repo, pull.number, `release:${release.id}`, `registered as ${card.model}@v${card.version}: ${release.html_url}`, card.commit);
    }
    const loaded = await loadConfig(context);
    if (loaded.config) await refreshPromotionCheck(repo, loaded.config, card.commit, pull ? [pull.number] : [], deps);
  };
}
