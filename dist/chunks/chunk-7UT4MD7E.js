#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  validateStage
} from "./chunk-PFZSQH2E.js";
import {
  fetchChampion
} from "./chunk-PFPQBL3C.js";
import {
  comparisonDocument
} from "./chunk-KSNJQD4E.js";
import {
  LINEAGE_FILE,
  collectVersionContent,
  readTrainingArtifacts
} from "./chunk-4JIV7MCS.js";
import {
  driftJson,
  renderDriftReport,
  resolveDriftOptions,
  runDrift
} from "./chunk-R7SPPYQG.js";
import {
  LocalRegistry
} from "./chunk-FTVSYSZW.js";
import {
  driftExclusions
} from "./chunk-6HINKL34.js";
import {
  compareStage,
  evaluateStage,
  evaluationCompareStage,
  policyOfModel,
  renderJobSummary,
  trainerComparisonStage
} from "./chunk-444XO5IC.js";
import {
  BASELINE_PREFIX,
  readMetricsFile
} from "./chunk-YICYZTQY.js";
import {
  runCommand
} from "./chunk-HWFKGCS3.js";
import {
  expandDataPath
} from "./chunk-FNE57ZFB.js";
import {
  formatBytes,
  formatDelta,
  formatNumber,
  formatSeconds
} from "./chunk-W2DRLS5N.js";
import {
  sha256File
} from "./chunk-HB6HQUKP.js";
import {
  CommandError,
  DataError,
  EXIT,
  TrainyardError,
  UsageError,
  describeThrown
} from "./chunk-BEL2JVQX.js";

// src/runner/nvidia-smi-process.ts
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
var STDERR_KEEP = 4096;
function processNvidiaSmi(options) {
  const binary = options.binary ?? "nvidia-smi";
  return {
    run: (args, { timeoutMs }) => runOnce(binary, args, options.env, timeoutMs),
    sample: (args, onLine) => startSampler(binary, args, options.env, onLine)
  };
}
function runOnce(binary, args, env, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(binary, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.stdout.on("data", (chunk) => stdout += chunk.toString("utf8"));
    child.stderr.on("data", (chunk) => stderr += chunk.toString("utf8"));
    child.once("error", (error) => {
      clearTimeout(timer);
      resolve({ exitCode: null, stdout, stderr: stderr || error.message, failure: error.code === "ENOENT" ? "not-found" : null });
    });
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ exitCode: timedOut ? null : code, stdout, stderr, failure: timedOut ? "timeout" : null });
    });
  });
}
async function procCpuSeconds(pid) {
  if (pid === void 0) return null;
  const stat2 = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  if (stat2 === null) return null;
  const fields = stat2.slice(stat2.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? ticks / 100 : null;
}
function startSampler(binary, args, env, onLine) {
  const child = spawn(binary, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  let pending = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    pending += chunk.toString("utf8");
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) onLine(line.replace(/\r$/, ""));
  });
  child.stderr.on("data", (chunk) => stderr = (stderr + chunk.toString("utf8")).slice(-STDERR_KEEP));
  const exited = new Promise((resolve) => {
    child.once("error", (error) => resolve({ exitCode: null, signal: null, stderr: error.message }));
    child.once("close", (code, signal) => {
      if (pending.trim()) onLine(pending);
      pending = "";
      resolve({ exitCode: code, signal, stderr });
    });
  });
  return {
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
    cpuSeconds: () => procCpuSeconds(child.pid)
  };
}

// src/runner/preflight-error.ts
var PreflightError = class extends TrainyardError {
  report;
  constructor(report) {
    const problem = report.problem;
    super(`GPU preflight failed: ${problem?.diagnosis ?? "unknown problem"}. Fix: ${problem?.fix ?? "run nvidia-smi on the runner"}`, { exitCode: EXIT.failure });
    this.report = report;
  }
};

// src/train/train-model.ts
import { mkdir as mkdir2, stat, writeFile as writeFile2 } from "node:fs/promises";
import path2 from "node:path";

// src/runner/gpu-lineage.ts
function gpuLineage(report) {
  return {
    model: report.visible[0]?.name ?? null,
    count: report.visible.length,
    driver: report.inventory?.driverVersion ?? null,
    cuda: report.inventory?.cudaVersion ?? null,
    devices: report.visible.map((device) => ({ index: device.index, name: device.name, uuid: device.uuid, memoryTotalMb: device.memoryTotalMb }))
  };
}

// src/runner/gpu-inventory.ts
var PREFLIGHT_FIELDS = [
  "index",
  "uuid",
  "name",
  "driver_version",
  "pci.bus_id",
  "memory.total",
  "memory.used",
  "memory.free",
  "utilization.gpu",
  "utilization.memory",
  "power.draw",
  "power.limit",
  "temperature.gpu",
  "clocks.sm",
  "compute_cap"
];
function csvNumber(field) {
  const text = (field ?? "").trim();
  if (text === "" || text.startsWith("[")) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}
