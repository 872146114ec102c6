#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  octokitFor
} from "./chunk-XX3I4QGU.js";
import {
  GitHubReleasesRegistry
} from "./chunk-MVOFKLKI.js";
import {
  LocalRegistry
} from "./chunk-3YVYLW5U.js";
import {
  DEFAULT_CONFIG_PATH,
  REGISTRY_SPEC,
  loadConfig
} from "./chunk-QBY6N5LK.js";
import {
  UsageError
} from "./chunk-BEL2JVQX.js";

// src/registry/spec.ts
import path from "node:path";
var DEFAULT_LOCAL_REGISTRY = ".trainyard/registry";
function parseRegistrySpec(text, root, source = "--registry") {
  if (!REGISTRY_SPEC.test(text)) throw new UsageError(`${source} "${text}" is not a registry; expected local:<dir> or github:<owner>/<repo>`);
  if (text.startsWith("local:")) return { kind: "local", dir: path.resolve(root, text.slice("local:".length)) };
  const [owner, repo] = text.slice("github:".length).split("/");
  return { kind: "github", owner, repo };
}

// src/cli/registry-edge.ts
import path2 from "node:path";
import { stat } from "node:fs/promises";
function githubClient(io, need = "a github: registry needs a token with contents: write") {
  const token = io.env.GITHUB_TOKEN;
  if (!token) throw new UsageError(`GITHUB_TOKEN is not set; ${need}`);
  return octokitFor(io, token);
}
async function maybeConfig(io, configOption) {
  const given = configOption ?? DEFAULT_CONFIG_PATH;
  const file = path2.resolve(io.cwd, given);
  if (!configOption && !await stat(file).catch(() => null)) return null;
  return loadConfig(file, given);
}
async function openRegistry(io, options) {
  const loaded = await maybeConfig(io, options.config);
  const root = loaded?.root ?? io.cwd;
  const text = options.registry ?? loaded?.config.registry ?? `local:${DEFAULT_LOCAL_REGISTRY}`;
  const spec = parseRegistrySpec(text, options.registry ? io.cwd : root, options.registry ? "--registry" : "registry");
  if (spec.kind === "local") return { registry: new LocalRegistry({ dir: spec.dir, now: io.now }), spec, loaded, github: null };
  const octokit = githubClient(io);
  const registry = new GitHubReleasesRegistry({ octokit, owner: spec.owner, repo: spec.repo, now: io.now });
  return { registry, spec, loaded, github: { octokit, owner: spec.owner, repo: spec.repo, location: registry.location } };
}
function runUrlFrom(env) {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
  return server && repo && run ? `${server}/${repo}/actions/runs/${run}` : null;
}

export {
  githubClient,
  openRegistry,
  runUrlFrom
};
