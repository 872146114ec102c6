import path from 'node:path';
import type { Command } from 'commander';
import { resolveChoices, type InitFlags } from '../../init/choices.ts';
import { discover } from '../../init/discover.ts';
import { planInit } from '../../init/plan.ts';
import { currentBranch, listRepoFiles } from '../../init/scan.ts';
import { readFile } from 'node:fs/promises';
import { DataEngine } from '../../data/engine.ts';
import { resolveSource } from '../../data/format.ts';
import type { PlannedFile } from '../../init/types.ts';
import { inferSchema } from '../../validate/infer.ts';
import { renderSchemaYaml } from '../../validate/infer-yaml.ts';
import { writeAllOrNothing } from '../../util/write-files.ts';
import type { CliIo } from '../io.ts';

interface InitOptions extends InitFlags {
  yes?: boolean;
  force?: boolean;
}

/**
 * A data schema for a repository that has none, inferred from the training data and
 * the production data together (the schema checks both), written beside the training data.
 */
async function inferSchemaFile(root: string, data: string[], existing: string[]): Promise<PlannedFile> {
  const train = data[0]!;
  const folder = path.posix.dirname(train);
  const name = existing.includes(path.posix.join(folder, 'schema.yml')) ? 'trainyard.schema.yml' : 'schema.yml';
  const engine = await DataEngine.open();
  try {
    const source = await resolveSource(data, root);
    return { path: path.posix.join(folder, name), content: renderSchemaYaml(await inferSchema(engine, source), source.display) };
  } finally {
    engine.close();
  }
}

export function registerInit(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('init')
    .description('Set up trainyard in this repository: find the data and training script, write .github/trainyard.yml and the caller workflows.')
    .option('-m, --model <name>', 'the model name (default: from the folder name)')
    .option('--task <task>', 'binary, multiclass or regression (default: binary)')
    .option('--command <command>', 'the training command (default: from the training script found)')
    .option('--data <path>', 'the training data (default: the data file found)')
    .option('-y, --yes', 'accept what was found without asking')
    .option('--force', 'replace files that already exist')
    .action(async (options: InitOptions) => {
      const root = io.cwd;
      const repoFiles = await listRepoFiles(root);
      const discovery = discover({ files: repoFiles, folderName: path.basename(root), defaultBranch: await currentBranch(root) });
      const schemaTexts = Object.fromEntries(await Promise.all(discovery.schemaCandidates.map(async (file) => [file, await readFile(path.join(root, file), 'utf8')] as const)));
      const { model, task, command, data } = options;
      const flags: InitFlags = { ...(model ? { model } : {}), ...(task ? { task } : {}), ...(command ? { command } : {}), ...(data ? { data } : {}) };
      const choices = await resolveChoices({ discovery, flags, schemaTexts, ask: options.yes ? undefined : io.ask });
      const plan = planInit(choices, choices.schema ? undefined : await inferSchemaFile(root, choices.production ? [choices.train, choices.production] : [choices.train], repoFiles.map((file) => file.path)));
      await writeAllOrNothing(root, plan.files, { force: options.force === true });
      io.stdout(`trainyard: set up model "${choices.model}" (${choices.task}), training with \`${choices.command}\` on ${choices.train}\n`);
      for (const file of plan.files) io.stdout(`  wrote ${file.path}\n`);
      io.stdout('\nNext steps:\n');
      plan.nextSteps.forEach((step, index) => io.stdout(`  ${index + 1}. ${step}\n`));
      setExit(0);
    });
}
