import path from 'node:path';
import type { Command } from 'commander';
import { resolveChoices, type InitFlags } from '../../init/choices.ts';
import { discover } from '../../init/discover.ts';
import { planInit } from '../../init/plan.ts';
import { releaseBranch, listRepoFiles } from '../../init/scan.ts';
import { readFile } from 'node:fs/promises';
import { inferSchemaFile } from '../../init/infer-schema.ts';
import { ignoreRunFolder } from '../../init/gitignore.ts';
import { writeAllOrNothing } from '../../util/write-files.ts';
import type { CliIo } from '../io.ts';

interface InitOptions extends InitFlags {
  yes?: boolean;
  force?: boolean;
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
      const release = await releaseBranch(root);
      const discovery = discover({ files: repoFiles, folderName: path.basename(root), defaultBranch: release.branch });
      const schemaTexts = Object.fromEntries(await Promise.all(discovery.schemaCandidates.map(async (file) => [file, await readFile(path.join(root, file), 'utf8')] as const)));
      const { model, task, command, data } = options;
      const flags: InitFlags = { ...(model ? { model } : {}), ...(task ? { task } : {}), ...(command ? { command } : {}), ...(data ? { data } : {}) };
      const choices = { ...(await resolveChoices({ discovery, flags, schemaTexts, ask: options.yes ? undefined : io.ask })), releaseBranchFrom: release.from };
      const inferred = choices.schema ? undefined : await inferSchemaFile(root, choices.train, choices.production, repoFiles.map((file) => file.path));
      const plan = planInit(choices, inferred?.file);
      await writeAllOrNothing(root, plan.files, { force: options.force === true });
      const ignored = await ignoreRunFolder(root);
      io.stdout(`trainyard: set up model "${choices.model}" (${choices.task}), training with \`${choices.command}\` on ${choices.train}\n`);
      for (const file of plan.files) io.stdout(`  wrote ${file.path}\n`);
      if (ignored) io.stdout(`  ${ignored === 'created' ? 'wrote' : 'updated'} .gitignore (.trainyard/ holds runs, models and the local registry)\n`);
      if (choices.pythonRequirements) io.stdout(`  the training job installs ${choices.pythonRequirements} into a virtual environment (python-requirements)\n`);
      if (inferred?.trainingOnly.length) io.stdout(`  training_only in the schema (production lacks them): ${inferred.trainingOnly.join(', ')}\n`);
      io.stdout(`  releases run on "${choices.defaultBranch}" (${release.from === 'remote' ? 'the remote\'s default branch' : 'the current branch; there is no origin/HEAD'})\n`);
      io.stdout('\nNext steps:\n');
      plan.nextSteps.forEach((step, index) => io.stdout(`  ${index + 1}. ${step}\n`));
      setExit(0);
    });
}