function parseGpuQuery(csv) {
  const lines = csv.split(/\r?\n/).filter((line) => line.trim() !== "");
  return lines.map((line, at) => {
    const f = line.split(",").map((field) => field.trim());
    if (f.length !== PREFLIGHT_FIELDS.length) {
      throw new Error(`nvidia-smi --query-gpu line ${at + 1} has ${f.length} fields; expected ${PREFLIGHT_FIELDS.length} (${PREFLIGHT_FIELDS.join(",")})`);
    }
    return {
      index: csvNumber(f[0]) ?? at,
      uuid: f[1],
      name: f[2],
      driverVersion: f[3],
      busId: f[4],
      memoryTotalMb: csvNumber(f[5]),
      memoryUsedMb: csvNumber(f[6]),
      memoryFreeMb: csvNumber(f[7]),
      utilizationPct: csvNumber(f[8]),
      powerDrawW: csvNumber(f[10]),
      powerLimitW: csvNumber(f[11]),
      temperatureC: csvNumber(f[12]),
      computeCapability: f[14]
    };
  });
}
function parseBanner(text) {
  return {
    driverVersion: /Driver Version:\s*([0-9.]+)/.exec(text)?.[1] ?? null,
    cudaVersion: /CUDA Version:\s*([0-9.]+)/.exec(text)?.[1] ?? null
  };
}

// src/runner/visible-devices.ts
function visibleDevices(devices, cudaVisibleDevices) {
  if (cudaVisibleDevices === void 0) return devices;
  const visible = [];
  for (const raw of cudaVisibleDevices.split(",")) {
    const token = raw.trim();
    const device = /^\d+$/.test(token) ? devices.find((candidate) => candidate.index === Number(token)) : token.length > 0 ? devices.find((candidate) => candidate.uuid.startsWith(token)) : void 0;
    if (!device || visible.includes(device)) break;
    visible.push(device);
  }
  return visible;
}

// src/runner/preflight.ts
var NO_DRIVER = /couldn't communicate with the NVIDIA driver|NVIDIA driver is not loaded|Failed to initialize NVML|Driver\/library version mismatch/i;
function diagnoseToolFailure(run) {
  const said = (run.stderr || run.stdout).trim().split("\n")[0] ?? "";
  if (run.failure === "not-found" || run.exitCode === 127) {
    return {
      code: "no-tool",
      diagnosis: "nvidia-smi is not on PATH: this runner has no NVIDIA driver installed, or the container was started without the NVIDIA runtime",
      fix: "run the job on a GPU runner (runs-on labels in training.runs_on), install the NVIDIA driver, or start the container with the NVIDIA Container Toolkit (docker --gpus all; on Kubernetes a nvidia.com/gpu limit)"
    };
  }
  if (run.failure === "timeout") {
    return {
      code: "timeout",
      diagnosis: "nvidia-smi did not answer in time: the driver is hung or a GPU has fallen off the bus",
      fix: "check `dmesg` for Xid errors on the runner, drain it and reboot the node; the job can retry on another runner"
    };
  }
  if (NO_DRIVER.test(said)) {
    return {
      code: "no-driver",
      diagnosis: `nvidia-smi cannot reach the NVIDIA driver (exit ${run.exitCode}): "${said}"`,
      fix: "load or reinstall the NVIDIA kernel driver (a driver/library mismatch after an upgrade needs a reboot); in a container, the host driver must be mounted by the NVIDIA runtime"
    };
  }
  return {
    code: "tool-failed",
    diagnosis: `nvidia-smi exited with status ${run.exitCode}: "${said}"`,
    fix: "run `nvidia-smi` on the runner by hand to see the error; a non-zero exit usually means a driver or permission problem"
  };
}
function describe(device) {
  return `GPU ${device.index} (${device.name})`;
}
function judgeInventory(inventory, requirement) {
  const visible = visibleDevices(inventory.devices, requirement.cudaVisibleDevices);
  const report = (problem) => ({ ok: problem === null, requirement, inventory, visible, problem });
  const all = inventory.devices.length;
  if (visible.length === 0) {
    const hidden = requirement.cudaVisibleDevices !== void 0 && all > 0;
    return report({
      code: "no-visible-gpu",
      diagnosis: hidden ? `CUDA_VISIBLE_DEVICES="${requirement.cudaVisibleDevices}" hides all ${all} GPU(s) of this machine (${inventory.devices.map(describe).join(", ")})` : "the NVIDIA driver is loaded but reports no GPU",
      fix: hidden ? "unset CUDA_VISIBLE_DEVICES or set it to GPU indices or UUIDs that `nvidia-smi -L` lists" : "check that the GPU is passed through to this machine or pod (a nvidia.com/gpu limit on Kubernetes, --gpus on Docker)"
    });
  }
  const min = requirement.minFreeMemoryMb;
  const usable = min === null ? visible : visible.filter((device) => (device.memoryFreeMb ?? 0) >= min);
  if (visible.length < requirement.gpus) {
    return report({
      code: "too-few-gpus",
      diagnosis: `training.gpus is ${requirement.gpus} but ${visible.length} GPU(s) are visible: ${visible.map(describe).join(", ")}`,
      fix: `run on a runner with ${requirement.gpus} GPUs (a runner label for that pool in training.runs_on, or a nvidia.com/gpu limit of ${requirement.gpus} in the runner scale set), or lower training.gpus`
    });
  }
  if (min !== null && usable.length < requirement.gpus) {
    const short = visible.filter((device) => !usable.includes(device));
    return report({
      code: "low-memory",
      diagnosis: `training.min_gpu_memory_mb is ${min} but ${short.map((device) => `${describe(device)} has ${device.memoryFreeMb ?? "unknown"} MiB free of ${device.memoryTotalMb ?? "unknown"}`).join("; ")}`,
      fix: "another process holds GPU memory (see `nvidia-smi`): use ephemeral runners so no job outlives its run, wait for it to end, or lower training.min_gpu_memory_mb"
    });
  }
  return report(null);
}
async function runPreflight(tool, requirement, timeoutMs = 15e3) {
  const failed = (run) => ({ ok: false, requirement, inventory: null, visible: [], problem: diagnoseToolFailure(run) });
  const banner = await tool.run([], { timeoutMs });
  if (banner.exitCode !== 0) return failed(banner);
  const query = await tool.run([`--query-gpu=${PREFLIGHT_FIELDS.join(",")}`, "--format=csv,noheader,nounits"], { timeoutMs });
  if (query.exitCode !== 0) return failed(query);
  let devices;
  try {
    devices = parseGpuQuery(query.stdout);
  } catch (error) {
    const problem = {
      code: "tool-failed",
      diagnosis: `nvidia-smi answered in an unexpected format: ${error.message}`,
      fix: "the driver may be too old for these query fields; `nvidia-smi --help-query-gpu` lists the ones it knows"
    };
    return { ok: false, requirement, inventory: null, visible: [], problem };
  }
  const versions = parseBanner(banner.stdout);
  const inventory = { driverVersion: versions.driverVersion ?? devices[0]?.driverVersion ?? null, cudaVersion: versions.cudaVersion, devices };
  return judgeInventory(inventory, requirement);
}

