#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  openRegistry,
  runUrlFrom
} from "./chunk-JBM4S3IV.js";
import "./chunk-IWZWCENP.js";
import "./chunk-5GYPTEMT.js";
import "./chunk-NXFQYBKR.js";
import "./chunk-KRE5CPIC.js";
import {
  collectVersionContent
} from "./chunk-4JIV7MCS.js";
import "./chunk-FTVSYSZW.js";
import "./chunk-YICYZTQY.js";
import {
  championOf,
  parseVersionNumber,
  renderCard
} from "./chunk-4IU3ESKG.js";
import {
  formatNumber
} from "./chunk-W2DRLS5N.js";
import "./chunk-HB6HQUKP.js";
import "./chunk-QDZFQRV4.js";
import "./chunk-PWI6BAP3.js";
import "./chunk-FA4IZPLS.js";
import {
  UsageError
} from "./chunk-BEL2JVQX.js";
import "./chunk-M6HMHLEN.js";

// src/cli/commands/registry.ts
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

// src/report/registry-text.ts
function table(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join("  ").trimEnd()).join("\n");
}
function renderVersions(model, versions, history) {
  if (versions.length === 0) return `${model}: no versions registered`;
  const environments = [...new Set(history.map((record) => record.environment))];
  const championIn = (version) => environments.filter((environment) => championOf(history, environment)?.version === version);
  const rows = [["version", "registered", "commit", "metrics", "champion in"]];
  for (const version of versions) {
    const metrics = Object.entries(version.card.metrics).slice(0, 3).map(([name, value]) => `${name}=${formatNumber(value)}`).join(" ");
    rows.push([`v${version.version}`, version.card.createdAt, version.card.commit?.slice(0, 7) ?? "-", metrics || "-", championIn(version.version).join(", ") || "-"]);
  }
  return `${model}
${table(rows)}`;
}
function renderHistory(model, history) {
  if (history.length === 0) return `${model}: no promotions recorded`;
  const rows = [["when", "environment", "seq", "version", "decision", "by", "approvers", "gate", "reason"]];
  for (const record of history) {
    rows.push([record.at, record.environment, String(record.sequence), `v${record.version}`, record.decision, record.actor ?? "-", record.approvers.join(",") || "-", `${record.gate.passed ? "passed" : "failed"}: ${record.gate.summary}`, record.reason]);
  }
  return `${model}
${table(rows)}`;
}

