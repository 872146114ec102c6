#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  parseNumberOption,
  parseTask,
  renderMetrics,
  writeFileAtomic
} from "./chunk-SJCB7BUC.js";
import {
  TASKS,
  evaluateStage,
  loadPolicy
} from "./chunk-MZBHQPPP.js";
import "./chunk-RA5T2OIG.js";
import "./chunk-S63PEVJS.js";
import {
  TASK_METRICS
} from "./chunk-QTVPYUCA.js";
import "./chunk-PLGQVMFY.js";
import "./chunk-UDPY2YNM.js";
import {
  formatNumber
} from "./chunk-OOJLEY5A.js";
import "./chunk-HS2ZUGFT.js";
import "./chunk-HNCGFN53.js";
import "./chunk-7KOEJRCO.js";
import "./chunk-3OSXNBZ5.js";
import "./chunk-D2FE2DU7.js";
import "./chunk-FA4IZPLS.js";
import "./chunk-PWI6BAP3.js";
import {
  UsageError
} from "./chunk-5WCRJWUQ.js";
import "./chunk-M6HMHLEN.js";

// src/cli/commands/evaluate.ts
import path from "node:path";

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

// src/cli/commands/evaluate.ts
function registerEvaluate(program, io, setExit) {
  program.command("evaluate").description("Compute metrics from a predictions file (CSV, TSV, Parquet, JSON), overall and per segment.").requiredOption("-p, --predictions <file>", "the predictions: a file, directory or glob").option("-t, --task <task>", `the kind of model: ${TASKS.join(", ")} (default: the model's task in --config)`).option("-c, --config <file>", "a trainyard config to take the task from, when --task is not given").option("-m, --model <name>", "the model of --config (when it has several)").option("--label <column>", "the true label or target column", "label").option("--score <column>", "binary: the positive-class score; multiclass: the prefix of the <prefix>_<class> probability columns", "score").option("--prediction <column>", "the predicted class or value (binary default: score >= threshold)").option("--threshold <number>", "binary: the score from which a row is predicted positive", "0.5").option("--slice-by <column>", "also compute every metric per value of this column").option("--data <file>", "the evaluation data holding the --slice-by column, joined on --id").option("--id <column>", "the row id shared by predictions and --data", "id").option("--json", "print the full result as JSON").option("-o, --out <file>", "write the metrics to this file (.json, .yaml, .csv or .tsv)").action(async (options) => {
    let task;
    if (options.task) task = parseTask(options.task);
    else if (options.config) {
      const loaded = await loadPolicy(path.resolve(io.cwd, options.config), options.config, options.model);
      if (!loaded.task) throw new UsageError(`${options.config}: not a trainyard config (no models); give --task`);
      task = loaded.task;
    } else throw new UsageError(`expected --task ${TASKS.join("|")} (or --config with the model)`);
    if (options.data && !options.sliceBy) throw new UsageError("--data is only used with --slice-by; add --slice-by <column>");
    const result = await evaluateStage({
      predictions: options.predictions,
      cwd: io.cwd,
      columns: {
        task,
        ...options.label ? { label: options.label } : {},
        ...options.score ? { score: options.score } : {},
        ...options.prediction ? { prediction: options.prediction } : {},
        threshold: parseNumberOption("--threshold", options.threshold ?? "0.5")
      },
      ...options.sliceBy ? { slice: { column: options.sliceBy, ...options.data ? { data: options.data } : {}, ...options.id ? { id: options.id } : {} } } : {}
    });
    if (options.out) {
      const file = path.resolve(io.cwd, options.out);
      await writeFileAtomic(file, renderMetrics(result.metrics, file));
    }
    io.stdout(options.json ? `${JSON.stringify(result, null, 2)}
` : renderEvaluation(result, options.predictions));
    setExit(0);
  });
}
export {
  registerEvaluate
};
