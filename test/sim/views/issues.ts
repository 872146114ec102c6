/** GitHub's `issue-comment` and `label` shapes. */
import type { SimUrls } from '../context.ts';
import { nodeId } from '../state/ids.ts';
import type { IssueComment, Label } from '../state/issues.ts';
import type { RepoState } from '../state/repos.ts';
import { authorAssociation } from './pulls.ts';
import { simpleUser } from './users.ts';

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
    html_url: `${urls.web}/${repo.fullName}/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${urls.api}/repos/${repo.fullName}/issues/${comment.issueNumber}`,
    body: comment.body,
    user: simpleUser(urls, comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: authorAssociation(repo, comment.user.login),
  };
}
