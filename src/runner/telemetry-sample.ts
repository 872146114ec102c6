/**
 * One line of `nvidia-smi --query-gpu=<TELEMETRY_FIELDS> --format=csv,noheader,nounits -lms N`.
 */
import { csvNumber } from './gpu-inventory.ts';

export const TELEMETRY_FIELDS = [
  'timestamp', 'index', 'utilization.gpu', 'utilization.memory', 'memory.used', 'memory.total', 'power.draw', 'temperature.gpu',
] as const;

export interface TelemetrySample {
  /** Milliseconds on nvidia-smi's clock (its local time read as UTC): only differences matter. */
  timeMs: number;
  gpu: number;
  utilizationPct: number | null;
  memoryUtilizationPct: number | null;
  memoryUsedMb: number | null;
  memoryTotalMb: number | null;
  powerW: number | null;
  temperatureC: number | null;
}

const TIMESTAMP = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/;

/** nvidia-smi's `2026/11/26 05:01:18.949`, as milliseconds; null when it is not one. */
export function parseSmiTimestamp(text: string): number | null {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms] = m;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number((ms ?? '0').padEnd(3, '0')));
}

/** Parses one telemetry line; a line that is not one (a warning nvidia-smi printed) is null. */
export function parseTelemetryLine(line: string): TelemetrySample | null {
  const f = line.split(',').map((field) => field.trim());
  if (f.length !== TELEMETRY_FIELDS.length) return null;
  const timeMs = parseSmiTimestamp(f[0]!);
  const gpu = csvNumber(f[1]);
  if (timeMs === null || gpu === null) return null;
  return {
    timeMs,
    gpu,
    utilizationPct: csvNumber(f[2]),
    memoryUtilizationPct: csvNumber(f[3]),
    memoryUsedMb: csvNumber(f[4]),
    memoryTotalMb: csvNumber(f[5]),
    powerW: csvNumber(f[6]),
    temperatureC: csvNumber(f[7]),
  };
}
