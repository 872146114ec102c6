import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../errors.ts';
import { renderCard } from '../../registry/card.ts';
import { collectVersionContent } from '../../registry/content.ts';
import { parseVersionNumber } from '../../registry/names.ts';
import type { ModelRegistry, VersionRef } from '../../registry/types.ts';
import { renderHistory, renderVersions } from '../../report/registry-text.ts';
import type { CliIo } from '../io.ts';
import { openRegistry, runUrlFrom } from '../registry-edge.ts';

interface Common {
  registry?: string;
  config?: string;
  json?: boolean;
}

function common(command: Command): Command {
  return command
    .option('-r, --registry <spec>', 'local:<dir> or github:<owner>/<repo> (default: the config\'s registry, else local:.trainyard/registry)')
    .option('-c, --config <file>', 'the trainyard config (default: .github/trainyard.yml when it exists)');
}

function refFrom(options: { version?: string; environment?: string }): VersionRef {
  if (options.version && options.environment) throw new UsageError('give --version or --environment, not both');
  if (options.environment) return { environment: options.environment };
  if (!options.version) throw new UsageError('expected --version <N> or --environment <name>');
  return { version: parseVersionNumber(options.version) };
}

/**
 * Refuses a model the registry does not know (a typo such as `churn` for `churned`),
 * naming the ones it has, rather than answering "no versions" with exit 0.
 */
async function requireModel(registry: ModelRegistry, model: string): Promise<void> {
  const known = await registry.models();
  if (known.includes(model)) return;
  const have = known.length > 0 ? `it has: ${known.join(', ')}` : 'it has no models yet';
  throw new UsageError(`no model "${model}" in ${registry.location}; ${have}`);
}

