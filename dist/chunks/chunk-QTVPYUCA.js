#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  metricValue
} from "./chunk-PLGQVMFY.js";
import {
  BINARY_METRICS,
  REGRESSION_METRICS,
  binaryMetrics,
  prepareBinary,
  regressionMetrics
} from "./chunk-UDPY2YNM.js";
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
    return [...header, "Training did not run: the data failed validation.", "", ...details].join("\n").trimEnd();
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

// src/metrics/multiclass.ts
var EPS = 2220446049250313e-31;
var MULTICLASS_METRICS = ["accuracy", "f1_macro", "f1_weighted", "log_loss"];
function prepareMulticlass(rows) {
  const { probabilities, label } = rows;
  if (!probabilities) return { rows, logLoss: null };
  const logLoss = new Float64Array(label.length);
  for (let i = 0; i < label.length; i++) {
    let sum = 0;
    for (const column of probabilities) sum += Math.min(Math.max(column[i], EPS), 1 - EPS);
    const own = Math.min(Math.max(probabilities[label[i]][i], EPS), 1 - EPS);
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
  TASK_METRICS,
  metricSuite,
  compareModels,
  verdictExitCode
};
