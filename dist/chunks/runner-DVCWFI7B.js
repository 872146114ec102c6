#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  octokitFor
} from "./chunk-XX3I4QGU.js";
import "./chunk-JG6JLZV2.js";
import "./chunk-F24SZCLD.js";
import {
  TrainyardError,
  UsageError,
  exitCodeOfHttpStatus,
  statusOf
} from "./chunk-BEL2JVQX.js";
import "./chunk-M6HMHLEN.js";

// src/cli/commands/runner.ts
import { readFile } from "node:fs/promises";
import path from "node:path";

// src/runner/app-jwt.ts
import { createPrivateKey, createSign } from "node:crypto";
var base64url = (value) => Buffer.from(value).toString("base64url");
function createAppJwt(options) {
  let key;
  try {
    key = createPrivateKey(options.privateKeyPem);
  } catch (error) {
    throw new UsageError(`the GitHub App private key cannot be read (${error.message.split("\n")[0]}); expected the PEM file GitHub generated for the App`);
  }
  const seconds = Math.floor(options.now.getTime() / 1e3);
  const header = base64url(JSON.stringify({ alg: "RS256", typ: "JWT" }));
  const payload = base64url(JSON.stringify({ iat: seconds - 60, exp: seconds + 540, iss: options.appId }));
  const signature = createSign("RSA-SHA256").update(`${header}.${payload}`).sign(key);
  return `${header}.${payload}.${base64url(signature)}`;
}

// src/runner/fork-guard.ts
var DEFAULT_SAFE_LABEL = "trainyard:safe-to-train";
var WRITE = ["admin", "maintain", "write"];
async function decideForkGuard(options) {
  const { event, label } = options;
  const pr = event.payload.pull_request;
  if (!pr) return { allowed: true, reason: `a ${event.name} event runs the repository's own code` };
  const base = pr.base?.repo?.full_name ?? event.payload.repository?.full_name ?? "";
  const head = pr.head?.repo?.full_name ?? null;
  if (head === base) return { allowed: true, reason: `pull request #${pr.number} comes from ${base} itself, not a fork` };
  if (options.runnerEnvironment === "github-hosted") return { allowed: true, reason: "the runner is GitHub-hosted and discarded after the job" };
  const from = head ?? "a deleted fork";
  if (event.payload.action !== "labeled" || event.payload.label?.name !== label) {
    const why = event.payload.action === "synchronize" ? "new commits were pushed, so an earlier review no longer covers them" : `this "${event.payload.action ?? event.name}" event is not the label "${label}" being applied`;
    return { allowed: false, reason: `pull request #${pr.number} comes from the fork ${from} and ${why}; a maintainer with write access must review the code and apply "${label}" after the last push` };
  }
  const sender = event.payload.sender?.login ?? "";
  if (!options.request) return { allowed: false, reason: `cannot check that ${sender} may approve fork code: no token to read permissions (pass github-token)` };
  const [owner, repo] = base.split("/");
  let permission;
  try {
    const answer = await options.request("GET /repos/{owner}/{repo}/collaborators/{username}/permission", { owner, repo, username: sender });
    permission = answer.data.permission ?? "none";
  } catch (error) {
    const status = statusOf(error);
    if (status !== 404) return { allowed: false, reason: `cannot read ${sender}'s permission on ${base} (HTTP ${status ?? "error"}); refusing fork code` };
    permission = "none";
  }
  if (!WRITE.includes(permission)) return { allowed: false, reason: `"${label}" was applied by ${sender}, whose permission on ${base} is ${permission}; only write, maintain or admin can approve fork code` };
  return { allowed: true, reason: `${sender} (${permission}) applied "${label}" to pull request #${pr.number} from ${from} after its last push` };
}

