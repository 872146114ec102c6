#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  quoteIdentifier,
  resolveSource
} from "./chunk-FNE57ZFB.js";
import {
  DataError
} from "./chunk-BEL2JVQX.js";

// src/metrics/evaluation-set.ts
import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
function stableBucket(id) {
  const digest = createHash("sha256").update(id, "utf8").digest();
  return Number(digest.readBigUInt64BE(0)) / 2 ** 64;
}
function inEvaluationSplit(id, fraction) {
  return stableBucket(id) < fraction;
}
var csvCell = (value) => /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
async function buildEvaluationSet(engine, input) {
  const { evaluation } = input;
  const from = evaluation.file ?? input.train;
  const shown = input.shown ?? (Array.isArray(from) ? from.join(", ") : from);
  const source = await resolveSource(from, input.cwd);
  await engine.register("evaluation_source", source);
  const columns = (await engine.columns("evaluation_source")).map((column) => column.name);
  if (!columns.includes(evaluation.id)) throw new DataError(`${shown}: no id column "${evaluation.id}" (evaluation.id); it has: ${columns.join(", ")}`);
  let rows;
  try {
    rows = await engine.query(`SELECT CAST(${quoteIdentifier(evaluation.id)} AS VARCHAR) AS id, CAST((${evaluation.label}) AS VARCHAR) AS label FROM evaluation_source`);
  } catch (error) {
    throw new DataError(`${shown}: evaluation.label "${evaluation.label}" is not a column or expression of it (${error.message.split("\n")[0]}); it has: ${columns.join(", ")}`);
  }
  const fraction = evaluation.split?.fraction;
  const kept = fraction === void 0 ? rows : rows.filter((row) => row.id !== null && inEvaluationSplit(String(row.id), fraction));
  const seen = /* @__PURE__ */ new Set();
  for (const row of kept) {
    if (row.id === null) throw new DataError(`${shown}: an evaluation row has no id in column "${evaluation.id}"; expected an id on every row`);
    if (row.label === null) throw new DataError(`${shown}: evaluation row ${String(row.id)} has no label ("${evaluation.label}"); expected a label on every evaluation row`);
    if (seen.has(String(row.id))) throw new DataError(`${shown}: id ${String(row.id)} repeats in column "${evaluation.id}"; expected one row per id`);
    seen.add(String(row.id));
  }
  if (kept.length === 0) throw new DataError(`${shown}: the evaluation set is empty${fraction === void 0 ? "" : ` (no id hashes below evaluation.split.fraction ${fraction})`}; expected labelled rows`);
  kept.sort((a, b) => String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0);
  await writeFile(input.out, `id,label
${kept.map((row) => `${csvCell(String(row.id))},${csvCell(String(row.label))}`).join("\n")}
`);
  const what = fraction === void 0 ? shown : `the rows of ${shown} whose id hashes below ${fraction}`;
  return { file: input.out, rows: kept.length, source: what };
}
async function joinToEvaluationSet(engine, input) {
  const source = await resolveSource(input.predictions, input.cwd);
  const table = input.table;
  await engine.register(`${table}_raw`, source);
  const columns = (await engine.columns(`${table}_raw`)).map((column) => column.name);
  if (!columns.includes(input.id)) throw new DataError(`${input.predictions}: no id column "${input.id}" to join the predictions to the evaluation rows (evaluation.id)`);
  await engine.register(`${table}_set`, await resolveSource(input.set.file, input.cwd));
  const key = quoteIdentifier(input.id);
  const [dupes] = await engine.query(`SELECT count(*) - count(DISTINCT ${key}) AS d FROM ${quoteIdentifier(`${table}_raw`)}`);
  if (Number(dupes?.d ?? 0) > 0) throw new DataError(`${input.predictions}: column "${input.id}" repeats ${Number(dupes?.d)} ids; expected one prediction per row id`);
  const raw = quoteIdentifier(`${table}_raw`);
  const set = quoteIdentifier(`${table}_set`);
  const [counts] = await engine.query(
    `SELECT count(*) FILTER (WHERE p.${key} IS NULL) AS missing, count(*) FILTER (WHERE e.id IS NULL) AS extra FROM ${set} e FULL OUTER JOIN ${raw} p ON CAST(e.id AS VARCHAR) = CAST(p.${key} AS VARCHAR)`
  );
  const kept = columns.filter((name) => name !== input.id && name !== "label");
  const select = ["CAST(e.id AS VARCHAR) AS id", "e.label AS label", ...kept.map((name) => `p.${quoteIdentifier(name)}`)].join(", ");
  const rows = await engine.query(`SELECT ${select} FROM ${set} e JOIN ${raw} p ON CAST(e.id AS VARCHAR) = CAST(p.${key} AS VARCHAR) ORDER BY CAST(e.id AS VARCHAR)`);
  const header = ["id", "label", ...kept];
  const lines = rows.map((row) => header.map((name) => row[name] === null || row[name] === void 0 ? "" : csvCell(String(row[name]))).join(","));
  await writeFile(input.out, `${header.map(csvCell).join(",")}
${lines.join("\n")}
`);
  return { file: input.out, missing: Number(counts?.missing ?? 0), extra: Number(counts?.extra ?? 0) };
}
async function writeEvaluationFeatures(engine, input) {
  const { evaluation } = input;
  await engine.register("features_source", await resolveSource(evaluation.file ?? input.train, input.cwd));
  await engine.register("features_set", await resolveSource(input.set.file, input.cwd));
  const columns = (await engine.columns("features_source")).map((column) => column.name).filter((name) => name !== evaluation.label);
  const select = columns.map((name) => `f.${quoteIdentifier(name)}`).join(", ");
  const rows = await engine.query(`SELECT ${select} FROM features_source f JOIN features_set e ON CAST(f.${quoteIdentifier(evaluation.id)} AS VARCHAR) = CAST(e.id AS VARCHAR) ORDER BY CAST(e.id AS VARCHAR)`);
  const lines = rows.map((row) => columns.map((name) => row[name] === null || row[name] === void 0 ? "" : csvCell(row[name] instanceof Date ? row[name].toISOString() : String(row[name]))).join(","));
  await writeFile(input.out, `${columns.map(csvCell).join(",")}
${lines.join("\n")}
`);
  return rows.length;
}

