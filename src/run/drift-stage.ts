/**
 * The drift stage of `trainyard run`: the model's current data (drift.current, else
 * data.production) against its reference (drift.reference, else the training data),
 * with the model's drift settings. Writes drift.json and drift.md into the model's
 * output folder and returns the verdict in one line. src/run/model-run.ts calls it
 * after the comparison.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ModelConfig } from '../config/schema.ts';
import { renderDriftReport } from '../report/drift-report.ts';
import { formatNumber } from '../util/format.ts';
import { driftExclusions } from '../drift/exclusions.ts';
import { driftJson } from '../drift/json.ts';
import { resolveDriftOptions } from '../drift/options.ts';
import { runDrift } from '../drift/run-drift.ts';
import type { DriftResult } from '../drift/types.ts';

export interface DriftStageRequest {
  name: string;
  model: ModelConfig;
  /** The project root the config's paths are relative to. */
  root: string;
  /** Where drift.json and drift.md go. */
  outputDir: string;
}

export interface DriftStageOutcome {
  /** Null when the model has no current data to check. */
  result: DriftResult | null;
  summary: string;
  files: string[];
}

export async function driftStage(request: DriftStageRequest): Promise<DriftStageOutcome> {
  const { model, name, root } = request;
  if (!model.drift?.current && !model.data.production) {
    return { result: null, summary: `drift: skipped, ${name} has no drift.current or data.production`, files: [] };
  }
  const options = resolveDriftOptions({ method: [], threshold: [] }, root, { name, model, root });
  const result = await runDrift({ ...options, exclude: await driftExclusions({ model, root }) });
  const json = path.join(request.outputDir, 'drift.json');
  const report = path.join(request.outputDir, 'drift.md');
  await writeFile(json, `${JSON.stringify(driftJson(result), null, 2)}\n`);
  await writeFile(report, renderDriftReport(result));
  const verdict = result.drifted ? 'DRIFT' : 'no dataset drift';
  const drifted = result.columns.filter((c) => c.drifted).map((c) => c.column);
  const which = drifted.length > 0 ? ` (${drifted.join(', ')})` : '';
  const left = result.excluded.length > 0 ? `; left out ${result.excluded.map((entry) => entry.column).join(', ')}` : '';
  const summary =
    `drift: ${verdict}, ${result.driftedColumns} of ${result.tested} columns${which}; share ${formatNumber(result.share)}, ` +
    `threshold ${formatNumber(result.driftShare)}; ${result.current.source} against ${result.reference.source}${left}`;
  return { result, summary, files: [json, report] };
}