// src/runner/telemetry-sampler.ts
import { createWriteStream } from "node:fs";

// src/runner/telemetry-sample.ts
var TELEMETRY_FIELDS = [
  "timestamp",
  "index",
  "utilization.gpu",
  "utilization.memory",
  "memory.used",
  "memory.total",
  "power.draw",
  "temperature.gpu"
];
var TIMESTAMP = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/;
function parseSmiTimestamp(text) {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms] = m;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number((ms ?? "0").padEnd(3, "0")));
}
function parseTelemetryLine(line) {
  const f = line.split(",").map((field) => field.trim());
  if (f.length !== TELEMETRY_FIELDS.length) return null;
  const timeMs = parseSmiTimestamp(f[0]);
  const gpu = csvNumber(f[1]);
  if (timeMs === null || gpu === null) return null;
  return {
    timeMs,
    gpu,
    utilizationPct: csvNumber(f[2]),
    memoryUtilizationPct: csvNumber(f[3]),
    memoryUsedMb: csvNumber(f[4]),
    memoryTotalMb: csvNumber(f[5]),
    powerW: csvNumber(f[6]),
    temperatureC: csvNumber(f[7])
  };
}

// src/runner/telemetry-series.ts
var TelemetrySeries = class {
  constructor(maxPoints = 48) {
    this.maxPoints = maxPoints;
  }
  maxPoints;
  points = [];
  start = null;
  instant = null;
  bucket = null;
  bucketSize = 1;
  add(sample) {
    this.start ??= sample.timeMs;
    if (this.instant && this.instant.timeMs !== sample.timeMs) this.closeInstant();
    this.instant ??= { timeMs: sample.timeMs, util: [], memory: 0 };
    if (sample.utilizationPct !== null) this.instant.util.push(sample.utilizationPct);
    this.instant.memory += sample.memoryUsedMb ?? 0;
  }
  closeInstant() {
    const instant = this.instant;
    this.instant = null;
    if (!instant || this.start === null) return;
    const util = instant.util.length > 0 ? instant.util.reduce((a, b) => a + b, 0) / instant.util.length : 0;
    this.bucket ??= { t: (instant.timeMs - this.start) / 1e3, utilSum: 0, instants: 0, memory: 0 };
    this.bucket.utilSum += util;
    this.bucket.instants++;
    this.bucket.memory = Math.max(this.bucket.memory, instant.memory);
    if (this.bucket.instants === this.bucketSize) this.closeBucket();
  }
  closeBucket() {
    const bucket = this.bucket;
    this.bucket = null;
    if (!bucket) return;
    this.points.push({ t: bucket.t, utilizationPct: bucket.utilSum / bucket.instants, memoryUsedMb: bucket.memory });
    if (this.points.length >= 2 * this.maxPoints) {
      const merged = [];
      for (let i = 0; i < this.points.length; i += 2) {
        const a = this.points[i];
        const b = this.points[i + 1];
        merged.push({ t: a.t, utilizationPct: (a.utilizationPct + b.utilizationPct) / 2, memoryUsedMb: Math.max(a.memoryUsedMb, b.memoryUsedMb) });
      }
      this.points = merged;
      this.bucketSize *= 2;
    }
  }
  result() {
    this.closeInstant();
    const open = this.bucket ? [{ t: this.bucket.t, utilizationPct: this.bucket.utilSum / this.bucket.instants, memoryUsedMb: this.bucket.memory }] : [];
    return [...this.points, ...open];
  }
};