// src/metrics/argsort.ts
var DIGITS = 65536;
function argsortDescending(values) {
  const n = values.length;
  const bits = new Float64Array(n);
  for (let i = 0; i < n; i++) bits[i] = values[i] === 0 ? 0 : values[i];
  const words = new Uint32Array(bits.buffer);
  const low = new Uint32Array(n);
  const high = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = words[2 * i + 1];
    let l = words[2 * i];
    if (h & 2147483648) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 2147483648) >>> 0;
    high[i] = ~h >>> 0;
    low[i] = ~l >>> 0;
  }
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Uint32Array(n);
  const counts = new Uint32Array(DIGITS);
  for (const [key, shift] of [[low, 0], [low, 16], [high, 0], [high, 16]]) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[key[i] >>> shift & 65535]++;
    if (counts[key[0] >>> shift & 65535] === n) continue;
    let total = 0;
    for (let d = 0; d < DIGITS; d++) {
      const count = counts[d];
      counts[d] = total;
      total += count;
    }
    for (let k = 0; k < n; k++) {
      const row = order[k];
      next[counts[key[row] >>> shift & 65535]++] = row;
    }
    [order, next] = [next, order];
  }
  return order;
}

// src/metrics/binary.ts
var EPS = 2220446049250313e-31;
var ECE_BINS = 10;
var BINARY_METRICS = ["accuracy", "precision", "recall", "f1", "roc_auc", "pr_auc", "log_loss", "brier", "ece"];
var PROBABILITY_METRICS = /* @__PURE__ */ new Set(["log_loss", "brier", "ece"]);
function binOf(score, bins) {
  const step = 1 / bins;
  let bin = Math.min(bins - 1, Math.max(0, Math.ceil(score / step) - 1));
  while (bin > 0 && score <= bin * step) bin--;
  while (bin < bins - 1 && score > (bin + 1) * step) bin++;
  return bin;
}
function prepareBinary(rows) {
  const n = rows.label.length;
  const { score, label } = rows;
  const order = argsortDescending(score);
  const groupEnd = new Uint8Array(n);
  for (let k = 0; k < n; k++) groupEnd[k] = k === n - 1 || score[order[k]] !== score[order[k + 1]] ? 1 : 0;
  const sortedLabel = new Uint8Array(n);
  for (let k = 0; k < n; k++) sortedLabel[k] = label[order[k]];
  let probabilities = true;
  for (let i = 0; i < n && probabilities; i++) probabilities = score[i] >= 0 && score[i] <= 1;
  const logLoss = new Float64Array(n);
  const squaredError = new Float64Array(n);
  const bin = new Uint8Array(n);
  if (probabilities) {
    for (let i = 0; i < n; i++) {
      const p = Math.min(Math.max(score[i], EPS), 1 - EPS);
      const q = 1 - p;
      logLoss[i] = -Math.log((label[i] ? p : q) / (q + p));
      squaredError[i] = (label[i] - score[i]) ** 2;
      bin[i] = binOf(score[i], ECE_BINS);
    }
  }
  return { rows, order, groupEnd, sortedLabel, probabilities, logLoss, squaredError, bin };
}
function confusion(rows, weights) {
  let tn = 0;
  let fp = 0;
  let fn = 0;
  let tp = 0;
  const { label, predicted } = rows;
  for (let i = 0; i < label.length; i++) {
    const w = weights[i];
    if (w === 0) continue;
    if (label[i]) {
      if (predicted[i]) tp += w;
      else fn += w;
    } else if (predicted[i]) fp += w;
    else tn += w;
  }
  return { tn, fp, fn, tp };
}
function rankingMetrics(prepared, weights, withPrecision = true) {
  const { order, groupEnd, sortedLabel } = prepared;
  let positives = 0;
  let negatives = 0;
  let area = 0;
  let groupPos = 0;
  let groupNeg = 0;
  let precisionSum = 0;
  for (let k = 0; k < order.length; k++) {
    const w = weights[order[k]];
    const positive = sortedLabel[k];
    groupPos += w * positive;
    groupNeg += w - w * positive;
    if (groupEnd[k]) {
      area += groupNeg * (positives + groupPos / 2);
      positives += groupPos;
      negatives += groupNeg;
      if (withPrecision && groupPos > 0) precisionSum += groupPos * positives / (positives + negatives);
      groupPos = 0;
      groupNeg = 0;
    }
  }
  const rocAuc = positives > 0 && negatives > 0 ? area / (positives * negatives) : Number.NaN;
  const averagePrecision = withPrecision && positives > 0 ? precisionSum / positives : Number.NaN;
  return { rocAuc, averagePrecision };
}
function weightedMean(values, weights) {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const w = weights[i];
    if (w === 0) continue;
    sum += w * values[i];
    total += w;
  }
  return total > 0 ? sum / total : Number.NaN;
}
function expectedCalibrationError(prepared, weights) {
  const count = new Float64Array(ECE_BINS);
  const scoreSum = new Float64Array(ECE_BINS);
  const labelSum = new Float64Array(ECE_BINS);
  const { label, score } = prepared.rows;
  let total = 0;
  for (let i = 0; i < label.length; i++) {
    const w = weights[i];
    if (w === 0) continue;
    const b = prepared.bin[i];
    count[b] += w;
    scoreSum[b] += w * score[i];
    labelSum[b] += w * label[i];
    total += w;
  }
  let ece = 0;
  for (let b = 0; b < ECE_BINS; b++) if (count[b] > 0) ece += count[b] / total * Math.abs(labelSum[b] / count[b] - scoreSum[b] / count[b]);
  return total > 0 ? ece : Number.NaN;
}
var ratio = (a, b) => b > 0 ? a / b : 0;
function binaryMetrics(prepared, weights, names = BINARY_METRICS) {
  const wanted = new Set(names);
  const out = {};
  if (wanted.has("accuracy") || wanted.has("precision") || wanted.has("recall") || wanted.has("f1")) {
    const { tn, fp, fn, tp } = confusion(prepared.rows, weights);
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    const values = {
      accuracy: ratio(tp + tn, tn + fp + fn + tp),
      precision,
      recall,
      f1: ratio(2 * tp, 2 * tp + fp + fn)
    };
    for (const name of ["accuracy", "precision", "recall", "f1"]) if (wanted.has(name)) out[name] = values[name];
  }
  if (wanted.has("roc_auc") || wanted.has("pr_auc")) {
    const { rocAuc, averagePrecision } = rankingMetrics(prepared, weights, wanted.has("pr_auc"));
    if (wanted.has("roc_auc")) out.roc_auc = rocAuc;
    if (wanted.has("pr_auc")) out.pr_auc = averagePrecision;
  }
  for (const name of PROBABILITY_METRICS) {
    if (!wanted.has(name)) continue;
    if (!prepared.probabilities) out[name] = Number.NaN;
    else if (name === "log_loss") out[name] = weightedMean(prepared.logLoss, weights);
    else if (name === "brier") out[name] = weightedMean(prepared.squaredError, weights);
    else out[name] = expectedCalibrationError(prepared, weights);
  }
  return out;
}

