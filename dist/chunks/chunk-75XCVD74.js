#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  metricValue
} from "./chunk-VB7HGJW6.js";
import {
  lineChart
} from "./chunk-HHUPVB5M.js";
import {
  formatBytes,
  formatChange,
  formatDelta,
  formatNumber,
  formatSeconds
} from "./chunk-OOJLEY5A.js";

// src/report/run-report.ts
var BASELINE_PREFIX = "baseline_";
function pairMetrics(metrics) {
  const paired = [];
  const other = [];
  for (const [name2, value2] of Object.entries(metrics)) {
    if (name2.startsWith(BASELINE_PREFIX) && metrics[name2.slice(BASELINE_PREFIX.length)] !== void 0) continue;
    const baseline = metrics[`${BASELINE_PREFIX}${name2}`];
    if (baseline === void 0) other.push([name2, value2]);
    else paired.push({ name: name2, model: value2, baseline });
  }
  return { paired, other };
}
var STATUS_MARK = { passed: "\u2705", failed: "\u274C", skipped: "\u23ED\uFE0F", info: "\u2139\uFE0F" };
function demoteHeadings(markdown) {
  let fenced = false;
  return markdown.split("\n").map((line) => {
    if (line.startsWith("```")) fenced = !fenced;
    return !fenced && /^#{1,5} /.test(line) ? `#${line}` : line;
  }).join("\n");
}
function renderStages(stages) {
  if (stages.length === 0) return [];
  const lines = ["| stage | | result |", "| --- | --- | --- |"];
  for (const stage of stages) lines.push(`| ${stage.stage} | ${STATUS_MARK[stage.status]} | ${stage.summary.replace(/\|/g, "\\|")} |`);
  return [...lines, ""];
}
function renderModel(model) {
  const { lineage: lineage2 } = model;
  const header = [`## ${model.name} (${model.task})`, ""];
  if (model.description) header.push(model.description, "");
  header.push(...renderStages(model.stages));
  if (!lineage2) {
    const details = model.stages.flatMap((stage) => stage.markdown ? [stage.markdown, ""] : []);
    return [...header, "Training did not run: the data failed validation.", "", ...details].join("\n").trimEnd();
  }
  return [...header, ...renderTraining(model, lineage2)].join("\n");
}
function renderTraining(model, lineage2) {
  const bytes = lineage2.data.reduce((sum, file) => sum + file.bytes, 0);
  const commit = lineage2.commit ? `commit ${lineage2.commit.slice(0, 7)}${lineage2.dirty ? " (uncommitted changes)" : ""}` : "no git commit";
  const lines = [];
  lines.push(
    `Trained with \`${lineage2.command}\` in ${formatSeconds(lineage2.durationSeconds)} (seed ${lineage2.seed}, exit ${lineage2.exitStatus}) on ${lineage2.data.length} data file${lineage2.data.length === 1 ? "" : "s"} (${formatBytes(bytes)}), ${commit}.`,
    ""
  );
  const comparison = model.stages.find((stage) => stage.stage === "compare" && stage.markdown);
  const { paired, other } = pairMetrics(model.metrics);
  if (comparison?.markdown) lines.push(demoteHeadings(comparison.markdown.trim()), "");
  else if (paired.length > 0) {
    lines.push("| metric | model | baseline | difference |", "| --- | ---: | ---: | ---: |");
    for (const row of paired) lines.push(`| ${row.name} | ${formatNumber(row.model)} | ${formatNumber(row.baseline)} | ${formatDelta(row.model - row.baseline)} |`);
    lines.push("");
  }
  if (other.length > 0) {
    lines.push("| metric | value |", "| --- | ---: |");
    for (const [name2, value2] of other) lines.push(`| ${name2} | ${formatNumber(value2)} |`);
    lines.push("");
  }
  lines.push(`Artifacts in \`${model.outputDir}\`: ${model.artifacts.map((file) => `\`${file}\``).join(", ")}.`);
  return lines;
}
function renderRunReport(report) {
  const count = report.models.length;
  const trained = report.models.filter((model) => model.lineage !== null).length;
  const header = `# trainyard run: ${report.project}

${trained} of ${count} model${count === 1 ? "" : "s"} trained.`;
  return `${[header, ...report.models.map(renderModel)].join("\n\n")}
