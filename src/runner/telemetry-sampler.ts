/**
 * GPU telemetry during training: ONE long-lived `nvidia-smi … -lms <interval>` process
 * (a process per sample would cost a driver initialisation each time), its lines
 * appended to telemetry.csv as they arrive and folded into a summary and a chart series.
 */
import { createWriteStream } from 'node:fs';
import type { NvidiaSmi, SamplerExit } from './nvidia-smi.ts';
import { parseTelemetryLine, TELEMETRY_FIELDS } from './telemetry-sample.ts';
import { TelemetrySeries, type SeriesPoint } from './telemetry-series.ts';
import { TelemetryAccumulator, type TelemetrySummary } from './telemetry-summary.ts';

export const TELEMETRY_FILE = 'telemetry.csv';

export interface TelemetryCapture {
  summary: TelemetrySummary;
  series: SeriesPoint[];
  sampler: SamplerExit & { cpuSeconds: number | null; malformedLines: number };
}

export interface RunningTelemetry {
  stop(): Promise<TelemetryCapture>;
}

/** The sampler's arguments: the fields, CSV without header or units, the interval. */
export function telemetryArgs(intervalMs: number): string[] {
  return [`--query-gpu=${TELEMETRY_FIELDS.join(',')}`, '--format=csv,noheader,nounits', '-lms', String(intervalMs)];
}

export function startTelemetry(options: { tool: NvidiaSmi; intervalMs: number; file: string }): RunningTelemetry {
  const out = createWriteStream(options.file, { flags: 'w' });
  out.write(`${TELEMETRY_FIELDS.join(',')}\n`);
  const accumulator = new TelemetryAccumulator(options.intervalMs);
  const series = new TelemetrySeries();
  let malformedLines = 0;
  const sampler = options.tool.sample(telemetryArgs(options.intervalMs), (line) => {
    const sample = parseTelemetryLine(line);
    if (!sample) {
      malformedLines++;
      return;
    }
    out.write(`${line.split(',').map((field) => field.trim()).join(',')}\n`);
    accumulator.add(sample);
    series.add(sample);
  });
  return {
    stop: async () => {
      const cpuSeconds = await sampler.cpuSeconds();
      const exit = await sampler.stop();
      await new Promise<void>((resolve) => out.end(resolve));
      return { summary: accumulator.summary(), series: series.result(), sampler: { ...exit, cpuSeconds, malformedLines } };
    },
  };
}
