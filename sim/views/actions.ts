/** GitHub's `workflow-run`, `artifact` and `workflow` shapes. */
import type { SimContext } from '../context.ts';
import type { Artifact, Workflow, WorkflowRun } from '../state/actions.ts';
import { nodeId } from '../state/ids.ts';
import type { RepoState } from '../state/repos.ts';
import { pullHeadSha } from './pulls.ts';
import { minimalRepository } from './repos.ts';
import { simpleUser } from './users.ts';

export function artifactView(ctx: SimContext, repo: RepoState, a: Artifact): Record<string, unknown> {
  const run = repo.runs.find((r) => r.id === a.runId);
  const headRepo = run ? ctx.state.repo(run.headRepo) : undefined;
  const url = `${ctx.urls.api}/repos/${repo.fullName}/actions/artifacts/${a.id}`;
  return {
    id: a.id,
    node_id: nodeId('Artifact', a.id),
    name: a.name,
    size_in_bytes: a.zip.length,
    url,
    archive_download_url: `${url}/zip`,
    expired: a.expired,
    created_at: a.createdAt,
    updated_at: a.createdAt,
    expires_at: a.expiresAt,
    digest: null,
    workflow_run: { id: a.runId, repository_id: repo.id, head_repository_id: headRepo?.id ?? repo.id, head_branch: run?.headBranch ?? '', head_sha: run?.headSha ?? '' },
  };
}

export function workflowView(ctx: SimContext, repo: RepoState, w: Workflow): Record<string, unknown> {
  return {
    id: w.id,
    node_id: nodeId('Workflow', w.id),
    name: w.name,
    path: w.path,
    state: 'active',
    created_at: w.createdAt,
    updated_at: w.createdAt,
    url: `${ctx.urls.api}/repos/${repo.fullName}/actions/workflows/${w.id}`,
    html_url: `${ctx.urls.web}/${repo.fullName}/blob/${repo.defaultBranch}/${w.path}`,
    badge_url: `${ctx.urls.web}/${repo.fullName}/workflows/${encodeURIComponent(w.name)}/badge.svg`,
  };
}

/**
 * GitHub lists the open pull requests of this repository whose head is the run's branch
 * and commit (`pull-request-minimal`); runs of fork branches list none.
 */
function runPullRequests(ctx: SimContext, repo: RepoState, run: WorkflowRun): Record<string, unknown>[] {
  if (run.headRepo !== repo.fullName || !run.headBranch) return [];
  const mini = (ref: string, sha: string) => ({ ref, sha, repo: { id: repo.id, url: `${ctx.urls.api}/repos/${repo.fullName}`, name: repo.name } });
  return repo.pulls
    .filter((p) => p.state === 'open' && p.head.repo === repo.fullName && p.head.ref === run.headBranch && pullHeadSha(ctx, p) === run.headSha)
    .map((p) => ({ id: p.id, number: p.number, url: `${ctx.urls.api}/repos/${repo.fullName}/pulls/${p.number}`, head: mini(p.head.ref, run.headSha), base: mini(p.base.ref, repo.git.refs.get(`refs/heads/${p.base.ref}`) ?? '') }));
}

export function workflowRun(ctx: SimContext, repo: RepoState, run: WorkflowRun): Record<string, unknown> {
  const url = `${ctx.urls.api}/repos/${repo.fullName}/actions/runs/${run.id}`;
  const headRepo = ctx.state.repo(run.headRepo) ?? repo;
  const commit = headRepo.git.get(run.headSha, 'commit');
  const actor = ctx.state.users.find(run.actorLogin);
  return {
    id: run.id,
    name: run.name,
    node_id: nodeId('WorkflowRun', run.id),
    check_suite_id: run.id,
    check_suite_node_id: nodeId('CheckSuite', run.id),
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: run.path,
    run_number: run.runNumber,
    run_attempt: 1,
    event: run.event,
    display_title: run.name,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: run.workflowId,
    url,
    html_url: `${ctx.urls.web}/${repo.fullName}/actions/runs/${run.id}`,
    pull_requests: runPullRequests(ctx, repo, run),
    created_at: run.createdAt,
    updated_at: run.updatedAt,
    run_started_at: run.createdAt,
    ...(actor ? { actor: simpleUser(ctx.urls, actor), triggering_actor: simpleUser(ctx.urls, actor) } : {}),
    jobs_url: `${url}/jobs`,
    logs_url: `${url}/logs`,
    check_suite_url: `${ctx.urls.api}/repos/${repo.fullName}/check-suites/${run.id}`,
    artifacts_url: `${url}/artifacts`,
    cancel_url: `${url}/cancel`,
    rerun_url: `${url}/rerun`,
    previous_attempt_url: null,
    workflow_url: `${ctx.urls.api}/repos/${repo.fullName}/actions/workflows/${run.workflowId}`,
    head_commit: commit
      ? {
          id: run.headSha,
          tree_id: commit.tree,
          message: commit.message,
          timestamp: commit.committer.date,
          author: { name: commit.author.name, email: commit.author.email },
          committer: { name: commit.committer.name, email: commit.committer.email },
        }
      : null,
    repository: minimalRepository(ctx.urls, repo),
    head_repository: minimalRepository(ctx.urls, headRepo),
  };
}
