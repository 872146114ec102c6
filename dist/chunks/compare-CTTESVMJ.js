#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  defaultEvaluationRef,
  parseIntegerOption,
  parseNumberOption,
  parseTask,
  renderMetrics,
  trustedEvaluation,
  writeFileAtomic
} from "./chunk-QBAVSJNH.js";
import {
  comparisonDocument
} from "./chunk-KSNJQD4E.js";
import {
  TASKS,
  compareStage,
  evaluationCompareStage,
  loadPolicy,
  renderJobSummary,
  verdictExitCode
} from "./chunk-444XO5IC.js";
import "./chunk-W3QHEJVT.js";
import {
  flattenMetrics,
  readMetricsFile
} from "./chunk-YICYZTQY.js";
import "./chunk-HWFKGCS3.js";
import "./chunk-OSUZFFL4.js";
import "./chunk-DPFEQ3BD.js";
import "./chunk-FNE57ZFB.js";
import "./chunk-W2DRLS5N.js";
import {
  DEFAULT_CONFIG_PATH,
  projectRootOf
} from "./chunk-QDZFQRV4.js";
import "./chunk-PWI6BAP3.js";
import "./chunk-FA4IZPLS.js";
import {
  DataError,
  UsageError
} from "./chunk-BEL2JVQX.js";
import "./chunk-M6HMHLEN.js";

// src/cli/commands/compare.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path2 from "node:path";

