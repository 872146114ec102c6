#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  awaitObject,
  claimOnce,
  createClaimed
} from "./chunk-W3QHEJVT.js";
import {
  BASELINE_PREFIX,
  metricValue,
  readMetricsFile
} from "./chunk-YICYZTQY.js";
import {
  runCommand
} from "./chunk-HWFKGCS3.js";
import {
  BINARY_METRICS,
  REGRESSION_METRICS,
  argsortDescending,
  binaryMetrics,
  buildEvaluationSet,
  confusion,
  joinToEvaluationSet,
  prepareBinary,
  regressionMetrics,
  writeEvaluationFeatures
} from "./chunk-OSUZFFL4.js";
import {
  lineChart
} from "./chunk-DPFEQ3BD.js";
import {
  DataEngine,
  quoteIdentifier,
  quoteLiteral,
  resolveSource
} from "./chunk-FNE57ZFB.js";
import {
  formatBytes,
  formatChange,
  formatNumber,
  formatSeconds
} from "./chunk-W2DRLS5N.js";
import {
  didYouMean,
  explainIssues,
  metricRuleSchema,
  parseConfig,
  parseYamlSource,
  positionOf,
  significanceSchema
} from "./chunk-QDZFQRV4.js";
import {
  external_exports
} from "./chunk-PWI6BAP3.js";
import {
  CommandError,
  ConfigError,
  DataError,
  UsageError
} from "./chunk-BEL2JVQX.js";

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
  const value2 = source.value;
  if (value2 !== null && typeof value2 === "object" && "models" in value2) {
    const config = parseConfig(text, file);
    const [name2, chosen] = chooseModel(config.models, model, file);
    return { policy: policyOfModel(chosen), model: name2, task: chosen.task, config: chosen };
  }
  const result = policyFileSchema.safeParse(value2 ?? {});
  if (!result.success) {
    const [first] = explainIssues(policyFileSchema, value2, result.error.issues);
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

// src/metrics/stages.ts
import { mkdir } from "node:fs/promises";
import path2 from "node:path";

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
  const names = options.metrics.filter((name2) => candidateSuite.names.includes(name2));
  const differences = names.map(() => new Float64Array(options.resamples));
  const random = new Xoshiro128(options.seed);
  const counts = new Uint8Array(n);
  for (let r = 0; r < options.resamples; r++) {
    random.drawCounts(n, counts);
    const a = candidateSuite.compute(counts, names);
    const b = baselineSuite.compute(counts, names);
    names.forEach((name2, index) => differences[index][r] = a[name2] - b[name2]);
  }
  const tail = (1 - options.confidence) / 2 * 100;
  const intervals = {};
  names.forEach((name2, index) => {
    const valid = differences[index].filter((value2) => Number.isFinite(value2));
    intervals[name2] = valid.length * 2 < options.resamples ? null : { low: percentile(valid, tail), high: percentile(valid, 100 - tail), valid: valid.length };
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
  const mean = (values) => values.reduce((sum, value2) => sum + value2, 0) / values.length;
  const auc = [mean(a10), mean(b10)];
  const variance = (covariance(a10, a10) + covariance(b10, b10) - 2 * covariance(a10, b10)) / m + (covariance(a01, a01) + covariance(b01, b01) - 2 * covariance(a01, b01)) / n;
  const difference = auc[0] - auc[1];
  if (!(variance > 0)) return { test: "delong", auc, variance, z: difference === 0 ? 0 : Math.sign(difference) * Infinity, p: difference === 0 ? 1 : 0 };
  const z = difference / Math.sqrt(variance);
  return { test: "delong", auc, variance, z, p: 2 * normalSf(Math.abs(z)) };
}

// src/metrics/evaluate.ts
function whyUndefined(name2, rows) {
  if (name2 === "log_loss" && rows.task === "multiclass") return "no probability columns";
  if (["log_loss", "brier", "ece"].includes(name2)) return "scores are not probabilities in [0, 1]";
  if (name2 === "pr_auc") return "no positive rows";
  if (name2 === "roc_auc") return "the labels have one class only";
  return "no rows";
}
function split(values, rows) {
  const metrics = {};
  const missing = [];
  for (const [name2, value2] of Object.entries(values)) {
    if (Number.isFinite(value2)) metrics[name2] = value2;
    else missing.push({ name: name2, reason: whyUndefined(name2, rows) });
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

// src/metrics/commit-worktree.ts
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
var run = promisify(execFile);
var git = async (cwd, args) => (await run("git", ["-C", cwd, ...args])).stdout;
async function commitWorktree(root, commit, dir) {
  let top;
  try {
    top = (await git(root, ["rev-parse", "--show-toplevel"])).trim();
  } catch {
    return { unavailable: `${root} is not in a git repository, so its commit ${commit.slice(0, 12)} cannot be checked out` };
  }
  try {
    await git(top, ["cat-file", "-e", `${commit}^{commit}`]);
  } catch {
    return { unavailable: `its commit ${commit.slice(0, 12)} is not in the clone (check out with fetch-depth: 0)` };
  }
  await git(top, ["worktree", "add", "--quiet", "--detach", dir, commit]);
  return {
    root: path.join(dir, path.relative(top, root)),
    remove: async () => {
      await git(top, ["worktree", "remove", "--force", dir]).catch(() => void 0);
    }
  };
}

// src/metrics/prediction-columns.ts
function requireColumn(columns, name2, display, role) {
  if (columns.includes(name2)) return name2;
  const near = didYouMean(name2, columns);
  throw new DataError(`${display}: no ${role} column "${name2}"${near ? ` (did you mean "${near}"?)` : ""}; it has: ${columns.join(", ")}`);
}
function sortClasses(values) {
  const numeric = values.every((value2) => value2.trim() !== "" && Number.isFinite(Number(value2)));
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
  if (prediction) for (const value2 of await distinctText(engine, view, prediction)) seen.add(value2);
  for (const column of probabilityNames) seen.add(column.slice(prefix.length));
  const classes = sortClasses([...seen]);
  let probabilityColumns = null;
  if (probabilityNames.length > 0) {
    const missing = classes.filter((name2) => !probabilityNames.includes(`${prefix}${name2}`));
    if (missing.length > 0) throw new DataError(`${display}: no probability column "${prefix}${missing[0]}" for class "${missing[0]}"; expected one "${prefix}<class>" column per class`);
    probabilityColumns = classes.map((name2) => `${prefix}${name2}`);
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
  const col = (name2) => `${alias}.${quoteIdentifier(name2)}`;
  if (plan.task !== "multiclass") return numericColumns(plan).map((name2) => `CAST(${col(name2)} AS DOUBLE)`);
  const classes = `[${plan.classes.map(quoteLiteral).join(", ")}]`;
  const code = (name2) => `list_position(${classes}, CAST(${col(name2)} AS VARCHAR)) - 1`;
  return [code(plan.label), ...plan.prediction ? [code(plan.prediction)] : [], ...(plan.probabilityColumns ?? []).map((name2) => `CAST(${col(name2)} AS DOUBLE)`)];
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
    const dataId = slice.dataId ?? id;
    await registerFile(engine, "slice_data", slice.data, cwd);
    for (const [view, shown, column, option] of [["predictions", display, id, "--id"], ["slice_data", slice.data, dataId, "--data-id"]]) {
      const has = await columnsOf(view);
      if (!has.includes(column)) throw new DataError(`${shown}: no id column "${column}" to join predictions and data on; it has: ${has.join(", ")}; choose one with ${option}`);
    }
    const [dupes] = await engine.query(`SELECT count(*) - count(DISTINCT ${quoteIdentifier(dataId)}) AS d FROM slice_data`);
    if (Number(dupes?.d ?? 0) > 0) throw new DataError(`${slice.data}: column "${dataId}" repeats ${Number(dupes?.d)} ids; expected one row per id to join predictions on`);
    from = `predictions p LEFT JOIN slice_data d ON p.${quoteIdentifier(id)} = d.${quoteIdentifier(dataId)}`;
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
  const metrics = TASK_METRICS[candidate.task].filter((name2) => names.includes(name2));
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
  for (const [name2, value2] of Object.entries(metrics)) {
    if (name2.startsWith(BASELINE_PREFIX) && metrics[name2.slice(BASELINE_PREFIX.length)] !== void 0) baseline[name2.slice(BASELINE_PREFIX.length)] = value2;
    else candidate[name2] = value2;
  }
  return { candidate, baseline: Object.keys(baseline).length > 0 ? baseline : null };
}
async function trainerComparisonStage(input) {
  const { candidate, baseline } = splitTrainerBaseline(input.metrics);
  return compareStage({
    candidate: { metrics: candidate, metricsFile: input.metricsFile },
    baseline: baseline ? { metrics: baseline, metricsFile: `${input.metricsFile} (${BASELINE_PREFIX}*)` } : null,
    policy: policyOfModel(input.model),
    columns: { task: input.model.task },
    cwd: input.cwd
  });
}
function evaluationData(input) {
  return input.trusted?.paths ?? input.model.evaluation.file ?? input.model.data.train;
}
async function rescoreChampion(input, set) {
  const { evaluation, predict } = input.model;
  const champion = input.champion;
  const features = path2.join(input.workDir, "champion-features.csv");
  const output = path2.join(input.workDir, "champion-rescored.csv");
  const engine = await DataEngine.open();
  try {
    await writeEvaluationFeatures(engine, { evaluation: { ...evaluation, file: void 0 }, train: evaluationData(input), set, cwd: input.cwd, out: features });
  } finally {
    engine.close();
  }
  const worktree = champion.commit ? await commitWorktree(input.cwd, champion.commit, path2.join(input.workDir, "champion-worktree")) : null;
  if (worktree && "unavailable" in worktree) return { unavailable: `the champion ${champion.tag} cannot be re-scored with the \`predict\` command: ${worktree.unavailable}` };
  try {
    const outcome = await runCommand({
      command: predict.command,
      cwd: worktree?.root ?? input.cwd,
      env: { ...process.env, MODEL_DIR: champion.modelDir, MODEL_VERSION: champion.tag, TRAINYARD_PREDICT_INPUT: features, TRAINYARD_PREDICT_OUTPUT: output },
      timeoutMs: 30 * 6e4,
      logFile: path2.join(input.workDir, "predict.log"),
      echo: input.echo ?? (() => void 0)
    });
    if (outcome.exitCode !== 0 || outcome.timedOut) {
      throw new CommandError(`predict command "${predict.command}" ${outcome.timedOut ? "timed out" : `exited ${outcome.exitCode}`} re-scoring ${champion.tag}; its log: ${path2.join(input.workDir, "predict.log")}`);
    }
  } finally {
    await worktree?.remove();
  }
  return { file: output };
}
async function evaluationCompareStage(input) {
  const evaluation = input.model.evaluation;
  if (!evaluation) throw new DataError("the model has no evaluation section; expected evaluation.file or evaluation.split");
  await mkdir(input.workDir, { recursive: true });
  const engine = await DataEngine.open();
  let set;
  let candidate;
  let champion = null;
  try {
    set = await buildEvaluationSet(engine, { evaluation: { ...evaluation, file: void 0 }, train: evaluationData(input), cwd: input.cwd, out: path2.join(input.workDir, "evaluation-set.csv"), ...input.trusted ? { shown: input.trusted.labels } : {} });
    candidate = await joinToEvaluationSet(engine, { predictions: input.candidate.predictions, set, id: evaluation.id, cwd: input.cwd, out: path2.join(input.workDir, "candidate-predictions.csv"), table: "candidate" });
    if (candidate.missing > 0 || candidate.extra > 0) {
      throw new DataError(
        `${input.candidate.predictions}: ${candidate.missing} of the ${set.rows} evaluation rows have no prediction and ${candidate.extra} predictions are of rows outside the evaluation set (${set.source}); expected exactly one prediction per evaluation row, joined by "${evaluation.id}"`
      );
    }
    if (input.champion?.predictions) {
      champion = await joinToEvaluationSet(engine, { predictions: input.champion.predictions, set, id: evaluation.id, cwd: input.cwd, out: path2.join(input.workDir, "champion-predictions.csv"), table: "champion" });
    }
  } finally {
    engine.close();
  }
  let rescored = false;
  const stale = input.champion && (!champion || champion.missing > 0);
  let unscored = null;
  if (stale && input.model.predict && input.champion.modelDir) {
    const outcome = await rescoreChampion(input, set);
    if ("unavailable" in outcome) unscored = outcome.unavailable;
    else {
      const joining = await DataEngine.open();
      try {
        champion = await joinToEvaluationSet(joining, { predictions: outcome.file, set, id: evaluation.id, cwd: input.cwd, out: path2.join(input.workDir, "champion-predictions.csv"), table: "rescored" });
      } finally {
        joining.close();
      }
      if (champion.missing > 0) throw new DataError(`${outcome.file}: the predict command left ${champion.missing} of the ${set.rows} evaluation rows without a prediction re-scoring ${input.champion.tag}; expected one per row`);
      rescored = true;
    }
  }
  let unavailable = unscored;
  const noRescore = input.model.predict ? "and its model files are not at hand to re-score it with the `predict` command" : "and the config has no `predict` command to re-score it";
  if (!unavailable && input.champion && !champion) unavailable = `the champion ${input.champion.tag} has no predictions to score on the evaluation rows, ${noRescore}`;
  else if (!unavailable && input.champion && champion && champion.missing > 0) {
    unavailable = `the champion ${input.champion.tag} has no predictions for ${champion.missing} of the ${set.rows} evaluation rows (the evaluation set changed since it was trained), ${noRescore}`;
  }
  const columns = { task: input.model.task, ...input.columns ?? {}, label: "label" };
  const computed = await evaluateStage({ predictions: candidate.file, cwd: input.cwd, columns });
  const judged = input.champion && champion && !unavailable ? champion : null;
  const baselineComputed = judged ? await evaluateStage({ predictions: judged.file, cwd: input.cwd, columns }) : null;
  const policy = policyOfModel(input.model);
  let paired = null;
  if (judged) {
    const pairing = await DataEngine.open();
    try {
      const rows2 = await loadPairedPredictions(pairing, { candidate: candidate.file, baseline: judged.file, cwd: input.cwd, columns, id: "id" });
      const settings = { ...DEFAULT_BOOTSTRAP, ...policy.significance ?? {}, ...input.bootstrap ?? {} };
      paired = pairedEvidence(rows2, settings, [...Object.keys(policy.rules), ...Object.keys(computed.metrics)]);
    } finally {
      pairing.close();
    }
  }
  const championReported = input.champion?.metricsFile ? await readMetricsFile(input.champion.metricsFile).catch(() => null) : null;
  const comparison = compareModels({
    candidate: { metrics: computed.metrics, file: `${input.candidate.predictions} on the evaluation rows` },
    baseline: baselineComputed && input.champion ? { metrics: baselineComputed.metrics, file: `${input.champion.tag} on the evaluation rows` } : null,
    policy,
    paired,
    missing: "fail",
    reported: { metrics: input.candidate.metrics, file: input.candidate.metricsFile, tolerance: evaluation.tolerance, baseline: championReported },
    baselineUnavailable: unavailable
  });
  const from = evaluationData(input);
  const labels = input.trusted ? { labels: input.trusted.labels, trusted: input.trusted.trusted } : { labels: (Array.isArray(from) ? from : [from]).map((entry) => `working tree:${entry}`).join(", "), trusted: true };
  const rows = set.rows.toLocaleString("en-US");
  const notes = [`${judged ? "Both models" : "The candidate"} scored on the ${rows} evaluation rows (${set.source}), labels read from the data; every metric trainyard can compute is computed from the predictions.`];
  if (rescored && input.champion) notes.push(`The champion ${input.champion.tag} was re-scored on these rows with the config's predict command${input.champion.commit ? ` at its commit ${input.champion.commit.slice(0, 12)}` : " (in the current checkout: its version records no commit)"}.`);
  if (input.trusted?.fallback) notes.push(`The labels are not trusted: ${input.trusted.fallback}, so they were read from the working tree, which the change being judged may have edited.`);
  return { comparison: { ...comparison, evaluation: { rows: set.rows, ...labels } }, set, rescored, computed: computed.metrics, notes };
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
  TASK_METRICS,
  compareModels,
  verdictExitCode,
  TASKS,
  policyOfModel,
  loadPolicy,
  evaluateStage,
  compareStage,
  trainerComparisonStage,
  evaluationCompareStage,
  commentMarker,
  upsertStickyComment,
  postOnce,
  judgedCommit,
  quote,
  renderCommentBody,
  renderJobSummary,
  renderCheckOutput
};