`;
}

// src/metrics/metric-threshold.ts
var ZERO_BASELINE_MARGIN = 1e-10;
function better(rule, value2, bound) {
  return rule.greater_is_better ? value2 >= bound : value2 <= bound;
}
function needsBaseline(rule) {
  return rule.min_absolute_change !== void 0 || rule.min_relative_change !== void 0;
}
function changeChecks(rule, candidate, baseline) {
  const checks2 = [];
  const sign = rule.greater_is_better ? "+" : "\u2212";
  const cmp = (ok) => ok ? rule.greater_is_better ? ">=" : "<=" : rule.greater_is_better ? "<" : ">";
  if (rule.min_absolute_change !== void 0) {
    const bound = rule.greater_is_better ? baseline + rule.min_absolute_change : baseline - rule.min_absolute_change;
    const pass = better(rule, candidate, bound);
    checks2.push({ pass, reason: `${formatNumber(candidate)} ${cmp(pass)} baseline ${formatNumber(baseline)} ${sign} ${formatNumber(rule.min_absolute_change)}` });
  }
  if (rule.min_relative_change !== void 0) {
    if (baseline === 0) {
      const bound = rule.greater_is_better ? baseline + ZERO_BASELINE_MARGIN : baseline - ZERO_BASELINE_MARGIN;
      const pass = better(rule, candidate, bound);
      checks2.push({ pass, reason: `${formatNumber(candidate)} ${cmp(pass)} baseline 0 ${sign} 1e-10 (a relative change of a zero baseline falls back to any improvement)` });
    } else {
      const relative = rule.greater_is_better ? (candidate - baseline) / baseline : (baseline - candidate) / baseline;
      const pass = !(relative < rule.min_relative_change);
      checks2.push({ pass, reason: `relative change ${formatNumber(relative)} ${pass ? ">=" : "<"} ${formatNumber(rule.min_relative_change)} of baseline ${formatNumber(baseline)}` });
    }
  }
  return checks2;
}
function checkRule(name2, rule, candidate, baseline) {
  const checks2 = [];
  if (rule.threshold !== void 0) {
    const pass2 = better(rule, candidate, rule.threshold);
    const op = pass2 ? rule.greater_is_better ? ">=" : "<=" : rule.greater_is_better ? "<" : ">";
    checks2.push({ pass: pass2, reason: `${formatNumber(candidate)} ${op} threshold ${formatNumber(rule.threshold)}` });
  }
  if (needsBaseline(rule)) {
    if (baseline === void 0) checks2.push({ pass: false, reason: `the baseline has no metric "${name2}" to compare with` });
    else if (baseline === null) checks2.push({ pass: true, reason: "no baseline (first model): only the threshold applies" });
    else checks2.push(...changeChecks(rule, candidate, baseline));
  }
  const pass = checks2.every((check) => check.pass);
  const reasons2 = [...checks2.filter((check) => !check.pass), ...checks2.filter((check) => check.pass)].map((check) => check.reason);
  return { pass, reasons: reasons2 };
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
    for (const name2 of ["accuracy", "precision", "recall", "f1"]) if (wanted.has(name2)) out[name2] = values[name2];
  }
  if (wanted.has("roc_auc") || wanted.has("pr_auc")) {
    const { rocAuc, averagePrecision } = rankingMetrics(prepared, weights, wanted.has("pr_auc"));
    if (wanted.has("roc_auc")) out.roc_auc = rocAuc;
    if (wanted.has("pr_auc")) out.pr_auc = averagePrecision;
  }
  for (const name2 of PROBABILITY_METRICS) {
    if (!wanted.has(name2)) continue;
    if (!prepared.probabilities) out[name2] = Number.NaN;
    else if (name2 === "log_loss") out[name2] = weightedMean(prepared.logLoss, weights);
    else if (name2 === "brier") out[name2] = weightedMean(prepared.squaredError, weights);
    else out[name2] = expectedCalibrationError(prepared, weights);
  }
  return out;
}

// src/metrics/multiclass.ts
var EPS2 = 2220446049250313e-31;
var MULTICLASS_METRICS = ["accuracy", "f1_macro", "f1_weighted", "log_loss"];
function prepareMulticlass(rows) {
  const { probabilities, label } = rows;
  if (!probabilities) return { rows, logLoss: null };
  const logLoss = new Float64Array(label.length);
  for (let i = 0; i < label.length; i++) {
    let sum = 0;
    for (const column of probabilities) sum += Math.min(Math.max(column[i], EPS2), 1 - EPS2);
    const own = Math.min(Math.max(probabilities[label[i]][i], EPS2), 1 - EPS2);
    logLoss[i] = -Math.log(own / sum);
  }
  return { rows, logLoss };
}
function multiclassMetrics(prepared, weights, names = MULTICLASS_METRICS) {
  const { label, predicted, classes } = prepared.rows;
  const k = classes.length;
  const tp = new Float64Array(k);
  const truth = new Float64Array(k);
  const guessed = new Float64Array(k);
  let total = 0;
  let correct = 0;
  let loss = 0;
  for (let i = 0; i < label.length; i++) {
    const w = weights[i];
    if (w === 0) continue;
    const y = label[i];
    const p = predicted[i];
    truth[y] += w;
    guessed[p] += w;
    if (y === p) {
      tp[y] += w;
      correct += w;
    }
    if (prepared.logLoss) loss += w * prepared.logLoss[i];
    total += w;
  }
  let macro = 0;
  let weighted = 0;
  let present = 0;
  for (let c = 0; c < k; c++) {
    if (truth[c] + guessed[c] === 0) continue;
    const f1 = 2 * tp[c] / (truth[c] + guessed[c]);
    macro += f1;
    weighted += f1 * truth[c];
    present++;
  }
  const values = {
    accuracy: total > 0 ? correct / total : Number.NaN,
    f1_macro: present > 0 ? macro / present : Number.NaN,
    f1_weighted: total > 0 ? weighted / total : Number.NaN,
    log_loss: prepared.logLoss && total > 0 ? loss / total : Number.NaN
  };
  const out = {};
  for (const name2 of names) out[name2] = values[name2];
  return out;
}

// src/metrics/regression.ts
var EPS3 = 2220446049250313e-31;
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
    percentage += w * Math.abs(residual) / Math.max(Math.abs(label[i]), EPS3);
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
  for (const name2 of names) out[name2] = values[name2];
  return out;
}

// src/metrics/suite.ts
var GREATER_IS_BETTER = {
  accuracy: true,
  precision: true,
  recall: true,
  f1: true,
  roc_auc: true,
  pr_auc: true,
  log_loss: false,
  brier: false,
  ece: false,
  f1_macro: true,
  f1_weighted: true,
  rmse: false,
  mae: false,
  r2: true,
  mape: false
};
var TASK_METRICS = {
  binary: BINARY_METRICS,
  multiclass: MULTICLASS_METRICS,
  regression: REGRESSION_METRICS
};
function pick(known, names) {
  return names === void 0 ? [...known] : known.filter((name2) => names.includes(name2));
}
function metricSuite(rows) {
  const n = rows.label.length;
  switch (rows.task) {
    case "binary": {
      const prepared = prepareBinary(rows);
      return { task: "binary", names: BINARY_METRICS, rows: n, compute: (weights, names) => binaryMetrics(prepared, weights, pick(BINARY_METRICS, names)) };
    }
    case "multiclass": {
      const prepared = prepareMulticlass(rows);
      return { task: "multiclass", names: MULTICLASS_METRICS, rows: n, compute: (weights, names) => multiclassMetrics(prepared, weights, pick(MULTICLASS_METRICS, names)) };
    }
    case "regression":
      return { task: "regression", names: REGRESSION_METRICS, rows: n, compute: (weights, names) => regressionMetrics(rows, weights, pick(REGRESSION_METRICS, names)) };
  }
}

// src/metrics/compare.ts
function ownMetric(values, name2) {
  return Object.hasOwn(values, name2) ? values[name2] : void 0;
}
function intervalStatus(name2, input, baseline, ci) {
  const rule = input.policy.rules[name2];
  if (!rule || !needsBaseline(rule)) return null;
  const atLow = changeChecks(rule, baseline + ci[0], baseline).every((check) => check.pass);
  const atHigh = changeChecks(rule, baseline + ci[1], baseline).every((check) => check.pass);
  const level = `${Math.round(input.paired.bootstrap.confidence * 1e3) / 10}%`;
  if (atLow && atHigh) return { status: "pass", reason: `the whole ${level} interval meets the rule` };
  if (!atLow && !atHigh) return { status: "fail", reason: `no part of the ${level} interval meets the rule` };
  return { status: "inconclusive", reason: `the ${level} interval crosses the rule's bound: the change may be noise` };
}
function missingRow(name2, input, rule) {
  const baseline = input.baseline ? ownMetric(input.baseline.metrics, name2) ?? null : null;
  return {
    name: name2,
    candidate: null,
    baseline,
    delta: null,
    relative: null,
    ci: null,
    pass: false,
    status: "fail",
    reason: "missing from the candidate's metrics",
    greaterIsBetter: rule.greater_is_better,
    test: null
  };
}
function trainerOnly(name2, input, reported, rule) {
  const candidate = reported.metrics[name2];
  const baseline = reported.baseline && !input.baselineUnavailable ? ownMetric(reported.baseline, name2) ?? null : null;
  const delta = baseline === null ? null : candidate - baseline;
  const relative = baseline === null || baseline === 0 ? null : (candidate - baseline) / Math.abs(baseline);
  const row = { name: name2, candidate, baseline, delta, relative, ci: null, greaterIsBetter: rule?.greater_is_better ?? null, test: null, source: "trainer" };
  if (!rule) return { ...row, pass: null, status: "info", reason: "reported by the trainer; no rule" };
  if (!rule.reported) {
    return { ...row, pass: false, status: "fail", reason: `reported by the trainer in ${reported.file} only: trainyard cannot compute it from predictions, so it gates only with \`reported: true\` in its rule` };
  }
  const outcome = checkRule(name2, rule, candidate, reported.baseline && !input.baselineUnavailable ? ownMetric(reported.baseline, name2) : null);
  return { ...row, pass: outcome.pass, status: outcome.pass ? "pass" : "fail", reason: ["reported by the trainer", ...outcome.reasons].join("; ") };
}
function disagreement(name2, computed, reported) {
  const claimed = ownMetric(reported.metrics, name2);
  if (claimed === void 0 || Math.abs(claimed - computed) <= reported.tolerance) return null;
  return `the trainer reported ${name2} = ${claimed} in ${reported.file}, but trainyard computed ${computed} from the predictions and the evaluation labels (tolerance ${reported.tolerance})`;
}
function compareMetric(name2, input) {
  const rule = Object.hasOwn(input.policy.rules, name2) ? input.policy.rules[name2] : void 0;
  const reported = input.reported;
  if (reported && ownMetric(input.candidate.metrics, name2) === void 0 && ownMetric(reported.metrics, name2) !== void 0) return trainerOnly(name2, input, reported, rule);
  if (rule && input.missing === "fail" && ownMetric(input.candidate.metrics, name2) === void 0) return missingRow(name2, input, rule);
  const candidate = metricValue(input.candidate.metrics, name2, input.candidate.file);
  const baseline = input.baseline ? ownMetric(input.baseline.metrics, name2) ?? null : null;
  const lie = reported ? disagreement(name2, candidate, reported) : null;
  const delta = baseline === null ? null : candidate - baseline;
  const relative = baseline === null || baseline === 0 ? null : (candidate - baseline) / Math.abs(baseline);
  const interval = input.paired && Object.hasOwn(input.paired.bootstrap.intervals, name2) ? input.paired.bootstrap.intervals[name2] : void 0;
  const ci = interval ? [interval.low, interval.high] : null;
  const row = { name: name2, candidate, baseline, delta, relative, ci };
  const known = Object.hasOwn(GREATER_IS_BETTER, name2) ? GREATER_IS_BETTER[name2] : void 0;
  const test = input.paired && Object.hasOwn(input.paired.tests, name2) ? input.paired.tests[name2] : null;
  const extra = { greaterIsBetter: rule?.greater_is_better ?? known ?? null, test, ...reported ? { source: "trainyard" } : {} };
  if (lie) return { ...row, pass: false, reason: lie, status: "fail", ...extra, reported: ownMetric(reported.metrics, name2) };
  if (!rule) return { ...row, pass: null, reason: "no rule", status: "info", ...extra };
  const outcome = checkRule(name2, rule, candidate, input.baseline ? ownMetric(input.baseline.metrics, name2) : null);
  let status = outcome.pass ? "pass" : "fail";
  const reasons2 = [...outcome.reasons];
  if (outcome.pass && input.policy.significance && ci && baseline !== null) {
    const judged = intervalStatus(name2, input, baseline, ci);
    if (judged) {
      status = judged.status;
      reasons2.unshift(judged.reason);
    }
  }
  return { ...row, pass: status === "pass", reason: reasons2.join("; "), status, ...extra };
}
function metricNames(input) {
  const gated = Object.keys(input.policy.rules);
  const { metrics } = input.candidate;
  const reference = (name2) => name2.startsWith(BASELINE_PREFIX) && Object.hasOwn(metrics, name2.slice(BASELINE_PREFIX.length));
  const others = Object.keys(metrics).filter((name2) => !gated.includes(name2) && !reference(name2) && (!input.baseline || Object.hasOwn(input.baseline.metrics, name2)));
  const reported = input.reported ? Object.keys(input.reported.metrics).filter((name2) => !gated.includes(name2) && !others.includes(name2) && !reference(name2) && !name2.startsWith(BASELINE_PREFIX)) : [];
  return [...gated, ...others, ...reported];
}
function listNames(names) {
  return names.length <= 5 ? names.join(", ") : `${names.slice(0, 5).join(", ")} and ${names.length - 5} more`;
}
function summarize(verdict, metrics, show = (name2) => name2) {
  const gated = metrics.filter((metric) => metric.status !== "info");
  if (gated.length === 0) return "pass: the policy has no rules, so nothing is gated";
  const names = (status) => listNames(gated.filter((metric) => metric.status === status).map((metric) => show(metric.name)));
  const failing = gated.filter((metric) => metric.status === "fail");
  const missing = failing.filter((metric) => metric.candidate === null);
  if (verdict === "fail" && missing.length > 0 && missing.length === failing.length) return `fail: ${listNames(missing.map((metric) => show(metric.name)))} missing from the candidate's metrics`;
  const lies = failing.filter((metric) => metric.reported !== void 0 && metric.candidate !== null);
  if (verdict === "fail" && lies.length > 0) {
    const [first] = lies;
    const more = lies.length > 1 ? ` (and ${lies.length - 1} more metric${lies.length === 2 ? "" : "s"})` : "";
    return `fail: the trainer reported ${show(first.name)} = ${first.reported}, trainyard computed ${first.candidate} on the evaluation rows${more}`;
  }
  if (verdict === "fail") return `fail: ${names("fail")} did not meet the policy`;
  if (verdict === "inconclusive") return `inconclusive: ${names("inconclusive")} changed within the noise`;
  return gated.length === 1 ? `pass: ${show(gated[0].name)}, the one gated metric, met the policy` : `pass: all ${gated.length} gated metrics met the policy`;
}
function compareModels(input) {
  const metrics = metricNames(input).map((name2) => compareMetric(name2, input));
  const statuses = new Set(metrics.map((metric) => metric.status));
  const unavailable = input.baselineUnavailable ?? null;
  const verdict = statuses.has("fail") ? "fail" : statuses.has("inconclusive") || unavailable ? "inconclusive" : "pass";
  const paired = input.paired;
  return {
    verdict,
    metrics,
    hasBaseline: input.baseline !== null,
    significance: paired ? { gating: input.policy.significance !== null, confidence: paired.bootstrap.confidence, resamples: paired.bootstrap.resamples, seed: paired.bootstrap.seed, rows: paired.rows } : null,
    summary: unavailable && verdict === "inconclusive" ? `inconclusive: ${unavailable}` : summarize(verdict, metrics),
    ...unavailable ? { baselineUnavailable: unavailable } : {}
  };
}
function verdictExitCode(verdict) {
  return verdict === "pass" ? 0 : 1;
}

