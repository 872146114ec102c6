/** `issue_comment.created`: `/trainyard retrain [reason]` and `/trainyard compare <version>` from users with write access. */
import type { Context } from 'probot';
import { parseCommand } from '../../src/app/chatops.ts';
import { runCommand } from '../../src/app/commands.ts';
import type { AppDeps } from '../../src/app/deps.ts';
import { canWrite } from '../../src/app/permissions.ts';
import { postOnce } from '../../src/github/sticky-comment.ts';
import { loadConfig, repoOf } from '../context.ts';

export function issueComment(deps: AppDeps) {
  return async (context: Context<'issue_comment.created'>): Promise<void> => {
    const { comment, issue, repository } = context.payload;
    if (comment.user?.type === 'Bot' || !comment.body.includes('/trainyard')) return;
    const repo = repoOf(context);
    const loaded = await loadConfig(context);
    const command = parseCommand(comment.body, loaded.config ? Object.keys(loaded.config.models) : []);
    if (!command) return;
    const { data: branch } = await repo.octokit.rest.repos.getBranch({ owner: repo.owner, repo: repo.repo, branch: repository.default_branch });
    const claimSha = branch.commit.sha;
    if (!(await canWrite(repo, comment.user!.login))) {
      await postOnce(repo, issue.number, `refusal:${comment.id}`, `Thanks, @${comment.user!.login}. Only people with write access to this repository can run \`/trainyard\` commands; a maintainer can run it for you.`, claimSha);
      return;
    }
    if (!loaded.config) {
      await postOnce(repo, issue.number, `config:${comment.id}`, `The trainyard config cannot be used: ${loaded.problem}`, claimSha);
      return;
    }
    let pull = null;
    if (issue.pull_request) {
      const { data } = await repo.octokit.rest.pulls.get({ owner: repo.owner, repo: repo.repo, pull_number: issue.number });
      pull = { headRef: data.head.ref, headSha: data.head.sha, fromFork: data.head.repo?.full_name !== repository.full_name };
    }
    await runCommand(repo, loaded.config, command, { issueNumber: issue.number, commentId: comment.id, pull, defaultBranch: repository.default_branch, claimSha }, deps);
  };
}
