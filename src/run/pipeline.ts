/**
 * `trainyard run`: the whole pipeline on one machine, model by model, with the local
 * registry as the model store. The report says what each stage did.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LoadedConfig } from '../config/load.ts';
import { UsageError } from '../errors.ts';
import { LocalRegistry } from '../registry/local/local-registry.ts';
import { renderRunReport, type ModelRunReport } from '../report/run-report.ts';
import type { SystemFacts } from '../train/system-facts.ts';
import { runModel } from './model-run.ts';

export interface RunRequest {
  loaded: LoadedConfig;
  configSha256: string;
  /** Models to run; all of them when empty. */
  models: string[];
  /** The run's folder; one sub-folder per model. */
  runDir: string;
  /** The local registry's folder (default `<project>/.trainyard/registry`). */
  registryDir?: string;
  env: Record<string, string | undefined>;
  system: SystemFacts;
  versions: { node: string; trainyard: string };
  echo: (chunk: string) => void;
}

export interface RunOutcome {
  report: string;
  reportFile: string;
  models: ModelRunReport[];
  /**
   * 0 when every model went through every gate; 1 when a gate said no for one
   * (invalid data, a comparison that did not pass, drift); 2 or 3 when a training failed.
   */
  exitCode: number;
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
  const registry = new LocalRegistry({ dir: request.registryDir ?? path.join(root, '.trainyard', 'registry') });
  const reports: ModelRunReport[] = [];
  let exitCode = 0;
  for (const name of names) {
    const model = config.models[name]!;
    const outputDir = path.join(request.runDir, name);
    request.echo(`\n▶ ${name}\n`);
    const outcome = await runModel({ name, model, root, outputDir, configSha256: request.configSha256, registry, env: request.env, system: request.system, versions: request.versions, echo: request.echo });
    reports.push({
      name,
      task: model.task,
      ...(model.description ? { description: model.description } : {}),
      lineage: outcome.lineage,
      metrics: outcome.metrics,
      stages: outcome.stages,
      outputDir: path.relative(root, outputDir) || '.',
      artifacts: outcome.artifacts,
      ...(outcome.stopped ? { stopped: outcome.stopped } : {}),
    });
    exitCode = Math.max(exitCode, outcome.exitCode);
  }
  const report = renderRunReport({ project: path.basename(root), models: reports });
  const reportFile = path.join(request.runDir, 'report.md');
  await mkdir(request.runDir, { recursive: true });
  await writeFile(reportFile, report);
  return { report, reportFile, models: reports, exitCode };
}