// src/report/fit.ts
var COMMENT_LIMIT = 65536;
var CHECK_OUTPUT_LIMIT = 65535;
var join = (parts) => `${parts.filter((part) => part !== "").join("\n\n")}
`;
function truncateTable(table, budget) {
  if (table.length <= budget) return table;
  const lines = table.split("\n");
  const head = lines.slice(0, 2);
  const body = lines.slice(2);
  let kept = body.length;
  const render2 = (count) => [...head, ...body.slice(0, count), `
_${body.length - count} more rows left out to stay under GitHub's size limit._`].join("\n");
  while (kept > 0 && render2(kept).length > budget) kept = Math.floor(kept * 0.9);
  return render2(kept);
}
function fitSections(sections2, limit) {
  const current = sections2.map((section) => section.text);
  const order = sections2.map((section, index) => ({ section, index })).sort((a, b) => a.section.priority - b.section.priority || b.index - a.index);
  for (const { section, index } of order) {
    if (join(current).length <= limit) break;
    current[index] = section.fallback ?? "";
  }
  const text = join(current);
  if (text.length <= limit) return text;
  const note = "\n\n_Report cut to stay under GitHub's size limit._\n";
  return `${text.slice(0, limit - note.length)}${note}`;
}

// src/github/claims.ts
import { createHash } from "node:crypto";

