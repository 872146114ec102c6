/**
 * Streaming summary of GPU telemetry, per GPU: mean and peak utilisation, peak memory,
 * and energy as the trapezoidal integral of power over time (numpy.trapz's rule).
 * Memory stays constant however long training runs.
 */
import type { TelemetrySample } from './telemetry-sample.ts';

export interface GpuTelemetrySummary {
  gpu: number;
  samples: number;
  /** Arithmetic mean over samples that report utilisation (samples are evenly spaced). */
  meanUtilizationPct: number | null;
  peakUtilizationPct: number | null;
  peakMemoryUsedMb: number | null;
  memoryTotalMb: number | null;
  meanPowerW: number | null;
  peakPowerW: number | null;
  /** Integral of power over the sampled time, in joules and watt-hours. */
  energyJ: number;
  energyWh: number;
  peakTemperatureC: number | null;
}

export interface TelemetrySummary {
  intervalMs: number;
  samples: number;
  /** From the first to the last sample, any GPU. */
  durationSeconds: number;
  gpus: GpuTelemetrySummary[];
}

interface GpuAccumulator {
  samples: number;
  utilSum: number;
  utilCount: number;
  powerSum: number;
  powerCount: number;
  peakUtil: number | null;
  peakMemory: number | null;
  memoryTotal: number | null;
  peakPower: number | null;
  peakTemperature: number | null;
  energyJ: number;
  last: { timeMs: number; powerW: number } | null;
}

const max = (a: number | null, b: number | null): number | null => (b === null ? a : a === null ? b : Math.max(a, b));

export class TelemetryAccumulator {
  private readonly gpus = new Map<number, GpuAccumulator>();
  private first: number | null = null;
  private latest: number | null = null;
  private count = 0;

  constructor(private readonly intervalMs: number) {}

  add(sample: TelemetrySample): void {
    this.count++;
    this.first = this.first === null ? sample.timeMs : Math.min(this.first, sample.timeMs);
    this.latest = this.latest === null ? sample.timeMs : Math.max(this.latest, sample.timeMs);
    let acc = this.gpus.get(sample.gpu);
    if (!acc) {
      acc = { samples: 0, utilSum: 0, utilCount: 0, powerSum: 0, powerCount: 0, peakUtil: null, peakMemory: null, memoryTotal: null, peakPower: null, peakTemperature: null, energyJ: 0, last: null };
      this.gpus.set(sample.gpu, acc);
    }
    acc.samples++;
    if (sample.utilizationPct !== null) {
      acc.utilSum += sample.utilizationPct;
      acc.utilCount++;
    }
    acc.peakUtil = max(acc.peakUtil, sample.utilizationPct);
    acc.peakMemory = max(acc.peakMemory, sample.memoryUsedMb);
    acc.memoryTotal = max(acc.memoryTotal, sample.memoryTotalMb);
    acc.peakTemperature = max(acc.peakTemperature, sample.temperatureC);
    if (sample.powerW !== null) {
      acc.powerSum += sample.powerW;
      acc.powerCount++;
      acc.peakPower = max(acc.peakPower, sample.powerW);
      // A sample out of order (clock step) adds no energy rather than negative energy.
      if (acc.last && sample.timeMs > acc.last.timeMs) acc.energyJ += ((acc.last.powerW + sample.powerW) / 2) * ((sample.timeMs - acc.last.timeMs) / 1000);
      acc.last = { timeMs: sample.timeMs, powerW: sample.powerW };
    }
  }

  summary(): TelemetrySummary {
    const gpus = [...this.gpus.entries()].sort(([a], [b]) => a - b).map(([gpu, acc]): GpuTelemetrySummary => ({
      gpu,
      samples: acc.samples,
      meanUtilizationPct: acc.utilCount > 0 ? acc.utilSum / acc.utilCount : null,
      peakUtilizationPct: acc.peakUtil,
      peakMemoryUsedMb: acc.peakMemory,
      memoryTotalMb: acc.memoryTotal,
      meanPowerW: acc.powerCount > 0 ? acc.powerSum / acc.powerCount : null,
      peakPowerW: acc.peakPower,
      energyJ: acc.energyJ,
      energyWh: acc.energyJ / 3600,
      peakTemperatureC: acc.peakTemperature,
    }));
    const durationSeconds = this.first === null || this.latest === null ? 0 : (this.latest - this.first) / 1000;
    return { intervalMs: this.intervalMs, samples: this.count, durationSeconds, gpus };
  }
}
