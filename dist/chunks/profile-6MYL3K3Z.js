#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  DEFAULT_SAMPLE_SIZE,
  MAX_BINS,
  PROFILE_FORMAT,
  PROFILE_VERSION,
  VALUE_CAP,
  readProfile
} from "./chunk-V4M6MZTU.js";
import {
  kindOfType,
  presentSql,
  valueSql
} from "./chunk-ZTK234IH.js";
import {
  DataEngine,
  quoteIdentifier,
  resolveSource
} from "./chunk-HS2ZUGFT.js";
import "./chunk-PWI6BAP3.js";
import {
  DataError,
  UsageError
} from "./chunk-5WCRJWUQ.js";
import "./chunk-M6HMHLEN.js";

// src/cli/commands/profile.ts
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

// src/profile/grid.ts
function binsNeeded(min, max, width) {
  return Math.floor(max / width) - Math.floor(min / width) + 1;
}
function gridWidth(min, max) {
  const magnitude = Math.max(Math.abs(min), Math.abs(max));
  const finest = magnitude > 0 ? Math.max(Math.floor(Math.log2(magnitude)) - 52, -1074) : -1074;
  let exponent = Math.max(finest, Math.floor(Math.log2(Math.max((max - min) / MAX_BINS, Number.MIN_VALUE))));
  while (exponent - 1 >= finest && binsNeeded(min, max, 2 ** (exponent - 1)) <= MAX_BINS) exponent--;
  while (binsNeeded(min, max, 2 ** exponent) > MAX_BINS) exponent++;
  return 2 ** exponent;
}
function coarsen(histogram2, width) {
  const factor = width / histogram2.width;
  const start = Math.floor(histogram2.start / factor);
  const counts = [];
  histogram2.counts.forEach((count, i) => {
    const bin = Math.floor((histogram2.start + i) / factor) - start;
    counts[bin] = (counts[bin] ?? 0) + count;
  });
  return { width, start, counts: Array.from(counts, (count) => count ?? 0) };
}
function mergeHistograms(a, b, min, max) {
  let width = Math.max(a.width, b.width);
  while (binsNeeded(min, max, width) > MAX_BINS) width *= 2;
  const left = coarsen(a, width);
  const right = coarsen(b, width);
  const start = Math.min(left.start, right.start);
  const end = Math.max(left.start + left.counts.length, right.start + right.counts.length);
  const counts = new Array(end - start).fill(0);
  for (const part of [left, right]) part.counts.forEach((count, i) => counts[part.start - start + i] += count);
  return { width, start, counts };
}

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
  const histogram2 = a.histogram && b.histogram ? mergeHistograms(a.histogram, b.histogram, min, max) : a.histogram ?? b.histogram;
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
    histogram: histogram2,
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

// src/profile/build.ts
var toNumber = (value) => Number(value ?? 0);
async function histogram(engine, from, min, max) {
  const width = gridWidth(min, max);
  const start = Math.floor(min / width);
  const rows = await engine.query(`SELECT floor(v / ${width.toPrecision(17)})::BIGINT AS b, count(*) AS n FROM ${from} GROUP BY b`);
  const counts = new Array(Math.floor(max / width) - start + 1).fill(0);
  for (const row of rows) counts[toNumber(row.b) - start] = toNumber(row.n);
  return { width, start, counts };
}
async function profileColumn(engine, request, name, type) {
  const kind = kindOfType(type);
  const valueKind = kind === "numerical" ? "numerical" : "categorical";
  const all = `(SELECT ${valueSql(name, valueKind)} AS v FROM ${quoteIdentifier(request.table)})`;
  const present = `(SELECT v FROM ${all} WHERE ${presentSql(valueKind)})`;
  const numeric = kind === "numerical";
  const [facts] = await engine.query(
    `SELECT count(*) AS rows, count(*) FILTER (WHERE ${presentSql(valueKind)}) AS n, min(v) FILTER (WHERE ${presentSql(valueKind)}) AS lo, max(v) FILTER (WHERE ${presentSql(valueKind)}) AS hi` + (numeric ? `, avg(v) FILTER (WHERE ${presentSql(valueKind)}) AS mean, var_pop(v) FILTER (WHERE ${presentSql(valueKind)}) AS var` : "") + ` FROM ${all}`
  );
  const count = toNumber(facts?.n);
  const column = {
    name,
    type,
    kind,
    count,
    nulls: toNumber(facts?.rows) - count,
    min: count > 0 ? numeric ? toNumber(facts?.lo) : String(facts?.lo) : null,
    max: count > 0 ? numeric ? toNumber(facts?.hi) : String(facts?.hi) : null,
    mean: numeric && count > 0 ? toNumber(facts?.mean) : null,
    m2: numeric && count > 0 ? toNumber(facts?.var) * count : null,
    distinct: 0,
    values: [],
    histogram: null,
    sample: { seen: count, values: [] }
  };
  if (kind === "datetime" || kind === "other" || count === 0) {
    column.distinct = count === 0 ? 0 : null;
    column.values = count === 0 ? [] : null;
    return column;
  }
  const values = await engine.query(`SELECT v, count(*) AS n FROM ${present} GROUP BY v ORDER BY v LIMIT ${VALUE_CAP + 1}`);
  const convert = (value) => numeric ? toNumber(value) : String(value);
  if (values.length <= VALUE_CAP) {
    column.values = values.map((row) => [convert(row.v), toNumber(row.n)]);
    column.distinct = values.length;
  } else {
    column.values = null;
    column.distinct = null;
  }
  if (numeric) column.histogram = await histogram(engine, present, column.min, column.max);
  const sample = await engine.query(`SELECT v FROM ${present} USING SAMPLE reservoir(${request.sampleSize} ROWS) REPEATABLE (${request.seed})`);
  column.sample.values = sample.map((row) => convert(row.v));
  return column;
}
async function buildProfile(engine, request) {
  const columns = await engine.columns(request.table);
  const [rows] = await engine.query(`SELECT count(*) AS n FROM ${quoteIdentifier(request.table)}`);
  const profiled = [];
  for (const column of columns) profiled.push(await profileColumn(engine, request, column.name, column.type));
  return { format: PROFILE_FORMAT, version: PROFILE_VERSION, source: request.source, rows: toNumber(rows?.n), sampleSize: request.sampleSize, columns: profiled };
}

// src/profile/profile-data.ts
async function profileData(request) {
  const source = await resolveSource(request.paths, request.root);
  const engine = await DataEngine.open();
  try {
    await engine.register("profile_source", source);
    const table = source.format === "parquet" ? "profile_source" : "profile_rows";
    if (table === "profile_rows") await engine.query("CREATE TEMP TABLE profile_rows AS SELECT * FROM profile_source");
    return await buildProfile(engine, { table, source: source.display, sampleSize: request.sampleSize, seed: request.seed });
  } finally {
    engine.close();
  }
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