// src/runner/telemetry-summary.ts
var max = (a, b) => b === null ? a : a === null ? b : Math.max(a, b);
var TelemetryAccumulator = class {
  constructor(intervalMs) {
    this.intervalMs = intervalMs;
  }
  intervalMs;
  gpus = /* @__PURE__ */ new Map();
  first = null;
  latest = null;
  count = 0;
  add(sample) {
    this.count++;
    this.first = this.first === null ? sample.timeMs : Math.min(this.first, sample.timeMs);
    this.latest = this.latest === null ? sample.timeMs : Math.max(this.latest, sample.timeMs);
    let acc = this.gpus.get(sample.gpu);
    if (!acc) {
      acc = { samples: 0, utilSum: 0, utilCount: 0, powerSum: 0, powerCount: 0, peakUtil: null, peakMemory: null, memoryTotal: null, peakPower: null, peakTemperature: null, energyJ: 0, last: null };
      this.gpus.set(sample.gpu, acc);
    }
    acc.samples++;
    if (sample.utilizationPct !== null) {
      acc.utilSum += sample.utilizationPct;
      acc.utilCount++;
    }
    acc.peakUtil = max(acc.peakUtil, sample.utilizationPct);
    acc.peakMemory = max(acc.peakMemory, sample.memoryUsedMb);
    acc.memoryTotal = max(acc.memoryTotal, sample.memoryTotalMb);
    acc.peakTemperature = max(acc.peakTemperature, sample.temperatureC);
    if (sample.powerW !== null) {
      acc.powerSum += sample.powerW;
      acc.powerCount++;
      acc.peakPower = max(acc.peakPower, sample.powerW);
      if (acc.last && sample.timeMs > acc.last.timeMs) acc.energyJ += (acc.last.powerW + sample.powerW) / 2 * ((sample.timeMs - acc.last.timeMs) / 1e3);
      acc.last = { timeMs: sample.timeMs, powerW: sample.powerW };
    }
  }
  summary() {
    const gpus = [...this.gpus.entries()].sort(([a], [b]) => a - b).map(([gpu, acc]) => ({
      gpu,
      samples: acc.samples,
      meanUtilizationPct: acc.utilCount > 0 ? acc.utilSum / acc.utilCount : null,
      peakUtilizationPct: acc.peakUtil,
      peakMemoryUsedMb: acc.peakMemory,
      memoryTotalMb: acc.memoryTotal,
      meanPowerW: acc.powerCount > 0 ? acc.powerSum / acc.powerCount : null,
      peakPowerW: acc.peakPower,
      energyJ: acc.energyJ,
      energyWh: acc.energyJ / 3600,
      peakTemperatureC: acc.peakTemperature
    }));
    const durationSeconds = this.first === null || this.latest === null ? 0 : (this.latest - this.first) / 1e3;
    return { intervalMs: this.intervalMs, samples: this.count, durationSeconds, gpus };
  }
};

// src/runner/telemetry-sampler.ts
var TELEMETRY_FILE = "telemetry.csv";
function telemetryArgs(intervalMs) {
  return [`--query-gpu=${TELEMETRY_FIELDS.join(",")}`, "--format=csv,noheader,nounits", "-lms", String(intervalMs)];
}
function startTelemetry(options) {
  const out = createWriteStream(options.file, { flags: "w" });
  out.write(`${TELEMETRY_FIELDS.join(",")}
`);
  const accumulator = new TelemetryAccumulator(options.intervalMs);
  const series = new TelemetrySeries();
  let malformedLines = 0;
  const sampler = options.tool.sample(telemetryArgs(options.intervalMs), (line) => {
    const sample = parseTelemetryLine(line);
    if (!sample) {
      malformedLines++;
      return;
    }
    out.write(`${line.split(",").map((field) => field.trim()).join(",")}
`);
    accumulator.add(sample);
    series.add(sample);
  });
  return {
    stop: async () => {
      const cpuSeconds = await sampler.cpuSeconds();
      const exit = await sampler.stop();
      await new Promise((resolve) => out.end(resolve));
      return { summary: accumulator.summary(), series: series.result(), sampler: { ...exit, cpuSeconds, malformedLines } };
    }
  };
}

