/**
 * GPU telemetry for the job summary: a mermaid xychart line of utilisation over time,
 * with a table beside it (xychart-beta may not render everywhere; the table always does).
 */
import type { SeriesPoint } from '../runner/telemetry-series.ts';
import type { TelemetrySummary } from '../runner/telemetry-summary.ts';
import { formatSeconds } from '../util/format.ts';

const fixed = (value: number | null, digits = 0): string => (value === null ? '–' : value.toFixed(digits));

export function renderTelemetryChart(series: SeriesPoint[]): string {
  if (series.length < 2) return '';
  const x = series.map((point) => point.t.toFixed(1)).join(', ');
  const y = series.map((point) => point.utilizationPct.toFixed(1)).join(', ');
  return ['```mermaid', 'xychart-beta', '  title "GPU utilisation during training"', `  x-axis "seconds" [${x}]`, '  y-axis "utilisation (%)" 0 --> 100', `  line [${y}]`, '```'].join('\n');
}

export function renderTelemetryTable(summary: TelemetrySummary): string {
  const rows = summary.gpus.map((gpu) =>
    `| ${gpu.gpu} | ${gpu.samples} | ${fixed(gpu.meanUtilizationPct, 1)} | ${fixed(gpu.peakUtilizationPct)} | ${fixed(gpu.peakMemoryUsedMb)} / ${fixed(gpu.memoryTotalMb)} | ${fixed(gpu.peakPowerW, 1)} | ${gpu.energyWh.toFixed(3)} | ${fixed(gpu.peakTemperatureC)} |`);
  return [
    '| GPU | samples | mean util (%) | peak util (%) | peak memory (MiB) | peak power (W) | energy (Wh) | peak temp (°C) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

export function renderTelemetrySection(summary: TelemetrySummary, series: SeriesPoint[]): string {
  const head = `### GPU telemetry\n\n${summary.samples} samples every ${summary.intervalMs} ms over ${formatSeconds(summary.durationSeconds)}.`;
  if (summary.samples === 0) return `${head} nvidia-smi reported nothing while the command ran.\n`;
  const chart = renderTelemetryChart(series);
  const points = series.map((point) => `| ${point.t.toFixed(1)} | ${point.utilizationPct.toFixed(1)} | ${point.memoryUsedMb.toFixed(0)} |`);
  const detail = ['<details><summary>Chart data</summary>', '', '| seconds | utilisation (%) | memory used (MiB) |', '| ---: | ---: | ---: |', ...points, '', '</details>'].join('\n');
  return [head, renderTelemetryTable(summary), chart, detail].filter(Boolean).join('\n\n') + '\n';
}
