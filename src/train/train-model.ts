/**
 * Trains one model: resolves its data, runs the configured command with the
 * trainyard environment, writes lineage.json, and reads back the artifacts.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ModelConfig } from '../config/schema.ts';
import { CommandError, DataError } from '../errors.ts';
import { expandDataPath } from '../util/glob.ts';
import { sha256File } from '../util/hash.ts';
import { readTrainingArtifacts, LINEAGE_FILE, type TrainingArtifacts } from './artifacts.ts';
import { buildLineage, type DataFileFact, type Lineage } from './lineage.ts';
import { runCommand, type CommandOutcome } from './run-command.ts';
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
}

export interface TrainResult {
  name: string;
  outcome: CommandOutcome;
  lineage: Lineage;
  artifacts: TrainingArtifacts;
  logFile: string;
}

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Every file behind the configured paths, hashed; a path that names nothing is an error. */
export async function describeDataFiles(patterns: string[], root: string, key: string): Promise<DataFileFact[]> {
  const facts: DataFileFact[] = [];
  for (const pattern of patterns) {
    const files = await expandDataPath(pattern, root);
    if (files.length === 0) throw new DataError(`${key}: "${pattern}" matches no file under ${root}`);
    for (const file of files) {
      const info = await stat(file);
      facts.push({ path: path.relative(root, file).split(path.sep).join('/'), bytes: info.size, sha256: await sha256File(file) });
    }
  }
  return facts;
}

export async function trainModel(request: TrainRequest): Promise<TrainResult> {
  const { model, root, outputDir } = request;
  const train = asList(model.data.train);
  const data = await describeDataFiles(train, root, `models.${request.name}.data.train`);
  await mkdir(outputDir, { recursive: true });
  const command = request.command ?? model.training.command;
  const logFile = path.join(outputDir, 'train.log');
  const resolveAll = (patterns: string[]): string => patterns.map((pattern) => path.resolve(root, pattern)).join(path.delimiter);
  const outcome = await runCommand({
    command,
    cwd: root,
    timeoutMs: model.training.timeout_minutes * 60_000,
    logFile,
    echo: request.echo,
    env: {
      ...request.env,
      ...model.training.env,
      TRAINYARD_MODEL: request.name,
      TRAINYARD_OUTPUT_DIR: outputDir,
      TRAINYARD_DATA_TRAIN: resolveAll(train),
      TRAINYARD_DATA_PRODUCTION: resolveAll(asList(model.data.production)),
      TRAINYARD_SEED: String(model.training.seed),
      TRAINYARD_PARAMS: JSON.stringify(model.training.params),
    },
  });
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
  });
  await writeFile(path.join(outputDir, LINEAGE_FILE), `${JSON.stringify(lineage, null, 2)}\n`);
  if (outcome.timedOut) {
    throw new CommandError(`models.${request.name}: "${command}" ran past training.timeout_minutes (${model.training.timeout_minutes}) and was stopped; partial outputs kept in ${outputDir}`, { exitCode: 1 });
  }
  if (outcome.exitCode !== 0) {
    throw new CommandError(`models.${request.name}: "${command}" exited with status ${outcome.exitCode}; its log is ${logFile}`, { exitCode: outcome.exitCode });
  }
  const artifacts = await readTrainingArtifacts(outputDir, { metrics: model.metrics.file, predictions: model.metrics.predictions });
  return { name: request.name, outcome, lineage, artifacts, logFile };
}
