/**
 * Which approvals of a pull request count for promotion. Only each reviewer's latest
 * decisive review counts (a later "changes requested" or a dismissal cancels an
 * approval); it counts only when it approved the final head commit, its author is not
 * the pull request's author, the reviewer authored or committed no commit of it (an
 * approver who pushed the final commit approved their own code), the reviewer has write
 * access or more, and, when the config lists allowed reviewers, is one of them.
 */
export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

export interface ReviewFact {
  login: string;
  state: string;
  commitId: string | null;
  submittedAt: string | null;
}

export interface ApprovalInput {
  author: string;
  /** Logins that authored or committed a commit of the pull request. */
  contributors: string[];
  headSha: string;
  reviews: ReviewFact[];
  permissions: Record<string, Permission>;
  allowedReviewers: string[];
}

export interface ApprovalResult {
  approvers: string[];
  /** Why approvals did not count, one line per reviewer. */
  ignored: string[];
}

const DECISIVE = new Set(['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED']);
const WRITERS = new Set<Permission>(['admin', 'maintain', 'write']);

/** The latest decisive review of each reviewer, in submission order. */
function latestByReviewer(reviews: ReviewFact[]): ReviewFact[] {
  const latest = new Map<string, ReviewFact>();
  for (const review of reviews) if (DECISIVE.has(review.state.toUpperCase())) latest.set(review.login.toLowerCase(), review);
  return [...latest.values()];
}

export function countApprovals(input: ApprovalInput): ApprovalResult {
  const approvers: string[] = [];
  const ignored: string[] = [];
  const allowed = new Set(input.allowedReviewers.map((login) => login.toLowerCase()));
  const contributors = new Set(input.contributors.map((login) => login.toLowerCase()));
  for (const review of latestByReviewer(input.reviews)) {
    if (review.state.toUpperCase() !== 'APPROVED') continue;
    const login = review.login;
    const permission = input.permissions[login] ?? 'none';
    if (login.toLowerCase() === input.author.toLowerCase()) ignored.push(`${login} is the author`);
    else if (contributors.has(login.toLowerCase())) ignored.push(`${login} authored or committed a commit of the pull request`);
    else if (review.commitId !== input.headSha) ignored.push(`${login} approved ${review.commitId?.slice(0, 7) ?? 'an unknown commit'}, not the final head ${input.headSha.slice(0, 7)}`);
    else if (!WRITERS.has(permission)) ignored.push(`${login} has ${permission} access, not write`);
    else if (allowed.size > 0 && !allowed.has(login.toLowerCase())) ignored.push(`${login} is not an allowed reviewer`);
    else approvers.push(login);
  }
  return { approvers, ignored };
}
