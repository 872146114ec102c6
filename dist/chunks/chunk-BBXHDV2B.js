#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  VERSION
} from "./chunk-GKCJ2QSX.js";
import {
  sha256Text
} from "./chunk-HB6HQUKP.js";
import {
  DEFAULT_CONFIG_PATH,
  loadConfig
} from "./chunk-QBY6N5LK.js";

// src/cli/shared.ts
import { mkdir } from "node:fs/promises";
import path from "node:path";

// src/train/system-facts.ts
import { execFile } from "node:child_process";
import os from "node:os";
import { promisify } from "node:util";
var run = promisify(execFile);
async function output(command, args, cwd) {
  try {
    const { stdout, stderr } = await run(command, args, { cwd, timeout: 1e4 });
    return (stdout || stderr).trim();
  } catch {
    return null;
  }
}
async function gatherSystemFacts(root, env) {
  const [commit, status, python] = await Promise.all([
    output("git", ["rev-parse", "HEAD"], root),
    output("git", ["status", "--porcelain", "--untracked-files=no"], root),
    output("python3", ["--version"], root)
  ]);
  return {
    git: { commit, dirty: status === null ? null : status.length > 0 },
    runner: {
      name: env.RUNNER_NAME ?? null,
      os: `${os.platform()} ${os.release()}`,
      arch: os.arch(),
      labels: (env.TRAINYARD_RUNNER_LABELS ?? "").split(",").map((label) => label.trim()).filter(Boolean)
    },
    python: python?.replace(/^Python\s+/, "") ?? null
  };
}

// src/cli/shared.ts
async function openConfig(io, configOption) {
  const given = configOption ?? DEFAULT_CONFIG_PATH;
  return loadConfig(path.resolve(io.cwd, given), given);
}
async function openProject(io, configOption) {
  const loaded = await openConfig(io, configOption);
  const system = await gatherSystemFacts(loaded.root, io.env);
  return { loaded, configSha256: sha256Text(loaded.text), system, versions: { node: process.version, trainyard: VERSION } };
}
function runId(now) {
  return now.toISOString().replace(/\.(\d+)Z$/, "-$1Z").replace(/:/g, "-");
}
async function newRunDir(parent, now) {
  await mkdir(parent, { recursive: true });
  const base = runId(now);
  for (let attempt = 1; ; attempt += 1) {
    const dir = path.join(parent, attempt === 1 ? base : `${base}-${attempt}`);
    try {
      await mkdir(dir);
      return dir;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
  }
}

export {
  openConfig,
  openProject,
  runId,
  newRunDir
};
