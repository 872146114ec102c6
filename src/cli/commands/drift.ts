import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_CONFIG_PATH } from '../../config/load.ts';
import { driftExclusions } from '../../drift/exclusions.ts';
import { driftJson } from '../../drift/json.ts';
import { resolveDriftOptions, type DriftModelContext, type DriftOptions } from '../../drift/options.ts';
import { runDrift } from '../../drift/run-drift.ts';
import { UsageError } from '../../errors.ts';
import { uploadArtifact } from '../../github/upload-artifact.ts';
import { renderDriftReport } from '../../report/drift-report.ts';
import { formatNumber } from '../../util/format.ts';
import type { CliIo } from '../io.ts';
import { openConfig } from '../shared.ts';

interface DriftCommandOptions extends DriftOptions {
  config?: string;
  model?: string;
  json?: boolean;
  report?: string;
  out?: string;
  artifact?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** The model's config when --config or --model is given, or when a side is missing and the default config exists. */
async function modelContext(io: CliIo, options: DriftCommandOptions): Promise<DriftModelContext | undefined> {
  const wanted = options.config !== undefined || options.model !== undefined || !options.reference || !options.current;
  if (!wanted) return undefined;
  if (options.config === undefined && !existsSync(path.resolve(io.cwd, DEFAULT_CONFIG_PATH))) return undefined;
  const loaded = await openConfig(io, options.config);
  const names = Object.keys(loaded.config.models);
  if (options.model !== undefined && !names.includes(options.model)) throw new UsageError(`unknown model "${options.model}"; the config has: ${names.join(', ')}`);
  if (options.model === undefined && names.length > 1) throw new UsageError(`the config has several models (${names.join(', ')}); choose one with --model`);
  const name = options.model ?? names[0]!;
  return { name, model: loaded.config.models[name]!, root: loaded.root };
}

export function registerDrift(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('drift')
    .description('Compare current data with a reference (data or profile.json) column by column; exit 1 when the dataset drifted.')
    .option('-r, --reference <data|profile.json>', 'reference data (file, directory or glob) or a profile from trainyard profile')
    .option('--current <data>', 'current data (file, directory or glob)')
    .option('--columns <a,b>', 'test only these columns (default: all but ids, the schema\'s training_only columns, dates and timestamps, and drift.exclude)')
    .option('--method <column=name>', 'the test for a column (repeatable): ks, wasserstein, jensenshannon, psi, kl, hellinger, chisquare, z, linf', collect, [] as string[])
    .option('--threshold <column=x>', 'the threshold for a column (repeatable)', collect, [] as string[])
    .option('--drift-share <x>', 'the dataset drifts when this share of columns drifts (default 0.5)')
    .option('--correction <name>', 'multiple-testing correction: none, bonferroni, benjamini-hochberg')
    .option('-c, --config <file>', `the trainyard config (default ${DEFAULT_CONFIG_PATH} when --reference or --current is missing)`)
    .option('-m, --model <name>', 'the model whose drift settings apply')
    .option('--json', 'print the result as JSON')
    .option('--report <file.md>', 'write the Markdown report here')
    .option('-o, --out <drift.json>', 'also write the JSON result to this file')
    .option('--artifact <name>', 'inside GitHub Actions, upload drift.json and drift.md as this artifact')
    .action(async (options: DriftCommandOptions) => {
      if (options.artifact !== undefined && !io.env.ACTIONS_RUNTIME_TOKEN) {
        throw new UsageError(`--artifact ${options.artifact}: artifacts can only be uploaded inside a GitHub Actions job (ACTIONS_RUNTIME_TOKEN is not set)`);
      }
      const context = await modelContext(io, options);
      const request = resolveDriftOptions(options, io.cwd, context);
      const exclude = context ? await driftExclusions({ model: context.model, root: context.root }) : [];
      const result = await runDrift({ ...request, exclude });
      const json = `${JSON.stringify(driftJson(result), null, 2)}\n`;
      const report = renderDriftReport(result);
      for (const [file, text] of [
        [options.report, report],
        [options.out, json],
      ] as const) {
        if (!file) continue;
        const target = path.resolve(io.cwd, file);
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, text);
      }
      if (options.artifact !== undefined) {
        const folder = await mkdtemp(path.join(tmpdir(), 'trainyard-drift-'));
        await writeFile(path.join(folder, 'drift.json'), json);
        await writeFile(path.join(folder, 'drift.md'), report);
        const files = ['drift.json', 'drift.md'].map((file) => path.join(folder, file));
        await uploadArtifact({ name: options.artifact, files, rootDirectory: folder }, io.env);
      }
      if (options.json) io.stdout(json);
      else {
        io.stdout(report);
        io.stdout(`\n${result.drifted ? 'Drift' : 'No drift'}: ${result.driftedColumns} of ${result.tested} columns (share ${formatNumber(result.share)}, threshold ${formatNumber(result.driftShare)}).\n`);
      }
      setExit(result.drifted ? 1 : 0);
    });
}
