/**
 * Trains one model: resolves its data, checks the GPUs when the config asks for some,
 * runs the configured command with the trainyard environment while sampling GPU
 * telemetry, writes lineage.json, and reads back the artifacts.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ModelConfig } from '../config/schema.ts';
import { CommandError, DataError, EXIT } from '../errors.ts';
import { expandDataPath } from '../util/glob.ts';
import { sha256File } from '../util/hash.ts';
import { gpuLineage } from '../runner/gpu-lineage.ts';
import type { NvidiaSmi } from '../runner/nvidia-smi.ts';
import { processNvidiaSmi } from '../runner/nvidia-smi-process.ts';
import { runPreflight, type PreflightReport } from '../runner/preflight.ts';
import { PreflightError } from '../runner/preflight-error.ts';
import { startTelemetry, TELEMETRY_FILE, type TelemetryCapture } from '../runner/telemetry-sampler.ts';
import { readTrainingArtifacts, LINEAGE_FILE, type TrainingArtifacts } from './artifacts.ts';
import { cachedHash, HASH_CACHE_FILE, loadHashCache, saveHashCache } from './hash-cache.ts';
import { buildLineage, type DataFileFact, type Lineage, type TelemetryLineage } from './lineage.ts';
import { runCommand, type CommandOutcome } from '../util/run-command.ts';
import type { SystemFacts } from './system-facts.ts';

export interface TrainRequest {
  name: string;
  model: ModelConfig;
  root: string;
  outputDir: string;
  configSha256: string;
  /** Replaces the configured command (`trainyard train --command`). */
  command?: string;
  /** The environment the command inherits (the entry point passes process.env). */
  env: Record<string, string | undefined>;
  system: SystemFacts;
  versions: { node: string; trainyard: string };
  echo: (chunk: string) => void;
  /** nvidia-smi for preflight and telemetry when training.gpus > 0 (default: the one on the env's PATH). */
  gpuTool?: NvidiaSmi;
}

/** What a run left to report, whether or not the command succeeded. */
export interface TrainingRecord {
  lineage: Lineage;
  preflight: PreflightReport | null;
  telemetry: TelemetryCapture | null;
}

export interface TrainResult extends TrainingRecord {
  name: string;
  outcome: CommandOutcome;
  artifacts: TrainingArtifacts;
  logFile: string;
}

/**
 * The training command failed, timed out or was cancelled; lineage and logs are on disk.
 * Exit code 2 (the user's command failed), or 3 when it was stopped from outside;
 * `commandStatus` keeps the command's own status.
 */
export class TrainingFailedError extends CommandError {
  readonly record: TrainingRecord;
  readonly commandStatus: number;

  constructor(message: string, options: { commandStatus: number; cancelled?: boolean; record: TrainingRecord }) {
    super(message, { exitCode: options.cancelled ? EXIT.failure : EXIT.usage });
    this.record = options.record;
    this.commandStatus = options.commandStatus;
  }
}

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * Every file behind the configured paths, hashed; a path that names nothing is an error.
 * Hashes come from `<root>/.trainyard/hash-cache.json` while size and mtime are unchanged.
 */
export async function describeDataFiles(patterns: string[], root: string, key: string): Promise<DataFileFact[]> {
  const cacheFile = path.join(root, HASH_CACHE_FILE);
  const cache = await loadHashCache(cacheFile);
  let changed = false;
  const facts: DataFileFact[] = [];
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
      facts.push({ path: path.relative(root, file).split(path.sep).join('/'), bytes: info.size, sha256 });
    }
  }
  if (changed) await saveHashCache(cacheFile, cache);
  return facts;
}

async function preflightIfAsked(request: TrainRequest, tool: NvidiaSmi, env: Record<string, string | undefined>): Promise<PreflightReport | null> {
  const { training } = request.model;
  if (training.gpus === 0) return null;
  const report = await runPreflight(tool, { gpus: training.gpus, minFreeMemoryMb: training.min_gpu_memory_mb ?? null, cudaVisibleDevices: env.CUDA_VISIBLE_DEVICES });
  if (!report.ok) throw new PreflightError(report);
  return report;
}

export async function trainModel(request: TrainRequest): Promise<TrainResult> {
  const { model, root, outputDir } = request;
  const train = asList(model.data.train);
  const data = await describeDataFiles(train, root, `models.${request.name}.data.train`);
  const command = request.command ?? model.training.command;
  const logFile = path.join(outputDir, 'train.log');
  const resolveAll = (patterns: string[]): string => patterns.map((pattern) => path.resolve(root, pattern)).join(path.delimiter);
  const env = {
    ...request.env,
    ...model.training.env,
    TRAINYARD_MODEL: request.name,
    TRAINYARD_OUTPUT_DIR: outputDir,
    TRAINYARD_DATA_TRAIN: resolveAll(train),
    TRAINYARD_DATA_PRODUCTION: resolveAll(asList(model.data.production)),
    TRAINYARD_SEED: String(model.training.seed),
    TRAINYARD_PARAMS: JSON.stringify(model.training.params),
  };
  const tool = request.gpuTool ?? processNvidiaSmi({ env });
  const preflight = await preflightIfAsked(request, tool, env);
  await mkdir(outputDir, { recursive: true });
  const telemetryFile = path.join(outputDir, TELEMETRY_FILE);
  const sampling = preflight
    ? startTelemetry({ tool, intervalMs: model.training.telemetry_interval_ms, file: telemetryFile })
    : null;
  let outcome: CommandOutcome;
  try {
    outcome = await runCommand({ command, cwd: root, timeoutMs: model.training.timeout_minutes * 60_000, logFile, echo: request.echo, env });
  } catch (error) {
    // A command that cannot start must not leave a sampler behind.
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
    telemetry: telemetry ? telemetryLineage(telemetry) : null,
  });
  await writeFile(path.join(outputDir, LINEAGE_FILE), `${JSON.stringify(lineage, null, 2)}\n`);
  const record: TrainingRecord = { lineage, preflight, telemetry };
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

function telemetryLineage(capture: TelemetryCapture): TelemetryLineage {
  return { file: TELEMETRY_FILE, ...capture.summary, samplerCpuSeconds: capture.sampler.cpuSeconds };
}
