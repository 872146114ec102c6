#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  githubClient
} from "./chunk-UJ6ERYJ2.js";
import "./chunk-XX3I4QGU.js";
import "./chunk-JG6JLZV2.js";
import {
  messageOf
} from "./chunk-MVOFKLKI.js";
import "./chunk-F24SZCLD.js";
import "./chunk-3YVYLW5U.js";
import {
  GitHubApiError,
  checkEnvironmentName
} from "./chunk-TWUAGNDN.js";
import "./chunk-W2DRLS5N.js";
import "./chunk-HB6HQUKP.js";
import "./chunk-QBY6N5LK.js";
import "./chunk-POXGZ53D.js";
import "./chunk-EA7JVYYM.js";
import {
  EXIT,
  UsageError,
  statusOf
} from "./chunk-BEL2JVQX.js";
import "./chunk-M6HMHLEN.js";

// src/doctor/doctor.ts
var PROMISE_NAMES = {
  forkApproval: "fork pull request workflows need approval",
  runnerGroups: "self-hosted runners run only trainyard's workflows",
  modelTags: "model tags are reserved by a ruleset",
  environment: "the environment is protected by the App",
  tokenPermissions: "workflow tokens are read-only by default",
  releaseBranch: "the release branch is protected"
};
var Unreadable = class extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
    this.detail = detail;
  }
  status;
  detail;
};
async function read(location, doing, run, unreadable = [403]) {
  try {
    return await run();
  } catch (error) {
    const status = statusOf(error);
    if (status === null) throw error;
    if (unreadable.includes(status)) throw new Unreadable(status, messageOf(error));
    throw new GitHubApiError(location, `${doing}: ${messageOf(error)}`, status, error);
  }
}
async function guarded(name, fix, check) {
  try {
    return await check();
  } catch (error) {
    if (!(error instanceof Unreadable)) throw error;
    return { name, holds: false, setting: `cannot be read with this token (HTTP ${error.status}: ${error.detail})`, fix: `run doctor with a token that can read it (repository administration: read; organisation self-hosted runners: read), then: ${fix}` };
  }
}
function result(name, holds, setting, fix) {
  return { name, holds, setting, fix: holds ? null : fix };
}
function refPatternMatches(pattern, ref) {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*" && pattern[i + 1] === "*") {
      source += ".*";
      i++;
    } else if (c === "*") source += "[^/]*";
    else if (c === "?") source += "[^/]";
    else source += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`).test(ref);
}
function conditionsOf(ruleset) {
  const refName = ruleset.conditions?.ref_name;
  const list = (value) => Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];
  return { include: list(refName?.include), exclude: list(refName?.exclude) };
}
function conditionsCover(conditions, ref, defaultBranch) {
  const matches = (pattern) => {
    if (pattern === "~ALL") return true;
    if (pattern === "~DEFAULT_BRANCH") return ref === `refs/heads/${defaultBranch}`;
    return refPatternMatches(pattern, ref);
  };
  return conditions.include.some(matches) && !conditions.exclude.some(matches);
}
function modelTagSamples(environment) {
  return ["churn", "m", "fraud-model.v2"].flatMap((model) => [`refs/tags/${model}@v1`, `refs/tags/${model}@v27`, `refs/tags/${model}#${environment}#1`]);
}
function isTrainyardWorkflow(entry, owner, repo) {
  const path = entry.split("@")[0] ?? "";
  const match = /^([^/]+)\/([^/]+)\/\.github\/workflows\/trainyard-[a-z0-9-]+\.ya?ml$/i.exec(path);
  if (!match) return false;
  const [who, what] = [match[1].toLowerCase(), match[2].toLowerCase()];
  return who === owner.toLowerCase() && what === repo.toLowerCase() || who === "trainyard" && what === "trainyard";
}
async function runDoctor(input) {
  const { octokit, owner, repo } = input;
  const location = `github:${owner}/${repo}`;
  const where = { owner, repo };
  const { data: repository } = await read(location, "reading the repository", () => octokit.rest.repos.get(where), []);
  const branch = input.releaseBranch ?? repository.default_branch;
  const settingsUrl = `${repository.html_url}/settings`;
  const forkApproval = guarded(PROMISE_NAMES.forkApproval, `in ${settingsUrl}/actions, under "Approval for running fork pull request workflows from contributors", choose "Require approval for all external contributors"`, async () => {
    const name = PROMISE_NAMES.forkApproval;
    if (repository.private) {
      const { data: data2 } = await read(location, "reading the fork pull request workflow settings", () => octokit.request("GET /repos/{owner}/{repo}/actions/permissions/fork-pr-workflows-private-repos", where));
      const holds = !data2.run_workflows_from_fork_pull_requests || data2.require_approval_for_fork_pr_workflows;
      const setting = data2.run_workflows_from_fork_pull_requests ? `private repository: fork pull request workflows run, approval ${data2.require_approval_for_fork_pr_workflows ? "required" : "not required"}` : "private repository: workflows from fork pull requests do not run";
      return result(name, holds, setting, `in ${settingsUrl}/actions, under "Fork pull request workflows in private repositories", tick "Require approval for fork pull request workflows"`);
    }
    const { data } = await read(location, "reading the fork pull request approval policy", () => octokit.request("GET /repos/{owner}/{repo}/actions/permissions/fork-pr-contributor-approval", where));
    return result(name, data.approval_policy === "all_external_contributors", `approval_policy: ${data.approval_policy}`, `in ${settingsUrl}/actions, under "Approval for running fork pull request workflows from contributors", choose "Require approval for all external contributors" (approval_policy: all_external_contributors)`);
  });
  const runnerFix = `in https://github.com/organizations/${owner}/settings/actions/runner-groups, limit each group visible to ${repo} to trainyard's workflows ("Selected workflows": ${owner}/${repo}/.github/workflows/trainyard-pr.yml@refs/heads/${branch} and the other trainyard-*.yml), or stop sharing it with ${repo}`;
  const runnerGroups = guarded(PROMISE_NAMES.runnerGroups, runnerFix, async () => {
    const name = PROMISE_NAMES.runnerGroups;
    if (repository.owner.type !== "Organization") return result(name, true, "user-owned repository: no organisation runner groups", runnerFix);
    const groups = await read(
      location,
      "listing the organisation's runner groups",
      () => octokit.paginate("GET /orgs/{org}/actions/runner-groups", { org: owner, visible_to_repository: repo, per_page: 100 })
    );
    if (groups.length === 0) return result(name, true, `no runner group of ${owner} is visible to ${repo}`, runnerFix);
    const open = groups.filter((g) => !g.restricted_to_workflows || (g.selected_workflows ?? []).length === 0 || !(g.selected_workflows ?? []).every((w) => isTrainyardWorkflow(w, owner, repo)));
    const describe = (g) => g.restricted_to_workflows ? `"${g.name}" (restricted to ${(g.selected_workflows ?? []).join(", ") || "no workflow"})` : `"${g.name}" (any workflow)`;
    if (open.length === 0) return result(name, true, `runner groups visible to ${repo}: ${groups.map(describe).join("; ")}`, runnerFix);
    return result(name, false, `runner groups not limited to trainyard's workflows: ${open.map(describe).join("; ")}`, runnerFix);
  });
  const rulesets = read(location, "listing the repository's rulesets", async () => {
    const summaries = await octokit.paginate(octokit.rest.repos.getRepoRulesets, { ...where, includes_parents: true, per_page: 100 });
    return Promise.all(summaries.map(async (s) => (await octokit.rest.repos.getRepoRuleset({ ...where, ruleset_id: s.id, includes_parents: true })).data));
  });
  rulesets.catch(() => {
  });
  const tagFix = `in ${settingsUrl}/rules, add an active tag ruleset that restricts creations (and updates and deletions) of refs/tags/*@v* and refs/tags/*#*#*, with trainyard's App ${input.appId} as its only bypass`;
  const modelTags = guarded(PROMISE_NAMES.modelTags, tagFix, async () => {
    const name = PROMISE_NAMES.modelTags;
    const samples = modelTagSamples(input.environment);
    const reserving = (await rulesets).filter((r) => r.target === "tag" && r.enforcement === "active" && (r.rules ?? []).some((rule) => rule.type === "creation"));
    const covering = reserving.filter((r) => samples.every((ref) => conditionsCover(conditionsOf(r), ref, repository.default_branch)));
    if (covering.length > 0) return result(name, true, `active tag ruleset${covering.length > 1 ? "s" : ""} restricting creation: ${covering.map((r) => `"${r.name}"`).join(", ")}`, tagFix);
    const partial = reserving.length > 0 ? `; active tag rulesets restricting creation do not cover every <model>@v<N> and <model>#<environment>#<N> tag: ${reserving.map((r) => `"${r.name}" (${conditionsOf(r).include.join(", ") || "no refs"})`).join(", ")}` : "";
    return result(name, false, `no active tag ruleset restricts the creation of model tags${partial}`, tagFix);
  });
  const envFix = `in ${settingsUrl}/environments, create the environment "${input.environment}" if needed and enable trainyard's App (id ${input.appId}) under "Deployment protection rules"`;
  const environment = guarded(PROMISE_NAMES.environment, envFix, async () => {
    const name = PROMISE_NAMES.environment;
    let rules;
    try {
      ({ data: rules } = await read(location, `reading the deployment protection rules of ${input.environment}`, () => octokit.rest.repos.getAllDeploymentProtectionRules({ ...where, environment_name: input.environment }), [403]));
    } catch (error) {
      if (error instanceof GitHubApiError && error.status === 404) return result(name, false, `no environment "${input.environment}"`, envFix);
      throw error;
    }
    const custom = rules.custom_deployment_protection_rules ?? [];
    const ours = custom.find((r) => r.app.id === input.appId);
    const others = custom.filter((r) => r.app.id !== input.appId).map((r) => `${r.app.slug} (${r.app.id})`);
    const besides = others.length > 0 ? `; other Apps: ${others.join(", ")}` : "";
    if (ours?.enabled) return result(name, true, `"${input.environment}" has the custom protection rule of App ${ours.app.slug} (${input.appId})${besides}`, envFix);
    const setting = ours ? `the rule of App ${input.appId} on "${input.environment}" is disabled` : `"${input.environment}" has no custom protection rule of App ${input.appId}${besides}`;
    return result(name, false, setting, envFix);
  });
  const tokenPermissions = guarded(PROMISE_NAMES.tokenPermissions, `in ${settingsUrl}/actions, under "Workflow permissions", choose "Read repository contents and packages permissions"`, async () => {
    const { data } = await read(location, "reading the default workflow permissions", () => octokit.rest.actions.getGithubActionsDefaultWorkflowPermissionsRepository(where));
    return result(PROMISE_NAMES.tokenPermissions, data.default_workflow_permissions === "read", `default_workflow_permissions: ${data.default_workflow_permissions}`, `in ${settingsUrl}/actions, under "Workflow permissions", choose "Read repository contents and packages permissions"`);
  });
  const branchFix = `in ${settingsUrl}/rules, add an active branch ruleset targeting ${branch} that requires a pull request and blocks force pushes (or protect ${branch} in ${settingsUrl}/branches)`;
  const releaseBranch = guarded(PROMISE_NAMES.releaseBranch, branchFix, async () => {
    const name = PROMISE_NAMES.releaseBranch;
    const ref = `refs/heads/${branch}`;
    const covering = (await rulesets).filter((r) => r.target === "branch" && r.enforcement === "active" && (r.rules ?? []).length > 0 && conditionsCover(conditionsOf(r), ref, repository.default_branch));
    if (covering.length > 0) return result(name, true, `${branch}: active branch ruleset${covering.length > 1 ? "s" : ""} ${covering.map((r) => `"${r.name}"`).join(", ")}`, branchFix);
    try {
      await read(location, `reading the protection of ${branch}`, () => octokit.rest.repos.getBranchProtection({ ...where, branch }));
      return result(name, true, `${branch}: branch protection`, branchFix);
    } catch (error) {
      if (error instanceof GitHubApiError && error.status === 404) {
        const missing = /branch not found/i.test(error.message) ? `no branch ${branch}` : `${branch}: no branch protection and no active branch ruleset`;
        return result(name, false, missing, branchFix);
      }
      throw error;
    }
  });
  const promises = await Promise.all([forkApproval, runnerGroups, modelTags, environment, tokenPermissions, releaseBranch]);
  return { repository: repository.full_name, promises };
}
function doctorExitCode(report) {
  return report.promises.every((p) => p.holds) ? EXIT.ok : EXIT.gate;
}