// src/metrics/regression.ts
var EPS2 = 2220446049250313e-31;
var REGRESSION_METRICS = ["rmse", "mae", "r2", "mape"];
function regressionMetrics(rows, weights, names = REGRESSION_METRICS) {
  const { label, predicted } = rows;
  let total = 0;
  let squared = 0;
  let absolute = 0;
  let percentage = 0;
  let labelSum = 0;
  for (let i = 0; i < label.length; i++) {
    const w = weights[i];
    if (w === 0) continue;
    const residual = label[i] - predicted[i];
    squared += w * residual * residual;
    absolute += w * Math.abs(residual);
    percentage += w * Math.abs(residual) / Math.max(Math.abs(label[i]), EPS2);
    labelSum += w * label[i];
    total += w;
  }
  const mean = labelSum / total;
  let spread = 0;
  for (let i = 0; i < label.length; i++) {
    const w = weights[i];
    if (w !== 0) spread += w * (label[i] - mean) ** 2;
  }
  let r2;
  if (spread !== 0) r2 = squared !== 0 ? 1 - squared / spread : 1;
  else r2 = squared === 0 ? 1 : 0;
  const values = total > 0 ? { rmse: Math.sqrt(squared / total), mae: absolute / total, r2, mape: percentage / total } : { rmse: Number.NaN, mae: Number.NaN, r2: Number.NaN, mape: Number.NaN };
  const out = {};
  for (const name of names) out[name] = values[name];
  return out;
}

export {
  argsortDescending,
  BINARY_METRICS,
  prepareBinary,
  confusion,
  binaryMetrics,
  REGRESSION_METRICS,
  regressionMetrics,
  buildEvaluationSet,
  joinToEvaluationSet,
  writeEvaluationFeatures
};
