#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  PreflightError,
  TrainingFailedError,
  displayPath,
  processNvidiaSmi,
  selectModels,
  trainModel
} from "./chunk-7UT4MD7E.js";
import "./chunk-PFZSQH2E.js";
import "./chunk-PFPQBL3C.js";
import "./chunk-KSNJQD4E.js";
import "./chunk-4JIV7MCS.js";
import "./chunk-R7SPPYQG.js";
import "./chunk-3FNNSOQK.js";
import "./chunk-LVHVS2NH.js";
import "./chunk-5LA4RBPL.js";
import "./chunk-FTVSYSZW.js";
import "./chunk-6HINKL34.js";
import "./chunk-PHKZR6IB.js";
import "./chunk-34SE6PPS.js";
import "./chunk-444XO5IC.js";
import "./chunk-W3QHEJVT.js";
import "./chunk-YICYZTQY.js";
import "./chunk-HWFKGCS3.js";
import "./chunk-OSUZFFL4.js";
import "./chunk-4IU3ESKG.js";
import "./chunk-DPFEQ3BD.js";
import "./chunk-FNE57ZFB.js";
import {
  formatSeconds
} from "./chunk-W2DRLS5N.js";
import "./chunk-JSRTAX6G.js";
import {
  newRunDir,
  openProject
} from "./chunk-HD62KVG5.js";
import "./chunk-GKCJ2QSX.js";
import "./chunk-HB6HQUKP.js";
import "./chunk-QDZFQRV4.js";
import "./chunk-PWI6BAP3.js";
import "./chunk-FA4IZPLS.js";
import {
  TrainyardError,
  UsageError,
  describeThrown
} from "./chunk-BEL2JVQX.js";
import "./chunk-M6HMHLEN.js";

// src/cli/commands/train.ts
import { appendFile } from "node:fs/promises";
import path from "node:path";

// src/report/preflight-summary.ts
function renderPreflight(report) {
  const inventory = report.inventory;
  const found = inventory ? `driver ${inventory.driverVersion ?? "unknown"}, CUDA ${inventory.cudaVersion ?? "unknown"}, ${report.visible.length} of ${inventory.devices.length} GPU(s) visible` : "no answer from nvidia-smi";
  const need = `${report.requirement.gpus} GPU(s)${report.requirement.minFreeMemoryMb === null ? "" : ` with ${report.requirement.minFreeMemoryMb} MiB free each`}`;
  const lines = [`### GPU preflight: ${report.ok ? "passed" : "failed"}`, "", `Needed ${need}; found ${found}.`];
  if (report.visible.length > 0) {
    lines.push("", "| GPU | model | free / total memory (MiB) | utilisation (%) | temperature (\xB0C) |", "| ---: | --- | ---: | ---: | ---: |");
    for (const device of report.visible) {
      lines.push(`| ${device.index} | ${device.name} | ${device.memoryFreeMb ?? "\u2013"} / ${device.memoryTotalMb ?? "\u2013"} | ${device.utilizationPct ?? "\u2013"} | ${device.temperatureC ?? "\u2013"} |`);
    }
  }
  if (report.problem) {
    lines.push("", `> [!CAUTION]`, `> **${report.problem.diagnosis}**`, ">", `> Fix: ${report.problem.fix}`);
  }
  return `${lines.join("\n")}
`;
}

// src/report/telemetry-chart.ts
var fixed = (value, digits = 0) => value === null ? "\u2013" : value.toFixed(digits);
function renderTelemetryChart(series) {
  if (series.length < 2) return "";
  const x = series.map((point) => point.t.toFixed(1)).join(", ");
  const y = series.map((point) => point.utilizationPct.toFixed(1)).join(", ");
  return ["```mermaid", "xychart-beta", '  title "GPU utilisation during training"', `  x-axis "seconds" [${x}]`, '  y-axis "utilisation (%)" 0 --> 100', `  line [${y}]`, "```"].join("\n");
}
function renderTelemetryTable(summary) {
  const rows = summary.gpus.map((gpu) => `| ${gpu.gpu} | ${gpu.samples} | ${fixed(gpu.meanUtilizationPct, 1)} | ${fixed(gpu.peakUtilizationPct)} | ${fixed(gpu.peakMemoryUsedMb)} / ${fixed(gpu.memoryTotalMb)} | ${fixed(gpu.peakPowerW, 1)} | ${gpu.energyWh.toFixed(3)} | ${fixed(gpu.peakTemperatureC)} |`);
  return [
    "| GPU | samples | mean util (%) | peak util (%) | peak memory (MiB) | peak power (W) | energy (Wh) | peak temp (\xB0C) |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows
  ].join("\n");
}
function renderTelemetrySection(summary, series) {
  const head = `### GPU telemetry

${summary.samples} samples every ${summary.intervalMs} ms over ${formatSeconds(summary.durationSeconds)}.`;
  if (summary.samples === 0) return `${head} nvidia-smi reported nothing while the command ran.
`;
  const chart = renderTelemetryChart(series);
  const points = series.map((point) => `| ${point.t.toFixed(1)} | ${point.utilizationPct.toFixed(1)} | ${point.memoryUsedMb.toFixed(0)} |`);
  const detail = ["<details><summary>Chart data</summary>", "", "| seconds | utilisation (%) | memory used (MiB) |", "| ---: | ---: | ---: |", ...points, "", "</details>"].join("\n");
  return [head, renderTelemetryTable(summary), chart, detail].filter(Boolean).join("\n\n") + "\n";
}