export function registerRegistry(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const registry = program.command('registry').description('Model versions and promotions: the local registry or GitHub Releases.');
  const print = (value: unknown, text: string, json?: boolean) => io.stdout(`${json ? JSON.stringify(value, null, 2) : text}\n`);

  common(registry.command('list').description('List the models, or the versions of one model and where each is champion.').argument('[model]'))
    .option('--json', 'print JSON')
    .action(async (model: string | undefined, options: Common) => {
      const { registry: opened } = await openRegistry(io, options);
      if (!model) {
        const models = await opened.models();
        print({ models }, models.length ? models.join('\n') : `no models in ${opened.location}`, options.json);
      } else {
        await requireModel(opened, model);
        const [versions, history] = await Promise.all([opened.versions(model), opened.history(model)]);
        print({ model, versions }, renderVersions(model, versions, history), options.json);
      }
      setExit(0);
    });

  common(registry.command('show').description('Print a version\'s model card.').argument('<model>'))
    .option('-v, --version <n>', 'the version number')
    .option('-e, --environment <name>', 'the champion of this environment')
    .option('--json', 'print JSON')
    .action(async (model: string, options: Common & { version?: string; environment?: string }) => {
      const { registry: opened } = await openRegistry(io, options);
      await requireModel(opened, model);
      const version = await opened.version(model, refFrom(options));
      print(version, `${renderCard(version.card)}\n(${version.url})`, options.json);
      setExit(0);
    });

  common(registry.command('download').description('Download a version\'s files, every digest verified.').argument('<model>'))
    .option('-v, --version <n>', 'the version number')
    .option('-e, --environment <name>', 'the champion of this environment')
    .requiredOption('-o, --out <dir>', 'a new folder to write the files into')
    .option('-f, --file <path>', 'only this file (or folder) of the version, e.g. profile.json (repeatable; default: every file and model-card.md)', (value: string, previous: string[] = []) => [...previous, value])
    .action(async (model: string, options: Common & { version?: string; environment?: string; out: string; file?: string[] }) => {
      const { registry: opened } = await openRegistry(io, options);
      await requireModel(opened, model);
      const version = await opened.version(model, refFrom(options));
      const downloaded = await opened.download(model, version.version, path.resolve(io.cwd, options.out), options.file ? { only: options.file } : {});
      const count = downloaded.files.length === 1 ? '1 file' : `${downloaded.files.length} files`;
      io.stdout(`${model} v${version.version}: ${count} in ${options.out}\n`);
      setExit(0);
    });

  common(registry.command('history').description('Who promoted which version where, when and why.').argument('<model>'))
    .option('-e, --environment <name>', 'only this environment')
    .option('--json', 'print JSON')
    .action(async (model: string, options: Common & { environment?: string }) => {
      const { registry: opened } = await openRegistry(io, options);
      await requireModel(opened, model);
      const history = await opened.history(model, options.environment);
      print({ model, history }, renderHistory(model, history), options.json);
      setExit(0);
    });

  common(registry.command('register').description('Register a training output folder as a new version.').argument('<model>'))
    .requiredOption('--from <dir>', 'the training output folder (model/, metrics, predictions, lineage.json, optional profile.json; without one, the profile of the model\'s training data in --config is registered)')
    .action(async (model: string, options: Common & { from: string }) => {
      const { registry: opened, loaded } = await openRegistry(io, options);
      const config = loaded?.config.models[model];
      const outputDir = path.resolve(io.cwd, options.from);
      // Drift monitoring compares production data with the champion's profile.json: when
      // the trainer wrote none, the model's training data is profiled here.
      const scratch = config && loaded && !existsSync(path.join(outputDir, 'profile.json')) ? await mkdtemp(path.join(tmpdir(), 'trainyard-profile-')) : null;
      try {
        let profileFile: string | undefined;
        if (scratch && config && loaded) {
          const { profileData } = await import('../../profile/profile-data.ts');
          const { DEFAULT_SAMPLE_SIZE } = await import('../../profile/types.ts');
          const profile = await profileData({ paths: config.data.train, root: loaded.root, sampleSize: DEFAULT_SAMPLE_SIZE, seed: config.training.seed });
          profileFile = path.join(scratch, 'profile.json');
          await writeFile(profileFile, `${JSON.stringify(profile)}\n`);
        }
        const content = await collectVersionContent({ outputDir, metricsFile: config?.metrics.file ?? 'metrics.json', predictionsFile: config?.metrics.predictions ?? 'predictions.csv', ...(profileFile ? { profileFile } : {}) });
        const version = await opened.register({
          model,
          content,
          text: { task: config?.task ?? null, description: config?.description ?? null, intendedUse: config?.card?.intended_use ?? null, limitations: config?.card?.limitations ?? null },
          commit: content.lineage?.commit ?? io.env.GITHUB_SHA ?? null,
          runUrl: runUrlFrom(io.env),
          onProgress: (event) => {
            if (event.kind === 'stored') io.stderr(`stored ${event.path} (${event.done}/${event.total})\n`);
          },
        });
        io.stdout(`registered ${model} v${version.version} (${version.url})\n`);
      } finally {
        if (scratch) await rm(scratch, { recursive: true, force: true });
      }
      setExit(0);
    });

  common(registry.command('promote').description('Record a promotion of a version to an environment (no deploy).').argument('<model>'))
    .requiredOption('-v, --version <n>', 'the version number')
    .requiredOption('-e, --environment <name>', 'the environment')
    .option('--approver <login>', 'who approved (repeatable)', (value: string, previous: string[]) => [...previous, value], [] as string[])
    .option('--reason <text>', 'why', 'promoted by hand')
    .option('--gate <summary>', 'the metric gate\'s summary', 'not evaluated')
    .option('--rejected', 'record a rejected promotion instead')
    .option('--dry-run', 'say what would be recorded and record nothing')
    .action(async (model: string, options: Common & { version: string; environment: string; approver: string[]; reason: string; gate: string; rejected?: boolean; dryRun?: boolean }) => {
      const { registry: opened } = await openRegistry(io, options);
      await requireModel(opened, model);
      const version = parseVersionNumber(options.version);
      const decision = options.rejected ? 'rejected' : 'approved';
      if (options.dryRun) {
        await opened.version(model, { version });
        io.stdout(`[dry-run] would record ${model} v${version} ${decision} for ${options.environment} in ${opened.location}\n`);
      } else {
        const record = await opened.promote({ model, version, environment: options.environment, decision, approvers: options.approver, gate: { passed: !options.rejected, summary: options.gate }, reason: options.reason, runUrl: runUrlFrom(io.env), actor: io.env.GITHUB_ACTOR ?? null });
        io.stdout(`recorded ${model}#${record.environment}#${record.sequence}: v${version} ${decision}\n`);
      }
      setExit(0);
    });
}
