/**
 * A bounded time series for the job-summary chart: one point per sampling instant
 * (mean utilisation over GPUs, memory used summed over GPUs). When more than twice the
 * wanted points arrive, neighbours are merged pairwise, so a week-long run still draws
 * from at most `2 * maxPoints` points.
 */
import type { TelemetrySample } from './telemetry-sample.ts';

export interface SeriesPoint {
  /** Seconds since the first sample. */
  t: number;
  utilizationPct: number;
  memoryUsedMb: number;
}

export class TelemetrySeries {
  private points: Array<SeriesPoint & { weight: number }> = [];
  private start: number | null = null;
  private open: { timeMs: number; util: number[]; memory: number } | null = null;

  constructor(private readonly maxPoints = 48) {}

  add(sample: TelemetrySample): void {
    this.start ??= sample.timeMs;
    if (this.open && this.open.timeMs !== sample.timeMs) this.flush();
    this.open ??= { timeMs: sample.timeMs, util: [], memory: 0 };
    if (sample.utilizationPct !== null) this.open.util.push(sample.utilizationPct);
    this.open.memory += sample.memoryUsedMb ?? 0;
  }

  private flush(): void {
    const open = this.open;
    this.open = null;
    if (!open || this.start === null) return;
    const util = open.util.length > 0 ? open.util.reduce((a, b) => a + b, 0) / open.util.length : 0;
    this.points.push({ t: (open.timeMs - this.start) / 1000, utilizationPct: util, memoryUsedMb: open.memory, weight: 1 });
    if (this.points.length > 2 * this.maxPoints) this.halve();
  }

  private halve(): void {
    const merged: typeof this.points = [];
    for (let i = 0; i < this.points.length; i += 2) {
      const a = this.points[i]!;
      const b = this.points[i + 1];
      if (!b) {
        merged.push(a);
        continue;
      }
      const weight = a.weight + b.weight;
      merged.push({
        t: a.t,
        utilizationPct: (a.utilizationPct * a.weight + b.utilizationPct * b.weight) / weight,
        memoryUsedMb: Math.max(a.memoryUsedMb, b.memoryUsedMb),
        weight,
      });
    }
    this.points = merged;
  }

  result(): SeriesPoint[] {
    this.flush();
    return this.points.map(({ t, utilizationPct, memoryUsedMb }) => ({ t, utilizationPct, memoryUsedMb }));
  }
}