// src/report/train-summary.ts
function renderTrainSummary(input) {
  const { lineage } = input;
  const status = input.error ? "\u274C failed" : "\u2705 trained";
  const parts = [`## trainyard train: ${input.model} ${status}`];
  if (input.error) parts.push(`\`\`\`
${input.error}
\`\`\``);
  if (lineage) {
    const gpu = lineage.gpu ? `${lineage.gpu.count} \xD7 ${lineage.gpu.model ?? "GPU"} (driver ${lineage.gpu.driver ?? "?"}, CUDA ${lineage.gpu.cuda ?? "?"})` : "none";
    parts.push([
      "| | |",
      "| --- | --- |",
      `| command | \`${lineage.command.replace(/\|/g, "\\|")}\` |`,
      `| exit status | ${lineage.exitStatus}${lineage.signal ? ` (${lineage.signal})` : ""}${lineage.timedOut ? ", timed out" : ""} |`,
      `| duration | ${formatSeconds(lineage.durationSeconds)} |`,
      `| runner | ${lineage.runner.name ?? "local"}${lineage.runner.labels.length ? ` [${lineage.runner.labels.join(", ")}]` : ""} |`,
      `| GPU | ${gpu} |`,
      `| commit | ${lineage.commit ?? "unknown"}${lineage.dirty ? " (dirty)" : ""} |`
    ].join("\n"));
  }
  if (input.preflight) parts.push(renderPreflight(input.preflight).trimEnd());
  if (input.telemetry) parts.push(renderTelemetrySection(input.telemetry.summary, input.telemetry.series).trimEnd());
  return `${parts.join("\n\n")}
`;
}

// src/cli/commands/train.ts
async function setOutputs(io, outputs) {
  const file = io.env.GITHUB_OUTPUT;
  if (!file) return;
  await appendFile(file, Object.entries(outputs).map(([key, value]) => `${key}=${value}
`).join(""));
}
function registerTrain(program, io, setExit) {
  program.command("train").description("Run a model's training command with the trainyard environment: GPU preflight and telemetry when the config asks for GPUs, lineage.json beside its outputs.").option("-c, --config <file>", "the trainyard config", ".github/trainyard.yml").option("-m, --model <name>", "the model to train (required when the config has several)").option("--command <command>", "run this instead of training.command").option("-o, --out <dir>", "the output folder, TRAINYARD_OUTPUT_DIR (default: <project>/.trainyard/runs/<time>/<model>)").option("--summary <file>", "append a Markdown job summary here (default: $GITHUB_STEP_SUMMARY when set)").action(async (options) => {
    const project = await openProject(io, options.config);
    const configured = Object.keys(project.loaded.config.models);
    if (!options.model && configured.length > 1) throw new UsageError(`the config has several models (${configured.join(", ")}); choose one with --model`);
    const [name] = selectModels(configured, options.model ? [options.model] : configured);
    const model = project.loaded.config.models[name];
    const outputDir = options.out ? path.resolve(io.cwd, options.out) : path.join(await newRunDir(path.join(project.loaded.root, ".trainyard", "runs"), io.now()), name);
    const summaryFile = options.summary ? path.resolve(io.cwd, options.summary) : io.env.GITHUB_STEP_SUMMARY;
    const writeSummary = async (input) => {
      if (summaryFile) await appendFile(summaryFile, renderTrainSummary(input));
    };
    await setOutputs(io, { model: name, "output-dir": outputDir });
    try {
      const result = await trainModel({
        name,
        model,
        root: project.loaded.root,
        outputDir,
        configSha256: project.configSha256,
        ...options.command ? { command: options.command } : {},
        env: io.env,
        system: project.system,
        versions: project.versions,
        echo: io.stdout,
        gpuTool: processNvidiaSmi({ env: io.env, ...io.env.TRAINYARD_NVIDIA_SMI ? { binary: io.env.TRAINYARD_NVIDIA_SMI } : {} })
      });
      await writeSummary({ model: name, lineage: result.lineage, preflight: result.preflight, telemetry: result.telemetry, error: null });
      await setOutputs(io, { "exit-code": "0" });
      io.stderr(`trainyard: ${name} trained in ${result.lineage.durationSeconds} s; outputs in ${displayPath(io.cwd, outputDir)}
`);
      setExit(0);
    } catch (error) {
      const message = describeThrown(error);
      if (error instanceof PreflightError) await writeSummary({ model: name, lineage: null, preflight: error.report, telemetry: null, error: message });
      if (error instanceof TrainingFailedError) await writeSummary({ model: name, lineage: error.record.lineage, preflight: error.record.preflight, telemetry: error.record.telemetry, error: message });
      const status = error instanceof TrainingFailedError ? error.commandStatus : error instanceof TrainyardError ? error.exitCode : 3;
      await setOutputs(io, { "exit-code": String(status) });
      if (io.env.GITHUB_ACTIONS === "true") io.stdout(`::error title=trainyard train ${name}::${message.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A")}
`);
      throw error;
    }
  });
}
export {
  registerTrain
};
