/**
 * The settings `trainyard doctor` reads: fork pull request approval, default workflow
 * permissions, branch protection, rulesets, the custom deployment protection rules of an
 * environment, and the organisation's self-hosted runner groups.
 */
import { json, type RouteRequest } from '../http.ts';
import { notFound, SimHttpError } from '../http-error.ts';
import { repoAccess, type Route } from '../route.ts';
import { nodeId } from '../state/ids.ts';
import type { RepoState } from '../state/repos.ts';
import type { Ruleset, RunnerGroup } from '../state/settings.ts';
import { findOr404, intParam, paginate, repoOf, strParam } from './util.ts';

const administration = repoAccess('read', 'administration');

function rulesetView(req: RouteRequest, repo: RepoState, ruleset: Ruleset, full: boolean): Record<string, unknown> {
  const self = `${req.sim.urls.api}/repos/${repo.fullName}/rulesets/${ruleset.id}`;
  return {
    id: ruleset.id,
    name: ruleset.name,
    target: ruleset.target,
    source_type: 'Repository',
    source: repo.fullName,
    enforcement: ruleset.enforcement,
    node_id: nodeId('RepositoryRuleset', ruleset.id),
    _links: { self: { href: self }, html: { href: `${req.sim.urls.web}/${repo.fullName}/rules/${ruleset.id}` } },
    created_at: ruleset.createdAt,
    updated_at: ruleset.updatedAt,
    // The list gives a summary; conditions, rules and bypass actors come with the single ruleset.
    ...(full
      ? {
        bypass_actors: ruleset.bypassActors.map((a) => ({ actor_id: a.actorId, actor_type: a.actorType, bypass_mode: a.bypassMode })),
        current_user_can_bypass: 'never',
        conditions: { ref_name: { include: ruleset.include, exclude: ruleset.exclude } },
        rules: ruleset.rules.map((type) => ({ type })),
      }
      : {}),
  };
}

function runnerGroupView(req: RouteRequest, org: string, group: RunnerGroup): Record<string, unknown> {
  const url = `${req.sim.urls.api}/orgs/${org}/actions/runner-groups/${group.id}`;
  return {
    id: group.id,
    name: group.name,
    visibility: group.visibility,
    default: group.default,
    ...(group.visibility === 'selected' ? { selected_repositories_url: `${url}/repositories` } : {}),
    runners_url: `${url}/runners`,
    inherited: false,
    allows_public_repositories: group.allowsPublicRepositories,
    restricted_to_workflows: group.restrictedToWorkflows,
    selected_workflows: group.selectedWorkflows,
    workflow_restrictions_read_only: false,
  };
}

/** Whether a runner group's runners may take jobs of `repo`. */
function visibleTo(group: RunnerGroup, repo: RepoState): boolean {
  if (!repo.private && !group.allowsPublicRepositories) return false;
  if (group.visibility === 'selected') return group.selectedRepositoryIds.includes(repo.id);
  if (group.visibility === 'private') return repo.private;
  return true;
}

export const settingRoutes: Route[] = [
  {
    operationId: 'actions/get-fork-pr-contributor-approval-permissions-repository',
    access: administration,
    handle: (req) => json(200, { approval_policy: repoOf(req).settings.forkApprovalPolicy }),
  },
  {
    operationId: 'actions/get-private-repo-fork-pr-workflows-settings-repository',
    access: administration,
    handle: (req) => {
      const repo = repoOf(req);
      if (!repo.private) throw new SimHttpError(403, 'Fork pull request workflow settings apply to private repositories only.');
      const s = repo.settings.privateForks;
      return json(200, {
        run_workflows_from_fork_pull_requests: s.runWorkflowsFromForkPullRequests,
        send_write_tokens_to_workflows: s.sendWriteTokensToWorkflows,
        send_secrets_and_variables: s.sendSecretsAndVariables,
        require_approval_for_fork_pr_workflows: s.requireApprovalForForkPrWorkflows,
      });
    },
  },
  {
    operationId: 'actions/get-github-actions-default-workflow-permissions-repository',
    access: administration,
    handle: (req) => {
      const { settings } = repoOf(req);
      return json(200, { default_workflow_permissions: settings.defaultWorkflowPermissions, can_approve_pull_request_reviews: settings.canApprovePullRequestReviews });
    },
  },
  {
    operationId: 'repos/get-branch-protection',
    access: administration,
    handle: (req) => {
      const repo = repoOf(req);
      const branch = strParam(req, 'branch');
      if (!repo.git.refs.has(`refs/heads/${branch}`)) throw new SimHttpError(404, 'Branch not found');
      if (!repo.settings.protectedBranches.has(branch)) throw new SimHttpError(404, 'Branch not protected');
      const url = `${req.sim.urls.api}/repos/${repo.fullName}/branches/${branch}/protection`;
      return json(200, {
        url,
        name: branch,
        protection_url: url,
        enforce_admins: { url: `${url}/enforce_admins`, enabled: true },
        allow_force_pushes: { enabled: false },
        allow_deletions: { enabled: false },
      });
    },
  },
  {
    operationId: 'repos/get-repo-rulesets',
    access: repoAccess('read', 'metadata'),
    handle: (req) => {
      const repo = repoOf(req);
      const targets = typeof req.params.targets === 'string' ? req.params.targets.split(',') : null;
      const list = repo.settings.rulesets.filter((r) => !targets || targets.includes(r.target));
      const { page, headers } = paginate(req, list);
      return json(200, page.map((r) => rulesetView(req, repo, r, false)), headers);
    },
  },
  {
    operationId: 'repos/get-repo-ruleset',
    access: repoAccess('read', 'metadata'),
    handle: (req) => {
      const repo = repoOf(req);
      return json(200, rulesetView(req, repo, findOr404(repo.settings.rulesets, (r) => r.id === intParam(req, 'ruleset_id')), true));
    },
  },
  {
    operationId: 'repos/get-all-deployment-protection-rules',
    access: repoAccess('read', 'actions', 'environments'),
    handle: (req) => {
      const repo = repoOf(req);
      const name = strParam(req, 'environment_name');
      const env = repo.environments.find((e) => e.name.toLowerCase() === name.toLowerCase());
      if (!env) throw notFound();
      const rules = env.protectionApps.map((appId) => {
        const app = req.sim.state.apps.get(appId);
        if (!app) throw new SimHttpError(500, `environment ${env.name} names a missing App ${appId}`);
        return {
          id: appId,
          node_id: nodeId('DeploymentProtectionRule', appId),
          enabled: true,
          app: { id: app.id, slug: app.slug, integration_url: `${req.sim.urls.api}/apps/${app.slug}`, node_id: nodeId('App', app.id) },
        };
      });
      return json(200, { total_count: rules.length, custom_deployment_protection_rules: rules });
    },
  },
  {
    operationId: 'actions/list-self-hosted-runner-groups-for-org',
    access: { kind: 'org', permission: 'organization_self_hosted_runners', level: 'read' },
    handle: (req) => {
      const org = strParam(req, 'org');
      const visibleToRepo = req.params.visible_to_repository as string | undefined;
      let groups = req.sim.state.runnerGroupsOf(org);
      if (visibleToRepo !== undefined) {
        const repo = req.sim.state.repo(`${org}/${visibleToRepo}`);
        groups = repo ? groups.filter((g) => visibleTo(g, repo)) : [];
      }
      const { page, headers } = paginate(req, groups);
      return json(200, { total_count: groups.length, runner_groups: page.map((g) => runnerGroupView(req, org, g)) }, headers);
    },
  },
];