// src/cli/commands/doctor.ts
function repoFrom(value) {
  if (value === void 0 || value === "") throw new UsageError("expected --repo <owner>/<name> (or GITHUB_REPOSITORY)");
  const match = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(value);
  if (!match || match[2] === "." || match[2] === "..") throw new UsageError(`--repo "${value}" is not a GitHub repository; expected <owner>/<name>`);
  return { owner: match[1], repo: match[2] };
}
function appIdFrom(value) {
  if (value === void 0 || value === "") throw new UsageError("doctor needs the id of trainyard's GitHub App: --app-id <id> or TRAINYARD_APP_ID");
  if (!/^[1-9]\d{0,15}$/.test(value)) throw new UsageError(`--app-id: "${value}" is not a GitHub App id; expected a positive whole number`);
  return Number(value);
}
function branchFrom(value) {
  if (value === void 0) return null;
  if (value === "" || /[\s~^:?*[\\]|\.\.|^\/|\/$|^refs\//.test(value)) throw new UsageError(`--release-branch "${value}" is not a branch name; expected a name such as main`);
  return value;
}
function renderText(report) {
  const lines = [`trainyard doctor: ${report.repository}`];
  for (const p of report.promises) {
    lines.push(`${p.holds ? "holds" : "NOT BACKED"}  ${p.name}: ${p.setting}`);
    if (p.fix) lines.push(`    fix: ${p.fix}`);
  }
  const missing = report.promises.filter((p) => !p.holds).length;
  lines.push(missing === 0 ? "every promise holds" : `${missing} of ${report.promises.length} promises depend on a missing setting`);
  return `${lines.join("\n")}
`;
}
function registerDoctor(program, io, setExit) {
  program.command("doctor").description("Read a repository's settings through the GitHub API and say which of trainyard's promises hold and which depend on a missing setting, each with its fix; exit 1 when one is not backed.").option("--repo <owner/name>", "the repository (default: GITHUB_REPOSITORY)").option("-e, --environment <name>", "the environment deployments go to", "production").option("--release-branch <branch>", "the branch releases are made from (default: the repository's default branch)").option("--app-id <id>", "the id of trainyard's GitHub App, whose custom protection rule must guard the environment (default: TRAINYARD_APP_ID)").option("--json", 'print {"repository", "promises": [{"name", "holds", "setting", "fix"}]}').action(async (options) => {
    const { owner, repo } = repoFrom(options.repo ?? io.env.GITHUB_REPOSITORY);
    const environment = checkEnvironmentName(options.environment);
    const releaseBranch = branchFrom(options.releaseBranch);
    const appId = appIdFrom(options.appId ?? io.env.TRAINYARD_APP_ID);
    const octokit = githubClient(io, "doctor needs a token that can read the repository's settings (administration: read) and, for organisations, its runner groups");
    const report = await runDoctor({ octokit, owner, repo, environment, releaseBranch, appId });
    io.stdout(options.json ? `${JSON.stringify(report, null, 2)}
` : renderText(report));
    setExit(doctorExitCode(report));
  });
}
export {
  registerDoctor
};
