import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { selectModels } from '../../run/pipeline.ts';
import { renderTrainSummary, type TrainSummaryInput } from '../../report/train-summary.ts';
import { processNvidiaSmi } from '../../runner/nvidia-smi-process.ts';
import { PreflightError } from '../../runner/preflight-error.ts';
import { trainModel, TrainingFailedError } from '../../train/train-model.ts';
import { describeThrown, TrainyardError, UsageError } from '../../errors.ts';
import type { CliIo } from '../io.ts';
import { newRunDir, openProject } from '../shared.ts';
import { displayPath } from '../../util/display-path.ts';

interface TrainOptions {
  config?: string;
  model?: string;
  command?: string;
  out?: string;
  summary?: string;
}

/** Appends step outputs (`name=value` lines) to $GITHUB_OUTPUT when running in Actions. */
async function setOutputs(io: CliIo, outputs: Record<string, string>): Promise<void> {
  const file = io.env.GITHUB_OUTPUT;
  if (!file) return;
  await appendFile(file, Object.entries(outputs).map(([key, value]) => `${key}=${value}\n`).join(''));
}

export function registerTrain(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('train')
    .description('Run a model\'s training command with the trainyard environment: GPU preflight and telemetry when the config asks for GPUs, lineage.json beside its outputs.')
    .option('-c, --config <file>', 'the trainyard config', '.github/trainyard.yml')
    .option('-m, --model <name>', 'the model to train (required when the config has several)')
    .option('--command <command>', 'run this instead of training.command')
    .option('-o, --out <dir>', 'the output folder, TRAINYARD_OUTPUT_DIR (default: <project>/.trainyard/runs/<time>/<model>)')
    .option('--summary <file>', 'append a Markdown job summary here (default: $GITHUB_STEP_SUMMARY when set)')
    .action(async (options: TrainOptions) => {
      const project = await openProject(io, options.config);
      const configured = Object.keys(project.loaded.config.models);
      if (!options.model && configured.length > 1) throw new UsageError(`the config has several models (${configured.join(', ')}); choose one with --model`);
      const [name] = selectModels(configured, options.model ? [options.model] : configured);
      const model = project.loaded.config.models[name!]!;
      const outputDir = options.out ? path.resolve(io.cwd, options.out) : path.join(await newRunDir(path.join(project.loaded.root, '.trainyard', 'runs'), io.now()), name!);
      const summaryFile = options.summary ? path.resolve(io.cwd, options.summary) : io.env.GITHUB_STEP_SUMMARY;
      const writeSummary = async (input: TrainSummaryInput): Promise<void> => {
        if (summaryFile) await appendFile(summaryFile, renderTrainSummary(input));
      };
      // Written first, so an upload step after a cancelled run still finds the partial outputs.
      await setOutputs(io, { model: name!, 'output-dir': outputDir });
      try {
        const result = await trainModel({
          name: name!,
          model,
          root: project.loaded.root,
          outputDir,
          configSha256: project.configSha256,
          ...(options.command ? { command: options.command } : {}),
          env: io.env,
          system: project.system,
          versions: project.versions,
          echo: io.stdout,
          gpuTool: processNvidiaSmi({ env: io.env, ...(io.env.TRAINYARD_NVIDIA_SMI ? { binary: io.env.TRAINYARD_NVIDIA_SMI } : {}) }),
        });
        await writeSummary({ model: name!, lineage: result.lineage, preflight: result.preflight, telemetry: result.telemetry, error: null });
        await setOutputs(io, { 'exit-code': '0' });
        io.stderr(`trainyard: ${name} trained in ${result.lineage.durationSeconds} s; outputs in ${displayPath(io.cwd, outputDir)}\n`);
        setExit(0);
      } catch (error) {
        const message = describeThrown(error);
        if (error instanceof PreflightError) await writeSummary({ model: name!, lineage: null, preflight: error.report, telemetry: null, error: message });
        if (error instanceof TrainingFailedError) await writeSummary({ model: name!, lineage: error.record.lineage, preflight: error.record.preflight, telemetry: error.record.telemetry, error: message });
        const status = error instanceof TrainingFailedError ? error.commandStatus : error instanceof TrainyardError ? error.exitCode : 3;
        await setOutputs(io, { 'exit-code': String(status) });
        if (io.env.GITHUB_ACTIONS === 'true') io.stdout(`::error title=trainyard train ${name}::${message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`);
        throw error;
      }
    });
}
