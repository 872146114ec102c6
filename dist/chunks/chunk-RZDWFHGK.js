#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  metricValue
} from "./chunk-FDHVBAAV.js";
import {
  formatBytes,
  formatDelta,
  formatNumber,
  formatSeconds
} from "./chunk-OOJLEY5A.js";

// src/report/run-report.ts
var BASELINE_PREFIX = "baseline_";
function pairMetrics(metrics) {
  const paired = [];
  const other = [];
  for (const [name, value] of Object.entries(metrics)) {
    if (name.startsWith(BASELINE_PREFIX) && metrics[name.slice(BASELINE_PREFIX.length)] !== void 0) continue;
    const baseline = metrics[`${BASELINE_PREFIX}${name}`];
    if (baseline === void 0) other.push([name, value]);
    else paired.push({ name, model: value, baseline });
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
  const { lineage } = model;
  const header = [`## ${model.name} (${model.task})`, ""];
  if (model.description) header.push(model.description, "");
  header.push(...renderStages(model.stages));
  if (!lineage) {
    const details = model.stages.flatMap((stage) => stage.markdown ? [stage.markdown, ""] : []);
    const artifacts = model.artifacts.length > 0 ? [`Left in \`${model.outputDir}\`: ${model.artifacts.map((file) => `\`${file}\``).join(", ")}.`, ""] : [];
    return [...header, model.stopped ?? "Training did not run: the data failed validation.", "", ...details, ...artifacts].join("\n").trimEnd();
  }
  return [...header, ...renderTraining(model, lineage)].join("\n");
}
function renderTraining(model, lineage) {
  const bytes = lineage.data.reduce((sum, file) => sum + file.bytes, 0);
  const commit = lineage.commit ? `commit ${lineage.commit.slice(0, 7)}${lineage.dirty ? " (uncommitted changes)" : ""}` : "no git commit";
  const lines = [];
  lines.push(
    `Trained with \`${lineage.command}\` in ${formatSeconds(lineage.durationSeconds)} (seed ${lineage.seed}, exit ${lineage.exitStatus}) on ${lineage.data.length} data file${lineage.data.length === 1 ? "" : "s"} (${formatBytes(bytes)}), ${commit}.`,
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
    for (const [name, value] of other) lines.push(`| ${name} | ${formatNumber(value)} |`);
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
function better(rule, value, bound) {
  return rule.greater_is_better ? value >= bound : value <= bound;
}
function needsBaseline(rule) {
  return rule.min_absolute_change !== void 0 || rule.min_relative_change !== void 0;
}
function changeChecks(rule, candidate, baseline) {
  const checks = [];
  const sign = rule.greater_is_better ? "+" : "\u2212";
  const cmp = (ok) => ok ? rule.greater_is_better ? ">=" : "<=" : rule.greater_is_better ? "<" : ">";
  if (rule.min_absolute_change !== void 0) {
    const bound = rule.greater_is_better ? baseline + rule.min_absolute_change : baseline - rule.min_absolute_change;
    const pass = better(rule, candidate, bound);
    checks.push({ pass, reason: `${formatNumber(candidate)} ${cmp(pass)} baseline ${formatNumber(baseline)} ${sign} ${formatNumber(rule.min_absolute_change)}` });
  }
  if (rule.min_relative_change !== void 0) {
    if (baseline === 0) {
      const bound = rule.greater_is_better ? baseline + ZERO_BASELINE_MARGIN : baseline - ZERO_BASELINE_MARGIN;
      const pass = better(rule, candidate, bound);
      checks.push({ pass, reason: `${formatNumber(candidate)} ${cmp(pass)} baseline 0 ${sign} 1e-10 (a relative change of a zero baseline falls back to any improvement)` });
    } else {
      const relative = rule.greater_is_better ? (candidate - baseline) / baseline : (baseline - candidate) / baseline;
      const pass = !(relative < rule.min_relative_change);
      checks.push({ pass, reason: `relative change ${formatNumber(relative)} ${pass ? ">=" : "<"} ${formatNumber(rule.min_relative_change)} of baseline ${formatNumber(baseline)}` });
    }
  }
  return checks;
}
function checkRule(name, rule, candidate, baseline) {
  const checks = [];
  if (rule.threshold !== void 0) {
    const pass2 = better(rule, candidate, rule.threshold);
    const op = pass2 ? rule.greater_is_better ? ">=" : "<=" : rule.greater_is_better ? "<" : ">";
    checks.push({ pass: pass2, reason: `${formatNumber(candidate)} ${op} threshold ${formatNumber(rule.threshold)}` });
  }
  if (needsBaseline(rule)) {
    if (baseline === void 0) checks.push({ pass: false, reason: `the baseline has no metric "${name}" to compare with` });
    else if (baseline === null) checks.push({ pass: true, reason: "no baseline (first model): only the threshold applies" });
    else checks.push(...changeChecks(rule, candidate, baseline));
  }
  const pass = checks.every((check) => check.pass);
  const reasons = [...checks.filter((check) => !check.pass), ...checks.filter((check) => check.pass)].map((check) => check.reason);
  return { pass, reasons };
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
  for (const name of names) out[name] = values[name];
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
  for (const name of names) out[name] = values[name];
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
  return names === void 0 ? [...known] : known.filter((name) => names.includes(name));
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
function intervalStatus(name, input, baseline, ci) {
  const rule = input.policy.rules[name];
  if (!rule || !needsBaseline(rule)) return null;
  const atLow = changeChecks(rule, baseline + ci[0], baseline).every((check) => check.pass);
  const atHigh = changeChecks(rule, baseline + ci[1], baseline).every((check) => check.pass);
  const level = `${Math.round(input.paired.bootstrap.confidence * 1e3) / 10}%`;
  if (atLow && atHigh) return { status: "pass", reason: `the whole ${level} interval meets the rule` };
  if (!atLow && !atHigh) return { status: "fail", reason: `no part of the ${level} interval meets the rule` };
  return { status: "inconclusive", reason: `the ${level} interval crosses the rule's bound: the change may be noise` };
}
function compareMetric(name, input) {
  const candidate = metricValue(input.candidate.metrics, name, input.candidate.file);
  const baseline = input.baseline ? input.baseline.metrics[name] ?? null : null;
  const delta = baseline === null ? null : candidate - baseline;
  const relative = baseline === null || baseline === 0 ? null : (candidate - baseline) / Math.abs(baseline);
  const interval = input.paired?.bootstrap.intervals[name];
  const ci = interval ? [interval.low, interval.high] : null;
  const rule = input.policy.rules[name];
  const row = { name, candidate, baseline, delta, relative, ci };
  const extra = { greaterIsBetter: rule?.greater_is_better ?? GREATER_IS_BETTER[name] ?? null, test: input.paired?.tests[name] ?? null };
  if (!rule) return { ...row, pass: null, reason: "no rule", status: "info", ...extra };
  const outcome = checkRule(name, rule, candidate, input.baseline ? input.baseline.metrics[name] ?? void 0 : null);
  let status = outcome.pass ? "pass" : "fail";
  const reasons = [...outcome.reasons];
  if (outcome.pass && input.policy.significance && ci && baseline !== null) {
    const judged = intervalStatus(name, input, baseline, ci);
    if (judged) {
      status = judged.status;
      reasons.unshift(judged.reason);
    }
  }
  return { ...row, pass: status === "pass", reason: reasons.join("; "), status, ...extra };
}
function metricNames(input) {
  const gated = Object.keys(input.policy.rules);
  const { metrics } = input.candidate;
  const reference = (name) => name.startsWith(BASELINE_PREFIX) && name.slice(BASELINE_PREFIX.length) in metrics;
  const others = Object.keys(metrics).filter((name) => !gated.includes(name) && !reference(name) && (!input.baseline || name in input.baseline.metrics));
  return [...gated, ...others];
}
function summarize(verdict, metrics) {
  const gated = metrics.filter((metric) => metric.status !== "info");
  if (gated.length === 0) return "pass: the policy has no rules, so nothing is gated";
  const count = (status) => gated.filter((metric) => metric.status === status);
  if (verdict === "fail") return `fail: ${count("fail").map((metric) => metric.name).join(", ")} did not meet the policy`;
  if (verdict === "inconclusive") return `inconclusive: ${count("inconclusive").map((metric) => metric.name).join(", ")} changed within the noise`;
  return gated.length === 1 ? `pass: ${gated[0].name}, the one gated metric, met the policy` : `pass: all ${gated.length} gated metrics met the policy`;
}
function compareModels(input) {
  const metrics = metricNames(input).map((name) => compareMetric(name, input));
  const statuses = new Set(metrics.map((metric) => metric.status));
  const verdict = statuses.has("fail") ? "fail" : statuses.has("inconclusive") ? "inconclusive" : "pass";
  const paired = input.paired;
  return {
    verdict,
    metrics,
    hasBaseline: input.baseline !== null,
    significance: paired ? { gating: input.policy.significance !== null, confidence: paired.bootstrap.confidence, resamples: paired.bootstrap.resamples, seed: paired.bootstrap.seed, rows: paired.rows } : null,
    summary: summarize(verdict, metrics)
  };
}
function verdictExitCode(verdict) {
  return verdict === "pass" ? 0 : 1;
}

export {
  BASELINE_PREFIX,
  renderRunReport,
  argsortDescending,
  confusion,
  TASK_METRICS,
  metricSuite,
  compareModels,
  verdictExitCode
};