// src/cli/commands/compare-inputs.ts
import { access, readFile } from "node:fs/promises";
import path from "node:path";
async function resolvePolicy(cwd, given, model) {
  if (given) return { ...await loadPolicy(path.resolve(cwd, given), given, model), file: given };
  const fallback = path.resolve(cwd, DEFAULT_CONFIG_PATH);
  const exists = await access(fallback).then(
    () => true,
    () => false
  );
  if (exists) return { ...await loadPolicy(fallback, DEFAULT_CONFIG_PATH, model), file: DEFAULT_CONFIG_PATH };
  return { policy: { rules: {}, significance: null }, model: model ?? null, task: null, file: null };
}
async function readJson(file, shown, what) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new DataError(`${shown}: cannot read the ${what} (${error.code ?? "error"})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DataError(`${shown}: invalid JSON (${error.message}); expected the ${what}`);
  }
}
async function readHistory(cwd, given) {
  const document = await readJson(path.resolve(cwd, given), given, "version history");
  if (!Array.isArray(document)) throw new DataError(`${given}: expected a JSON array of {"version", "metrics"} objects, oldest first`);
  return document.map((entry, index) => {
    const item = entry;
    if (item === null || typeof item !== "object" || typeof item.version !== "string") {
      throw new DataError(`${given}: entry ${index} has no "version" string; expected {"version", "metrics"}`);
    }
    return { version: item.version, metrics: flattenMetrics(item.metrics, `${given} [${index}].metrics`) };
  });
}
async function readLineage(cwd, given) {
  const document = await readJson(path.resolve(cwd, given), given, "lineage.json");
  const lineage = document;
  if (!lineage || typeof lineage !== "object" || lineage.schemaVersion !== 1 || typeof lineage.command !== "string" || !Array.isArray(lineage.data)) {
    throw new DataError(`${given}: not a trainyard lineage.json (expected schemaVersion 1 with command and data)`);
  }
  return lineage;
}

// src/cli/commands/compare.ts
function side(cwd, metrics, predictions) {
  if (!metrics && !predictions) return null;
  return { ...metrics ? { metricsFile: path2.resolve(cwd, metrics) } : {}, ...predictions ? { predictions } : {} };
}
function registerCompare(program, io, setExit) {
  program.command("compare").description("Judge a candidate against a baseline under the metric policy; exit 0 pass, 1 fail or inconclusive, 2 bad input.").option("--candidate <metrics>", "the candidate's metrics file (JSON, YAML, CSV or TSV)").option("--baseline <metrics>", "the baseline's (champion's) metrics file; none for a first model").option("--candidate-predictions <file>", "the candidate's predictions, for paired intervals (or metrics, without --candidate)").option("--baseline-predictions <file>", "the baseline's predictions on the same rows").option("--policy <file>", `a trainyard config or a policy file (default: ${".github/trainyard.yml"} when present)`).option("-m, --model <name>", "the model whose policy applies (when the config has several)").option("-t, --task <task>", `the kind of model, for predictions: ${TASKS.join(", ")} (default: the model's task)`).option("--label <column>", "the label column of the predictions", "label").option("--score <column>", "the score column (multiclass: probability column prefix)", "score").option("--prediction <column>", "the predicted class or value column").option("--threshold <number>", "binary: the score from which a row is predicted positive", "0.5").option("--id <column>", "the row id pairing the two predictions files", "id").option("--resamples <n>", "bootstrap resamples (default: the policy's significance, else 1000)").option("--seed <n>", "bootstrap seed (default: the policy's significance, else 42)").option("--confidence <level>", "interval confidence (default: the policy's significance, else 0.95)").option("--history <file>", `previous versions' metrics for the chart: [{"version", "metrics"}], oldest first`).option("--lineage <file>", "the candidate's lineage.json, for the report").option("--baseline-name <name>", "what the report calls the baseline", "champion").option("--evaluation-ref <ref>", "for a model with an evaluation section: the git ref whose evaluation data gives the labels (git show <ref>:<path>; default: origin/$GITHUB_BASE_REF in a pull request's workflow, else the working tree)").option("--json", "print comparison.json instead of the report").option("-o, --out <file>", "write comparison.json here").option("--markdown <file>", "write the report (job-summary Markdown) here").option("--metrics-out <file>", "write the candidate's metrics as the comparison used them (.json, .yaml, .csv or .tsv): computed by trainyard from --candidate-predictions, on the evaluation rows for a model with an evaluation section").action(async (options) => {
    const candidate = side(io.cwd, options.candidate, options.candidatePredictions);
    if (!candidate) throw new UsageError("expected --candidate <metrics> or --candidate-predictions <file>");
    const baseline = side(io.cwd, options.baseline, options.baselinePredictions);
    const loaded = await resolvePolicy(io.cwd, options.policy, options.model);
    const needsTask = Boolean(options.candidatePredictions || options.baselinePredictions);
    const task = options.task ? parseTask(options.task) : loaded.task;
    if (needsTask && !task) throw new UsageError("--task is needed to read predictions when the policy does not come from a trainyard config");
    const confidence = options.confidence === void 0 ? void 0 : parseNumberOption("--confidence", options.confidence);
    if (confidence !== void 0 && !(confidence > 0 && confidence < 1)) throw new UsageError(`--confidence ${options.confidence}: expected a number between 0 and 1, such as 0.95`);
    const bootstrap = {
      ...options.resamples ? { resamples: parseIntegerOption("--resamples", options.resamples, 100, 1e5) } : {},
      ...options.seed ? { seed: parseIntegerOption("--seed", options.seed, 0, 2 ** 32 - 1) } : {},
      ...confidence !== void 0 ? { confidence } : {}
    };
    const history = options.history ? await readHistory(io.cwd, options.history) : void 0;
    const lineage = options.lineage ? await readLineage(io.cwd, options.lineage) : void 0;
    const evaluated = loaded.config?.evaluation && options.candidatePredictions ? loaded.config : null;
    if (options.evaluationRef !== void 0 && !evaluated) {
      throw new UsageError(loaded.config?.evaluation ? "--evaluation-ref needs --candidate-predictions: the labels are joined to the predictions" : "--evaluation-ref is only used with a trainyard config whose model has an evaluation section (--policy)");
    }
    if (options.metricsOut !== void 0 && !options.candidatePredictions) throw new UsageError("--metrics-out needs --candidate-predictions: it writes the metrics trainyard computes from them");
    const notes = [];
    let comparison;
    let candidateMetrics;
    if (evaluated) {
      const scratch = await mkdtemp(path2.join(tmpdir(), "trainyard-compare-"));
      try {
        const configFile = path2.resolve(io.cwd, loaded.file);
        const judging = await trustedEvaluation({ root: projectRootOf(configFile), configFile, name: loaded.model, model: evaluated, ref: defaultEvaluationRef(options.evaluationRef, io.env), dir: path2.join(scratch, "trusted") });
        const trusted = judging.data;
        if (trusted.fallback) io.stderr(`trainyard: warning: the evaluation labels are not trusted: ${trusted.fallback}; they were read from the working tree
`);
        const baselineShown = options.baseline ?? options.baselinePredictions;
        const result = await evaluationCompareStage({
          model: judging.model,
          candidate: {
            metrics: options.candidate ? await readMetricsFile(path2.resolve(io.cwd, options.candidate)) : {},
            metricsFile: options.candidate ?? options.candidatePredictions,
            predictions: path2.resolve(io.cwd, options.candidatePredictions)
          },
          champion: baselineShown ? {
            tag: baselineShown,
            metricsFile: options.baseline ? path2.resolve(io.cwd, options.baseline) : null,
            predictions: options.baselinePredictions ? path2.resolve(io.cwd, options.baselinePredictions) : null
          } : null,
          cwd: projectRootOf(configFile),
          workDir: path2.join(scratch, "evaluation"),
          trusted,
          columns: { ...options.score ? { score: options.score } : {}, ...options.prediction ? { prediction: options.prediction } : {}, threshold: parseNumberOption("--threshold", options.threshold) },
          bootstrap
        });
        comparison = result.comparison;
        candidateMetrics = result.computed;
        notes.push(...result.notes, ...judging.notes);
      } finally {
        await rm(scratch, { recursive: true, force: true });
      }
    } else {
      comparison = await compareStage({
        candidate,
        baseline,
        policy: loaded.policy,
        columns: { task: task ?? "binary", label: options.label, score: options.score, ...options.prediction ? { prediction: options.prediction } : {}, threshold: parseNumberOption("--threshold", options.threshold) },
        id: options.id,
        cwd: io.cwd,
        bootstrap
      });
      candidateMetrics = Object.fromEntries(comparison.metrics.flatMap((metric) => metric.candidate === null ? [] : [[metric.name, metric.candidate]]));
      if (loaded.config?.evaluation) notes.push("The model has an evaluation section, but no predictions were given: these are the values of the metrics files, not computed by trainyard on the evaluation rows (give --candidate-predictions to score them).");
    }
    const model = loaded.model ?? options.model ?? null;
    const document = comparisonDocument(comparison, {
      model,
      candidate: options.candidate ?? options.candidatePredictions,
      baseline: options.baseline ?? options.baselinePredictions ?? null
    });
    const report = renderJobSummary({
      model: model ?? "model",
      comparison,
      baselineName: options.baselineName ?? "champion",
      notes,
      ...history ? { history } : {},
      ...lineage ? { lineage } : {}
    });
    const json = `${JSON.stringify(document, null, 2)}
`;
    if (options.out) await writeFileAtomic(path2.resolve(io.cwd, options.out), json);
    if (options.markdown) await writeFileAtomic(path2.resolve(io.cwd, options.markdown), report);
    if (options.metricsOut) {
      const file = path2.resolve(io.cwd, options.metricsOut);
      await writeFileAtomic(file, renderMetrics(candidateMetrics, file));
    }
    io.stdout(options.json ? json : report);
    setExit(verdictExitCode(comparison.verdict));
  });
}
export {
  registerCompare
};
