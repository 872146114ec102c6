/**
 * A new push makes the previous comparison stale: its comment gets a banner naming the
 * new head (replacing an older banner), until the new pipeline's comparison replaces it.
 * The head is the pull request's current one, not the event's: a late or redelivered
 * `synchronize` must not mark a comparison of the current head stale.
 */
import type { Repo } from '../github/repo.ts';
import { judgedCommit } from '../report/comparison-report.ts';

const BANNER = /^> \*\*Stale:\*\*.*\n\n/m;

export function markStale(body: string, marker: string, newHead: string): string {
  const rest = body.slice(marker.length + 1).replace(BANNER, '');
  return `${marker}\n> **Stale:** the pull request has moved on to ${newHead.slice(0, 7)}; this comparison is of an earlier commit. A new one follows when its pipeline finishes.\n\n${rest}`;
}

/** Marks every sticky trainyard comment of the pull request that judged another commit than its head stale; returns how many changed. */
export async function markCommentsStale(repo: Repo, issueNumber: number, botLogin: string): Promise<number> {
  const { data: pull } = await repo.octokit.rest.pulls.get({ owner: repo.owner, repo: repo.repo, pull_number: issueNumber });
  const newHead = pull.head.sha;
  const comments = await repo.octokit.paginate(repo.octokit.rest.issues.listComments, { owner: repo.owner, repo: repo.repo, issue_number: issueNumber, per_page: 100 });
  let changed = 0;
  for (const comment of comments) {
    const marker = /^<!-- trainyard:[a-z0-9._-]+ -->/.exec(comment.body ?? '')?.[0];
    if (!marker || comment.user?.login !== botLogin || judgedCommit(comment.body!) === newHead) continue;
    const body = markStale(comment.body!, marker, newHead);
    if (body === comment.body) continue;
    await repo.octokit.rest.issues.updateComment({ owner: repo.owner, repo: repo.repo, comment_id: comment.id, body });
    changed++;
  }
  return changed;
}
