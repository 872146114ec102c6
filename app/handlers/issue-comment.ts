/** `issue_comment.created`: `/trainyard retrain [reason]` and `/trainyard compare <version>` (src/app/commands.ts). */
import type { Context } from 'probot';
import { handleComment, mayHoldCommand, type CommentFacts } from '../../src/app/commands.ts';
import type { AppDeps } from '../../src/app/deps.ts';
import { loadConfig, repoOf } from '../context.ts';

export function issueComment(deps: AppDeps) {
  return async (context: Context<'issue_comment.created'>): Promise<void> => {
    const { comment, issue, repository } = context.payload;
    const facts: CommentFacts = { body: comment.body, commentId: comment.id, author: comment.user?.login ?? 'ghost', authorIsBot: comment.user?.type === 'Bot', issueNumber: issue.number, onPullRequest: Boolean(issue.pull_request), repoFullName: repository.full_name, defaultBranch: repository.default_branch };
    if (!mayHoldCommand(facts)) return context.log.debug(`issue_comment ${comment.id} ignored: not a /trainyard command`);
    const ignored = await handleComment(repoOf(context), await loadConfig(context), facts, deps);
    if (ignored) context.log.debug(`issue_comment ${comment.id} ignored: ${ignored}`);
  };
}
