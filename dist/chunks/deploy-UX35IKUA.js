#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  githubClient,
  openRegistry,
  runUrlFrom
} from "./chunk-UJ6ERYJ2.js";
import "./chunk-XX3I4QGU.js";
import "./chunk-JG6JLZV2.js";
import {
  requirePromotionCheck
} from "./chunk-GKJVB7U7.js";
import {
  call
} from "./chunk-MVOFKLKI.js";
import "./chunk-F24SZCLD.js";
import "./chunk-3YVYLW5U.js";
import {
  runCommand
} from "./chunk-HWFKGCS3.js";
import {
  RegistryError,
  checkEnvironmentName,
  checkModelName,
  parseVersionNumber
} from "./chunk-TWUAGNDN.js";
import "./chunk-W2DRLS5N.js";
import {
  runId
} from "./chunk-BBXHDV2B.js";
import "./chunk-GKCJ2QSX.js";
import "./chunk-HB6HQUKP.js";
import "./chunk-QBY6N5LK.js";
import "./chunk-POXGZ53D.js";
import "./chunk-EA7JVYYM.js";
import {
  CommandError,
  UsageError,
  describeThrown
} from "./chunk-BEL2JVQX.js";
import "./chunk-M6HMHLEN.js";

// src/cli/commands/deploy.ts
import path2 from "node:path";

// src/deploy/deploy.ts
import { mkdir } from "node:fs/promises";
import path from "node:path";
async function pickVersion(request) {
  if (request.version !== "candidate") return request.registry.version(request.name, { version: request.version });
  const newest = (await request.registry.versions(request.name)).at(-1);
  if (!newest) throw new RegistryError(request.registry.location, `${request.name} has no registered version to deploy`);
  return newest;
}
async function deployVersion(request) {
  checkModelName(request.name);
  checkEnvironmentName(request.environment);
  const version = await pickVersion(request);
  const command = request.model.deploy?.command ?? null;
  const label = `${request.name} v${version.version}`;
  const steps = [
    `download ${label} from ${request.registry.location} into ${request.modelDir}`,
    command ? `run "${command}" with MODEL_DIR=${path.join(request.modelDir, "model")} MODEL_VERSION=${version.version}` : `run no deploy command (models.${request.name}.deploy.command is not set)`,
    `record the promotion of ${label} to ${request.environment}`
  ];
  if (request.dryRun) return { version, steps, promotion: null };
  await mkdir(path.dirname(request.modelDir), { recursive: true });
  await request.registry.download(request.name, version.version, request.modelDir);
  if (command) {
    const outcome = await runCommand({
      command,
      cwd: request.root,
      timeoutMs: (request.model.deploy?.timeout_minutes ?? 30) * 6e4,
      logFile: path.join(request.modelDir, "deploy.log"),
      echo: request.echo,
      env: { ...request.env, MODEL_DIR: path.join(request.modelDir, "model"), MODEL_VERSION: String(version.version), MODEL_NAME: request.name, TRAINYARD_ENVIRONMENT: request.environment }
    });
    if (outcome.exitCode !== 0 || outcome.timedOut) {
      const why = outcome.timedOut ? "timed out" : `exited with ${outcome.exitCode}`;
      throw new CommandError(`deploy command "${command}" ${why}; ${label} was not promoted to ${request.environment}`);
    }
  }
  const promotion = await request.registry.promote({
    model: request.name,
    version: version.version,
    environment: request.environment,
    decision: "approved",
    approvers: request.approvers,
    gate: request.gate,
    reason: request.reason,
    runUrl: request.runUrl,
    actor: request.actor
  });
  return { version, steps, promotion };
}

