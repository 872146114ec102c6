/** Pull requests and their reviews; a review records the head commit it was made on. */
import type { SimUser } from './users.ts';

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'PENDING' | 'DISMISSED';

export interface Review {
  id: number;
  user: SimUser;
  body: string;
  state: ReviewState;
  /** The PR head SHA the review was submitted on: an approval of an older head is stale. */
  commitId: string;
  submittedAt: string | null;
}

export interface PullBranch {
  ref: string;
  /** `owner/name` of the repository holding the branch (a fork for fork PRs). */
  repo: string;
}

export interface PullRequest {
  id: number;
  number: number;
  title: string;
  body: string | null;
  user: SimUser;
  state: 'open' | 'closed';
  draft: boolean;
  head: PullBranch;
  base: PullBranch;
  merged: boolean;
  mergedBy: SimUser | null;
  mergedAt: string | null;
  mergeCommitSha: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  reviews: Review[];
  /** The head SHA last seen, shown once the head branch is gone. */
  lastHeadSha: string;
  maintainerCanModify: boolean;
}

/** GitHub's pull-request state filter (`open`, `closed`, `all`). */
export function matchesState(pull: PullRequest, state: string): boolean {
  return state === 'all' || pull.state === state;
}
