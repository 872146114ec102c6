#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  external_exports
} from "./chunk-POXGZ53D.js";
import {
  require_dist
} from "./chunk-EA7JVYYM.js";
import {
  ConfigError
} from "./chunk-BEL2JVQX.js";
import {
  __toESM
} from "./chunk-M6HMHLEN.js";

// src/config/load.ts
import { readFile, stat } from "node:fs/promises";
import path from "node:path";

// src/config/drift-methods.ts
var DRIFT_METHOD_NAMES = ["ks", "wasserstein", "jensenshannon", "psi", "kl", "hellinger", "chisquare", "z", "linf"];
var CORRECTIONS = ["none", "bonferroni", "benjamini-hochberg"];

// src/config/schema.ts
var MODEL_NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/;
var DRIFT_METHODS = DRIFT_METHOD_NAMES;
var pathOrGlobs = external_exports.union([external_exports.string().min(1), external_exports.array(external_exports.string().min(1)).min(1)]).describe("A file, a directory or a glob (`data/part-*.parquet`), or a list of them; relative to the project root.");
var paramValue = external_exports.union([external_exports.string(), external_exports.number(), external_exports.boolean()]);
var metricRuleSchema = external_exports.strictObject({
  greater_is_better: external_exports.boolean().describe("Whether a higher value of the metric is better (MLflow `greater_is_better`)."),
  threshold: external_exports.number().optional().describe("Absolute bound: the candidate must be >= threshold when higher is better, <= otherwise."),
  min_absolute_change: external_exports.number().positive().optional().describe("The candidate must beat the baseline by at least this much (candidate >= baseline + change when higher is better)."),
  min_relative_change: external_exports.number().min(0).max(1).optional().describe("The candidate must beat the baseline by at least this share of it, in [0, 1]; a zero baseline needs candidate > baseline by 1e-10."),
  reported: external_exports.boolean().optional().describe("Gate on the value the trainer reports in its metrics file. Only for metrics trainyard cannot compute from predictions (custom ones); without it such a metric is shown, reported by the trainer, and a rule on it fails.")
}).refine((rule) => rule.threshold !== void 0 || rule.min_absolute_change !== void 0 || rule.min_relative_change !== void 0, {
  message: "expected at least one of threshold, min_absolute_change, min_relative_change"
}).describe("A gate on one metric, with the semantics of MLflow MetricThreshold.");
var dataSchema = external_exports.strictObject({
  train: pathOrGlobs.describe("The training data: CSV, TSV, Parquet, JSON or JSON Lines."),
  production: pathOrGlobs.optional().describe("Recent production data, the default current side of drift checks."),
  schema: external_exports.string().min(1).optional().describe("The data schema file (`trainyard schema infer` writes one).")
}).describe("Where the model's data lives.");
var trainingSchema = external_exports.strictObject({
  command: external_exports.string().min(1).describe("The training command, run in the project root with TRAINYARD_OUTPUT_DIR, TRAINYARD_DATA_TRAIN, TRAINYARD_SEED and TRAINYARD_PARAMS set."),
  runs_on: external_exports.array(external_exports.string().min(1)).min(1).default(["self-hosted", "gpu"]).describe("Runner labels of the training job."),
  timeout_minutes: external_exports.number().positive().max(43200).default(360).describe("The training command is stopped after this many minutes."),
  seed: external_exports.int().min(0).max(2 ** 32 - 1).default(42).describe("The random seed passed to the command as TRAINYARD_SEED."),
  gpus: external_exports.int().min(0).max(64).default(0).describe("GPUs the command needs; above 0 a GPU preflight runs first."),
  min_gpu_memory_mb: external_exports.int().positive().optional().describe("Free memory each GPU must have before training starts."),
  telemetry_interval_ms: external_exports.int().min(100).max(6e4).default(1e3).describe("How often GPU telemetry (utilisation, memory, power, temperature) is sampled while training, in milliseconds."),
  params: external_exports.record(external_exports.string().min(1), paramValue).default({}).describe("Hyperparameters, passed as the JSON object TRAINYARD_PARAMS."),
  env: external_exports.record(external_exports.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), external_exports.string()).default({}).describe("Extra environment variables for the command.")
}).describe("How the model is trained.");
var significanceSchema = external_exports.strictObject({
  confidence: external_exports.number().gt(0).lt(1).default(0.95).describe("Two-sided confidence of the paired bootstrap interval of each metric difference."),
  resamples: external_exports.int().min(100).max(1e5).default(1e3).describe("Bootstrap resamples (row indices drawn once per resample, applied to both models)."),
  seed: external_exports.int().min(0).max(2 ** 32 - 1).default(42).describe("Seed of the resampling, recorded in comparison.json.")
}).describe("Gate on confidence intervals: a change whose interval still crosses the bound of a rule is inconclusive, not a pass.");
var metricsSchema = external_exports.strictObject({
  file: external_exports.string().min(1).default("metrics.json").describe("The metrics file the trainer writes, relative to its output directory."),
  predictions: external_exports.string().min(1).default("predictions.csv").describe("Per-row predictions (`id,label,score`) the trainer writes, used for confidence intervals."),
  policy: external_exports.record(external_exports.string().min(1), metricRuleSchema).default({}).describe("Gates per metric name (dotted names address nested keys)."),
  significance: significanceSchema.optional()
}).describe("The metrics a candidate is judged on.");
var promotionSchema = external_exports.strictObject({
  environment: external_exports.string().min(1).default("production").describe("The GitHub environment the promotion job deploys to."),
  required_approvals: external_exports.int().min(0).max(10).default(1).describe("Approvals of the final head commit the pull request needs."),
  allowed_reviewers: external_exports.array(external_exports.string().min(1)).default([]).describe("Logins whose approvals count; empty means anyone with write access.")
}).describe("The gate a version passes before it is promoted.");
var driftSchema = external_exports.strictObject({
  reference: pathOrGlobs.optional().describe("Reference data or profile.json; defaults to the champion's profile."),
  current: pathOrGlobs.optional().describe("Current data; defaults to data.production."),
  columns: external_exports.array(external_exports.string().min(1)).optional().describe("Columns to check; defaults to all but the excluded ones."),
  exclude: external_exports.array(external_exports.string().min(1)).optional().describe("Columns never to check. Without `columns`, ids (unique or id-like names), the schema's training_only columns (the label) and dates and timestamps are left out as well; the report lists every column left out and why."),
  methods: external_exports.record(external_exports.string().min(1), external_exports.enum(DRIFT_METHODS)).default({}).describe("A drift test per column, overriding the automatic choice."),
  thresholds: external_exports.record(external_exports.string().min(1), external_exports.number()).default({}).describe("A threshold per column, overriding the method's default."),
  drift_share: external_exports.number().gt(0).max(1).default(0.5).describe("The dataset drifts when this share of columns drifts."),
  correction: external_exports.enum(CORRECTIONS).default("none").describe("Multiple-testing correction over column p-values."),
  schedule: external_exports.string().min(1).default("0 6 * * 1").describe("Cron schedule of the drift workflow (UTC).")
}).describe("Drift monitoring of the model's input data.");
var monitorSourceSchema = external_exports.union([
  pathOrGlobs,
  external_exports.strictObject({
    url: external_exports.string().regex(/^postgres(ql)?:\/\//).describe("A PostgreSQL connection URL (`postgres://user@host:5432/db`); the password may come from PGPASSWORD."),
    table: external_exports.string().min(1).optional().describe("The table (or `schema.table`) to read."),
    query: external_exports.string().min(1).optional().describe("A SELECT whose rows are read, instead of a table.")
  }).refine((source) => source.table === void 0 !== (source.query === void 0), { message: "expected exactly one of table, query" })
]).describe("Files (CSV, Parquet, JSON lines: a file, folder or glob), a `postgres://\u2026?table=name` URL, or `{ url, table | query }`.");
var monitoringColumnsSchema = external_exports.strictObject({
  id: external_exports.string().min(1).default("id").describe("The prediction id, which labels are joined on."),
  timestamp: external_exports.string().min(1).default("timestamp").describe("When the prediction was made (read as UTC when it has no offset)."),
  score: external_exports.string().min(1).default("score").describe("The positive-class score of a binary model."),
  prediction: external_exports.string().min(1).default("prediction").describe("The predicted value of a regression model."),
  label: external_exports.string().min(1).default("label").describe("The true label, in the labels source and the reference."),
  model_version: external_exports.string().min(1).default("model_version").describe("The model version that made the prediction (optional in the data)."),
  latency_ms: external_exports.string().min(1).default("latency_ms").describe("The prediction latency in milliseconds (optional in the data)."),
  features: external_exports.array(external_exports.string().min(1)).optional().describe("The feature columns checked for drift; by default every other column.")
}).describe("Column names of the prediction log, the labels and the reference.");
var monitoringSchema = external_exports.strictObject({
  predictions: monitorSourceSchema.optional().describe("The prediction log."),
  labels: monitorSourceSchema.optional().describe("Labels that arrive later, with the id and label columns, joined to the log by id."),
  reference: external_exports.union([
    monitorSourceSchema,
    external_exports.strictObject({
      since: external_exports.string().min(1).describe("Start of the reference period in the log (ISO date or time, UTC), inclusive."),
      until: external_exports.string().min(1).describe("End of the reference period in the log, exclusive.")
    })
  ]).optional().describe("The reference period: rows with labels (the log's columns plus label), or a time range of the log."),
  columns: monitoringColumnsSchema.default({ id: "id", timestamp: "timestamp", score: "score", prediction: "prediction", label: "label", model_version: "model_version", latency_ms: "latency_ms" }),
  chunk: external_exports.string().regex(/^(hour|day|week|month|[1-9][0-9]*rows)$/).default("week").describe("Chunks: `hour`, `day`, `week` (Monday to Monday) or `month` in UTC, or `<N>rows`."),
  threshold: external_exports.number().min(0).max(1).default(0.5).describe("A binary model predicts the positive class when its score is at least this."),
  since: external_exports.string().min(1).optional().describe("Monitor rows from this time (inclusive, UTC)."),
  until: external_exports.string().min(1).optional().describe("Monitor rows up to this time (exclusive, UTC)."),
  schema: external_exports.string().min(1).optional().describe("The data schema of the prediction log, whose checks count quality failures per chunk (none by default)."),
  notify: external_exports.array(external_exports.string().min(1)).default([]).describe("GitHub logins (or @org/team) mentioned when a new alert is posted."),
  retrain_after: external_exports.int().min(1).default(3).describe("Consecutive chunks with a metric outside its band before a retraining pull request opens."),
  schedule: external_exports.string().min(1).default("0 6 * * *").describe("Cron schedule of the monitoring workflow (UTC).")
}).describe("Production monitoring (`trainyard monitor`): the prediction log, its labels, the reference and the chunking.");
var cardSchema = external_exports.strictObject({
  intended_use: external_exports.string().optional().describe("What the model is for, written into the model card."),
  limitations: external_exports.string().optional().describe("Known limitations, written into the model card.")
}).describe("Model card text.");
var deploySchema = external_exports.strictObject({
  command: external_exports.string().min(1).describe("The deploy command, run in the project root with MODEL_DIR (the downloaded version) and MODEL_VERSION set."),
  timeout_minutes: external_exports.number().positive().max(360).default(30).describe("The deploy command is stopped after this many minutes.")
}).describe("How `trainyard deploy` ships a version.");
var REGISTRY_SPEC = /^(local:.+|github:[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)$/;
var evaluationSchema = external_exports.strictObject({
  file: pathOrGlobs.optional().describe("Labelled evaluation rows (with the id and label columns), relative to the project root."),
  split: external_exports.strictObject({
    fraction: external_exports.number().gt(0).lt(1).describe("The share of `data.train` rows held out for evaluation, chosen by a stable hash of the id.")
  }).optional().describe("Evaluate on the rows of `data.train` whose id hashes below `fraction` (SHA-256 of the id text, first 8 bytes as an unsigned integer over 2^64): stable across seeds and code changes."),
  id: external_exports.string().min(1).default("id").describe("The row id column, in the evaluation rows and in the predictions."),
  label: external_exports.string().min(1).default("label").describe("The label: a column of the evaluation rows, or a SQL expression over them (`CAST(delay > 15 AS INTEGER)`). Read by trainyard from the data, never from the predictions."),
  tolerance: external_exports.number().min(0).default(1e-4).describe("A metric the trainer also reports may differ from the value trainyard computes by at most this much; more fails the comparison.")
}).refine((value) => value.file === void 0 !== (value.split === void 0), { message: "expected exactly one of file, split" }).describe("The labelled rows every version of the model is judged on. trainyard joins predictions to them by id and computes every metric it can.");
var predictSchema = external_exports.strictObject({
  command: external_exports.string().min(1).describe("Scores rows with a registered version: run in the project root of a temporary git worktree at the commit the version was trained from (the current checkout when it records none), with MODEL_DIR (the version), TRAINYARD_PREDICT_INPUT (a CSV of features, without the label) and TRAINYARD_PREDICT_OUTPUT (the predictions CSV to write).")
}).describe("How trainyard re-scores the champion when the evaluation rows changed.");
var modelSchema = external_exports.strictObject({
  task: external_exports.enum(["binary", "multiclass", "regression"]).describe("The kind of prediction."),
  description: external_exports.string().optional().describe("One line about the model."),
  data: dataSchema,
  training: trainingSchema,
  metrics: metricsSchema.default({ file: "metrics.json", predictions: "predictions.csv", policy: {} }),
  evaluation: evaluationSchema.optional(),
  predict: predictSchema.optional(),
  promotion: promotionSchema.optional(),
  drift: driftSchema.optional(),
  monitoring: monitoringSchema.optional(),
  card: cardSchema.optional(),
  deploy: deploySchema.optional()
}).describe("One model of the repository.");
var configSchema = external_exports.strictObject({
  $schema: external_exports.string().optional().describe("The JSON Schema of this file, for editors."),
  _extends: external_exports.string().optional().describe("Probot-style inheritance: `repo` or `owner/repo:path` holding defaults."),
  version: external_exports.literal(1).default(1).describe("The version of this file format."),
  registry: external_exports.string().regex(REGISTRY_SPEC).optional().describe("Where model versions live: `local:<dir>` (relative to the project root) or `github:<owner>/<repo>` (releases); the local `.trainyard/registry` by default."),
  models: external_exports.record(external_exports.string().regex(MODEL_NAME), modelSchema).refine((models) => Object.keys(models).length > 0, { message: "expected at least one model" }).describe("The models of the repository, by name (lowercase letters, digits, `.`, `_`, `-`).")
}).describe("trainyard configuration (.github/trainyard.yml).");

// src/util/did-you-mean.ts
function editDistance(a, b) {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_2, j) => i === 0 ? j : j === 0 ? i : 0));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2][j - 2] + 1);
      d[i][j] = best;
    }
  }
  return d[a.length][b.length];
}
function didYouMean(word, known) {
  const normalized = word.toLowerCase().replace(/-/g, "_");
  let best;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(normalized, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(1, Math.floor(word.length / 3));
  return best !== void 0 && bestDistance <= allowed && bestDistance < word.length ? best : void 0;
}

// src/config/zod-issues.ts
function schemaAt(schema, path2) {
  let current = unwrap(schema);
  for (const segment of path2) {
    if (current instanceof external_exports.ZodObject) current = unwrap(current.shape[String(segment)]);
    else if (current instanceof external_exports.ZodRecord) current = unwrap(current.valueType);
    else if (current instanceof external_exports.ZodArray) current = unwrap(current.element);
    else return void 0;
  }
  return current;
}
function keysAt(schema, path2) {
  const current = schemaAt(schema, path2);
  return current instanceof external_exports.ZodObject ? Object.keys(current.shape) : [];
}
function unwrap(schema) {
  let current = schema;
  for (; ; ) {
    if (current instanceof external_exports.ZodOptional || current instanceof external_exports.ZodDefault || current instanceof external_exports.ZodNullable) {
      current = current.unwrap();
    } else if (current instanceof external_exports.ZodPipe) {
      current = current.in;
    } else {
      return current;
    }
  }
}
function describeValue(value) {
  if (value === void 0) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
function valueAt(root, path2) {
  let current = root;
  for (const segment of path2) {
    if (current === null || typeof current !== "object") return void 0;
    current = current[segment];
  }
  return current;
}
var typeWords = {
  object: "a mapping",
  array: "a list",
  string: "a string",
  number: "a number",
  int: "an integer",
  boolean: "true or false"
};
function explainIssues(schema, input, issues) {
  const ordered = [...issues].sort((a, b) => Number(b.code === "unrecognized_keys") - Number(a.code === "unrecognized_keys"));
  return ordered.flatMap((issue) => {
    const path2 = [...issue.path];
    const found = describeValue(valueAt(input, path2));
    switch (issue.code) {
      case "unrecognized_keys":
        return issue.keys.map((key) => {
          const suggestion = didYouMean(key, keysAt(schema, path2));
          const hint = suggestion ? `; did you mean "${suggestion}"?` : `; expected one of: ${keysAt(schema, path2).join(", ")}`;
          return { path: [...path2, key], unknownKey: key, message: `unknown key${hint}` };
        });
      case "invalid_type": {
        const expected = typeWords[issue.expected] ?? issue.expected;
        const message = found === "nothing" ? `missing; expected ${expected}` : `expected ${expected}, got ${found}`;
        return [{ path: path2, message }];
      }
      case "invalid_value":
        return [{ path: path2, message: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}, got ${found}` }];
      case "too_small": {
        const what = issue.origin === "array" ? `at least ${String(issue.minimum)} item(s)` : issue.origin === "string" ? "a non-empty string" : `a number ${issue.inclusive ? ">=" : ">"} ${String(issue.minimum)}`;
        return [{ path: path2, message: `expected ${what}, got ${found}` }];
      }
      case "too_big": {
        const what = issue.origin === "array" ? `at most ${String(issue.maximum)} item(s)` : `a number ${issue.inclusive ? "<=" : "<"} ${String(issue.maximum)}`;
        return [{ path: path2, message: `expected ${what}, got ${found}` }];
      }
      case "invalid_key": {
        const inner = issue.issues[0];
        const rule = inner && inner.code === "invalid_format" && "pattern" in inner ? `a name matching ${String(inner.pattern)}` : "a valid name";
        return [{ path: path2, unknownKey: String(path2[path2.length - 1]), message: `invalid name ${JSON.stringify(path2[path2.length - 1])}; expected ${rule}` }];
      }
      case "invalid_union":
        return [{ path: path2, message: `expected ${unionWords(schema, path2)}, got ${found}` }];
      case "invalid_format":
        return [{ path: path2, message: `expected ${"pattern" in issue ? `a value matching ${String(issue.pattern)}` : issue.format}, got ${found}` }];
      default:
        return [{ path: path2, message: issue.message }];
    }
  });
}
function unionWords(schema, path2) {
  const union = schemaAt(schema, path2);
  if (!(union instanceof external_exports.ZodUnion)) return "a different kind of value";
  const words = union.options.map((option) => {
    const inner = unwrap(option);
    if (inner instanceof external_exports.ZodArray) return "a list of them";
    return typeWords[inner?.type ?? ""] ?? inner?.type ?? "a value";
  });
  return words.join(" or ");
}

// src/config/yaml-source.ts
var import_yaml = __toESM(require_dist(), 1);
var MAX_CONFIG_BYTES = 1024 * 1024;
var MAX_ALIASES = 100;
function parseYamlSource(text, file) {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_CONFIG_BYTES) {
    throw new ConfigError({ file, message: `file is ${bytes} bytes; expected at most ${MAX_CONFIG_BYTES} (1 MiB)` });
  }
  const lines = new import_yaml.LineCounter();
  const document = (0, import_yaml.parseDocument)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
  const first = document.errors[0];
  if (first) {
    const position = first.pos ? toPosition(lines, first.pos[0]) : void 0;
    throw new ConfigError({ file, message: `invalid YAML: ${first.message.split("\n")[0]}`, ...position ? { position } : {} });
  }
  let value;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const reason = error instanceof Error && /alias/i.test(error.message) ? `too many YAML aliases (an alias bomb); expected at most ${MAX_ALIASES}` : `invalid YAML: ${String(error)}`;
    throw new ConfigError({ file, message: reason });
  }
  return { file, document, lines, value };
}
function toPosition(lines, offset) {
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}
function positionOf(source, path2, keyOf) {
  let node = source.document.contents;
  for (const segment of path2) {
    const next = node?.get?.(segment, true);
    if (next === void 0 || next === null) break;
    node = next;
  }
  if (keyOf !== void 0 && (0, import_yaml.isMap)(node)) {
    const pair = node.items.find((item) => (0, import_yaml.isScalar)(item.key) && item.key.value === keyOf);
    if (pair && (0, import_yaml.isScalar)(pair.key) && pair.key.range) return toPosition(source.lines, pair.key.range[0]);
  }
  const range = node?.range;
  return range ? toPosition(source.lines, range[0]) : void 0;
}

// src/config/load.ts
var DEFAULT_CONFIG_PATH = ".github/trainyard.yml";
function parseConfig(text, file) {
  const source = parseYamlSource(text, file);
  if (source.value === null || source.value === void 0) {
    throw new ConfigError({ file, message: 'the file is empty; expected a mapping with a "models" key' });
  }
  const result = configSchema.safeParse(source.value);
  if (result.success) return result.data;
  const [first] = explainIssues(configSchema, source.value, result.error.issues);
  if (!first) throw new ConfigError({ file, message: result.error.message });
  const position = positionOf(source, first.unknownKey ? first.path.slice(0, -1) : first.path, first.unknownKey);
  const key = first.path.map(String).join(".") || void 0;
  throw new ConfigError({ file, message: first.message, ...position ? { position } : {}, ...key ? { key } : {} });
}
function projectRootOf(configFile) {
  const folder = path.dirname(path.resolve(configFile));
  return path.basename(folder) === ".github" ? path.dirname(folder) : folder;
}
async function loadConfig(path_, shownAs) {
  const file = shownAs ?? path_;
  let size;
  try {
    const info = await stat(path_);
    if (!info.isFile()) throw new ConfigError({ file, message: "not a file; expected a YAML config file" });
    size = info.size;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError({ file, message: `cannot read the config (${error.code ?? "error"}); expected a YAML file such as ${DEFAULT_CONFIG_PATH}` });
  }
  if (size > MAX_CONFIG_BYTES) {
    throw new ConfigError({ file, message: `file is ${size} bytes; expected at most ${MAX_CONFIG_BYTES} (1 MiB)` });
  }
  const text = await readFile(path_, "utf8");
  return { config: parseConfig(text, file), file, text, root: projectRootOf(path_) };
}

export {
  DRIFT_METHOD_NAMES,
  CORRECTIONS,
  MODEL_NAME,
  metricRuleSchema,
  significanceSchema,
  REGISTRY_SPEC,
  configSchema,
  didYouMean,
  explainIssues,
  MAX_CONFIG_BYTES,
  parseYamlSource,
  positionOf,
  DEFAULT_CONFIG_PATH,
  parseConfig,
  projectRootOf,
  loadConfig
};