// src/train/hash-cache.ts
import { randomBytes } from "node:crypto";
import { mkdir, readFile as readFile2, rename, writeFile } from "node:fs/promises";
import path from "node:path";
var HASH_CACHE_FILE = path.join(".trainyard", "hash-cache.json");
async function loadHashCache(file) {
  const text = await readFile2(file, "utf8").catch(() => null);
  if (text === null) return { version: 1, files: {} };
  try {
    const parsed = JSON.parse(text);
    if (parsed.version === 1 && parsed.files && typeof parsed.files === "object") return { version: 1, files: parsed.files };
  } catch {
  }
  return { version: 1, files: {} };
}
function cachedHash(cache, file, info) {
  const entry = cache.files[file];
  return entry && entry.bytes === info.size && entry.mtimeMs === info.mtimeMs ? entry.sha256 : null;
}
async function saveHashCache(file, cache) {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(temporary, `${JSON.stringify(cache)}
`);
  await rename(temporary, file);
}

// src/train/lineage.ts
function buildLineage(facts) {
  const { outcome } = facts;
  return {
    schemaVersion: 1,
    model: facts.model,
    commit: facts.git.commit,
    dirty: facts.git.dirty,
    configSha256: facts.configSha256,
    data: facts.data,
    params: facts.params,
    seed: facts.seed,
    command: facts.command,
    start: outcome.startedAt.toISOString(),
    end: outcome.endedAt.toISOString(),
    durationSeconds: Math.round((outcome.endedAt.getTime() - outcome.startedAt.getTime()) / 10) / 100,
    exitStatus: outcome.exitCode,
    signal: outcome.signal,
    timedOut: outcome.timedOut,
    runner: facts.runner,
    versions: facts.versions,
    gpu: facts.gpu,
    telemetry: facts.telemetry
  };
}

