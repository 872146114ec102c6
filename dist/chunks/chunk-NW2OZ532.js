#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  lineChart
} from "./chunk-SSMX5QUN.js";
import {
  DataEngine,
  quoteIdentifier,
  quoteLiteral,
  resolveSource
} from "./chunk-PMHM62NO.js";
import {
  BASELINE_PREFIX,
  TASK_METRICS,
  argsortDescending,
  compareModels,
  confusion,
  metricSuite
} from "./chunk-LSLOKUQC.js";
import {
  readMetricsFile
} from "./chunk-BPR4QXFR.js";
import {
  formatBytes,
  formatChange,
  formatNumber,
  formatSeconds
} from "./chunk-OOJLEY5A.js";
import {
  parseConfig,
  parseYamlSource,
  positionOf
} from "./chunk-VE7YDIIK.js";
import {
  didYouMean,
  explainIssues,
  metricRuleSchema,
  significanceSchema
} from "./chunk-PL3ZQNPW.js";
import {
  external_exports
} from "./chunk-PWI6BAP3.js";
import {
  ConfigError,
  DataError,
  UsageError
} from "./chunk-5WCRJWUQ.js";

// src/metrics/comparison-document.ts
function comparisonDocument(comparison, sources) {
  return {
    schemaVersion: 1,
    model: sources.model,
    verdict: comparison.verdict,
    summary: comparison.summary,
    candidate: sources.candidate,
    baseline: sources.baseline,
    metrics: comparison.metrics,
    significance: comparison.significance
  };
}

