/**
 * One comment per model per pull request, found by its hidden marker and the App's own
 * login, updated in place, and left alone when its body would not change (so
 * redeliveries edit nothing). Creation is claimed first, so two replicas never post two.
 */
import { awaitObject, claimOnce, createClaimed } from './claims.ts';
import type { Repo } from './repo.ts';

export const commentMarker = (model: string): string => `<!-- trainyard:${model} -->`;

export interface StickyComment {
  issueNumber: number;
  marker: string;
  /** The body without the marker; the marker is put on the first line. */
  body: string;
  botLogin: string;
  /** A commit of the repository, for the claim ref. */
  claimSha: string;
}

export type StickyOutcome = { action: 'created' | 'updated' | 'unchanged'; id: number };

async function findComment(repo: Repo, input: StickyComment): Promise<{ id: number; body: string } | null> {
  const comments = await repo.octokit.paginate(repo.octokit.rest.issues.listComments, { owner: repo.owner, repo: repo.repo, issue_number: input.issueNumber, per_page: 100 });
  const own = comments.find((c) => c.user?.login === input.botLogin && (c.body ?? '').startsWith(input.marker));
  return own ? { id: own.id, body: own.body ?? '' } : null;
}

export async function upsertStickyComment(repo: Repo, input: StickyComment): Promise<StickyOutcome> {
  const body = `${input.marker}\n${input.body}`;
  let existing = await findComment(repo, input);
  if (!existing) {
    const created = await createClaimed(repo, `comment:${input.issueNumber}:${input.marker}`, input.claimSha, async () => {
      const { data } = await repo.octokit.rest.issues.createComment({ owner: repo.owner, repo: repo.repo, issue_number: input.issueNumber, body });
      return { action: 'created' as const, id: data.id };
    }, async () => (await findComment(repo, input)) !== null);
    if (created) return created;
    existing = await awaitObject(() => findComment(repo, input));
    if (!existing) {
      const { data } = await repo.octokit.rest.issues.createComment({ owner: repo.owner, repo: repo.repo, issue_number: input.issueNumber, body });
      return { action: 'created', id: data.id };
    }
  }
  if (existing.body === body) return { action: 'unchanged', id: existing.id };
  await repo.octokit.rest.issues.updateComment({ owner: repo.owner, repo: repo.repo, comment_id: existing.id, body });
  return { action: 'updated', id: existing.id };
}

/** Posts a one-off note once per key (release notes, refusals): a claim guards it. */
export async function postOnce(repo: Repo, issueNumber: number, key: string, body: string, claimSha: string): Promise<boolean> {
  if (!(await claimOnce(repo, `note:${key}`, claimSha))) return false;
  await repo.octokit.rest.issues.createComment({ owner: repo.owner, repo: repo.repo, issue_number: issueNumber, body });
  return true;
}