// src/train/train-model.ts
var TrainingFailedError = class extends CommandError {
  record;
  commandStatus;
  constructor(message, options) {
    super(message, { exitCode: options.cancelled ? EXIT.failure : EXIT.usage });
    this.record = options.record;
    this.commandStatus = options.commandStatus;
  }
};
function asList(value) {
  if (value === void 0) return [];
  return Array.isArray(value) ? value : [value];
}
async function describeDataFiles(patterns, root, key) {
  const cacheFile = path2.join(root, HASH_CACHE_FILE);
  const cache = await loadHashCache(cacheFile);
  let changed = false;
  const facts = [];
  for (const pattern of patterns) {
    const files = await expandDataPath(pattern, root);
    if (files.length === 0) throw new DataError(`${key}: "${pattern}" matches no file under ${root}`);
    for (const file of files) {
      const info = await stat(file);
      let sha256 = cachedHash(cache, file, info);
      if (sha256 === null) {
        sha256 = await sha256File(file);
        cache.files[file] = { bytes: info.size, mtimeMs: info.mtimeMs, sha256 };
        changed = true;
      }
      facts.push({ path: path2.relative(root, file).split(path2.sep).join("/"), bytes: info.size, sha256 });
    }
  }
  if (changed) await saveHashCache(cacheFile, cache);
  return facts;
}
async function preflightIfAsked(request, tool, env) {
  const { training } = request.model;
  if (training.gpus === 0) return null;
  const report = await runPreflight(tool, { gpus: training.gpus, minFreeMemoryMb: training.min_gpu_memory_mb ?? null, cudaVisibleDevices: env.CUDA_VISIBLE_DEVICES });
  if (!report.ok) throw new PreflightError(report);
  return report;
}
async function trainModel(request) {
  const { model, root, outputDir } = request;
  const train = asList(model.data.train);
  const data = await describeDataFiles(train, root, `models.${request.name}.data.train`);
  const command = request.command ?? model.training.command;
  const logFile = path2.join(outputDir, "train.log");
  const resolveAll = (patterns) => patterns.map((pattern) => path2.resolve(root, pattern)).join(path2.delimiter);
  const env = {
    ...request.env,
    ...model.training.env,
    TRAINYARD_MODEL: request.name,
    TRAINYARD_OUTPUT_DIR: outputDir,
    TRAINYARD_DATA_TRAIN: resolveAll(train),
    TRAINYARD_DATA_PRODUCTION: resolveAll(asList(model.data.production)),
    TRAINYARD_SEED: String(model.training.seed),
    TRAINYARD_PARAMS: JSON.stringify(model.training.params)
  };
  const tool = request.gpuTool ?? processNvidiaSmi({ env });
  const preflight = await preflightIfAsked(request, tool, env);
  await mkdir2(outputDir, { recursive: true });
  const telemetryFile = path2.join(outputDir, TELEMETRY_FILE);
  const sampling = preflight ? startTelemetry({ tool, intervalMs: model.training.telemetry_interval_ms, file: telemetryFile }) : null;
  let outcome;
  try {
    outcome = await runCommand({ command, cwd: root, timeoutMs: model.training.timeout_minutes * 6e4, logFile, echo: request.echo, env });
  } catch (error) {
    await sampling?.stop();
    throw error;
  }
  const telemetry = sampling ? await sampling.stop() : null;
  const lineage = buildLineage({
    model: request.name,
    git: request.system.git,
    configSha256: request.configSha256,
    data,
    params: model.training.params,
    seed: model.training.seed,
    command,
    outcome: { ...outcome, signal: outcome.signal ?? outcome.cancelledBy },
    runner: request.system.runner,
    versions: { ...request.versions, python: request.system.python },
    gpu: preflight ? gpuLineage(preflight) : null,
    telemetry: telemetry ? telemetryLineage(telemetry) : null
  });
  await writeFile2(path2.join(outputDir, LINEAGE_FILE), `${JSON.stringify(lineage, null, 2)}
`);
  const record = { lineage, preflight, telemetry };
  if (outcome.timedOut) {
    throw new TrainingFailedError(`models.${request.name}: "${command}" ran past training.timeout_minutes (${model.training.timeout_minutes}) and was stopped; partial outputs kept in ${outputDir}`, { commandStatus: outcome.exitCode, record });
  }
  if (outcome.cancelledBy) {
    throw new TrainingFailedError(`models.${request.name}: cancelled by ${outcome.cancelledBy}; "${command}" was stopped and its partial outputs kept in ${outputDir}`, { commandStatus: outcome.exitCode || 1, cancelled: true, record });
  }
  if (outcome.exitCode !== 0) {
    throw new TrainingFailedError(`models.${request.name}: "${command}" exited with status ${outcome.exitCode}; its log is ${logFile}`, { commandStatus: outcome.exitCode, record });
  }
  const artifacts = await readTrainingArtifacts(outputDir, { metrics: model.metrics.file, predictions: model.metrics.predictions });
  return { name: request.name, outcome, ...record, artifacts, logFile };
}
function telemetryLineage(capture) {
  return { file: TELEMETRY_FILE, ...capture.summary, samplerCpuSeconds: capture.sampler.cpuSeconds };
}

// src/run/pipeline.ts
import { mkdir as mkdir3, writeFile as writeFile5 } from "node:fs/promises";
import path5 from "node:path";

// src/report/run-report.ts
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

// src/run/model-run.ts
import { readdir, writeFile as writeFile4 } from "node:fs/promises";
import path4 from "node:path";

// src/run/drift-stage.ts
import { writeFile as writeFile3 } from "node:fs/promises";
import path3 from "node:path";
async function driftStage(request) {
  const { model, name, root } = request;
  if (!model.drift?.current && !model.data.production) {
    return { result: null, summary: `drift: skipped, ${name} has no drift.current or data.production`, files: [] };
  }
  const options = resolveDriftOptions({ method: [], threshold: [] }, root, { name, model, root });
  const result = await runDrift({ ...options, exclude: await driftExclusions({ model, root }) });
  const json = path3.join(request.outputDir, "drift.json");
  const report = path3.join(request.outputDir, "drift.md");
  await writeFile3(json, `${JSON.stringify(driftJson(result), null, 2)}
`);
  await writeFile3(report, renderDriftReport(result));
  const verdict = result.drifted ? "DRIFT" : "no dataset drift";
  const drifted = result.columns.filter((c) => c.drifted).map((c) => c.column);
  const which = drifted.length > 0 ? ` (${drifted.join(", ")})` : "";
  const left = result.excluded.length > 0 ? `; left out ${result.excluded.map((entry) => entry.column).join(", ")}` : "";
  const summary = `drift: ${verdict}, ${result.driftedColumns} of ${result.tested} columns${which}; share ${formatNumber(result.share)}, threshold ${formatNumber(result.driftShare)}; ${result.current.source} against ${result.reference.source}${left}`;
  return { result, summary, files: [json, report] };
}

