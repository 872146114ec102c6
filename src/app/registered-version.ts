/**
 * A model version was registered (a release was published): a note goes on the pull
 * request that brought its commit ("registered as <model>@v<N>"), once, and the
 * promotion check of that commit is refreshed.
 */
import type { TrainyardConfig } from '../config/schema.ts';
import type { Repo } from '../github/repo.ts';
import { postOnce } from '../github/sticky-comment.ts';
import { parseCard } from '../registry/card.ts';
import type { ModelCard } from '../registry/types.ts';
import type { AppDeps } from './deps.ts';
import { refreshPromotionCheck } from './promotion-refresh.ts';

export interface PublishedRelease {
  id: number;
  tagName: string;
  body: string;
  htmlUrl: string;
}

/** The merged pull request whose merge commit is `sha`, asked of GitHub's commit→pulls endpoint. */
export async function mergedPullFor(repo: Repo, sha: string): Promise<number | null> {
  const { data } = await repo.octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner: repo.owner, repo: repo.repo, commit_sha: sha, per_page: 100 });
  return data.find((p) => p.merge_commit_sha === sha && p.merged_at)?.number ?? null;
}

/** The release's model card, when it is a model version: a card of its own tag naming a commit. */
export function versionCardOf(release: PublishedRelease): (ModelCard & { commit: string }) | null {
  const card = parseCard(release.body);
  return card && release.tagName === `${card.model}@v${card.version}` && card.commit ? { ...card, commit: card.commit } : null;
}

/** Returns why nothing was done, or null when the version was noted. */
export async function noteRegisteredVersion(repo: Repo, config: TrainyardConfig | null, release: PublishedRelease, deps: AppDeps): Promise<string | null> {
  const card = versionCardOf(release);
  if (!card) return `release ${release.tagName} carries no model card of its own tag`;
  const pull = await mergedPullFor(repo, card.commit);
  if (pull !== null) await postOnce(repo, pull, `release:${release.id}`, `registered as ${card.model}@v${card.version}: ${release.htmlUrl}`, card.commit);
  if (config) await refreshPromotionCheck(repo, config, card.commit, pull !== null ? [pull] : [], deps);
  return null;
}