// src/deploy/deployment-status.ts
var MAX_DESCRIPTION = 140;
function statusDescription(text) {
  return text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 1)}\u2026`;
}
async function findDeployment(target) {
  const { context, sha, environment } = target;
  const { data } = await call(
    context,
    `listing deployments of ${sha} to ${environment}`,
    () => context.octokit.rest.repos.listDeployments({ owner: context.owner, repo: context.repo, sha, environment, per_page: 1 })
  );
  return data[0]?.id ?? null;
}
async function setDeploymentStatus(target, deploymentId, state, description) {
  const { context } = target;
  await call(
    context,
    `setting deployment ${deploymentId} to ${state}`,
    () => context.octokit.rest.repos.createDeploymentStatus({
      owner: context.owner,
      repo: context.repo,
      deployment_id: deploymentId,
      state,
      description: statusDescription(description),
      ...target.environmentUrl ? { environment_url: target.environmentUrl } : {},
      ...target.logUrl ? { log_url: target.logUrl } : {}
    })
  );
}
async function withDeploymentStatus(target, deploy, describe, note) {
  const deploymentId = await findDeployment(target);
  if (deploymentId === null) return { result: await deploy(), deploymentId };
  await setDeploymentStatus(target, deploymentId, "in_progress", describe.started);
  let result;
  try {
    result = await deploy();
  } catch (error) {
    await setDeploymentStatus(target, deploymentId, "failure", describeThrown(error)).catch((statusError) => {
      note(`could not set deployment ${deploymentId} to failure: ${describeThrown(statusError)}`);
    });
    throw error;
  }
  await setDeploymentStatus(target, deploymentId, "success", describe.succeeded(result));
  return { result, deploymentId };
}

// src/cli/deployment-edge.ts
function checkUrl(option, value) {
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || !/^https?:$/.test(url.protocol)) throw new UsageError(`${option} "${value}" is not a URL; expected http(s)://\u2026`);
  return value;
}
function deploymentTarget(io, options, environment, opened) {
  if (!options.deploymentStatus) {
    const stray = options.environmentUrl !== void 0 ? "--environment-url" : options.logUrl !== void 0 ? "--log-url" : null;
    if (stray) throw new UsageError(`${stray} is set on the deployment status; it needs --deployment-status <sha>`);
    return null;
  }
  const sha = options.deploymentStatus.toLowerCase();
  if (!/^[0-9a-f]{40}$/.test(sha)) throw new UsageError(`--deployment-status "${options.deploymentStatus}" is not a commit SHA; expected 40 hex digits (GITHUB_SHA)`);
  const environmentUrl = options.environmentUrl ? checkUrl("--environment-url", options.environmentUrl) : null;
  const logUrl = options.logUrl ? checkUrl("--log-url", options.logUrl) : runUrlFrom(io.env);
  const fromEnv = io.env.GITHUB_REPOSITORY;
  let owner;
  let repo;
  if (fromEnv) {
    const parts = /^([^/\s]+)\/([^/\s]+)$/.exec(fromEnv);
    if (!parts) throw new UsageError(`GITHUB_REPOSITORY "${fromEnv}" is not <owner>/<repo>`);
    [owner, repo] = [parts[1], parts[2]];
  } else if (opened.github) {
    ({ owner, repo } = opened.github);
  } else {
    throw new UsageError("--deployment-status needs the repository of the deployment: set GITHUB_REPOSITORY=<owner>/<repo> or use a github: registry");
  }
  const octokit = opened.github?.octokit ?? githubClient(io, "--deployment-status needs a token with deployments: write");
  return { context: { octokit, owner, repo, location: `github:${owner}/${repo}` }, sha, environment, environmentUrl, logUrl };
}

