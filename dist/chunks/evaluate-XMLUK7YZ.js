#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  defaultEvaluationRef,
  parseNumberOption,
  parseTask,
  renderMetrics,
  trustedEvaluation,
  writeFileAtomic
} from "./chunk-QBAVSJNH.js";
import {
  openRegistry
} from "./chunk-JBM4S3IV.js";
import "./chunk-IWZWCENP.js";
import "./chunk-5GYPTEMT.js";
import "./chunk-NXFQYBKR.js";
import "./chunk-KRE5CPIC.js";
import {
  fetchChampion
} from "./chunk-PFPQBL3C.js";
import {
  comparisonDocument
} from "./chunk-KSNJQD4E.js";
import "./chunk-FTVSYSZW.js";
import {
  TASKS,
  TASK_METRICS,
  compareStage,
  evaluateStage,
  evaluationCompareStage,
  loadPolicy,
  policyOfModel,
  renderJobSummary,
  trainerComparisonStage,
  verdictExitCode
} from "./chunk-444XO5IC.js";
import "./chunk-W3QHEJVT.js";
import {
  readMetricsFile
} from "./chunk-YICYZTQY.js";
import "./chunk-HWFKGCS3.js";
import "./chunk-OSUZFFL4.js";
import "./chunk-4IU3ESKG.js";
import "./chunk-DPFEQ3BD.js";
import "./chunk-FNE57ZFB.js";
import {
  formatNumber
} from "./chunk-W2DRLS5N.js";
import "./chunk-HB6HQUKP.js";
import {
  DEFAULT_CONFIG_PATH
} from "./chunk-QDZFQRV4.js";
import "./chunk-PWI6BAP3.js";
import "./chunk-FA4IZPLS.js";
import {
  UsageError
} from "./chunk-BEL2JVQX.js";
import "./chunk-M6HMHLEN.js";

// src/cli/commands/evaluate.ts
import { existsSync as existsSync2 } from "node:fs";
import path2 from "node:path";

// src/report/evaluation-report.ts
function segmentTable(result) {
  if (!result.slices) return [];
  const names = TASK_METRICS[result.task];
  const lines = [`### By ${result.slices.column}`, "", `| ${result.slices.column} | rows | ${names.join(" | ")} |`, `| --- | ---: | ${names.map(() => "---:").join(" | ")} |`];
  for (const segment of result.slices.segments) {
    const values = names.map((name) => segment.metrics[name] === void 0 ? "\u2014" : formatNumber(segment.metrics[name]));
    lines.push(`| ${segment.segment.replace(/\|/g, "\\|")} | ${segment.rows.toLocaleString("en-US")} | ${values.join(" | ")} |`);
  }
  return ["", ...lines];
}
function renderEvaluation(result, source) {
  const lines = [`## Evaluation of ${source}`, "", `${result.rows.toLocaleString("en-US")} rows, ${result.task}.`, "", "| metric | value |", "| --- | ---: |"];
  for (const [name, value] of Object.entries(result.metrics)) lines.push(`| ${name} | ${formatNumber(value)} |`);
  for (const missing of result.undefined) lines.push(`| ${missing.name} | \u2014 (${missing.reason}) |`);
  if (result.confusionMatrix) {
    const [[tn, fp], [fn, tp]] = result.confusionMatrix;
    lines.push("", "| confusion | predicted 0 | predicted 1 |", "| --- | ---: | ---: |", `| label 0 | ${formatNumber(tn)} | ${formatNumber(fp)} |`, `| label 1 | ${formatNumber(fn)} | ${formatNumber(tp)} |`);
  }
  lines.push(...segmentTable(result));
  return `${lines.join("\n")}
`;
}