// src/runner/jit.ts
var RunnerRegistrationError = class extends TrainyardError {
  status;
  constructor(message, status) {
    super(message, { exitCode: exitCodeOfHttpStatus(status) });
    this.status = status;
  }
};
var where = (scope) => scope.kind === "repo" ? `${scope.owner}/${scope.repo}` : `the organisation ${scope.org}`;
function plannedRequests(request) {
  const base = request.scope.kind === "repo" ? `/repos/${request.scope.owner}/${request.scope.repo}` : `/orgs/${request.scope.org}`;
  return [`GET ${base}/installation`, "POST /app/installations/{installation_id}/access_tokens", `POST ${base}/actions/runners/generate-jitconfig ${JSON.stringify(jitBody(request))}`];
}
function jitBody(request) {
  return { name: request.name, runner_group_id: request.runnerGroupId, labels: request.labels, work_folder: request.workFolder };
}
async function step(what, call, explain) {
  try {
    return await call();
  } catch (error) {
    const status = statusOf(error);
    throw new RunnerRegistrationError(`${what} failed${status ? ` (HTTP ${status})` : ""}: ${explain(status)}`, status);
  }
}
async function mintJitConfig(options) {
  const { request, appJwt, jit } = options;
  const { scope } = jit;
  const asApp = { headers: { authorization: `bearer ${appJwt}` } };
  const installation = await step(
    `finding the App's installation on ${where(scope)}`,
    () => scope.kind === "repo" ? request("GET /repos/{owner}/{repo}/installation", { owner: scope.owner, repo: scope.repo, ...asApp }) : request("GET /orgs/{org}/installation", { org: scope.org, ...asApp }),
    (status) => status === 404 ? `the App is not installed on ${where(scope)}; install it there` : status === 401 ? "the App id or private key is wrong (GitHub rejected the JWT)" : "GitHub did not answer as expected"
  );
  const installationId = installation.data.id;
  const token = await step(
    "creating an installation token",
    () => request("POST /app/installations/{installation_id}/access_tokens", { installation_id: installationId, ...asApp }),
    () => "the App could not get a token for its installation"
  );
  const asInstallation = { headers: { authorization: `token ${token.data.token}` } };
  const body = jitBody(jit);
  const minted = await step(
    `generating a JIT runner config for ${where(scope)}`,
    () => scope.kind === "repo" ? request("POST /repos/{owner}/{repo}/actions/runners/generate-jitconfig", { owner: scope.owner, repo: scope.repo, ...body, ...asInstallation }) : request("POST /orgs/{org}/actions/runners/generate-jitconfig", { org: scope.org, ...body, ...asInstallation }),
    (status) => status === 403 ? `the App needs the ${scope.kind === "repo" ? '"Administration: read and write" repository' : '"Self-hosted runners: read and write" organisation'} permission` : status === 409 ? `a runner named "${jit.name}" already exists; choose another --name` : status === 404 ? `runner group ${jit.runnerGroupId} does not exist` : "GitHub did not answer as expected"
  );
  const data = minted.data;
  return { runnerId: data.runner.id, runnerName: data.runner.name, encodedJitConfig: data.encoded_jit_config };
}

