import path from 'node:path';
import type { Command } from 'commander';
import { selectModels } from '../../run/pipeline.ts';
import { trainModel } from '../../train/train-model.ts';
import { UsageError } from '../../errors.ts';
import type { CliIo } from '../io.ts';
import { openProject, runId } from '../shared.ts';

interface TrainOptions {
  config?: string;
  model?: string;
  command?: string;
  out?: string;
}

export function registerTrain(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('train')
    .description('Run a model\'s training command with the trainyard environment and write lineage.json beside its outputs.')
    .option('-c, --config <file>', 'the trainyard config', '.github/trainyard.yml')
    .option('-m, --model <name>', 'the model to train (required when the config has several)')
    .option('--command <command>', 'run this instead of training.command')
    .option('-o, --out <dir>', 'the output folder, TRAINYARD_OUTPUT_DIR (default: <project>/.trainyard/runs/<time>/<model>)')
    .action(async (options: TrainOptions) => {
      const project = await openProject(io, options.config);
      const configured = Object.keys(project.loaded.config.models);
      if (!options.model && configured.length > 1) throw new UsageError(`the config has several models (${configured.join(', ')}); choose one with --model`);
      const [name] = selectModels(configured, options.model ? [options.model] : configured);
      const model = project.loaded.config.models[name!]!;
      const outputDir = options.out ? path.resolve(io.cwd, options.out) : path.join(project.loaded.root, '.trainyard', 'runs', runId(io.now()), name!);
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
      });
      io.stderr(`trainyard: ${name} trained in ${result.lineage.durationSeconds} s; outputs in ${path.relative(io.cwd, outputDir) || '.'}\n`);
      setExit(0);
    });
}
