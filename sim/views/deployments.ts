/** GitHub's `environment`, `deployment` and `deployment-status` shapes. */
import type { SimContext } from '../context.ts';
import type { Deployment, DeploymentStatus, Environment } from '../state/deployments.ts';
import { nodeId } from '../state/ids.ts';
import type { RepoState } from '../state/repos.ts';
import { simpleUser } from './users.ts';

export function environmentView(ctx: SimContext, repo: RepoState, env: Environment): Record<string, unknown> {
  return {
    id: env.id,
    node_id: nodeId('Environment', env.id),
    name: env.name,
    url: `${ctx.urls.api}/repos/${repo.fullName}/environments/${encodeURIComponent(env.name)}`,
    html_url: `${ctx.urls.web}/${repo.fullName}/deployments/activity_log?environments_filter=${encodeURIComponent(env.name)}`,
    created_at: env.createdAt,
    updated_at: env.updatedAt,
    protection_rules: env.protectionApps.map((appId) => ({ id: appId, node_id: nodeId('ProtectionRule', appId), type: 'custom' })),
    deployment_branch_policy: null,
  };
}

export function deploymentView(ctx: SimContext, repo: RepoState, d: Deployment): Record<string, unknown> {
  const url = `${ctx.urls.api}/repos/${repo.fullName}/deployments/${d.id}`;
  return {
    url,
    id: d.id,
    node_id: nodeId('Deployment', d.id),
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: d.payload,
    original_environment: d.environment,
    environment: d.environment,
    description: d.description,
    creator: simpleUser(ctx.urls, d.creator),
    created_at: d.createdAt,
    updated_at: d.statuses.at(-1)?.createdAt ?? d.createdAt,
    statuses_url: `${url}/statuses`,
    repository_url: `${ctx.urls.api}/repos/${repo.fullName}`,
    transient_environment: false,
    production_environment: d.environment === 'production',
  };
}

export function deploymentStatusView(ctx: SimContext, repo: RepoState, d: Deployment, s: DeploymentStatus): Record<string, unknown> {
  const deploymentUrl = `${ctx.urls.api}/repos/${repo.fullName}/deployments/${d.id}`;
  // The description requires URIs here; GitHub's page for the deployment stands in when none was given.
  const logUrl = s.logUrl || `${ctx.urls.web}/${repo.fullName}/deployments/${encodeURIComponent(d.environment)}`;
  return {
    url: `${deploymentUrl}/statuses/${s.id}`,
    id: s.id,
    node_id: nodeId('DeploymentStatus', s.id),
    state: s.state,
    creator: simpleUser(ctx.urls, s.creator),
    description: s.description,
    environment: d.environment,
    target_url: logUrl,
    log_url: logUrl,
    ...(s.environmentUrl ? { environment_url: s.environmentUrl } : {}),
    created_at: s.createdAt,
    updated_at: s.createdAt,
    deployment_url: deploymentUrl,
    repository_url: `${ctx.urls.api}/repos/${repo.fullName}`,
  };
}
