/**
 * `trainyard run`: the whole pipeline on one machine, model by model. Each stage
 * trainyard has is a step here; the report says what each produced.
 */
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LoadedConfig } from '../config/load.ts';
import { UsageError } from '../errors.ts';
import { renderRunReport, type ModelRunReport } from '../report/run-report.ts';
import type { SystemFacts } from '../train/system-facts.ts';
import { trainModel } from '../train/train-model.ts';

export interface RunRequest {
  loaded: LoadedConfig;
  configSha256: string;
  /** Models to run; all of them when empty. */
  models: string[];
  /** The run's folder; one sub-folder per model. */
  runDir: string;
  env: Record<string, string | undefined>;
  system: SystemFacts;
  versions: { node: string; trainyard: string };
  echo: (chunk: string) => void;
}

export interface RunOutcome {
  report: string;
  reportFile: string;
  models: ModelRunReport[];
}

/** The configured models a request names, in config order; an unknown name is a usage error. */
export function selectModels(configured: string[], requested: string[]): string[] {
  const unknown = requested.filter((name) => !configured.includes(name));
  if (unknown.length > 0) throw new UsageError(`unknown model "${unknown[0]}"; the config has: ${configured.join(', ')}`);
  return requested.length === 0 ? configured : configured.filter((name) => requested.includes(name));
}

export async function runPipeline(request: RunRequest): Promise<RunOutcome> {
  const { config, root } = request.loaded;
  const names = selectModels(Object.keys(config.models), request.models);
  const reports: ModelRunReport[] = [];
  for (const name of names) {
    const model = config.models[name]!;
    const outputDir = path.join(request.runDir, name);
    request.echo(`\n▶ ${name}: training with "${model.training.command}"\n`);
    const result = await trainModel({ name, model, root, outputDir, configSha256: request.configSha256, env: request.env, system: request.system, versions: request.versions, echo: request.echo });
    const artifacts = (await readdir(outputDir)).sort().map((entry) => (entry === 'model' ? 'model/' : entry));
    reports.push({
      name,
      task: model.task,
      ...(model.description ? { description: model.description } : {}),
      lineage: result.lineage,
      metrics: result.artifacts.metrics,
      outputDir: path.relative(root, outputDir) || '.',
      artifacts,
    });
  }
  const report = renderRunReport({ project: path.basename(root), models: reports });
  const reportFile = path.join(request.runDir, 'report.md');
  await writeFile(reportFile, report);
  return { report, reportFile, models: reports };
}
