/** GitHub's `issue-comment` and `label` shapes. */
import type { SimUrls } from '../urls.ts';
import { nodeId } from '../state/ids.ts';
import type { Issue, IssueComment, Label } from '../state/issues.ts';
import type { PullRequest } from '../state/pulls.ts';
import type { RepoState } from '../state/repos.ts';
import { authorAssociation, simpleUser } from './users.ts';

function reactions(url: string): Record<string, unknown> {
  return { url: `${url}/reactions`, total_count: 0, '+1': 0, '-1': 0, laugh: 0, hooray: 0, confused: 0, heart: 0, rocket: 0, eyes: 0 };
}

export function labelView(urls: SimUrls, repo: RepoState, label: Label): Record<string, unknown> {
  return {
    id: label.id,
    node_id: nodeId('Label', label.id),
    url: `${urls.api}/repos/${repo.fullName}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    description: label.description,
    color: label.color,
    default: false,
  };
}

export function issueComment(urls: SimUrls, repo: RepoState, comment: IssueComment): Record<string, unknown> {
  return {
    id: comment.id,
    node_id: nodeId('IssueComment', comment.id),
    url: `${urls.api}/repos/${repo.fullName}/issues/comments/${comment.id}`,
    html_url: `${urls.web}/${repo.fullName}/${repo.pulls.some((p) => p.number === comment.issueNumber) ? 'pull' : 'issues'}/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${urls.api}/repos/${repo.fullName}/issues/${comment.issueNumber}`,
    body: comment.body,
    user: simpleUser(urls, comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: authorAssociation(repo, comment.user.login),
    performed_via_github_app: null,
    reactions: reactions(`${urls.api}/repos/${repo.fullName}/issues/comments/${comment.id}`),
  };
}

/** A pull request seen as an issue (the `issue` of `issue_comment` events). */
export function pullAsIssue(urls: SimUrls, repo: RepoState, pull: PullRequest, labels: Label[]): Record<string, unknown> {
  const url = `${urls.api}/repos/${repo.fullName}/issues/${pull.number}`;
  const html = `${urls.web}/${repo.fullName}/pull/${pull.number}`;
  return {
    url,
    repository_url: `${urls.api}/repos/${repo.fullName}`,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: html,
    id: pull.id,
    node_id: nodeId('PullRequest', pull.id),
    number: pull.number,
    title: pull.title,
    user: simpleUser(urls, pull.user),
    labels: labels.map((l) => labelView(urls, repo, l)),
    state: pull.state,
    locked: false,
    assignee: null,
    assignees: [],
    milestone: null,
    comments: repo.comments.filter((c) => c.issueNumber === pull.number).length,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    author_association: authorAssociation(repo, pull.user.login),
    active_lock_reason: null,
    body: pull.body,
    reactions: reactions(url),
    pull_request: { url: `${urls.api}/repos/${repo.fullName}/pulls/${pull.number}`, html_url: html, diff_url: `${html}.diff`, patch_url: `${html}.patch`, merged_at: pull.mergedAt },
  };
}

/** GitHub's `issue` shape for an issue that is not a pull request. */
export function issueView(urls: SimUrls, repo: RepoState, issue: Issue, labels: Label[]): Record<string, unknown> {
  const url = `${urls.api}/repos/${repo.fullName}/issues/${issue.number}`;
  return {
    url,
    repository_url: `${urls.api}/repos/${repo.fullName}`,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${urls.web}/${repo.fullName}/issues/${issue.number}`,
    id: issue.id,
    node_id: nodeId('Issue', issue.id),
    number: issue.number,
    title: issue.title,
    user: simpleUser(urls, issue.user),
    labels: labels.map((l) => labelView(urls, repo, l)),
    state: issue.state,
    state_reason: issue.stateReason,
    locked: false,
    assignee: null,
    assignees: [],
    milestone: null,
    comments: repo.comments.filter((c) => c.issueNumber === issue.number).length,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    author_association: authorAssociation(repo, issue.user.login),
    active_lock_reason: null,
    body: issue.body,
    reactions: reactions(url),
  };
}