// src/cli/commands/runner.ts
function github(io, token) {
  const octokit = octokitFor(io, token);
  return (route, params) => octokit.request(route, params);
}
function parseScope(options) {
  if (options.repo && options.org) throw new UsageError("--repo and --org: give one; a runner belongs to a repository or an organisation");
  if (options.org) return { kind: "org", org: options.org };
  const match = /^([\w.-]+)\/([\w.-]+)$/.exec(options.repo ?? "");
  if (!match) throw new UsageError(`--repo "${options.repo ?? ""}": expected owner/repo (or --org <org>)`);
  return { kind: "repo", owner: match[1], repo: match[2] };
}
function parseJit(options, io) {
  const labels = options.labels.split(",").map((label) => label.trim()).filter(Boolean);
  if (labels.length === 0) throw new UsageError("--labels: expected a comma-separated list such as self-hosted,gpu");
  const runnerGroupId = Number(options.runnerGroupId);
  if (!Number.isInteger(runnerGroupId) || runnerGroupId < 1) throw new UsageError(`--runner-group-id "${options.runnerGroupId}": expected a positive integer (1 is the Default group)`);
  const name = options.name ?? `${io.env.HOSTNAME ?? "trainyard-gpu"}-${io.now().getTime().toString(36)}`;
  return { scope: parseScope(options), name, labels, runnerGroupId, workFolder: options.workFolder };
}
async function appCredentials(options, io) {
  const appId = options.appId ?? io.env.GITHUB_APP_ID;
  if (!appId) throw new UsageError("no GitHub App id: pass --app-id or set GITHUB_APP_ID");
  if (options.privateKey) {
    const file = path.resolve(io.cwd, options.privateKey);
    const pem2 = await readFile(file, "utf8").catch((error) => {
      throw new UsageError(`--private-key ${options.privateKey}: cannot read it (${error.code}); expected the App's PEM file`);
    });
    return { appId, privateKeyPem: pem2 };
  }
  const pem = io.env.GITHUB_APP_PRIVATE_KEY;
  if (!pem) throw new UsageError("no GitHub App private key: pass --private-key <file> or set GITHUB_APP_PRIVATE_KEY");
  return { appId, privateKeyPem: pem.replace(/\\n/g, "\n") };
}
async function readEvent(io, options) {
  const file = options.event ?? io.env.GITHUB_EVENT_PATH;
  const name = options.eventName ?? io.env.GITHUB_EVENT_NAME;
  if (!file || !name) throw new UsageError("no workflow event: pass --event <file> and --event-name <name> (GITHUB_EVENT_PATH and GITHUB_EVENT_NAME inside Actions)");
  const text = await readFile(path.resolve(io.cwd, file), "utf8").catch((error) => {
    throw new UsageError(`--event ${file}: cannot read it (${error.code}); expected the workflow event JSON`);
  });
  try {
    return { name, payload: JSON.parse(text) };
  } catch {
    throw new UsageError(`--event ${file}: not JSON; expected the workflow event payload`);
  }
}
function registerRunner(program, io, setExit) {
  const runner = program.command("runner").description("Self-hosted GPU runners: just-in-time registration and the fork rule.");
  runner.command("jitconfig").alias("jit").description("Mint a just-in-time runner config with the GitHub App (no personal token); prints the encoded config for `run.sh --jitconfig`.").option("--repo <owner/repo>", "register the runner on this repository").option("--org <org>", "register the runner on this organisation instead").option("--labels <list>", "comma-separated runner labels", "self-hosted,gpu").option("--name <name>", "the runner name (default: $HOSTNAME and a time stamp)").option("--runner-group-id <id>", "the runner group", "1").option("--work-folder <dir>", "the runner's work folder", "_work").option("--app-id <id>", "the GitHub App id (default: $GITHUB_APP_ID)").option("--private-key <file>", "the App's PEM private key (default: $GITHUB_APP_PRIVATE_KEY)").option("--json", "print runner id, name and config as JSON").option("--dry-run", "print the requests it would make, and make none").action(async (options) => {
    const jit = parseJit(options, io);
    if (options.dryRun) {
      io.stdout(plannedRequests(jit).map((line) => `[dry-run] would ${line}
`).join(""));
      setExit(0);
      return;
    }
    const { appId, privateKeyPem } = await appCredentials(options, io);
    const config = await mintJitConfig({ request: github(io), appJwt: createAppJwt({ appId, privateKeyPem, now: io.now() }), jit });
    io.stdout(options.json ? `${JSON.stringify(config)}
` : `${config.encodedJitConfig}
`);
    io.stderr(`trainyard: runner ${config.runnerName} (id ${config.runnerId}) registered just in time with labels ${jit.labels.join(",")}
`);
    setExit(0);
  });
  runner.command("guard").description("Refuse a fork pull request's code on a self-hosted runner unless a maintainer applied the label after the last push (exit 1).").option("--event <file>", "the workflow event JSON (default: $GITHUB_EVENT_PATH)").option("--event-name <name>", "the event name (default: $GITHUB_EVENT_NAME)").option("--label <name>", "the label a maintainer applies", DEFAULT_SAFE_LABEL).action(async (options) => {
    const event = await readEvent(io, options);
    const token = io.env.GITHUB_TOKEN;
    const decision = await decideForkGuard({ event, label: options.label, runnerEnvironment: io.env.RUNNER_ENVIRONMENT, request: token ? github(io, token) : null });
    if (decision.allowed) {
      io.stdout(`trainyard: allowed: ${decision.reason}
`);
      setExit(0);
      return;
    }
    if (io.env.GITHUB_ACTIONS === "true") io.stdout(`::error title=trainyard: fork code refused::${decision.reason}
`);
    io.stderr(`trainyard: refused: ${decision.reason}
`);
    setExit(1);
  });
}
export {
  registerRunner
};
