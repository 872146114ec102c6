#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  driftJson,
  renderDriftReport,
  resolveDriftOptions,
  runDrift
} from "./chunk-R7SPPYQG.js";
import "./chunk-3FNNSOQK.js";
import {
  driftExclusions
} from "./chunk-6HINKL34.js";
import "./chunk-PHKZR6IB.js";
import "./chunk-34SE6PPS.js";
import "./chunk-DPFEQ3BD.js";
import "./chunk-FNE57ZFB.js";
import {
  formatNumber
} from "./chunk-W2DRLS5N.js";
import "./chunk-JSRTAX6G.js";
import {
  openConfig
} from "./chunk-HD62KVG5.js";
import "./chunk-GKCJ2QSX.js";
import "./chunk-HB6HQUKP.js";
import {
  DEFAULT_CONFIG_PATH
} from "./chunk-QDZFQRV4.js";
import "./chunk-PWI6BAP3.js";
import "./chunk-FA4IZPLS.js";
import {
  UsageError
} from "./chunk-BEL2JVQX.js";
import "./chunk-M6HMHLEN.js";

// src/cli/commands/drift.ts
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

// src/github/upload-artifact.ts
async function uploadArtifact(upload, env) {
  if (!env.ACTIONS_RUNTIME_TOKEN) throw new UsageError(`--artifact ${upload.name}: artifacts can only be uploaded inside a GitHub Actions job (ACTIONS_RUNTIME_TOKEN is not set)`);
  const { DefaultArtifactClient } = await import("./artifact-BEJCSUFH.js");
  const response = await new DefaultArtifactClient().uploadArtifact(upload.name, upload.files, upload.rootDirectory);
  return response.id;
}

// src/cli/commands/drift.ts
var collect = (value, previous) => [...previous, value];
async function modelContext(io, options) {
  const wanted = options.config !== void 0 || options.model !== void 0 || !options.reference || !options.current;
  if (!wanted) return void 0;
  if (options.config === void 0 && !existsSync(path.resolve(io.cwd, DEFAULT_CONFIG_PATH))) return void 0;
  const loaded = await openConfig(io, options.config);
  const names = Object.keys(loaded.config.models);
  if (options.model !== void 0 && !names.includes(options.model)) throw new UsageError(`unknown model "${options.model}"; the config has: ${names.join(", ")}`);
  if (options.model === void 0 && names.length > 1) throw new UsageError(`the config has several models (${names.join(", ")}); choose one with --model`);
  const name = options.model ?? names[0];
  return { name, model: loaded.config.models[name], root: loaded.root };
}
function registerDrift(program, io, setExit) {
  program.command("drift").description("Compare current data with a reference (data or profile.json) column by column; exit 1 when the dataset drifted.").option("-r, --reference <data|profile.json>", "reference data (file, directory or glob) or a profile from trainyard profile").option("--current <data>", "current data (file, directory or glob)").option("--columns <a,b>", "test only these columns (default: all but ids, the schema's training_only columns, dates and timestamps, and drift.exclude)").option("--method <column=name>", "the test for a column (repeatable): ks, wasserstein, jensenshannon, psi, kl, hellinger, chisquare, z, linf", collect, []).option("--threshold <column=x>", "the threshold for a column (repeatable)", collect, []).option("--drift-share <x>", "the dataset drifts when this share of columns drifts (default 0.5)").option("--correction <name>", "multiple-testing correction: none, bonferroni, benjamini-hochberg").option("-c, --config <file>", `the trainyard config (default ${DEFAULT_CONFIG_PATH} when --reference or --current is missing)`).option("-m, --model <name>", "the model whose drift settings apply").option("--json", "print the result as JSON").option("--report <file.md>", "write the Markdown report here").option("-o, --out <drift.json>", "also write the JSON result to this file").option("--artifact <name>", "inside GitHub Actions, upload drift.json and drift.md as this artifact").action(async (options) => {
    if (options.artifact !== void 0 && !io.env.ACTIONS_RUNTIME_TOKEN) {
      throw new UsageError(`--artifact ${options.artifact}: artifacts can only be uploaded inside a GitHub Actions job (ACTIONS_RUNTIME_TOKEN is not set)`);
    }
    const context = await modelContext(io, options);
    const request = resolveDriftOptions(options, io.cwd, context);
    const exclude = context ? await driftExclusions({ model: context.model, root: context.root }) : [];
    const result = await runDrift({ ...request, exclude });
    const json = `${JSON.stringify(driftJson(result), null, 2)}
`;
    const report = renderDriftReport(result);
    for (const [file, text] of [
      [options.report, report],
      [options.out, json]
    ]) {
      if (!file) continue;
      const target = path.resolve(io.cwd, file);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, text);
    }
    if (options.artifact !== void 0) {
      const folder = await mkdtemp(path.join(tmpdir(), "trainyard-drift-"));
      await writeFile(path.join(folder, "drift.json"), json);
      await writeFile(path.join(folder, "drift.md"), report);
      const files = ["drift.json", "drift.md"].map((file) => path.join(folder, file));
      await uploadArtifact({ name: options.artifact, files, rootDirectory: folder }, io.env);
    }
    if (options.json) io.stdout(json);
    else {
      io.stdout(report);
      io.stdout(`
${result.drifted ? "Drift" : "No drift"}: ${result.driftedColumns} of ${result.tested} columns (share ${formatNumber(result.share)}, threshold ${formatNumber(result.driftShare)}).
`);
    }
    setExit(result.drifted ? 1 : 0);
  });
}
export {
  registerDrift
};
