/** GitHub's `check-run` and `check-annotation` shapes. */
import type { SimContext } from '../context.ts';
import type { CheckAnnotation, CheckRun } from '../state/checks.ts';
import { nodeId } from '../state/ids.ts';
import type { RepoState } from '../state/repos.ts';
import { integration } from './apps.ts';

export function checkRun(ctx: SimContext, repo: RepoState, run: CheckRun): Record<string, unknown> {
  const url = `${ctx.urls.api}/repos/${repo.fullName}/check-runs/${run.id}`;
  const app = ctx.state.apps.get(run.appId);
  return {
    id: run.id,
    node_id: nodeId('CheckRun', run.id),
    head_sha: run.headSha,
    name: run.name,
    external_id: run.externalId,
    url,
    html_url: `${ctx.urls.web}/${repo.fullName}/runs/${run.id}`,
    details_url: run.detailsUrl,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
      annotations_count: run.annotations.length,
      annotations_url: `${url}/annotations`,
    },
    check_suite: { id: run.id },
    app: app ? integration(ctx.urls, app) : null,
    pull_requests: [],
    actions: run.actions,
  };
}

export function annotation(repo: RepoState, a: CheckAnnotation, urls: SimContext['urls'], sha: string): Record<string, unknown> {
  return {
    path: a.path,
    start_line: a.start_line,
    end_line: a.end_line,
    start_column: a.start_column ?? null,
    end_column: a.end_column ?? null,
    annotation_level: a.annotation_level,
    title: a.title ?? null,
    message: a.message,
    raw_details: a.raw_details ?? null,
    blob_href: `${urls.web}/${repo.fullName}/blob/${sha}/${a.path}`,
  };
}