// src/registry/stage.ts
async function registerAndPromote(request) {
  const { model } = request;
  const content = await collectVersionContent({ outputDir: request.outputDir, metricsFile: model.metrics.file, predictionsFile: model.metrics.predictions });
  const version = await request.registry.register({
    model: request.name,
    content,
    text: { task: model.task, description: model.description ?? null, intendedUse: model.card?.intended_use ?? null, limitations: model.card?.limitations ?? null },
    commit: content.lineage?.commit ?? null,
    runUrl: request.runUrl,
    ...request.onProgress ? { onProgress: request.onProgress } : {}
  });
  const environment = model.promotion?.environment ?? "production";
  if (!request.gate?.passed) return { version, environment, promotion: null };
  const promotion = await request.registry.promote({
    model: request.name,
    version: version.version,
    environment,
    decision: "approved",
    approvers: request.approvers ?? [],
    gate: request.gate,
    reason: "the candidate passed the metric policy against the champion",
    runUrl: request.runUrl,
    actor: request.actor
  });
  return { version, environment, promotion };
}

// src/run/model-run.ts
async function runModel(request) {
  const { name, model, root, outputDir, echo } = request;
  const stages = [];
  const note = (report) => {
    stages.push(report);
    echo(`${report.stage}: ${report.summary}
`);
  };
  const validation = await validateStage({ model: name, data: model.data, root });
  if (!validation) note({ stage: "validate", status: "skipped", summary: "no data.schema configured" });
  else {
    const sets = validation.validations.map((entry) => `${entry.role} ${entry.result.valid ? "valid" : `${entry.result.failures.length} failed check(s)`} (${formatNumber(entry.result.rows)} rows)`);
    note({ stage: "validate", status: validation.valid ? "passed" : "failed", summary: sets.join(", "), markdown: validation.markdown });
    if (!validation.valid) return { name, stages, lineage: null, metrics: {}, artifacts: [], completed: false, stopped: "Training did not run: the data failed validation.", exitCode: EXIT.gate };
  }
  echo(`train: running "${model.training.command}"
`);
  let trained;
  try {
    trained = await trainModel({ name, model, root, outputDir, configSha256: request.configSha256, env: request.env, system: request.system, versions: request.versions, echo });
  } catch (error) {
    if (!(error instanceof TrainingFailedError || error instanceof PreflightError)) throw error;
    note({ stage: "train", status: "failed", summary: describeThrown(error) });
    const artifacts = await listArtifacts(outputDir);
    return { name, stages, lineage: null, metrics: {}, artifacts, completed: false, stopped: `Training failed: ${describeThrown(error)}`, exitCode: error.exitCode };
  }
  note({ stage: "train", status: "passed", summary: `exit ${trained.outcome.exitCode} in ${trained.lineage.durationSeconds} s, seed ${model.training.seed}` });
  const evaluation = await evaluateStage({ predictions: trained.artifacts.predictionsFile, cwd: root, columns: { task: model.task } });
  const shown = ["roc_auc", "pr_auc", "accuracy", "f1", "log_loss", "brier", "ece", "rmse", "mae", "r2", "macro_f1"].filter((metric) => evaluation.metrics[metric] !== void 0);
  note({ stage: "evaluate", status: "info", summary: `${formatNumber(evaluation.rows)} held-out rows: ${shown.map((metric) => `${metric} ${formatNumber(evaluation.metrics[metric])}`).join(", ")}` });
  const gated = Object.keys(model.metrics.policy);
  const candidateMetrics = withEvaluated(trained.artifacts.metrics, evaluation.metrics, gated);
  const champion = await fetchChampion({ registry: request.registry, model: name, environment: model.promotion?.environment ?? "production", dir: path4.join(outputDir, "..", `${name}.champion`) });
  const metricsFile = path4.join(outputDir, model.metrics.file);
  const compared = model.evaluation ? await evaluationCompareStage({
    model,
    candidate: { metrics: trained.artifacts.metrics, metricsFile, predictions: trained.artifacts.predictionsFile },
    champion: champion ? { tag: champion.tag, metricsFile: champion.metricsFile, predictions: champion.predictionsFile, modelDir: champion.dir, commit: champion.commit } : null,
    cwd: root,
    workDir: path4.join(outputDir, "..", `${name}.evaluation`),
    echo
  }).then(({ comparison, notes }) => ({ comparison, report: renderJobSummary({ model: name, comparison, baselineName: champion ? `champion ${champion.tag}` : "champion", notes }) })) : champion ? await compareStage({
    candidate: { metrics: candidateMetrics, metricsFile, predictions: trained.artifacts.predictionsFile },
    baseline: { metrics: await championMetrics(champion, model.task, gated, root), metricsFile: champion.metricsFile, ...champion.predictionsFile ? { predictions: champion.predictionsFile } : {} },
    policy: policyOfModel(model),
    columns: { task: model.task },
    id: "id",
    cwd: root
  }).then((comparison) => ({ comparison, report: renderJobSummary({ model: name, comparison, baselineName: `champion ${champion.tag}` }) })) : await trainerComparisonStage({ model, metrics: candidateMetrics, metricsFile, cwd: root }).then((comparison) => ({ comparison, report: renderJobSummary({ model: name, comparison, baselineName: "trainer baseline" }) }));
  const against = champion ? `champion ${champion.tag}` : model.evaluation ? "threshold rules on the evaluation rows (no champion yet)" : "the trainer's baseline (no champion yet)";
  await writeFile4(path4.join(outputDir, "comparison.json"), `${JSON.stringify(comparisonDocument(compared.comparison, { model: name, candidate: model.metrics.file, baseline: champion?.tag ?? null }), null, 2)}
`);
  note({ stage: "compare", status: compared.comparison.verdict === "pass" ? "passed" : "failed", summary: `against ${against}: ${compared.comparison.summary}`, markdown: compared.report });
  const drift = await driftStage({ name, model, root, outputDir });
  note({ stage: "drift", status: drift.result === null ? "skipped" : drift.result.drifted ? "failed" : "passed", summary: drift.summary.replace(/^drift: /, "") });
  const passed = compared.comparison.verdict === "pass";
  const staged = await registerAndPromote({ registry: request.registry, name, model, outputDir, gate: { passed, summary: compared.comparison.summary }, runUrl: null, actor: request.env.USER ?? null });
  const promoted = staged.promotion ? `, promoted to ${staged.environment} (#${staged.promotion.sequence})` : `, not promoted: the comparison did not pass`;
  note({ stage: "register", status: "info", summary: `registered ${staged.version.tag}${promoted}` });
  const stopped = compared.comparison.verdict !== "pass" || drift.result?.drifted === true;
  return { name, stages, lineage: trained.lineage, metrics: trained.artifacts.metrics, artifacts: await listArtifacts(outputDir), completed: true, exitCode: stopped ? EXIT.gate : EXIT.ok };
}
function withEvaluated(reported, evaluated, gated) {
  const filled = { ...reported };
  for (const name of gated) if (filled[name] === void 0 && evaluated[name] !== void 0) filled[name] = evaluated[name];
  return filled;
}
async function championMetrics(champion, task, gated, root) {
  const reported = await readMetricsFile(champion.metricsFile);
  if (!champion.predictionsFile || gated.every((name) => reported[name] !== void 0)) return reported;
  const evaluated = await evaluateStage({ predictions: champion.predictionsFile, cwd: root, columns: { task } });
  return withEvaluated(reported, evaluated.metrics, gated);
}
async function listArtifacts(outputDir) {
  const entries = await readdir(outputDir).catch(() => []);
  return entries.sort().map((entry) => entry === "model" ? "model/" : entry);
}