// src/cli/commands/evaluate-candidate.ts
import { existsSync } from "node:fs";
import { appendFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
async function evaluateCandidate(io, options) {
  const opened = await openRegistry(io, { config: options.config ?? DEFAULT_CONFIG_PATH, ...options.registry ? { registry: options.registry } : {} });
  const loaded = opened.loaded;
  const names = Object.keys(loaded.config.models);
  if (options.model !== void 0 && !names.includes(options.model)) throw new UsageError(`unknown model "${options.model}"; ${loaded.file} has: ${names.join(", ")}`);
  if (options.model === void 0 && names.length > 1) throw new UsageError(`the config has several models (${names.join(", ")}); choose one with --model`);
  const name = options.model ?? names[0];
  const model = loaded.config.models[name];
  const folder = path.resolve(io.cwd, options.candidate);
  if (!existsSync(folder)) throw new UsageError(`--candidate ${options.candidate}: no such folder (expected a training output folder with ${model.metrics.file} and ${model.metrics.predictions})`);
  const metricsFile = path.join(folder, model.metrics.file);
  const predictionsFile = path.join(folder, model.metrics.predictions);
  const hasMetrics = existsSync(metricsFile);
  const hasPredictions = existsSync(predictionsFile);
  if (!hasMetrics && !hasPredictions) throw new UsageError(`--candidate ${options.candidate}: neither ${model.metrics.file} nor ${model.metrics.predictions} is there; expected the output folder of trainyard train`);
  const out = options.out ? path.resolve(io.cwd, options.out) : void 0;
  if (model.evaluation && !hasPredictions) {
    throw new UsageError(`--candidate ${options.candidate}: no ${model.metrics.predictions}; the model has an evaluation section, so trainyard scores the candidate's predictions on the evaluation rows`);
  }
  const ref = model.evaluation ? defaultEvaluationRef(options.evaluationRef, io.env) : null;
  if (options.evaluationRef !== void 0 && !model.evaluation) throw new UsageError(`--evaluation-ref is only used for a model with an evaluation section; models.${name} has none`);
  if (out) await mkdir(out, { recursive: true });
  const environment = options.environment ?? model.promotion?.environment ?? "production";
  const scratch = await mkdtemp(path.join(tmpdir(), "trainyard-champion-"));
  try {
    const champion = await fetchChampion({ registry: opened.registry, model: name, environment, dir: path.join(scratch, "champion") });
    let compared;
    if (model.evaluation) {
      const judging = await trustedEvaluation({ root: loaded.root, configFile: path.resolve(io.cwd, loaded.file), name, model, ref, dir: path.join(scratch, "trusted") });
      const trusted = judging.data;
      if (trusted.fallback) io.stderr(`trainyard: warning: the evaluation labels are not trusted: ${trusted.fallback}; they were read from the working tree
`);
      const result = await evaluationCompareStage({
        model: judging.model,
        candidate: { metrics: hasMetrics ? await readMetricsFile(metricsFile) : {}, metricsFile, predictions: predictionsFile },
        champion: champion ? { tag: champion.tag, metricsFile: champion.metricsFile, predictions: champion.predictionsFile, modelDir: champion.dir, commit: champion.commit } : null,
        cwd: loaded.root,
        workDir: path.join(scratch, "evaluation"),
        trusted,
        echo: (chunk) => io.stderr(chunk)
      });
      compared = { comparison: result.comparison, baselineName: champion ? `champion ${champion.tag}` : "champion", notes: [...result.notes, ...judging.notes], metrics: result.computed };
    } else {
      const evaluation = hasPredictions ? await evaluateStage({ predictions: predictionsFile, cwd: io.cwd, columns: { task: model.task } }) : null;
      const metrics = evaluation?.metrics ?? await readMetricsFile(metricsFile);
      const candidateSide = { ...hasMetrics ? { metricsFile } : { metrics, metricsFile: predictionsFile }, ...hasPredictions ? { predictions: predictionsFile } : {} };
      compared = champion ? {
        comparison: await compareStage({
          candidate: candidateSide,
          baseline: { metricsFile: champion.metricsFile, ...champion.predictionsFile ? { predictions: champion.predictionsFile } : {} },
          policy: policyOfModel(model),
          columns: { task: model.task },
          id: "id",
          cwd: io.cwd
        }),
        baselineName: `champion ${champion.tag}`,
        notes: [],
        metrics
      } : { comparison: await trainerComparisonStage({ model, metrics: hasMetrics ? await readMetricsFile(metricsFile) : metrics, metricsFile: hasMetrics ? metricsFile : predictionsFile, cwd: io.cwd }), baselineName: "trainer baseline", notes: [], metrics };
    }
    if (out) await writeFileAtomic(path.join(out, "metrics.json"), renderMetrics(compared.metrics, path.join(out, "metrics.json")));
    const document = comparisonDocument(compared.comparison, { model: name, candidate: options.candidate, baseline: champion?.tag ?? null });
    const report = renderJobSummary({ model: name, comparison: compared.comparison, baselineName: compared.baselineName, notes: compared.notes });
    const json = `${JSON.stringify(document, null, 2)}
`;
    if (out) {
      await writeFileAtomic(path.join(out, "comparison.json"), json);
      await writeFileAtomic(path.join(out, "comparison.md"), report);
    }
    if (io.env.GITHUB_STEP_SUMMARY) await appendFile(io.env.GITHUB_STEP_SUMMARY, report);
    io.stdout(options.json ? json : report);
    return verdictExitCode(compared.comparison.verdict);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

// src/cli/commands/evaluate.ts
function registerEvaluate(program, io, setExit) {
  program.command("evaluate").description("Compute metrics from a predictions file (CSV, TSV, Parquet, JSON), overall and per segment; or, with --candidate, judge a training output folder against the champion.").option("-p, --predictions <file>", "the predictions: a file, directory or glob").option("--candidate <dir>", "instead of --predictions: a training output folder; its predictions are evaluated and compared with the champion (exit 0 pass, 1 fail or inconclusive), and --out names a folder for metrics.json, comparison.json and comparison.md").option("-r, --registry <spec>", "with --candidate: where the champion is, local:<dir> or github:<owner>/<repo> (default: the config's registry, else local:.trainyard/registry)").option("-e, --environment <name>", "with --candidate: the environment whose champion is the baseline (default: the model's promotion.environment, else production)").option("--evaluation-ref <ref>", "with --candidate, for a model with an evaluation section: the git ref whose evaluation data gives the labels (git show <ref>:<path>; default: origin/$GITHUB_BASE_REF in a pull request's workflow, else the working tree)").option("-t, --task <task>", `the kind of model: ${TASKS.join(", ")} (default: the model's task in --config)`).option("-c, --config <file>", `a trainyard config to take the task from, when --task is not given (default: ${DEFAULT_CONFIG_PATH} when it exists)`).option("-m, --model <name>", "the model of --config (when it has several)").option("--label <column>", "the true label or target column", "label").option("--score <column>", "binary: the positive-class score; multiclass: the prefix of the <prefix>_<class> probability columns", "score").option("--prediction <column>", "the predicted class or value (binary default: score >= threshold)").option("--threshold <number>", "binary: the score from which a row is predicted positive", "0.5").option("--slice-by <column>", "also compute every metric per value of this column").option("--data <file>", "the evaluation data holding the --slice-by column, joined on --id").option("--id <column>", "the row id column of the predictions, joined with --data", "id").option("--data-id <column>", "the row id column of --data, when it is named otherwise (default: --id)").option("--json", "print the full result as JSON").option("-o, --out <file>", "write the metrics to this file (.json, .yaml, .csv or .tsv)").action(async (options) => {
    if (options.candidate !== void 0) {
      if (options.predictions !== void 0) throw new UsageError("give --predictions or --candidate, not both");
      setExit(await evaluateCandidate(io, { ...options, candidate: options.candidate }));
      return;
    }
    if (options.registry !== void 0 || options.environment !== void 0 || options.evaluationRef !== void 0) throw new UsageError("--registry, --environment and --evaluation-ref are only used with --candidate");
    if (options.predictions === void 0) throw new UsageError("expected --predictions <file> (or --candidate <dir>)");
    const predictions = options.predictions;
    let task;
    const config = options.config ?? (existsSync2(path2.resolve(io.cwd, DEFAULT_CONFIG_PATH)) ? DEFAULT_CONFIG_PATH : void 0);
    if (options.task) task = parseTask(options.task);
    else if (config) {
      const loaded = await loadPolicy(path2.resolve(io.cwd, config), config, options.model);
      if (!loaded.task) throw new UsageError(`${config}: not a trainyard config (no models); give --task`);
      task = loaded.task;
    } else throw new UsageError(`expected --task ${TASKS.join("|")} (or --config with the model; there is no ${DEFAULT_CONFIG_PATH} here)`);
    if (options.data && !options.sliceBy) throw new UsageError("--data is only used with --slice-by; add --slice-by <column>");
    if (options.dataId && !options.data) throw new UsageError("--data-id names the id column of --data; add --data <file>");
    const result = await evaluateStage({
      predictions,
      cwd: io.cwd,
      columns: {
        task,
        ...options.label ? { label: options.label } : {},
        ...options.score ? { score: options.score } : {},
        ...options.prediction ? { prediction: options.prediction } : {},
        threshold: parseNumberOption("--threshold", options.threshold ?? "0.5")
      },
      ...options.sliceBy ? { slice: { column: options.sliceBy, ...options.data ? { data: options.data } : {}, ...options.id ? { id: options.id } : {}, ...options.dataId ? { dataId: options.dataId } : {} } } : {}
    });
    if (options.out) {
      const file = path2.resolve(io.cwd, options.out);
      await writeFileAtomic(file, renderMetrics(result.metrics, file));
    }
    io.stdout(options.json ? `${JSON.stringify(result, null, 2)}
` : renderEvaluation(result, predictions));
    setExit(0);
  });
}
export {
  registerEvaluate
};
