#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  mergeHistograms,
  profileData
} from "./chunk-AKP4DXDO.js";
import {
  readProfile
} from "./chunk-3FNNSOQK.js";
import "./chunk-34SE6PPS.js";
import "./chunk-FNE57ZFB.js";
import {
  DEFAULT_SAMPLE_SIZE,
  VALUE_CAP
} from "./chunk-JSRTAX6G.js";
import "./chunk-PWI6BAP3.js";
import {
  DataError,
  UsageError
} from "./chunk-BEL2JVQX.js";
import "./chunk-M6HMHLEN.js";

// src/cli/commands/profile.ts
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

// src/profile/reservoir.ts
function randomSource(seed) {
  let state = seed >>> 0;
  return () => {
    state = state + 1831565813 >>> 0;
    let t = state;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
function shuffled(values, random) {
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
function mergeReservoirs(a, b, size, random) {
  const left = shuffled(a.values, random);
  const right = shuffled(b.values, random);
  let restA = a.seen;
  let restB = b.seen;
  const values = [];
  while (values.length < size && (left.length > 0 || right.length > 0)) {
    const fromA = right.length === 0 || left.length > 0 && random() * (restA + restB) < restA;
    values.push((fromA ? left : right).pop());
    if (fromA) restA--;
    else restB--;
  }
  return { seen: a.seen + b.seen, values };
}

// src/profile/merge.ts
var lessThan = (a, b) => typeof a === "number" && typeof b === "number" ? a < b : String(a) < String(b);
function pick(a, b, smaller) {
  if (a === null) return b;
  if (b === null) return a;
  return lessThan(a, b) === smaller ? a : b;
}
function mergeValues(a, b) {
  if (a === null || b === null) return null;
  const counts = /* @__PURE__ */ new Map();
  for (const [value, count] of [...a, ...b]) {
    const key = `${typeof value}:${value}`;
    const entry = counts.get(key);
    if (entry) entry[1] += count;
    else counts.set(key, [value, count]);
  }
  if (counts.size > VALUE_CAP) return null;
  return [...counts.values()].sort(([x], [y]) => lessThan(x, y) ? -1 : lessThan(y, x) ? 1 : 0);
}
function absent(like, rows) {
  return { ...like, count: 0, nulls: rows, min: null, max: null, mean: null, m2: null, distinct: 0, values: [], histogram: null, sample: { seen: 0, values: [] } };
}
function mergeColumn(a, b, sampleSize, random) {
  if (a.kind !== b.kind) throw new DataError(`column "${a.name}" is ${a.kind} (${a.type}) in one profile and ${b.kind} (${b.type}) in another; expected the same type`);
  const count = a.count + b.count;
  let mean = null;
  let m2 = null;
  if (a.count === 0) [mean, m2] = [b.mean, b.m2];
  else if (b.count === 0) [mean, m2] = [a.mean, a.m2];
  else if (a.mean !== null && b.mean !== null && a.m2 !== null && b.m2 !== null) {
    const delta = b.mean - a.mean;
    mean = a.mean + delta * b.count / count;
    m2 = a.m2 + b.m2 + delta * delta * a.count * b.count / count;
  }
  const values = mergeValues(a.values, b.values);
  const min = pick(a.min, b.min, true);
  const max = pick(a.max, b.max, false);
  const histogram = a.histogram && b.histogram ? mergeHistograms(a.histogram, b.histogram, min, max) : a.histogram ?? b.histogram;
  return {
    name: a.name,
    type: a.type,
    kind: a.kind,
    count,
    nulls: a.nulls + b.nulls,
    min,
    max,
    mean,
    m2,
    distinct: values === null ? null : values.length,
    values,
    histogram,
    sample: mergeReservoirs(a.sample, b.sample, sampleSize, random)
  };
}
function mergeProfiles(profiles, seed = 42) {
  if (profiles.length === 0) throw new DataError("no profiles to merge");
  const random = randomSource(seed);
  return profiles.reduce((a, b) => {
    const sampleSize = Math.max(a.sampleSize, b.sampleSize);
    const names = [...a.columns.map((c) => c.name), ...b.columns.map((c) => c.name).filter((n) => !a.columns.some((c) => c.name === n))];
    const columns = names.map((name) => {
      const left = a.columns.find((c) => c.name === name);
      const right = b.columns.find((c) => c.name === name);
      return mergeColumn(left ?? absent(right, a.rows), right ?? absent(left, b.rows), sampleSize, random);
    });
    return { ...a, source: `${a.source} + ${b.source}`, rows: a.rows + b.rows, sampleSize, columns };
  });
}

// src/cli/commands/profile.ts
function positiveInteger(value, option) {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 1e6) throw new UsageError(`${option} ${value}: expected an integer from 1 to 1000000`);
  return parsed;
}
async function write(io, out, profile) {
  const target = path.resolve(io.cwd, out);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, `${JSON.stringify(profile)}
`);
  const columns = profile.columns.length;
  io.stdout(`Profiled ${profile.rows.toLocaleString("en-US")} rows, ${columns} column${columns === 1 ? "" : "s"} of ${profile.source} into ${out}
`);
}
function registerProfile(program, io, setExit) {
  const profile = program.command("profile").description("Write a mergeable data profile (profile.json): counts, ranges, moments, value counts, histograms and a reservoir sample per column.").option("-d, --data <data>", "the data: a file, a directory or a glob").option("-o, --out <file>", "where to write the profile", "profile.json").option("--sample-size <n>", "values kept per column in the reservoir sample", String(DEFAULT_SAMPLE_SIZE)).option("--seed <n>", "seed of the reservoir sample", "42").action(async (options) => {
    if (!options.data) throw new UsageError("profile: expected --data <file|directory|glob>");
    const result = await profileData({
      paths: options.data,
      root: io.cwd,
      sampleSize: positiveInteger(options.sampleSize, "--sample-size"),
      seed: positiveInteger(options.seed, "--seed")
    });
    await write(io, options.out, result);
    setExit(0);
  });
  profile.command("merge").description("Merge profiles of shards into the profile of the whole.").argument("<profiles...>", "profile.json files to merge").option("-o, --out <file>", "where to write the merged profile", "profile.json").option("--seed <n>", "seed of the sample merge", "42").action(async (files, options) => {
    const profiles = [];
    for (const file of files) profiles.push(await readProfile(path.resolve(io.cwd, file), file));
    await write(io, options.out, mergeProfiles(profiles, positiveInteger(options.seed, "--seed")));
    setExit(0);
  });
}
export {
  registerProfile
};
