#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  TASKS
} from "./chunk-444XO5IC.js";
import {
  metricFileFormat
} from "./chunk-YICYZTQY.js";
import {
  globToRegExp,
  isGlob
} from "./chunk-FNE57ZFB.js";
import {
  parseConfig
} from "./chunk-QDZFQRV4.js";
import {
  require_dist
} from "./chunk-FA4IZPLS.js";
import {
  DataError,
  UsageError
} from "./chunk-BEL2JVQX.js";
import {
  __toESM
} from "./chunk-M6HMHLEN.js";

// src/metrics/write-metrics.ts
var import_yaml = __toESM(require_dist(), 1);
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
function renderMetrics(values, file) {
  const format = metricFileFormat(file);
  if (format === "yaml") return (0, import_yaml.stringify)(values);
  if (format === "csv" || format === "tsv") {
    const delimiter = format === "csv" ? "," : "	";
    const quote = (text) => /[",\t\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    return `${["name", "value"].join(delimiter)}
${Object.entries(values).map(([name, value]) => `${quote(name)}${delimiter}${value}`).join("\n")}
`;
  }
  return `${JSON.stringify(values, null, 2)}
`;
}
async function writeFileAtomic(file, text) {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

// src/metrics/trusted-labels.ts
import { execFile, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdir as mkdir2, open } from "node:fs/promises";
import path2 from "node:path";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
var run = promisify(execFile);
function defaultEvaluationRef(given, env) {
  if (given !== void 0) {
    if (given.trim() === "" || given.startsWith("-")) throw new UsageError(`--evaluation-ref ${JSON.stringify(given)}: expected a git ref, such as origin/main`);
    return given;
  }
  const base = env.GITHUB_BASE_REF;
  return base ? `origin/${base}` : null;
}
var posix = (file) => file.split(path2.sep).join("/");
async function git(cwd, args) {
  const { stdout } = await run("git", ["-C", cwd, ...args], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}
async function showInto(cwd, ref, file, target) {
  const child = spawn("git", ["-C", cwd, "show", `${ref}:${file}`], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => stderr += chunk.toString());
  const exited = new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  await pipeline(child.stdout, createWriteStream(target));
  const code = await exited;
  if (code !== 0) throw new Error(stderr.trim() || `git show exited ${code}`);
}
var LFS_POINTER = "version https://git-lfs.github.com/spec/";
async function isLfsPointer(file) {
  const handle = await open(file, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(LFS_POINTER.length), 0, LFS_POINTER.length, 0);
    return buffer.subarray(0, bytesRead).toString("utf8") === LFS_POINTER;
  } finally {
    await handle.close();
  }
}
async function filesAt(top, ref, pattern) {
  const segments = pattern.split("/");
  const firstGlob = segments.findIndex((segment) => isGlob(segment));
  const prefix = (firstGlob === -1 ? segments : segments.slice(0, firstGlob)).join("/");
  const listed = (await git(top, ["ls-tree", "-r", "-z", "--name-only", ref, "--", prefix || "."])).split("\0").filter(Boolean);
  if (firstGlob === -1) return listed.filter((file) => file === pattern || file.startsWith(`${pattern}/`));
  const matcher = globToRegExp(segments.slice(firstGlob).join("/"));
  return listed.filter((file) => file.startsWith(prefix ? `${prefix}/` : "") && matcher.test(prefix ? file.slice(prefix.length + 1) : file));
}
var shownPaths = (where, paths) => paths.map((entry) => `${where}:${entry}`).join(", ");
async function readEvaluationData(input) {
  const list = Array.isArray(input.patterns) ? input.patterns : [input.patterns];
  const workingTree = (fallback) => ({
    paths: Array.isArray(input.patterns) ? list.map((entry) => path2.resolve(input.root, entry)) : path2.resolve(input.root, input.patterns),
    labels: shownPaths("working tree", list),
    trusted: fallback === null,
    fallback
  });
  const ref = input.ref;
  if (ref === null) return workingTree(null);
  let top;
  try {
    top = (await git(input.root, ["rev-parse", "--show-toplevel"])).trim();
  } catch {
    return workingTree(`${input.root} is not in a git repository, so ${ref} could not be read`);
  }
  try {
    await git(top, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  } catch {
    return workingTree(`the ref ${ref} is not in the clone (check out with fetch-depth: 0 so the base branch is there)`);
  }
  const inRepo = list.map((entry) => {
    const relative = posix(path2.relative(top, path2.resolve(input.root, entry)));
    if (relative.startsWith("..") || path2.isAbsolute(relative)) throw new DataError(`${entry}: the evaluation data is outside the git repository ${top}; expected a path in it, to read from ${ref}`);
    return relative;
  });
  const written = [];
  for (const [index, relative] of inRepo.entries()) {
    const files = await filesAt(top, ref, relative);
    if (files.length === 0) return workingTree(`${list[index]} is not on ${ref}`);
    for (const file of files) {
      const target = path2.join(input.dir, ...file.split("/"));
      await mkdir2(path2.dirname(target), { recursive: true });
      try {
        await showInto(top, ref, file, target);
      } catch (error) {
        throw new DataError(`git show ${ref}:${file} failed (${error.message.split("\n")[0]}); expected to read the evaluation data from ${ref}`);
      }
      if (await isLfsPointer(target)) throw new DataError(`${ref}:${file} is a Git LFS pointer, not the data; trainyard reads the evaluation labels with git show, so keep the evaluation data (evaluation.file, or data.train for a split) out of Git LFS`);
    }
    written.push(path2.join(input.dir, ...relative.split("/")));
  }
  return {
    paths: Array.isArray(input.patterns) ? written : written[0],
    labels: shownPaths(ref, inRepo),
    trusted: true,
    fallback: null
  };
}
async function sectionAt(root, configFile, name, ref) {
  try {
    const top = (await git(root, ["rev-parse", "--show-toplevel"])).trim();
    const file = posix(path2.relative(top, path2.resolve(configFile)));
    const text = await git(top, ["show", `${ref}:${file}`]);
    const model = parseConfig(text, `${ref}:${file}`).models[name];
    return model?.evaluation ? { evaluation: model.evaluation, data: model.data } : null;
  } catch {
    return null;
  }
}
async function trustedEvaluation(input) {
  const notes = [];
  let model = input.model;
  const base = input.ref ? await sectionAt(input.root, input.configFile, input.name, input.ref) : null;
  if (base) {
    const own = { evaluation: input.model.evaluation, train: input.model.evaluation?.file ? null : input.model.data.train };
    const theirs = { evaluation: base.evaluation, train: base.evaluation?.file ? null : base.data.train };
    if (JSON.stringify(own) !== JSON.stringify(theirs)) notes.push(`The evaluation section (and the data it names) is ${input.ref}'s: the change being judged edits it, and its own is not used to judge it.`);
    model = { ...input.model, evaluation: base.evaluation, data: { ...input.model.data, train: base.data.train } };
  }
  const evaluation = model.evaluation;
  const data = await readEvaluationData({ root: input.root, patterns: evaluation.file ?? model.data.train, ref: input.ref, dir: input.dir });
  return { model, data, notes };
}

// src/cli/commands/evaluate-options.ts
function parseTask(value) {
  if (TASKS.includes(value)) return value;
  throw new UsageError(`--task ${value}: expected one of ${TASKS.join(", ")}`);
}
function parseNumberOption(flag, value) {
  const number = value.trim() === "" ? Number.NaN : Number(value);
  if (!Number.isFinite(number)) throw new UsageError(`${flag} ${value}: expected a number`);
  return number;
}
function parseIntegerOption(flag, value, min, max) {
  const number = parseNumberOption(flag, value);
  if (!Number.isInteger(number) || number < min || number > max) throw new UsageError(`${flag} ${value}: expected a whole number from ${min} to ${max}`);
  return number;
}

export {
  renderMetrics,
  writeFileAtomic,
  defaultEvaluationRef,
  trustedEvaluation,
  parseTask,
  parseNumberOption,
  parseIntegerOption
};