// src/cli/commands/deploy.ts
function appIdFrom(value) {
  if (value === void 0 || value === "") throw new UsageError("--require-check needs the id of trainyard's GitHub App: --check-app-id <id> or TRAINYARD_APP_ID");
  if (!/^[1-9]\d{0,15}$/.test(value)) throw new UsageError(`--check-app-id: "${value}" is not a GitHub App id; expected a positive whole number`);
  return Number(value);
}
function defaultGate(io, environment) {
  if (io.env.GITHUB_ACTIONS === "true") return `approved by the protection rules of the environment "${environment}"`;
  return `deployed from ${io.env.USER ? `${io.env.USER}'s machine` : "a local machine"}; no protection rules apply outside GitHub Actions`;
}
function registerDeploy(program, io, setExit) {
  program.command("deploy").description("Deploy a model version: download it, run models.<m>.deploy.command with MODEL_DIR and MODEL_VERSION, then record the promotion.").option("-m, --model <name>", "the model (default: the config's only model)").option("-v, --version <n|candidate>", "a version number, or candidate for the newest version", "candidate").requiredOption("-e, --environment <name>", "the environment deployed to").option("-r, --registry <spec>", "local:<dir> or github:<owner>/<repo> (default: the config's registry, else local:.trainyard/registry)").option("-c, --config <file>", "the trainyard config (default: .github/trainyard.yml when it exists)").option("-o, --out <dir>", "where the version is downloaded (default: <project>/.trainyard/deploy/<model>-<environment>-<time>)").option("--approver <login>", "who approved (repeatable)", (value, previous) => [...previous, value], []).option("--reason <text>", "why, for the promotion record", "deployed").option("--gate <summary>", "the promotion gate's summary for the record (default: in GitHub Actions, the environment's protection rules; elsewhere, a local deploy without protection rules)").option("--require-check <sha>", 'first verify that the check "trainyard / promotion" on this commit succeeded (github: registries)').option("--check-app-id <id>", "the id of trainyard's GitHub App, whose check alone counts for --require-check (default: TRAINYARD_APP_ID)").option("--deployment-status <sha>", "set the newest GitHub deployment of this commit to the environment in_progress, then success or failure (in GITHUB_REPOSITORY, else the github: registry's repository)").option("--environment-url <url>", "the deployed service's URL, set on the deployment status").option("--log-url <url>", "the deploy's log, set on the deployment status (default: this workflow run)").option("--dry-run", "say what would be done and change nothing").action(async (options) => {
    const version = options.version === "candidate" ? "candidate" : parseVersionNumber(options.version);
    const opened = await openRegistry(io, options);
    const configured = Object.keys(opened.loaded?.config.models ?? {});
    if (!options.model && configured.length !== 1) {
      throw new UsageError(configured.length === 0 ? "expected --model <name> (there is no trainyard config to take it from)" : `the config has several models (${configured.join(", ")}); choose one with --model`);
    }
    const name = checkModelName(options.model ?? configured[0]);
    const model = opened.loaded?.config.models[name];
    if (opened.loaded && !model) throw new UsageError(`unknown model "${name}"; the config has: ${Object.keys(opened.loaded.config.models).join(", ")}`);
    if (options.requireCheck && !opened.github) throw new UsageError("--require-check needs a github: registry");
    const checkAppId = options.requireCheck ? appIdFrom(options.checkAppId ?? io.env.TRAINYARD_APP_ID) : null;
    const target = deploymentTarget(io, options, options.environment, opened);
    const root = opened.loaded?.root ?? io.cwd;
    const modelDir = options.out ? path2.resolve(io.cwd, options.out) : path2.join(root, ".trainyard", "deploy", `${name}-${options.environment}-${runId(io.now())}`);
    const deploy = async () => {
      if (options.requireCheck && opened.github && checkAppId !== null) await requirePromotionCheck(opened.github, options.requireCheck, checkAppId);
      return deployVersion({
        registry: opened.registry,
        name,
        model: model ?? {},
        version,
        environment: options.environment,
        root,
        modelDir,
        dryRun: options.dryRun ?? false,
        approvers: options.approver,
        gate: { passed: true, summary: options.gate ?? (options.requireCheck ? `the check "trainyard / promotion" succeeded on ${options.requireCheck}` : defaultGate(io, options.environment)) },
        reason: options.reason,
        runUrl: runUrlFrom(io.env),
        actor: io.env.GITHUB_ACTOR ?? null,
        env: io.env,
        echo: io.stderr
      });
    };
    const described = {
      started: `trainyard deploy: deploying ${name}`,
      succeeded: (done) => `trainyard deploy: ${name} v${done.version.version} deployed`
    };
    const note = (line) => io.stderr(`trainyard: ${line}
`);
    const report = target && !options.dryRun ? await withDeploymentStatus(target, deploy, described, note) : { result: await deploy(), deploymentId: null };
    const { result: outcome } = report;
    const prefix = options.dryRun ? "[dry-run] would " : "";
    for (const step of outcome.steps) io.stdout(`${prefix}${step}
`);
    if (outcome.promotion) io.stdout(`deployed ${name} v${outcome.version.version} to ${options.environment} (${name}#${options.environment}#${outcome.promotion.sequence})
`);
    if (target) {
      const where = `${target.sha} to ${options.environment} in ${target.context.owner}/${target.context.repo}`;
      if (options.dryRun) io.stdout(`${prefix}set the status of the newest deployment of ${where}
`);
      else if (report.deploymentId === null) io.stdout(`no GitHub deployment of ${where}; no deployment status set
`);
      else io.stdout(`deployment ${report.deploymentId} of ${where}: success
`);
    }
    setExit(0);
  });
}
export {
  registerDeploy
};
