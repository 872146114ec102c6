#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  InvalidArgumentError
} from "./chunk-3UYT3J5Z.js";
import {
  UsageError
} from "./chunk-BEL2JVQX.js";
import "./chunk-M6HMHLEN.js";

// src/cli/commands/sandbox.ts
import { mkdir, writeFile } from "node:fs/promises";
import path2 from "node:path";

// src/cli/sandbox-loader.ts
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
var ENTRY = path.join("app", "sandbox", "api.ts");
var SIMULATOR = path.join("sim", "index.ts");
var ADVICE = "run it from a checkout of trainyard with its dev dependencies installed: npm run sandbox, or npx tsx src/cli/bin.ts sandbox --scenario lifecycle";
function findCheckout(from) {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, ENTRY)) && existsSync(path.join(dir, SIMULATOR))) return dir;
    if (path.dirname(dir) === dir) return null;
  }
}
async function loadSandbox(from = path.dirname(fileURLToPath(import.meta.url))) {
  const root = findCheckout(from);
  if (!root) throw new UsageError(`sandbox: the GitHub simulator is not part of this installation; ${ADVICE}`);
  const specifier = pathToFileURL(path.join(root, ENTRY)).href;
  try {
    await registerTypeScript(root);
    return await import(specifier);
  } catch (error) {
    const code = error.code ?? error.message;
    throw new UsageError(`sandbox: cannot load ${path.join(root, ENTRY)} (${code}); ${ADVICE}`);
  }
}
async function registerTypeScript(root) {
  if (import.meta.url.endsWith(".ts")) return;
  const manifest = createRequire(path.join(root, "package.json")).resolve("tsx/package.json");
  const { exports } = JSON.parse(await readFile(manifest, "utf8"));
  const api = path.join(path.dirname(manifest), exports["./esm/api"].import.default);
  const { register } = await import(pathToFileURL(api).href);
  register();
}

// src/cli/commands/sandbox.ts
var SCENARIOS = ["lifecycle", "attacks"];
function rate(value) {
  const parsed = Number(value);
  if (value.trim() === "" || !(parsed >= 0 && parsed < 1)) throw new InvalidArgumentError(`expected a share of requests in [0, 1), got ${value}`);
  return parsed;
}
function seed(value) {
  if (!/^\d{1,9}$/.test(value)) throw new InvalidArgumentError(`expected a non-negative integer, got ${value}`);
  return Number(value);
}
function registerSandbox(program, io, setExit) {
  program.command("sandbox").description("Play a model's whole life against a simulated GitHub with the real App (from a checkout of trainyard); exit 0 passed, 1 a step failed, 2 bad input.").requiredOption("--scenario <name>", `the scenario to play: ${SCENARIOS.join(", ")}`).option("--faults <rate>", "share of the App's API requests that fail with 502", rate, 0).option("--seed <n>", "seed of the fault sequence", seed, 1).option("--json", "print the report as one line of JSON").option("-o, --out <dir>", "also write the App's pull request comment (comment.md) and check run (check.md) into this folder").action(async (options) => {
    if (!SCENARIOS.includes(options.scenario)) throw new UsageError(`sandbox: --scenario ${options.scenario}: expected ${SCENARIOS.join(" or ")}`);
    const sandbox = await loadSandbox();
    if (options.scenario === "attacks") {
      if (options.out !== void 0 || options.faults !== 0) throw new UsageError("sandbox: --out and --faults belong to --scenario lifecycle, not attacks");
      const report = await sandbox.runAttacks();
      io.stdout(options.json ? `${JSON.stringify(report)}
` : `${sandbox.summariseAttacks(report)}
`);
      if (report.cases.some((c) => !c.refused)) setExit(1);
      return;
    }
    try {
      const report = await sandbox.runLifecycle({ faults: options.faults, seed: options.seed });
      io.stdout(options.json ? `${JSON.stringify(report)}
` : `${sandbox.summarise(report)}
`);
      if (options.out) {
        const dir = path2.resolve(io.cwd, options.out);
        await mkdir(dir, { recursive: true });
        const files = [
          ["comment.md", `${report.comment.body.trimEnd()}
`],
          ["check.md", sandbox.renderCheck(report.check)]
        ];
        for (const [name, text] of files) await writeFile(path2.join(dir, name), text);
        io.stderr(`trainyard sandbox: wrote ${files.map(([name]) => path2.join(options.out, name)).join(" and ")}
`);
      }
    } catch (error) {
      if (!(error instanceof sandbox.LifecycleError)) throw error;
      io.stderr(`trainyard sandbox: ${error.message}
`);
      setExit(1);
    }
  });
}
export {
  registerSandbox
};
