/**
 * The webhook events that follow from state changes, in one place so routes and
 * scenarios raise the same ones: a push moves a branch (and synchronizes the PRs whose
 * head it is), a PR opens or closes, a review or comment is submitted, a release is
 * published, a check run changes, a workflow run completes.
 */
import type { SimContext } from './context.ts';
import type { CheckRun } from './state/checks.ts';
import type { PullRequest, Review } from './state/pulls.ts';
import type { Release } from './state/releases.ts';
import type { RepoState } from './state/repos.ts';
import type { SimUser } from './state/users.ts';
import type { IssueComment } from './state/issues.ts';
import type { WorkflowRun } from './state/actions.ts';
import { checkRun } from './views/checks.ts';
import { issueComment, issueView, pullAsIssue } from './views/issues.ts';
import { pullHeadSha, pullRequest, review } from './views/pulls.ts';
import { release } from './views/releases.ts';
import { workflowRun } from './views/actions.ts';

const ZERO = '0000000000000000000000000000000000000000';

/** Fields of a full pull request that the lighter one in review events does not carry. */
const REVIEW_EVENT_PR_OMITS = ['merged', 'mergeable', 'rebaseable', 'mergeable_state', 'merged_by', 'comments', 'review_comments', 'maintainer_can_modify', 'commits', 'additions', 'deletions', 'changed_files'];

function omit(object: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
}

export function refMoved(ctx: SimContext, repo: RepoState, ref: string, before: string | undefined, after: string | undefined, sender: SimUser): void {
  if (!ref.startsWith('refs/heads/') && !ref.startsWith('refs/tags/')) return;
  repo.pushedAt = ctx.clock.iso();
  ctx.webhooks.emit({
    event: 'push',
    repo,
    sender,
    fields: {
      ref,
      before: before ?? ZERO,
      after: after ?? ZERO,
      created: before === undefined,
      deleted: after === undefined,
      forced: false,
      base_ref: null,
      compare: `${ctx.urls.web}/${repo.fullName}/compare/${(before ?? ZERO).slice(0, 12)}...${(after ?? ZERO).slice(0, 12)}`,
      commits: [],
      head_commit: null,
      pusher: { name: sender.login, email: sender.email },
    },
  });
  if (!ref.startsWith('refs/heads/') || after === undefined) return;
  const branch = ref.slice('refs/heads/'.length);
  for (const target of ctx.state.repos.values()) {
    for (const pull of target.pulls) {
      if (pull.state !== 'open' || pull.head.ref !== branch || pull.head.repo.toLowerCase() !== repo.fullName.toLowerCase()) continue;
      pull.lastHeadSha = after;
      pull.updatedAt = ctx.clock.iso();
      pullRequestEvent(ctx, target, pull, 'synchronize', sender, { before: before ?? ZERO, after });
    }
  }
}

export function pullRequestEvent(ctx: SimContext, repo: RepoState, pull: PullRequest, action: string, sender: SimUser, extra: Record<string, unknown> = {}): void {
  ctx.webhooks.emit({
    event: 'pull_request',
    action,
    repo,
    sender,
    fields: { number: pull.number, pull_request: pullRequest(ctx, repo, pull, pullHeadSha(ctx, pull)), ...extra },
  });
}

export function reviewSubmitted(ctx: SimContext, repo: RepoState, pull: PullRequest, r: Review): void {
  ctx.webhooks.emit({
    event: 'pull_request_review',
    action: 'submitted',
    repo,
    sender: r.user,
    fields: {
      review: { ...review(ctx, repo, pull, r), state: r.state.toLowerCase() },
      pull_request: omit(pullRequest(ctx, repo, pull, pullHeadSha(ctx, pull)), REVIEW_EVENT_PR_OMITS),
    },
  });
}

export function commentEvent(ctx: SimContext, repo: RepoState, comment: IssueComment, action: 'created' | 'edited', sender: SimUser): void {
  const pull = repo.pulls.find((p) => p.number === comment.issueNumber);
  const labels = (repo.issueLabels.get(comment.issueNumber) ?? []).map((name) => repo.labels.find((l) => l.name === name)).filter((l) => l !== undefined);
  const plain = repo.issues.find((i) => i.number === comment.issueNumber);
  const issue = pull ? pullAsIssue(ctx.urls, repo, pull, labels) : plain ? issueView(ctx.urls, repo, plain, labels) : { number: comment.issueNumber };
  ctx.webhooks.emit({
    event: 'issue_comment',
    action,
    repo,
    sender,
    fields: { issue, comment: issueComment(ctx.urls, repo, comment), ...(action === 'edited' ? { changes: {} } : {}) },
  });
}

export function releaseEvent(ctx: SimContext, repo: RepoState, r: Release, action: 'published' | 'created', sender: SimUser): void {
  // Webhook releases carry empty strings where the REST API has null name and body.
  const view = { ...release(ctx.urls, repo, r), name: r.name ?? '', body: r.body ?? '' };
  ctx.webhooks.emit({ event: 'release', action, repo, sender, fields: { release: view } });
}

export function checkRunEvent(ctx: SimContext, repo: RepoState, run: CheckRun, action: string, sender: SimUser, extra: Record<string, unknown> = {}): void {
  const view = checkRun(ctx, repo, run);
  const app = view.app as Record<string, unknown> | null;
  const fields = { check_run: { ...view, app: app ? omit(app, ['client_id']) : null }, ...extra };
  ctx.webhooks.emit({ event: 'check_run', action, repo, sender, fields });
}

export function workflowRunEvent(ctx: SimContext, repo: RepoState, run: WorkflowRun, action: 'requested' | 'in_progress' | 'completed', sender: SimUser): void {
  ctx.webhooks.emit({ event: 'workflow_run', action, repo, sender, fields: { workflow_run: workflowRun(ctx, repo, run) } });
}
