#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  kindOfType,
  presentSql,
  valueSql
} from "./chunk-34SE6PPS.js";
import {
  DataEngine,
  quoteIdentifier,
  resolveSource
} from "./chunk-FNE57ZFB.js";
import {
  MAX_BINS,
  PROFILE_FORMAT,
  PROFILE_VERSION,
  VALUE_CAP
} from "./chunk-JSRTAX6G.js";

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

export {
  mergeHistograms,
  profileData
};
