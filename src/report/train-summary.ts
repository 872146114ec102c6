/**
 * The job summary of `trainyard train` ($GITHUB_STEP_SUMMARY): outcome, GPU preflight,
 * telemetry. Rendered from the same record whether the run passed or failed.
 */
import type { PreflightReport } from '../runner/preflight.ts';
import type { TelemetryCapture } from '../runner/telemetry-sampler.ts';
import type { Lineage } from '../train/lineage.ts';
import { formatSeconds } from '../util/format.ts';
import { renderPreflight } from './preflight-summary.ts';
import { renderTelemetrySection } from './telemetry-chart.ts';

export interface TrainSummaryInput {
  model: string;
  /** null when training never started (a failed preflight). */
  lineage: Lineage | null;
  preflight: PreflightReport | null;
  telemetry: TelemetryCapture | null;
  /** The one-line error, when the run failed. */
  error: string | null;
}

export function renderTrainSummary(input: TrainSummaryInput): string {
  const { lineage } = input;
  const status = input.error ? '❌ failed' : '✅ trained';
  const parts = [`## trainyard train: ${input.model} ${status}`];
  if (input.error) parts.push(`\`\`\`\n${input.error}\n\`\`\``);
  if (lineage) {
    const gpu = lineage.gpu ? `${lineage.gpu.count} × ${lineage.gpu.model ?? 'GPU'} (driver ${lineage.gpu.driver ?? '?'}, CUDA ${lineage.gpu.cuda ?? '?'})` : 'none';
    parts.push([
      '| | |', '| --- | --- |',
      `| command | \`${lineage.command.replace(/\|/g, '\\|')}\` |`,
      `| exit status | ${lineage.exitStatus}${lineage.signal ? ` (${lineage.signal})` : ''}${lineage.timedOut ? ', timed out' : ''} |`,
      `| duration | ${formatSeconds(lineage.durationSeconds)} |`,
      `| runner | ${lineage.runner.name ?? 'local'}${lineage.runner.labels.length ? ` [${lineage.runner.labels.join(', ')}]` : ''} |`,
      `| GPU | ${gpu} |`,
      `| commit | ${lineage.commit ?? 'unknown'}${lineage.dirty ? ' (dirty)' : ''} |`,
    ].join('\n'));
  }
  if (input.preflight) parts.push(renderPreflight(input.preflight).trimEnd());
  if (input.telemetry) parts.push(renderTelemetrySection(input.telemetry.summary, input.telemetry.series).trimEnd());
  return `${parts.join('\n\n')}\n`;
}