// src/report/fit.ts
var COMMENT_LIMIT = 65536;
var join = (parts) => `${parts.filter((part) => part !== "").join("\n\n")}
`;
function truncateTable(table, budget) {
  if (table.length <= budget) return table;
  const lines = table.split("\n");
  const head = lines.slice(0, 2);
  const body = lines.slice(2);
  let kept = body.length;
  const render = (count) => [...head, ...body.slice(0, count), `
_${body.length - count} more rows left out to stay under GitHub's size limit._`].join("\n");
  while (kept > 0 && render(kept).length > budget) kept = Math.floor(kept * 0.9);
  return render(kept);
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

// src/report/comparison-report.ts
var VERDICT_ICON = { pass: "\u2705", fail: "\u274C", inconclusive: "\u26A0\uFE0F" };
var STATUS_TEXT = { pass: "\u2705 pass", fail: "\u274C fail", inconclusive: "\u26A0\uFE0F inconclusive", info: "\u2014" };
var CHECK_ICON = { pass: "\u2705", fail: "\u274C", warn: "\u26A0\uFE0F" };
function cell(text) {
  return text.replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ");
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
function metricsTable(comparison, baselineName) {
  const level = comparison.significance ? `${Math.round(comparison.significance.confidence * 1e3) / 10}% interval` : "interval";
  const lines = [`| metric | ${cell(baselineName)} | candidate | change | ${level} | gate |`, "| --- | ---: | ---: | ---: | :---: | :---: |"];
  for (const metric of comparison.metrics) {
    const ci = metric.ci ? `[${formatChange(metric.ci[0])}, ${formatChange(metric.ci[1])}]` : "\u2014";
    const baseline = metric.baseline === null ? "\u2014" : formatNumber(metric.baseline);
    lines.push(`| ${cell(metric.name)}${arrow(metric)} | ${baseline} | ${formatNumber(metric.candidate)} | ${changeText(metric)} | ${ci} | ${STATUS_TEXT[metric.status]} |`);
  }
  return lines.join("\n");
}
function headline(report) {
  const { comparison } = report;
  const verb = { pass: "passes", fail: "fails", inconclusive: "is inconclusive" }[comparison.verdict];
  const against = comparison.hasBaseline ? `against the ${report.baselineName ?? "champion"}` : "with no baseline yet (first model: threshold rules only)";
  const lines = [`## ${VERDICT_ICON[comparison.verdict]} trainyard: ${report.model} ${verb}`, "", `**${comparison.summary}**, ${against}.`];
  const sig = comparison.significance;
  if (sig) {
    const rows = `${sig.rows.shared.toLocaleString("en-US")} shared rows`;
    const unpaired = sig.rows.candidateOnly + sig.rows.baselineOnly > 0 ? ` (${sig.rows.candidateOnly.toLocaleString("en-US")} only in the candidate's predictions, ${sig.rows.baselineOnly.toLocaleString("en-US")} only in the baseline's)` : "";
    const role = sig.gating ? "gate the change" : "are shown, not gating (add `significance` to the policy to gate on them)";
    lines.push("", `Intervals: paired bootstrap over ${rows}${unpaired}, ${sig.resamples.toLocaleString("en-US")} resamples, seed ${sig.seed}; they ${role}.`);
  }
  return lines.join("\n");
}
function reasons(comparison) {
  const gated = comparison.metrics.filter((metric) => metric.status !== "info");
  if (gated.length === 0) return "";
  const lines = gated.map((metric) => `- **${cell(metric.name)}** ${STATUS_TEXT[metric.status]}: ${metric.reason}`);
  return ["<details><summary>Why each gate decided as it did</summary>", "", ...lines, "", "</details>"].join("\n");
}
function tests(comparison) {
  const lines = [];
  for (const metric of comparison.metrics) {
    const test = metric.test;
    if (!test) continue;
    if (test.test === "mcnemar-exact") {
      lines.push(`- ${metric.name}: McNemar exact test p = ${formatNumber(test.p)} (${test.b} rows only the candidate gets right, ${test.c} only the baseline)`);
    } else {
      lines.push(`- ${metric.name}: DeLong test p = ${formatNumber(test.p)} (z = ${test.z.toFixed(2)})`);
    }
  }
  return lines.length === 0 ? "" : ["Significance of the differences:", "", ...lines].join("\n");
}
function checks(list) {
  if (!list || list.length === 0) return "";
  return ["### Data checks", "", ...list.map((line) => `- ${CHECK_ICON[line.status]} **${cell(line.name)}**: ${line.summary}`)].join("\n");
}
function history(report) {
  const primary = report.comparison.metrics.find((metric) => metric.status !== "info") ?? report.comparison.metrics[0];
  if (!primary) return "";
  const points = (report.history ?? []).filter((entry) => entry.metrics[primary.name] !== void 0).map((entry) => ({ label: entry.version, value: entry.metrics[primary.name] }));
  if (points.length === 0 && primary.baseline !== null) points.push({ label: report.baselineName ?? "champion", value: primary.baseline });
  points.push({ label: "candidate", value: primary.candidate });
  if (points.length < 2) return "";
  const table = ["| version | " + cell(primary.name) + " |", "| --- | ---: |", ...points.map((point) => `| ${cell(point.label)} | ${formatNumber(point.value)} |`)].join("\n");
  return [`### ${cell(primary.name)} across versions`, "", lineChart({ title: `${primary.name} by version`, axis: primary.name, points }), "", table].join("\n");
}
function lineage(value) {
  if (!value) return "";
  const bytes = value.data.reduce((sum, file) => sum + file.bytes, 0);
  const lines = [
    `- commit: ${value.commit ? `\`${value.commit.slice(0, 12)}\`${value.dirty ? " (with uncommitted changes)" : ""}` : "none"}`,
    `- command: \`${value.command.replace(/`/g, "'")}\` (seed ${value.seed}, exit ${value.exitStatus}, ${formatSeconds(value.durationSeconds)})`,
    `- params: ${Object.keys(value.params).length === 0 ? "none" : Object.entries(value.params).map(([key, param]) => `\`${key}=${String(param)}\``).join(", ")}`,
    `- data: ${value.data.length} file${value.data.length === 1 ? "" : "s"}, ${formatBytes(bytes)}${value.data.map((file) => `
  - \`${file.path}\` sha256 \`${file.sha256.slice(0, 16)}\u2026\``).join("")}`,
    `- runner: ${value.runner.name ?? "local"} (${value.runner.os}/${value.runner.arch}), node ${value.versions.node}, trainyard ${value.versions.trainyard}`
  ];
  return ["<details><summary>Lineage</summary>", "", ...lines, "", "</details>"].join("\n");
}
function sections(report, limit) {
  const head = headline(report);
  const table = metricsTable(report.comparison, report.baselineName ?? "champion");
  const footer = report.runUrl ? `[Workflow run and artifacts](${report.runUrl})` : "";
  const tableBudget = Math.max(1e3, limit - head.length - footer.length - 200);
  return [
    { text: head, priority: 10 },
    { text: truncateTable(table, tableBudget), priority: 9 },
    { text: reasons(report.comparison), priority: 3, fallback: "" },
    { text: tests(report.comparison), priority: 4 },
    { text: checks(report.checks), priority: 6 },
    { text: history(report), priority: 2 },
    { text: lineage(report.lineage), priority: 1 },
    { text: footer, priority: 8 }
  ];
}
function renderJobSummary(report) {
  return fitSections(sections(report, COMMENT_LIMIT), COMMENT_LIMIT);
}

// src/metrics/types.ts
var TASKS = ["binary", "multiclass", "regression"];
function unitWeights(n) {
  return new Uint8Array(n).fill(1);
}

// src/metrics/policy.ts
import { readFile } from "node:fs/promises";
var policyFileSchema = external_exports.strictObject({
  policy: external_exports.record(external_exports.string().min(1), metricRuleSchema).describe("Gates per metric name."),
  significance: significanceSchema.optional()
}).describe("A trainyard comparison policy file.");
function policyOfModel(model) {
  return { rules: model.metrics.policy, significance: model.metrics.significance ?? null };
}
function chooseModel(models, wanted, file) {
  const names = Object.keys(models);
  if (wanted !== void 0) {
    const model = models[wanted];
    if (!model) throw new UsageError(`${file}: no model "${wanted}"; the config has: ${names.join(", ")}`);
    return [wanted, model];
  }
  if (names.length > 1) throw new UsageError(`${file}: the config has several models (${names.join(", ")}); choose one with --model`);
  return [names[0], models[names[0]]];
}
function parsePolicy(text, file, model) {
  const source = parseYamlSource(text, file);
  const value = source.value;
  if (value !== null && typeof value === "object" && "models" in value) {
    const config = parseConfig(text, file);
    const [name, chosen] = chooseModel(config.models, model, file);
    return { policy: policyOfModel(chosen), model: name, task: chosen.task };
  }
  const result = policyFileSchema.safeParse(value ?? {});
  if (!result.success) {
    const [first] = explainIssues(policyFileSchema, value, result.error.issues);
    if (!first) throw new ConfigError({ file, message: result.error.message });
    const position = positionOf(source, first.unknownKey ? first.path.slice(0, -1) : first.path, first.unknownKey);
    const key = first.path.map(String).join(".") || void 0;
    throw new ConfigError({ file, message: first.message, ...position ? { position } : {}, ...key ? { key } : {} });
  }
  return { policy: { rules: result.data.policy, significance: result.data.significance ?? null }, model: null, task: null };
}
async function loadPolicy(file, shownAs, model) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new ConfigError({ file: shownAs, message: `cannot read the policy (${error.code ?? "error"}); expected a trainyard config or a policy file` });
  }
  return parsePolicy(text, shownAs, model);
}

// src/metrics/percentile.ts
function percentile(values, q) {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 0) return Number.NaN;
  const position = q / 100 * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const fraction = position - below;
  const low = sorted[below];
  const high = sorted[above];
  return fraction >= 0.5 ? high - (high - low) * (1 - fraction) : low + (high - low) * fraction;
}

// src/metrics/permute.ts
function bootstrapOrder(rows) {
  if (rows.task === "binary") return argsortDescending(rows.score);
  const order = new Uint32Array(rows.label.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order;
}
function take(values, order) {
  const out = new values.constructor(order.length);
  for (let k = 0; k < order.length; k++) out[k] = values[order[k]];
  return out;
}
function permuteRows(rows, order) {
  switch (rows.task) {
    case "binary":
      return { task: "binary", label: take(rows.label, order), score: take(rows.score, order), predicted: take(rows.predicted, order) };
    case "multiclass":
      return {
        task: "multiclass",
        classes: rows.classes,
        label: take(rows.label, order),
        predicted: take(rows.predicted, order),
        probabilities: rows.probabilities ? rows.probabilities.map((column) => take(column, order)) : null
      };
    case "regression":
      return { task: "regression", label: take(rows.label, order), predicted: take(rows.predicted, order) };
  }
}

// src/metrics/rng.ts
function splitmix32(seed) {
  let state = seed >>> 0;
  return () => {
    state = state + 2654435769 >>> 0;
    let z = state;
    z = Math.imul(z ^ z >>> 16, 2246822507) >>> 0;
    z = Math.imul(z ^ z >>> 13, 3266489909) >>> 0;
    return (z ^ z >>> 16) >>> 0;
  };
}
var Xoshiro128 = class {
  /** The generator's four words, kept in a typed array so drawCounts can run on locals. */
  state;
  constructor(seed) {
    const init = splitmix32(seed);
    this.state = Uint32Array.of(init(), init(), init(), init());
  }
  /** A uniform 32-bit unsigned integer. */
  next() {
    const s = this.state;
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  }
  /**
   * Draws n row indices with replacement into `counts` (how often each row was drawn).
   * An index is ⌊u · n / 2³²⌋ for a uniform 32-bit u: unbiased to within n / 2³².
   * Counts are bytes, so the hot loops stay in cache; a row drawn 256 times or more
   * (for n = 10⁶ a chance near 10⁻⁵⁰⁰) makes the whole resample be drawn again.
   */
  drawCounts(n, counts) {
    while (fillCounts(this.state, n, counts)) {
    }
    return counts;
  }
};
function fillCounts(state, n, counts) {
  counts.fill(0);
  let a = state[0];
  let b = state[1];
  let c = state[2];
  let d = state[3];
  const scale = n / 4294967296;
  let overflow = false;
  for (let k = 0; k < n; k++) {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    const row = result * scale >>> 0;
    const count = counts[row] + 1;
    counts[row] = count;
    if (count === 256) overflow = true;
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
  return overflow;
}
function rotl(x, k) {
  return x << k | x >>> 32 - k;
}

// src/metrics/bootstrap.ts
function pairedBootstrap(candidate, baseline, options) {
  const n = candidate.label.length;
  const order = bootstrapOrder(candidate);
  const candidateSuite = metricSuite(permuteRows(candidate, order));
  const baselineSuite = metricSuite(permuteRows(baseline, order));
  const names = options.metrics.filter((name) => candidateSuite.names.includes(name));
  const differences = names.map(() => new Float64Array(options.resamples));
  const random = new Xoshiro128(options.seed);
  const counts = new Uint8Array(n);
  for (let r = 0; r < options.resamples; r++) {
    random.drawCounts(n, counts);
    const a = candidateSuite.compute(counts, names);
    const b = baselineSuite.compute(counts, names);
    names.forEach((name, index) => differences[index][r] = a[name] - b[name]);
  }
  const tail = (1 - options.confidence) / 2 * 100;
  const intervals = {};
  names.forEach((name, index) => {
    const valid = differences[index].filter((value) => Number.isFinite(value));
    intervals[name] = valid.length * 2 < options.resamples ? null : { low: percentile(valid, tail), high: percentile(valid, 100 - tail), valid: valid.length };
  });
  return { resamples: options.resamples, seed: options.seed, confidence: options.confidence, rows: n, intervals };
}

// src/metrics/normal.ts
var SQRT_PI = Math.sqrt(Math.PI);
function erfSeries(x) {
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= 2 * x * x / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return 2 / SQRT_PI * Math.exp(-x * x) * sum;
}
function erfcFraction(x) {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 5e3; k++) {
    const a = k / 2;
    d = x + a * d;
    d = d === 0 ? tiny : d;
    c = x + a / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / SQRT_PI / f;
}
function erfc(x) {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 1) return 1 - erfSeries(x);
  return x > 27 ? 0 : erfcFraction(x);
}
function normalSf(z) {
  return erfc(z / Math.SQRT2) / 2;
}

// src/metrics/delong.ts
function components(label, score) {
  const n = label.length;
  const order = argsortDescending(score).reverse();
  let positives = 0;
  for (let i = 0; i < n; i++) positives += label[i];
  const negatives = n - positives;
  const v10 = new Float64Array(n);
  const v01 = new Float64Array(n);
  let negBelow = 0;
  let posBelow = 0;
  for (let start = 0; start < n; ) {
    let end = start;
    let groupPos = 0;
    let groupNeg = 0;
    while (end < n && score[order[end]] === score[order[start]]) {
      if (label[order[end]]) groupPos++;
      else groupNeg++;
      end++;
    }
    for (let k = start; k < end; k++) {
      const row = order[k];
      if (label[row]) v10[row] = (negBelow + groupNeg / 2) / negatives;
      else v01[row] = (positives - posBelow - groupPos + groupPos / 2) / positives;
    }
    negBelow += groupNeg;
    posBelow += groupPos;
    start = end;
  }
  return { v10, v01 };
}
function covariance(a, b) {
  const n = a.length;
  let meanA = 0;
  let meanB = 0;
  for (let i = 0; i < n; i++) {
    meanA += a[i];
    meanB += b[i];
  }
  meanA /= n;
  meanB /= n;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (a[i] - meanA) * (b[i] - meanB);
  return sum / (n - 1);
}
function delong(candidate, baseline) {
  const { label } = candidate;
  const split2 = (values, positive) => Array.from(label.keys()).filter((i) => label[i] === 1 === positive).map((i) => values[i]);
  const a = components(label, candidate.score);
  const b = components(label, baseline.score);
  const a10 = split2(a.v10, true);
  const b10 = split2(b.v10, true);
  const a01 = split2(a.v01, false);
  const b01 = split2(b.v01, false);
  const m = a10.length;
  const n = a01.length;
  if (m < 2 || n < 2) return null;
  const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const auc = [mean(a10), mean(b10)];
  const variance = (covariance(a10, a10) + covariance(b10, b10) - 2 * covariance(a10, b10)) / m + (covariance(a01, a01) + covariance(b01, b01) - 2 * covariance(a01, b01)) / n;
  const difference = auc[0] - auc[1];
  if (!(variance > 0)) return { test: "delong", auc, variance, z: difference === 0 ? 0 : Math.sign(difference) * Infinity, p: difference === 0 ? 1 : 0 };
  const z = difference / Math.sqrt(variance);
  return { test: "delong", auc, variance, z, p: 2 * normalSf(Math.abs(z)) };
}

// src/metrics/evaluate.ts
function whyUndefined(name, rows) {
  if (name === "log_loss" && rows.task === "multiclass") return "no probability columns";
  if (["log_loss", "brier", "ece"].includes(name)) return "scores are not probabilities in [0, 1]";
  if (name === "pr_auc") return "no positive rows";
  if (name === "roc_auc") return "the labels have one class only";
  return "no rows";
}
function split(values, rows) {
  const metrics = {};
  const missing = [];
  for (const [name, value] of Object.entries(values)) {
    if (Number.isFinite(value)) metrics[name] = value;
    else missing.push({ name, reason: whyUndefined(name, rows) });
  }
  return { metrics, undefined: missing };
}
function evaluateRows(rows, slicing = null) {
  const suite = metricSuite(rows);
  const n = suite.rows;
  const all = unitWeights(n);
  const overall = split(suite.compute(all), rows);
  let confusionMatrix = null;
  if (rows.task === "binary") {
    const { tn, fp, fn, tp } = confusion(rows, all);
    confusionMatrix = [[tn, fp], [fn, tp]];
  }
  let slices = null;
  if (slicing) {
    const segments = slicing.names.map((segment, code) => {
      const weights = new Uint8Array(n);
      let count = 0;
      for (let i = 0; i < n; i++) {
        if (slicing.codes[i] === code) {
          weights[i] = 1;
          count++;
        }
      }
      return { segment, rows: count, ...split(suite.compute(weights), rows) };
    });
    slices = { column: slicing.column, segments };
  }
  return { task: suite.task, rows: n, ...overall, confusionMatrix, slices };
}

// src/metrics/prediction-columns.ts
function requireColumn(columns, name, display, role) {
  if (columns.includes(name)) return name;
  const near = didYouMean(name, columns);
  throw new DataError(`${display}: no ${role} column "${name}"${near ? ` (did you mean "${near}"?)` : ""}; it has: ${columns.join(", ")}`);
}
function sortClasses(values) {
  const numeric = values.every((value) => value.trim() !== "" && Number.isFinite(Number(value)));
  return [...values].sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => a < b ? -1 : a > b ? 1 : 0);
}
async function distinctText(engine, view, column) {
  const rows = await engine.query(`SELECT DISTINCT CAST(${quoteIdentifier(column)} AS VARCHAR) AS v FROM ${quoteIdentifier(view)} WHERE ${quoteIdentifier(column)} IS NOT NULL`);
  return rows.map((row) => String(row.v));
}
async function planMulticlass(engine, view, columns, options, display, label) {
  const prefix = `${options.score ?? "score"}_`;
  const probabilityNames = columns.filter((column) => column.startsWith(prefix));
  const prediction = options.prediction ? requireColumn(columns, options.prediction, display, "prediction") : columns.includes("prediction") ? "prediction" : null;
  if (!prediction && probabilityNames.length === 0) {
    throw new DataError(`${display}: no "prediction" column and no probability columns "${prefix}<class>"; expected at least one of them for a multiclass model`);
  }
  const seen = new Set(await distinctText(engine, view, label));
  if (prediction) for (const value of await distinctText(engine, view, prediction)) seen.add(value);
  for (const column of probabilityNames) seen.add(column.slice(prefix.length));
  const classes = sortClasses([...seen]);
  let probabilityColumns = null;
  if (probabilityNames.length > 0) {
    const missing = classes.filter((name) => !probabilityNames.includes(`${prefix}${name}`));
    if (missing.length > 0) throw new DataError(`${display}: no probability column "${prefix}${missing[0]}" for class "${missing[0]}"; expected one "${prefix}<class>" column per class`);
    probabilityColumns = classes.map((name) => `${prefix}${name}`);
  }
  return { task: "multiclass", label, score: null, prediction, threshold: 0.5, classes, probabilityColumns };
}
async function planColumns(engine, view, options, display) {
  const columns = (await engine.columns(view)).map((column) => column.name);
  const label = requireColumn(columns, options.label ?? "label", display, "label");
  const threshold = options.threshold ?? 0.5;
  if (!Number.isFinite(threshold)) throw new UsageError(`--threshold ${threshold}: expected a number`);
  switch (options.task) {
    case "binary": {
      const score = requireColumn(columns, options.score ?? "score", display, "score");
      const prediction = options.prediction ? requireColumn(columns, options.prediction, display, "prediction") : null;
      return { task: "binary", label, score, prediction, threshold, classes: ["0", "1"], probabilityColumns: null };
    }
    case "multiclass":
      return planMulticlass(engine, view, columns, options, display, label);
    case "regression": {
      const given = options.prediction ?? (columns.includes("prediction") ? "prediction" : options.score ?? "score");
      const prediction = requireColumn(columns, given, display, "prediction");
      return { task: "regression", label, score: null, prediction, threshold, classes: [], probabilityColumns: null };
    }
  }
}
function numericColumns(plan) {
  if (plan.task === "binary") return [plan.label, plan.score, ...plan.prediction ? [plan.prediction] : []];
  if (plan.task === "regression") return [plan.label, plan.prediction];
  return plan.probabilityColumns ?? [];
}
function selectExpressions(plan, alias) {
  const col = (name) => `${alias}.${quoteIdentifier(name)}`;
  if (plan.task !== "multiclass") return numericColumns(plan).map((name) => `CAST(${col(name)} AS DOUBLE)`);
  const classes = `[${plan.classes.map(quoteLiteral).join(", ")}]`;
  const code = (name) => `list_position(${classes}, CAST(${col(name)} AS VARCHAR)) - 1`;
  return [code(plan.label), ...plan.prediction ? [code(plan.prediction)] : [], ...(plan.probabilityColumns ?? []).map((name) => `CAST(${col(name)} AS DOUBLE)`)];
}
async function checkValues(engine, view, plan, display) {
  const nullable = plan.task === "multiclass" ? [plan.label, ...plan.prediction ? [plan.prediction] : [], ...numericColumns(plan)] : numericColumns(plan);
  const numeric = new Set(numericColumns(plan));
  for (const column of nullable) {
    const q = quoteIdentifier(column);
    const test = numeric.has(column) ? `(${q} IS NULL OR TRY_CAST(${q} AS DOUBLE) IS NULL OR NOT isfinite(TRY_CAST(${q} AS DOUBLE)))` : `${q} IS NULL`;
    const [row] = await engine.query(`SELECT count(*) FILTER (WHERE ${test}) AS bad, first(CAST(${q} AS VARCHAR)) FILTER (WHERE ${test}) AS example FROM ${quoteIdentifier(view)}`);
    const bad = Number(row?.bad ?? 0);
    if (bad > 0) {
      const what = row?.example === null || row?.example === void 0 ? "empty" : `"${String(row.example)}"`;
      const problem = numeric.has(column) ? bad === 1 ? "is not a finite number" : "are not finite numbers" : bad === 1 ? "is empty" : "are empty";
      throw new DataError(`${display}: column "${column}" has ${bad} value${bad === 1 ? "" : "s"} that ${problem} (first: ${what})`);
    }
  }
  if (plan.task === "binary") {
    for (const column of [plan.label, ...plan.prediction ? [plan.prediction] : []]) {
      const q = quoteIdentifier(column);
      const [row] = await engine.query(`SELECT count(*) FILTER (WHERE CAST(${q} AS DOUBLE) NOT IN (0, 1)) AS bad, first(CAST(${q} AS VARCHAR)) FILTER (WHERE CAST(${q} AS DOUBLE) NOT IN (0, 1)) AS example FROM ${quoteIdentifier(view)}`);
      if (Number(row?.bad ?? 0) > 0) throw new DataError(`${display}: column "${column}" holds "${String(row?.example)}"; expected 0 or 1 (or true/false) for a binary model`);
    }
  }
}

// src/metrics/load-predictions.ts
var MISSING_SEGMENT = "(missing)";
function rowsFromColumns(plan, columns) {
  if (plan.task === "binary") {
    const [label2, score, prediction] = columns;
    const predicted2 = new Uint8Array(label2.length);
    for (let i = 0; i < label2.length; i++) predicted2[i] = prediction ? prediction[i] : score[i] >= plan.threshold ? 1 : 0;
    return { task: "binary", label: Uint8Array.from(label2), score, predicted: predicted2 };
  }
  if (plan.task === "regression") return { task: "regression", label: columns[0], predicted: columns[1] };
  const label = Int32Array.from(columns[0]);
  const probabilities = plan.probabilityColumns ? columns.slice(plan.prediction ? 2 : 1) : null;
  let predicted;
  if (plan.prediction) predicted = Int32Array.from(columns[1]);
  else {
    predicted = new Int32Array(label.length);
    for (let i = 0; i < label.length; i++) {
      let best = 0;
      for (let c = 1; c < probabilities.length; c++) if (probabilities[c][i] > probabilities[best][i]) best = c;
      predicted[i] = best;
    }
  }
  return { task: "multiclass", classes: plan.classes, label, predicted, probabilities };
}
async function registerFile(engine, table, file, cwd) {
  const source = await resolveSource(file, cwd);
  await engine.register(`${table}_source`, source);
  await engine.query(`CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(table)} AS SELECT * FROM ${quoteIdentifier(`${table}_source`)}`, source);
  return source;
}
async function slicingOf(engine, slice, cwd, display) {
  const columnsOf = async (view) => (await engine.columns(view)).map((column) => column.name);
  let from = "predictions p";
  let owner = "p";
  let ownerDisplay = display;
  if (slice.data) {
    const id = slice.id ?? "id";
    await registerFile(engine, "slice_data", slice.data, cwd);
    for (const [view, shown] of [["predictions", display], ["slice_data", slice.data]]) {
      if (!(await columnsOf(view)).includes(id)) throw new DataError(`${shown}: no id column "${id}" to join predictions and data on; choose one with --id`);
    }
    const [dupes] = await engine.query(`SELECT count(*) - count(DISTINCT ${quoteIdentifier(id)}) AS d FROM slice_data`);
    if (Number(dupes?.d ?? 0) > 0) throw new DataError(`${slice.data}: column "${id}" repeats ${Number(dupes?.d)} ids; expected one row per id to join predictions on`);
    from = `predictions p LEFT JOIN slice_data d ON p.${quoteIdentifier(id)} = d.${quoteIdentifier(id)}`;
    owner = "d";
    ownerDisplay = slice.data;
  }
  const available = await columnsOf(owner === "p" ? "predictions" : "slice_data");
  if (!available.includes(slice.column)) {
    throw new DataError(`${ownerDisplay}: no column "${slice.column}" to slice by; it has: ${available.join(", ")}${slice.data ? "" : " (add --data <file> to slice by a column of the evaluation data)"}`);
  }
  const text = `CAST(${owner}.${quoteIdentifier(slice.column)} AS VARCHAR)`;
  const rows = await engine.query(`SELECT DISTINCT ${text} AS v FROM ${from} WHERE ${text} IS NOT NULL ORDER BY v`);
  const names = rows.map((row) => String(row.v));
  const expression = `CASE WHEN ${text} IS NULL THEN ${names.length} ELSE dense_rank() OVER (ORDER BY ${text}) - 1 END`;
  return { from, expression, names };
}
async function loadPredictions(engine, input) {
  await registerFile(engine, "predictions", input.file, input.cwd);
  const plan = await planColumns(engine, "predictions", input.columns, input.file);
  await checkValues(engine, "predictions", plan, input.file);
  const select = selectExpressions(plan, "p");
  if (!input.slice) {
    const { columns: columns2 } = await engine.queryNumbers(`SELECT ${select.join(", ")} FROM predictions p`);
    if (columns2[0].length === 0) throw new DataError(`${input.file}: has no rows; expected one prediction per row`);
    return { rows: rowsFromColumns(plan, columns2), plan, slicing: null };
  }
  const { from, expression, names } = await slicingOf(engine, input.slice, input.cwd, input.file);
  const { columns } = await engine.queryNumbers(`SELECT ${[...select, expression].join(", ")} FROM ${from}`);
  const codesColumn = columns.pop();
  if (codesColumn.length === 0) throw new DataError(`${input.file}: has no rows; expected one prediction per row`);
  const codes = Int32Array.from(codesColumn);
  const hasMissing = codes.some((code) => code === names.length);
  return { rows: rowsFromColumns(plan, columns), plan, slicing: { column: input.slice.column, names: hasMissing ? [...names, MISSING_SEGMENT] : names, codes } };
}
async function loadPairedPredictions(engine, input) {
  const id = input.id ?? "id";
  const plans = [];
  for (const [view, file] of [["candidate", input.candidate], ["baseline", input.baseline]]) {
    await registerFile(engine, view, file, input.cwd);
    const names = (await engine.columns(view)).map((column) => column.name);
    if (!names.includes(id)) throw new DataError(`${file}: no id column "${id}" to pair rows of the two models; choose one with --id`);
    const [dupes] = await engine.query(`SELECT count(*) - count(DISTINCT ${quoteIdentifier(id)}) AS d FROM ${view}`);
    if (Number(dupes?.d ?? 0) > 0) throw new DataError(`${file}: column "${id}" repeats ${Number(dupes?.d)} ids; expected one prediction per row id`);
    const plan = await planColumns(engine, view, input.columns, file);
    await checkValues(engine, view, plan, file);
    plans.push(plan);
  }
  const [candidatePlan, baselinePlan] = plans;
  if (candidatePlan.task === "multiclass" && candidatePlan.classes.join("\0") !== baselinePlan.classes.join("\0")) {
    const union = [.../* @__PURE__ */ new Set([...candidatePlan.classes, ...baselinePlan.classes])];
    if (candidatePlan.probabilityColumns || baselinePlan.probabilityColumns) {
      throw new DataError(`${input.candidate}, ${input.baseline}: the two models have probability columns for different classes; expected the same classes to compare them`);
    }
    candidatePlan.classes = baselinePlan.classes = sortClasses(union);
  }
  const key = quoteIdentifier(id);
  const label = quoteIdentifier(candidatePlan.label);
  const [counts] = await engine.query(
    `SELECT count(*) FILTER (WHERE b.${key} IS NULL) AS c_only, count(*) FILTER (WHERE c.${key} IS NULL) AS b_only, count(*) FILTER (WHERE c.${key} IS NOT NULL AND b.${key} IS NOT NULL) AS shared, count(*) FILTER (WHERE c.${key} IS NOT NULL AND b.${key} IS NOT NULL AND CAST(c.${label} AS VARCHAR) IS DISTINCT FROM CAST(b.${quoteIdentifier(baselinePlan.label)} AS VARCHAR)) AS differ FROM candidate c FULL OUTER JOIN baseline b ON c.${key} = b.${key}`
  );
  const shared = Number(counts?.shared ?? 0);
  if (shared === 0) throw new DataError(`${input.candidate}, ${input.baseline}: no row id in both files; expected predictions of both models on the same rows`);
  if (Number(counts?.differ ?? 0) > 0) {
    throw new DataError(`${input.candidate}, ${input.baseline}: ${Number(counts?.differ)} shared rows have different labels; expected both models scored on the same labelled rows`);
  }
  const candidateSelect = selectExpressions(candidatePlan, "c");
  const baselineSelect = selectExpressions(baselinePlan, "b");
  const { columns } = await engine.queryNumbers(`SELECT ${[...candidateSelect, ...baselineSelect].join(", ")} FROM candidate c JOIN baseline b ON c.${key} = b.${key} ORDER BY c.${key}`);
  return {
    candidate: rowsFromColumns(candidatePlan, columns.slice(0, candidateSelect.length)),
    baseline: rowsFromColumns(baselinePlan, columns.slice(candidateSelect.length)),
    shared,
    candidateOnly: Number(counts?.c_only ?? 0),
    baselineOnly: Number(counts?.b_only ?? 0)
  };
}

// src/metrics/mcnemar.ts
function mcnemarExactP(b, c) {
  const n = b + c;
  if (n === 0) return 1;
  const k = Math.min(b, c);
  let logTop = 0;
  for (let i = 1; i <= k; i++) logTop += Math.log((n - k + i) / i);
  let sum = 1;
  let term = 1;
  for (let j = k; j > 0; j--) {
    term *= j / (n - j + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return Math.min(1, 2 * Math.exp(logTop - n * Math.LN2) * sum);
}
function mcnemar(candidate, baseline) {
  let b = 0;
  let c = 0;
  for (let i = 0; i < candidate.label.length; i++) {
    const candidateRight = candidate.predicted[i] === candidate.label[i];
    const baselineRight = baseline.predicted[i] === baseline.label[i];
    if (candidateRight && !baselineRight) b++;
    else if (!candidateRight && baselineRight) c++;
  }
  return { test: "mcnemar-exact", b, c, p: mcnemarExactP(b, c) };
}

// src/metrics/stages.ts
var DEFAULT_BOOTSTRAP = { confidence: 0.95, resamples: 1e3, seed: 42 };
async function evaluateStage(input) {
  const engine = await DataEngine.open();
  try {
    const loaded = await loadPredictions(engine, { file: input.predictions, cwd: input.cwd, columns: input.columns, ...input.slice ? { slice: input.slice } : {} });
    return evaluateRows(loaded.rows, loaded.slicing);
  } finally {
    engine.close();
  }
}
async function sideMetrics(side, input, role) {
  if (side.metrics) return { metrics: side.metrics, file: side.metricsFile ?? `${role} metrics` };
  if (side.metricsFile) return { metrics: await readMetricsFile(side.metricsFile), file: side.metricsFile };
  if (side.predictions) {
    const result = await evaluateStage({ predictions: side.predictions, cwd: input.cwd, columns: input.columns });
    return { metrics: result.metrics, file: side.predictions };
  }
  throw new DataError(`the ${role} has neither a metrics file nor predictions; expected at least one`);
}
function pairedEvidence(paired, settings, names) {
  const { candidate, baseline } = paired;
  const metrics = TASK_METRICS[candidate.task].filter((name) => names.includes(name));
  const bootstrap = pairedBootstrap(candidate, baseline, { metrics, ...settings });
  const tests2 = {};
  if (candidate.task !== "regression" && baseline.task !== "regression" && names.includes("accuracy")) tests2.accuracy = mcnemar(candidate, baseline);
  if (candidate.task === "binary" && baseline.task === "binary" && names.includes("roc_auc")) {
    const result = delong(candidate, baseline);
    if (result) tests2.roc_auc = result;
  }
  return { bootstrap, tests: tests2, rows: { shared: paired.shared, candidateOnly: paired.candidateOnly, baselineOnly: paired.baselineOnly } };
}
async function compareStage(input) {
  const candidate = await sideMetrics(input.candidate, input, "candidate");
  const baseline = input.baseline ? await sideMetrics(input.baseline, input, "baseline") : null;
  let paired = null;
  const candidatePredictions = input.candidate.predictions;
  const baselinePredictions = input.baseline?.predictions;
  if (candidatePredictions && baselinePredictions) {
    const engine = await DataEngine.open();
    try {
      const rows = await loadPairedPredictions(engine, { candidate: candidatePredictions, baseline: baselinePredictions, cwd: input.cwd, columns: input.columns, ...input.id ? { id: input.id } : {} });
      const settings = { ...DEFAULT_BOOTSTRAP, ...input.policy.significance ?? {}, ...input.bootstrap ?? {} };
      const names = [...Object.keys(input.policy.rules), ...Object.keys(candidate.metrics)];
      paired = pairedEvidence(rows, settings, names);
    } finally {
      engine.close();
    }
  }
  return compareModels({ candidate, baseline, policy: input.policy, paired });
}
function splitTrainerBaseline(metrics) {
  const candidate = {};
  const baseline = {};
  for (const [name, value] of Object.entries(metrics)) {
    if (name.startsWith(BASELINE_PREFIX) && metrics[name.slice(BASELINE_PREFIX.length)] !== void 0) baseline[name.slice(BASELINE_PREFIX.length)] = value;
    else candidate[name] = value;
  }
  return { candidate, baseline: Object.keys(baseline).length > 0 ? baseline : null };
}
async function trainerComparisonStage(input) {
  const { candidate, baseline } = splitTrainerBaseline(input.metrics);
  const comparison = await compareStage({
    candidate: { metrics: candidate, metricsFile: input.metricsFile },
    baseline: baseline ? { metrics: baseline, metricsFile: `${input.metricsFile} (${BASELINE_PREFIX}*)` } : null,
    policy: policyOfModel(input.model),
    columns: { task: input.model.task },
    cwd: input.cwd
  });
  return { comparison, report: renderJobSummary({ model: input.name, comparison, baselineName: "trainer baseline" }) };
}

export {
  comparisonDocument,
  renderJobSummary,
  TASKS,
  policyOfModel,
  loadPolicy,
  evaluateStage,
  compareStage,
  trainerComparisonStage
};
