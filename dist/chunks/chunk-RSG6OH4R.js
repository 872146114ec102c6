#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  readMetricsFile
} from "./chunk-IHPK5JVP.js";
import {
  sha256File,
  sha256Text
} from "./chunk-HB6HQUKP.js";
import {
  DataError
} from "./chunk-BEL2JVQX.js";

// src/registry/content.ts
import { readdir as readdir2, readFile, stat } from "node:fs/promises";
import path2 from "node:path";

// src/train/artifacts.ts
import { open, readdir } from "node:fs/promises";
import path from "node:path";
var MODEL_DIR = "model";
var LINEAGE_FILE = "lineage.json";
var PREDICTION_COLUMNS = ["id", "label", "score"];
async function firstLine(file) {
  const handle = await open(file, "r").catch(() => null);
  if (!handle) return null;
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString("utf8").split(/\r?\n/)[0] ?? "";
  } finally {
    await handle.close();
  }
}
async function readTrainingArtifacts(outputDir, files) {
  const modelDir = path.join(outputDir, MODEL_DIR);
  const modelFiles = await readdir(modelDir).catch(() => []);
  if (modelFiles.length === 0) {
    throw new DataError(`${modelDir}: the trainer wrote no model files; expected at least one file in ${MODEL_DIR}/ under TRAINYARD_OUTPUT_DIR`);
  }
  const metrics = await readMetricsFile(path.join(outputDir, files.metrics));
  const predictionsFile = path.join(outputDir, files.predictions);
  const header = await firstLine(predictionsFile);
  if (header === null) {
    throw new DataError(`${predictionsFile}: the trainer wrote no predictions; expected a CSV with columns ${PREDICTION_COLUMNS.join(",")}`);
  }
  const columns = header.split(",").map((column) => column.trim().replace(/^"|"$/g, ""));
  const missing = PREDICTION_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    throw new DataError(`${predictionsFile}: missing column(s) ${missing.join(", ")}; expected a header with ${PREDICTION_COLUMNS.join(",")}`);
  }
  return { outputDir, modelFiles: modelFiles.sort(), metrics, predictionsFile };
}

// src/registry/lineage-summary.ts
function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
function summarizeLineage(document, file) {
  if (!isObject(document) || typeof document.command !== "string" || !Array.isArray(document.data)) {
    throw new DataError(`${file}: not a trainyard lineage file; expected an object with "command" and "data" (written by trainyard train)`);
  }
  const lineage = document;
  return {
    commit: lineage.commit ?? null,
    command: lineage.command,
    seed: lineage.seed,
    params: lineage.params ?? {},
    data: lineage.data.map(({ path: path3, bytes, sha256 }) => ({ path: path3, bytes, sha256 })),
    durationSeconds: lineage.durationSeconds,
    runner: lineage.runner?.name ?? null
  };
}

// src/registry/profile-summary.ts
function isObject2(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
function firstNumber(node, keys) {
  for (const key of keys) {
    const value = node[key];
    if (typeof value === "number" && Number.isFinite(value)) return value;
  }
  return null;
}
function firstString(node, keys) {
  for (const key of keys) if (typeof node[key] === "string") return node[key];
  return null;
}
function summarizeProfile(document) {
  if (!isObject2(document)) return { rows: null, columns: [] };
  const raw = document.columns;
  const entries = Array.isArray(raw) ? raw.filter(isObject2).map((column) => [String(column.name ?? column.column ?? ""), column]) : isObject2(raw) ? Object.entries(raw).map(([name, column]) => [name, isObject2(column) ? column : {}]) : [];
  return {
    rows: firstNumber(document, ["rows", "row_count", "count"]),
    columns: entries.filter(([name]) => name.length > 0).map(([name, column]) => ({ name, type: firstString(column, ["type", "dtype", "kind"]), nulls: firstNumber(column, ["nulls", "null_count", "missing"]) }))
  };
}

// src/registry/content.ts
var PROFILE_FILE = "profile.json";
async function filesUnder(dir) {
  const entries = await readdir2(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path2.relative(dir, path2.join(entry.parentPath, entry.name)).split(path2.sep).join("/")).sort();
}
async function describe(source, versionPath, role) {
  const info = await stat(source).catch(() => null);
  if (!info?.isFile()) throw new DataError(`${source}: missing ${role} file; expected it in the training output folder`);
  return { path: versionPath, role, source, bytes: info.size, sha256: await sha256File(source) };
}
function contentDigest(files) {
  const lines = files.map((file) => `${file.path}\0${file.sha256}
`).sort();
  return sha256Text(lines.join(""));
}
async function readJson(file) {
  try {
    return JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new DataError(`${file}: cannot read it as JSON (${error.message.split("\n")[0]})`);
  }
}
async function collectVersionContent(layout) {
  const { outputDir } = layout;
  const modelDir = path2.join(outputDir, MODEL_DIR);
  const modelFiles = await filesUnder(modelDir).catch(() => []);
  if (modelFiles.length === 0) throw new DataError(`${modelDir}: missing model files; expected at least one file in ${MODEL_DIR}/`);
  const files = [];
  for (const file of modelFiles) files.push(await describe(path2.join(modelDir, file), `${MODEL_DIR}/${file}`, "model"));
  const metricsSource = path2.join(outputDir, layout.metricsFile);
  const predictionsSource = path2.join(outputDir, layout.predictionsFile);
  files.push(await describe(metricsSource, "metrics.json", "metrics"));
  files.push(await describe(predictionsSource, `predictions${path2.extname(layout.predictionsFile) || ".csv"}`, "predictions"));
  const lineageSource = path2.join(outputDir, LINEAGE_FILE);
  files.push(await describe(lineageSource, LINEAGE_FILE, "lineage"));
  const ownProfile = path2.join(outputDir, PROFILE_FILE);
  const hasOwnProfile = (await stat(ownProfile).catch(() => null))?.isFile() ?? false;
  const profileSource = hasOwnProfile || !layout.profileFile ? ownProfile : layout.profileFile;
  const hasProfile = hasOwnProfile || layout.profileFile !== void 0;
  if (hasProfile) files.push(await describe(profileSource, PROFILE_FILE, "profile"));
  return {
    files,
    metrics: await readMetricsFile(metricsSource),
    lineage: summarizeLineage(await readJson(lineageSource), lineageSource),
    profile: hasProfile ? summarizeProfile(await readJson(profileSource)) : null,
    contentSha256: contentDigest(files)
  };
}

export {
  LINEAGE_FILE,
  readTrainingArtifacts,
  collectVersionContent
};