// src/run/pipeline.ts
function selectModels(configured, requested) {
  const unknown = requested.filter((name) => !configured.includes(name));
  if (unknown.length > 0) throw new UsageError(`unknown model "${unknown[0]}"; the config has: ${configured.join(", ")}`);
  return requested.length === 0 ? configured : configured.filter((name) => requested.includes(name));
}
async function runPipeline(request) {
  const { config, root } = request.loaded;
  const names = selectModels(Object.keys(config.models), request.models);
  const registry = new LocalRegistry({ dir: request.registryDir ?? path5.join(root, ".trainyard", "registry") });
  const reports = [];
  let exitCode = 0;
  for (const name of names) {
    const model = config.models[name];
    const outputDir = path5.join(request.runDir, name);
    request.echo(`
\u25B6 ${name}
`);
    const outcome = await runModel({ name, model, root, outputDir, configSha256: request.configSha256, registry, env: request.env, system: request.system, versions: request.versions, echo: request.echo });
    reports.push({
      name,
      task: model.task,
      ...model.description ? { description: model.description } : {},
      lineage: outcome.lineage,
      metrics: outcome.metrics,
      stages: outcome.stages,
      outputDir: path5.relative(root, outputDir) || ".",
      artifacts: outcome.artifacts,
      ...outcome.stopped ? { stopped: outcome.stopped } : {}
    });
    exitCode = Math.max(exitCode, outcome.exitCode);
  }
  const report = renderRunReport({ project: path5.basename(root), models: reports });
  const reportFile = path5.join(request.runDir, "report.md");
  await mkdir3(request.runDir, { recursive: true });
  await writeFile5(reportFile, report);
  return { report, reportFile, models: reports, exitCode };
}

// src/util/display-path.ts
import path6 from "node:path";
function displayPath(cwd, target) {
  const relative = path6.relative(cwd, target);
  if (relative === "") return ".";
  return relative.startsWith("..") || path6.isAbsolute(relative) ? path6.resolve(cwd, target) : relative;
}

export {
  processNvidiaSmi,
  PreflightError,
  TrainingFailedError,
  trainModel,
  selectModels,
  runPipeline,
  displayPath
};