// src/cli/commands/registry.ts
function common(command) {
  return command.option("-r, --registry <spec>", "local:<dir> or github:<owner>/<repo> (default: the config's registry, else local:.trainyard/registry)").option("-c, --config <file>", "the trainyard config (default: .github/trainyard.yml when it exists)");
}
function refFrom(options) {
  if (options.version && options.environment) throw new UsageError("give --version or --environment, not both");
  if (options.environment) return { environment: options.environment };
  if (!options.version) throw new UsageError("expected --version <N> or --environment <name>");
  return { version: parseVersionNumber(options.version) };
}
async function requireModel(registry, model) {
  const known = await registry.models();
  if (known.includes(model)) return;
  const have = known.length > 0 ? `it has: ${known.join(", ")}` : "it has no models yet";
  throw new UsageError(`no model "${model}" in ${registry.location}; ${have}`);
}
function registerRegistry(program, io, setExit) {
  const registry = program.command("registry").description("Model versions and promotions: the local registry or GitHub Releases.");
  const print = (value, text, json) => io.stdout(`${json ? JSON.stringify(value, null, 2) : text}
`);
  common(registry.command("list").description("List the models, or the versions of one model and where each is champion.").argument("[model]")).option("--json", "print JSON").action(async (model, options) => {
    const { registry: opened } = await openRegistry(io, options);
    if (!model) {
      const models = await opened.models();
      print({ models }, models.length ? models.join("\n") : `no models in ${opened.location}`, options.json);
    } else {
      await requireModel(opened, model);
      const [versions, history] = await Promise.all([opened.versions(model), opened.history(model)]);
      print({ model, versions }, renderVersions(model, versions, history), options.json);
    }
    setExit(0);
  });
  common(registry.command("show").description("Print a version's model card.").argument("<model>")).option("-v, --version <n>", "the version number").option("-e, --environment <name>", "the champion of this environment").option("--json", "print JSON").action(async (model, options) => {
    const { registry: opened } = await openRegistry(io, options);
    await requireModel(opened, model);
    const version = await opened.version(model, refFrom(options));
    print(version, `${renderCard(version.card)}
(${version.url})`, options.json);
    setExit(0);
  });
  common(registry.command("download").description("Download a version's files, every digest verified.").argument("<model>")).option("-v, --version <n>", "the version number").option("-e, --environment <name>", "the champion of this environment").requiredOption("-o, --out <dir>", "a new folder to write the files into").option("-f, --file <path>", "only this file (or folder) of the version, e.g. profile.json (repeatable; default: every file and model-card.md)", (value, previous = []) => [...previous, value]).action(async (model, options) => {
    const { registry: opened } = await openRegistry(io, options);
    await requireModel(opened, model);
    const version = await opened.version(model, refFrom(options));
    const downloaded = await opened.download(model, version.version, path.resolve(io.cwd, options.out), options.file ? { only: options.file } : {});
    const count = downloaded.files.length === 1 ? "1 file" : `${downloaded.files.length} files`;
    io.stdout(`${model} v${version.version}: ${count} in ${options.out}
`);
    setExit(0);
  });
  common(registry.command("history").description("Who promoted which version where, when and why.").argument("<model>")).option("-e, --environment <name>", "only this environment").option("--json", "print JSON").action(async (model, options) => {
    const { registry: opened } = await openRegistry(io, options);
    await requireModel(opened, model);
    const history = await opened.history(model, options.environment);
    print({ model, history }, renderHistory(model, history), options.json);
    setExit(0);
  });
  common(registry.command("register").description("Register a training output folder as a new version.").argument("<model>")).requiredOption("--from <dir>", "the training output folder (model/, metrics, predictions, lineage.json, optional profile.json; without one, the profile of the model's training data in --config is registered)").action(async (model, options) => {
    const { registry: opened, loaded } = await openRegistry(io, options);
    const config = loaded?.config.models[model];
    const outputDir = path.resolve(io.cwd, options.from);
    const scratch = config && loaded && !existsSync(path.join(outputDir, "profile.json")) ? await mkdtemp(path.join(tmpdir(), "trainyard-profile-")) : null;
    try {
      let profileFile;
      if (scratch && config && loaded) {
        const { profileData } = await import("./profile-data-LP462PWO.js");
        const { DEFAULT_SAMPLE_SIZE } = await import("./types-EXPRCEDU.js");
        const profile = await profileData({ paths: config.data.train, root: loaded.root, sampleSize: DEFAULT_SAMPLE_SIZE, seed: config.training.seed });
        profileFile = path.join(scratch, "profile.json");
        await writeFile(profileFile, `${JSON.stringify(profile)}
`);
      }
      const content = await collectVersionContent({ outputDir, metricsFile: config?.metrics.file ?? "metrics.json", predictionsFile: config?.metrics.predictions ?? "predictions.csv", ...profileFile ? { profileFile } : {} });
      const version = await opened.register({
        model,
        content,
        text: { task: config?.task ?? null, description: config?.description ?? null, intendedUse: config?.card?.intended_use ?? null, limitations: config?.card?.limitations ?? null },
        commit: content.lineage?.commit ?? io.env.GITHUB_SHA ?? null,
        runUrl: runUrlFrom(io.env),
        onProgress: (event) => {
          if (event.kind === "stored") io.stderr(`stored ${event.path} (${event.done}/${event.total})
`);
        }
      });
      io.stdout(`registered ${model} v${version.version} (${version.url})
`);
    } finally {
      if (scratch) await rm(scratch, { recursive: true, force: true });
    }
    setExit(0);
  });
  common(registry.command("promote").description("Record a promotion of a version to an environment (no deploy).").argument("<model>")).requiredOption("-v, --version <n>", "the version number").requiredOption("-e, --environment <name>", "the environment").option("--approver <login>", "who approved (repeatable)", (value, previous) => [...previous, value], []).option("--reason <text>", "why", "promoted by hand").option("--gate <summary>", "the metric gate's summary", "not evaluated").option("--rejected", "record a rejected promotion instead").option("--dry-run", "say what would be recorded and record nothing").action(async (model, options) => {
    const { registry: opened } = await openRegistry(io, options);
    await requireModel(opened, model);
    const version = parseVersionNumber(options.version);
    const decision = options.rejected ? "rejected" : "approved";
    if (options.dryRun) {
      await opened.version(model, { version });
      io.stdout(`[dry-run] would record ${model} v${version} ${decision} for ${options.environment} in ${opened.location}
`);
    } else {
      const record = await opened.promote({ model, version, environment: options.environment, decision, approvers: options.approver, gate: { passed: !options.rejected, summary: options.gate }, reason: options.reason, runUrl: runUrlFrom(io.env), actor: io.env.GITHUB_ACTOR ?? null });
      io.stdout(`recorded ${model}#${record.environment}#${record.sequence}: v${version} ${decision}
`);
    }
    setExit(0);
  });
}
export {
  registerRegistry
};
