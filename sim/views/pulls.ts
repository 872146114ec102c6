/** GitHub's `pull-request` and `pull-request-review` shapes. */
import type { SimContext } from '../context.ts';
import { nodeId } from '../state/ids.ts';
import type { PullBranch, PullRequest, Review } from '../state/pulls.ts';
import type { RepoState } from '../state/repos.ts';
import { labelView } from './issues.ts';
import { repository } from './repos.ts';
import { authorAssociation, simpleUser } from './users.ts';

/** The commit a branch of a pull request points at (the recorded head once merged). */
export function branchSha(ctx: SimContext, branch: PullBranch): string {
  const repo = ctx.state.repo(branch.repo);
  return repo?.git.refs.get(`refs/heads/${branch.ref}`) ?? '';
}

function branchView(ctx: SimContext, branch: PullBranch, sha: string): Record<string, unknown> {
  const repo = ctx.state.repo(branch.repo)!;
  return {
    label: `${repo.owner.login}:${branch.ref}`,
    ref: branch.ref,
    sha,
    user: simpleUser(ctx.urls, repo.owner),
    repo: repository(ctx.urls, repo),
  };
}

export function pullRequest(ctx: SimContext, repo: RepoState, pull: PullRequest, headSha: string): Record<string, unknown> {
  const url = `${ctx.urls.api}/repos/${repo.fullName}/pulls/${pull.number}`;
  const html = `${ctx.urls.web}/${repo.fullName}/pull/${pull.number}`;
  const issue = `${ctx.urls.api}/repos/${repo.fullName}/issues/${pull.number}`;
  const href = (h: string) => ({ href: h });
  return {
    url,
    id: pull.id,
    node_id: nodeId('PullRequest', pull.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issue,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${ctx.urls.api}/repos/${repo.fullName}/pulls/comments{/number}`,
    comments_url: `${issue}/comments`,
    statuses_url: `${ctx.urls.api}/repos/${repo.fullName}/statuses/${headSha}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: simpleUser(ctx.urls, pull.user),
    body: pull.body,
    // pull-request-simple describes a label's description as a string (issues allow null).
    labels: (repo.issueLabels.get(pull.number) ?? []).map((name) => {
      const label = repo.labels.find((l) => l.name === name)!;
      return { ...labelView(ctx.urls, repo, label), description: label.description ?? '' };
    }),
    milestone: null,
    active_lock_reason: null,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: branchView(ctx, pull.head, headSha),
    base: branchView(ctx, pull.base, branchSha(ctx, pull.base)),
    _links: {
      self: href(url),
      html: href(html),
      issue: href(issue),
      comments: href(`${issue}/comments`),
      review_comments: href(`${url}/comments`),
      review_comment: href(`${ctx.urls.api}/repos/${repo.fullName}/pulls/comments{/number}`),
      commits: href(`${url}/commits`),
      statuses: href(`${ctx.urls.api}/repos/${repo.fullName}/statuses/${headSha}`),
    },
    author_association: authorAssociation(repo, pull.user.login),
    auto_merge: null,
    draft: pull.draft,
    merged: pull.merged,
    mergeable: pull.state === 'open' ? true : null,
    rebaseable: pull.state === 'open' ? true : null,
    mergeable_state: pull.state === 'open' ? 'clean' : 'unknown',
    merged_by: pull.mergedBy ? simpleUser(ctx.urls, pull.mergedBy) : null,
    comments: repo.comments.filter((c) => c.issueNumber === pull.number).length,
    review_comments: 0,
    maintainer_can_modify: pull.maintainerCanModify,
    commits: 1,
    additions: 0,
    deletions: 0,
    changed_files: 0,
  };
}

/** The head SHA to show: the live branch while open, the last recorded head after. */
export function pullHeadSha(ctx: SimContext, pull: PullRequest): string {
  return branchSha(ctx, pull.head) || pull.lastHeadSha;
}

export function review(ctx: SimContext, repo: RepoState, pull: PullRequest, r: Review): Record<string, unknown> {
  const prUrl = `${ctx.urls.api}/repos/${repo.fullName}/pulls/${pull.number}`;
  const html = `${ctx.urls.web}/${repo.fullName}/pull/${pull.number}#pullrequestreview-${r.id}`;
  return {
    id: r.id,
    node_id: nodeId('PullRequestReview', r.id),
    user: simpleUser(ctx.urls, r.user),
    body: r.body,
    state: r.state,
    html_url: html,
    pull_request_url: prUrl,
    _links: { html: { href: html }, pull_request: { href: prUrl } },
    ...(r.submittedAt ? { submitted_at: r.submittedAt } : {}),
    commit_id: r.commitId,
    author_association: authorAssociation(repo, r.user.login),
  };
}