// src/github/repo.ts
function statusOf(error) {
  const status = error?.status;
  return typeof status === "number" ? status : null;
}

// src/github/claims.ts
function claimRef(key) {
  return `refs/trainyard/claims/${createHash("sha256").update(key).digest("hex").slice(0, 40)}`;
}
var messageOf = (error) => String(error.response?.data?.message ?? error.message);
async function defaultHead(repo) {
  const { data } = await repo.octokit.rest.repos.get({ owner: repo.owner, repo: repo.repo });
  const { data: ref } = await repo.octokit.rest.git.getRef({ owner: repo.owner, repo: repo.repo, ref: `heads/${data.default_branch}` });
  return ref.object.sha;
}
async function claimOnce(repo, key, sha) {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await repo.octokit.rest.git.createRef({ owner: repo.owner, repo: repo.repo, ref: claimRef(key), sha: attempt === 0 ? sha : await defaultHead(repo) });
      return true;
    } catch (error) {
      if (statusOf(error) !== 422) throw error;
      if (/already exists/i.test(messageOf(error))) return false;
      if (attempt === 1) throw error;
    }
  }
  return false;
}
async function releaseClaim(repo, key) {
  await repo.octokit.rest.git.deleteRef({ owner: repo.owner, repo: repo.repo, ref: claimRef(key).replace(/^refs\//, "") });
}
async function createClaimed(repo, key, sha, create, exists) {
  if (!await claimOnce(repo, key, sha)) return null;
  try {
    return await create();
  } catch (error) {
    const made = await exists().catch(() => true);
    if (!made) await releaseClaim(repo, key).catch(() => void 0);
    throw error;
  }
}
async function awaitObject(find, tries = 10, delayMs = 100) {
  for (let i = 0; i < tries; i++) {
    const found = await find();
    if (found !== null) return found;
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
  return null;
}

// src/github/sticky-comment.ts
var commentMarker = (model) => `<!-- trainyard:${model} -->`;
async function findComment(repo, input) {
  const comments = await repo.octokit.paginate(repo.octokit.rest.issues.listComments, { owner: repo.owner, repo: repo.repo, issue_number: input.issueNumber, per_page: 100 });
  const own = comments.find((c) => c.user?.login === input.botLogin && (c.body ?? "").startsWith(input.marker));
  return own ? { id: own.id, body: own.body ?? "" } : null;
}
async function upsertStickyComment(repo, input) {
  const body = `${input.marker}
${input.body}`;
  let existing = await findComment(repo, input);
  if (!existing) {
    const created = await createClaimed(repo, `comment:${input.issueNumber}:${input.marker}`, input.claimSha, async () => {
      const { data } = await repo.octokit.rest.issues.createComment({ owner: repo.owner, repo: repo.repo, issue_number: input.issueNumber, body });
      return { action: "created", id: data.id };
    }, async () => await findComment(repo, input) !== null);
    if (created) return created;
    existing = await awaitObject(() => findComment(repo, input));
    if (!existing) {
      const { data } = await repo.octokit.rest.issues.createComment({ owner: repo.owner, repo: repo.repo, issue_number: input.issueNumber, body });
      return { action: "created", id: data.id };
    }
  }
  if (existing.body === body) return { action: "unchanged", id: existing.id };
  await repo.octokit.rest.issues.updateComment({ owner: repo.owner, repo: repo.repo, comment_id: existing.id, body });
  return { action: "updated", id: existing.id };
}
async function postOnce(repo, issueNumber, key, body, claimSha) {
  if (!await claimOnce(repo, `note:${key}`, claimSha)) return false;
  await repo.octokit.rest.issues.createComment({ owner: repo.owner, repo: repo.repo, issue_number: issueNumber, body });
  return true;
}

// src/report/comparison-report.ts
var commitMarker = (sha) => `<!-- trainyard-commit:${sha} -->`;
function judgedCommit(body) {
  return /(?:^|\n)<!-- trainyard-commit:([0-9a-f]{40}) -->\n?$/.exec(body)?.[1] ?? null;
}
var NAME_LIMIT = 120;
var PROBLEM_LIMIT = 2e3;
function quote(text, limit = NAME_LIMIT) {
  const cleaned = [...text.replace(/[\r\n\t]+/g, " ")].filter((char) => char.charCodeAt(0) >= 32 && char !== "\x7F").map((char) => ({ "`": "'", "<": "\u2039", ">": "\u203A", "@": "@\u200B" })[char] ?? char).join("").replace(/:\/\//g, ":\u200B//").replace(/\]\(/g, "]\u200B(");
  const chars = [...cleaned];
  const cut = chars.length > limit ? `${chars.slice(0, limit - 1).join("")}\u2026` : cleaned;
  return `\`${cut.startsWith(" ") || cut.endsWith(" ") ? ` ${cut} ` : cut}\``;
}
function name(text) {
  return /^[A-Za-z0-9_.-]{1,120}$/.test(text) ? text : quote(text);
}
var VERDICT_ICON = { pass: "\u2705", fail: "\u274C", inconclusive: "\u26A0\uFE0F" };
var STATUS_TEXT = { pass: "\u2705 pass", fail: "\u274C fail", inconclusive: "\u26A0\uFE0F inconclusive", info: "\u2014" };
var CHECK_ICON = { pass: "\u2705", fail: "\u274C", warn: "\u26A0\uFE0F" };
function cell(text) {
  return text.replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ");
}
function sentence(text) {
  return text.replace(/[\r\n]+/g, " ").replace(/<(?=[A-Za-z!/?])/g, "&lt;").replace(/(^|[^A-Za-z0-9_])@/g, "$1@\u200B");
}
function changeText(metric) {
  if (metric.delta === null) return "\u2014";
  const relative = metric.relative === null ? "" : ` (${metric.relative > 0 ? "+" : ""}${(metric.relative * 100).toFixed(1)}%)`;
  return `${formatChange(metric.delta)}${relative}`;
}
function arrow(metric) {
  if (metric.greaterIsBetter === null) return "";
  return metric.greaterIsBetter ? " \u2191" : " \u2193";
}
var value = (number) => number === null ? "\u2014" : formatNumber(number);
function metricsTable(comparison, baselineName) {
  const level = comparison.significance ? `${Math.round(comparison.significance.confidence * 1e3) / 10}% interval` : "interval";
  const withIntervals = comparison.metrics.some((metric) => metric.ci !== null);
  const head = withIntervals ? [`| metric | ${cell(baselineName)} | candidate | change | ${level} | gate |`, "| --- | ---: | ---: | ---: | :---: | :---: |"] : [`| metric | ${cell(baselineName)} | candidate | change | gate |`, "| --- | ---: | ---: | ---: | :---: |"];
  const lines = [...head];
  for (const metric of comparison.metrics) {
    const ci = metric.ci ? `[${formatChange(metric.ci[0])}, ${formatChange(metric.ci[1])}]` : "\u2014";
    const by = metric.source === "trainer" ? " (reported by the trainer)" : "";
    const cells = [`${cell(name(metric.name))}${arrow(metric)}${by}`, value(metric.baseline), value(metric.candidate), changeText(metric), ...withIntervals ? [ci] : [], STATUS_TEXT[metric.status]];
    lines.push(`| ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}
function headline(report, comparison) {
  const verb = { pass: "passes", fail: "fails", inconclusive: "is inconclusive" }[comparison.verdict];
  const against = comparison.baselineUnavailable ? `threshold rules only: the ${report.baselineName ?? "champion"} could not be judged on the evaluation rows` : comparison.hasBaseline ? `against the ${report.baselineName ?? "champion"}` : "with no baseline yet (first model: threshold rules only)";
  const summary = summarize(comparison.verdict, comparison.metrics, name);
  const lines = [`## ${VERDICT_ICON[comparison.verdict]} trainyard: ${report.model} ${verb}`, "", `**${summary}**, ${against}.`];
  for (const note of report.notes ?? []) lines.push("", sentence(note));
  const sig = comparison.significance;
  if (sig) {
    const rows = `${sig.rows.shared.toLocaleString("en-US")} shared rows`;
    const unpaired = sig.rows.candidateOnly + sig.rows.baselineOnly > 0 ? ` (${sig.rows.candidateOnly.toLocaleString("en-US")} only in the candidate's predictions, ${sig.rows.baselineOnly.toLocaleString("en-US")} only in the baseline's)` : "";
    const role = sig.gating ? "gate the change" : "are shown, not gating (add `significance` to the policy to gate on them)";
    lines.push("", `Intervals: paired bootstrap over ${rows}${unpaired}, ${sig.resamples.toLocaleString("en-US")} resamples, seed ${sig.seed}; they ${role}.`);
  }
  return lines.join("\n");
}
function problemHeadline(report) {
  const lines = [`## \u274C trainyard: ${report.model}: no comparison`, "", quote(report.problem ?? "the run produced no candidate", PROBLEM_LIMIT)];
  for (const note of report.notes ?? []) lines.push("", sentence(note));
  return lines.join("\n");
}
function reasons(comparison) {
  const gated = comparison.metrics.filter((metric) => metric.status !== "info");
  if (gated.length === 0) return "";
  const lines = gated.map((metric) => `- **${name(metric.name)}** ${STATUS_TEXT[metric.status]}: ${sentence(metric.reason)}`);
  return ["<details><summary>Why each gate decided as it did</summary>", "", ...lines, "", "</details>"].join("\n");
}
function tests(comparison) {
  const lines = [];
  for (const metric of comparison.metrics) {
    const test = metric.test;
    if (!test) continue;
    if (test.test === "mcnemar-exact") {
      lines.push(`- ${name(metric.name)}: McNemar exact test p = ${formatNumber(test.p)} (${test.b} rows only the candidate gets right, ${test.c} only the baseline)`);
    } else {
      lines.push(`- ${name(metric.name)}: DeLong test p = ${formatNumber(test.p)} (z = ${test.z.toFixed(2)})`);
    }
  }
  return lines.length === 0 ? "" : ["Significance of the differences:", "", ...lines].join("\n");
}
function checks(list) {
  if (!list || list.length === 0) return "";
  return ["### Data checks", "", ...list.map((line) => `- ${CHECK_ICON[line.status]} **${cell(line.name)}**: ${sentence(line.summary)}`)].join("\n");
}
function history(report, comparison) {
  const primary = comparison.metrics.find((metric) => metric.status !== "info") ?? comparison.metrics[0];
  if (!primary || primary.candidate === null) return "";
  const points = (report.history ?? []).filter((entry) => Object.hasOwn(entry.metrics, primary.name)).map((entry) => ({ label: entry.version, value: entry.metrics[primary.name] }));
  if (points.length === 0 && primary.baseline !== null) points.push({ label: report.baselineName ?? "champion", value: primary.baseline });
  points.push({ label: "candidate", value: primary.candidate });
  if (points.length < 2) return "";
  const shown = cell(name(primary.name));
  const table = [`| version | ${shown} |`, "| --- | ---: |", ...points.map((point) => `| ${cell(sentence(point.label))} | ${formatNumber(point.value)} |`)].join("\n");
  return [`### ${shown} across versions`, "", lineChart({ title: `${primary.name} by version`, axis: primary.name, points }), "", table].join("\n");
}
function lineage(value2) {
  if (!value2) return "";
  const bytes = value2.data.reduce((sum, file) => sum + file.bytes, 0);
  const lines = [
    `- commit: ${value2.commit ? `\`${value2.commit.slice(0, 12)}\`${value2.dirty ? " (with uncommitted changes)" : ""}` : "none"}`,
    `- command: ${quote(value2.command, 500)} (seed ${value2.seed}, exit ${value2.exitStatus}, ${formatSeconds(value2.durationSeconds)})`,
    `- params: ${Object.keys(value2.params).length === 0 ? "none" : Object.entries(value2.params).map(([key, param]) => quote(`${key}=${String(param)}`)).join(", ")}`,
    `- data: ${value2.data.length} file${value2.data.length === 1 ? "" : "s"}, ${formatBytes(bytes)}${value2.data.map((file) => `
  - ${quote(file.path)} sha256 \`${file.sha256.slice(0, 16)}\u2026\``).join("")}`,
    `- runner: ${value2.runner.name ?? "local"} (${value2.runner.os}/${value2.runner.arch}), node ${value2.versions.node}, trainyard ${value2.versions.trainyard}`
  ];
  return ["<details><summary>Lineage</summary>", "", ...lines, "", "</details>"].join("\n");
}
function sections(report, limit) {
  const footer = report.runUrl ? `[Workflow run and artifacts](${report.runUrl})` : "";
  const { comparison } = report;
  if (!comparison) return [{ text: problemHeadline(report), priority: 10 }, { text: checks(report.checks), priority: 6 }, { text: footer, priority: 8 }];
  const head = headline(report, comparison);
  const table = metricsTable(comparison, report.baselineName ?? "champion");
  const tableBudget = Math.max(1e3, limit - head.length - footer.length - 200);
  return [
    { text: head, priority: 10 },
    { text: truncateTable(table, tableBudget), priority: 9 },
    { text: reasons(comparison), priority: 3, fallback: "" },
    { text: tests(comparison), priority: 4 },
    { text: checks(report.checks), priority: 6 },
    { text: history(report, comparison), priority: 2 },
    { text: lineage(report.lineage), priority: 1 },
    { text: footer, priority: 8 }
  ];
}
function render(report, limit) {
  const tail = report.commit ? `
${commitMarker(report.commit)}` : "";
  return `${fitSections(sections(report, limit - tail.length), limit - tail.length)}${tail}`;
}
function renderCommentBody(report) {
  return render(report, COMMENT_LIMIT - commentMarker(report.model).length - 1);
}
function renderJobSummary(report) {
  return render({ ...report, commit: void 0 }, COMMENT_LIMIT);
}
var CHECK_TITLE_LIMIT = 255;
function renderCheckOutput(report) {
  const { comparison } = report;
  const conclusion = comparison?.verdict === "pass" ? "success" : "failure";
  const title = comparison ? summarize(comparison.verdict, comparison.metrics, (metric) => /^[A-Za-z0-9_.-]{1,120}$/.test(metric) ? metric : quote(metric, 40)) : "No comparison";
  const cut = title.length > CHECK_TITLE_LIMIT ? `${title.slice(0, CHECK_TITLE_LIMIT - 1)}\u2026` : title;
  return { conclusion, title: cut, summary: render({ ...report, commit: void 0 }, CHECK_OUTPUT_LIMIT) };
}

export {
  BASELINE_PREFIX,
  renderRunReport,
  statusOf,
  claimRef,
  claimOnce,
  releaseClaim,
  createClaimed,
  awaitObject,
  commentMarker,
  upsertStickyComment,
  postOnce,
  argsortDescending,
  confusion,
  TASK_METRICS,
  metricSuite,
  compareModels,
  verdictExitCode,
  judgedCommit,
  quote,
  renderCommentBody,
  renderJobSummary,
  renderCheckOutput
};
