#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  HANDLED_EVENTS,
  Probot,
  ProbotOctokit,
  createApp
} from "./chunks/chunk-ONYMNGIB.js";
import "./chunks/chunk-I37JP6W6.js";
import "./chunks/chunk-SBBBSOBA.js";
import "./chunks/chunk-OJG5DVQT.js";
import "./chunks/chunk-DK7P7IHZ.js";
import "./chunks/chunk-NXFQYBKR.js";
import "./chunks/chunk-KRE5CPIC.js";
import "./chunks/chunk-444XO5IC.js";
import "./chunks/chunk-W3QHEJVT.js";
import "./chunks/chunk-YICYZTQY.js";
import "./chunks/chunk-HWFKGCS3.js";
import "./chunks/chunk-OSUZFFL4.js";
import "./chunks/chunk-4IU3ESKG.js";
import "./chunks/chunk-DPFEQ3BD.js";
import "./chunks/chunk-FNE57ZFB.js";
import "./chunks/chunk-W2DRLS5N.js";
import "./chunks/chunk-HB6HQUKP.js";
import "./chunks/chunk-QDZFQRV4.js";
import "./chunks/chunk-PWI6BAP3.js";
import "./chunks/chunk-FA4IZPLS.js";
import {
  describeThrown
} from "./chunks/chunk-BEL2JVQX.js";
import "./chunks/chunk-M6HMHLEN.js";

// app/actions-adapter.ts
import { readFile } from "node:fs/promises";
var ACTIONS_APP_SLUG = "github-actions";
var GATE_EVENT = "deployment_protection_rule";
var EVENT_ALIASES = { pull_request_target: "pull_request" };
function failures(error) {
  const inner = error.errors;
  return Array.isArray(inner) && inner.length > 0 ? inner : [error];
}
function describeFailure(error) {
  const http = error;
  const message = describeThrown(error);
  if (typeof http.status !== "number" || !http.request?.url) return message;
  return `${message} (HTTP ${http.status} from ${http.request.method ?? "GET"} ${new URL(http.request.url).pathname})`;
}
async function readPayload(file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new Error(`GITHUB_EVENT_PATH ${file}: cannot read it (${error.code ?? describeThrown(error)}); expected the event payload GitHub Actions writes`, { cause: error });
  }
  try {
    const payload = JSON.parse(text);
    if (payload && typeof payload === "object" && !Array.isArray(payload)) return payload;
  } catch {
  }
  throw new Error(`GITHUB_EVENT_PATH ${file}: not a JSON object; expected the event payload GitHub Actions writes`);
}
async function runInActions(io, Octokit = ProbotOctokit) {
  const { env } = io;
  const trigger = env.GITHUB_EVENT_NAME;
  const name = trigger ? EVENT_ALIASES[trigger] ?? trigger : void 0;
  const token = env.GITHUB_TOKEN;
  if (!name || !env.GITHUB_EVENT_PATH) {
    io.stderr('::error::trainyard App: GITHUB_EVENT_NAME and GITHUB_EVENT_PATH are not set; run this as a step of a GitHub Actions workflow (docs/app.md, "No server")\n');
    return 2;
  }
  if (name === GATE_EVENT) {
    io.stderr(`::error::trainyard App: ${GATE_EVENT} is not supported in the GitHub Actions mode: GitHub asks only an App's webhook to answer deployment protection rules; serve the App (npm run app or the container) or gate with the check "trainyard / promotion" (docs/app.md)
`);
    return 2;
  }
  if (!token) {
    io.stderr("::error::trainyard App: GITHUB_TOKEN is not set; pass the job's token (the action's github-token input)\n");
    return 2;
  }
  let payload;
  try {
    payload = await readPayload(env.GITHUB_EVENT_PATH);
  } catch (error) {
    io.stderr(`::error::trainyard App: ${describeThrown(error)}
`);
    return 2;
  }
  const action = typeof payload.action === "string" ? payload.action : void 0;
  const key = action ? `${name}.${action}` : name;
  if (!HANDLED_EVENTS.includes(key)) {
    io.stdout(`trainyard App: nothing to do for ${key}; the App handles ${HANDLED_EVENTS.filter((e) => !e.startsWith(GATE_EVENT)).join(", ")}
`);
    return 0;
  }
  const probot = new Probot({
    githubToken: token,
    Octokit,
    logLevel: env.LOG_LEVEL ?? "info",
    ...env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}
  });
  await probot.load(createApp({ appSlug: env.TRAINYARD_APP_SLUG || ACTIONS_APP_SLUG }));
  const id = `${env.GITHUB_RUN_ID ?? "local"}-${env.GITHUB_RUN_ATTEMPT ?? "1"}`;
  try {
    await probot.receive({ id, name, payload });
  } catch (error) {
    for (const failure of failures(error)) io.stderr(`::error::trainyard App: ${key} failed: ${describeFailure(failure)}
`);
    return 1;
  }
  io.stdout(`trainyard App: handled ${key}
`);
  return 0;
}

// app/actions.ts
process.exitCode = await runInActions({ env: process.env, stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) });
