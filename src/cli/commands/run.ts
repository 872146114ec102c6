import path from 'node:path';
import type { Command } from 'commander';
import { runPipeline } from '../../run/pipeline.ts';
import type { CliIo } from '../io.ts';
import { newRunDir, openProject } from '../shared.ts';
import { displayPath } from '../../util/display-path.ts';

interface RunOptions {
  config?: string;
  model: string[];
  out?: string;
}

export function registerRun(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('run')
    .description('Run the whole pipeline locally: validate, train, evaluate, compare with the champion, check drift, register and promote in the local registry.')
    .option('-c, --config <file>', 'the trainyard config', '.github/trainyard.yml')
    .option('-m, --model <name>', 'run only this model (repeatable)', (value: string, previous: string[]) => [...previous, value], [] as string[])
    .option('-o, --out <dir>', 'the run folder (default: <project>/.trainyard/runs/<time>)')
    .action(async (options: RunOptions) => {
      const project = await openProject(io, options.config);
      const runDir = options.out ? path.resolve(io.cwd, options.out) : await newRunDir(path.join(project.loaded.root, '.trainyard', 'runs'), io.now());
      const outcome = await runPipeline({ ...project, models: options.model, runDir, env: io.env, echo: io.stderr });
      io.stdout(`\n${outcome.report}\nReport written to ${displayPath(io.cwd, outcome.reportFile)}\n`);
      setExit(outcome.exitCode);
    });
}
