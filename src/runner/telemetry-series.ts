/**
 * A bounded time series for the job-summary chart: one point per bucket of sampling
 * instants (mean utilisation over GPUs and instants, peak memory used summed over GPUs).
 * Buckets start one instant wide; when the points reach twice the wanted number,
 * neighbours merge pairwise and buckets double, so every point covers the same span and
 * a week-long run still draws from at most `2 * maxPoints` points.
 */
import type { TelemetrySample } from './telemetry-sample.ts';

export interface SeriesPoint {
  /** Seconds since the first sample, at the bucket's start. */
  t: number;
  utilizationPct: number;
  memoryUsedMb: number;
}

interface Instant {
  timeMs: number;
  util: number[];
  memory: number;
}

export class TelemetrySeries {
  private points: SeriesPoint[] = [];
  private start: number | null = null;
  private instant: Instant | null = null;
  private bucket: { t: number; utilSum: number; instants: number; memory: number } | null = null;
  private bucketSize = 1;

  constructor(private readonly maxPoints = 48) {}

  add(sample: TelemetrySample): void {
    this.start ??= sample.timeMs;
    if (this.instant && this.instant.timeMs !== sample.timeMs) this.closeInstant();
    this.instant ??= { timeMs: sample.timeMs, util: [], memory: 0 };
    if (sample.utilizationPct !== null) this.instant.util.push(sample.utilizationPct);
    this.instant.memory += sample.memoryUsedMb ?? 0;
  }

  private closeInstant(): void {
    const instant = this.instant;
    this.instant = null;
    if (!instant || this.start === null) return;
    const util = instant.util.length > 0 ? instant.util.reduce((a, b) => a + b, 0) / instant.util.length : 0;
    this.bucket ??= { t: (instant.timeMs - this.start) / 1000, utilSum: 0, instants: 0, memory: 0 };
    this.bucket.utilSum += util;
    this.bucket.instants++;
    this.bucket.memory = Math.max(this.bucket.memory, instant.memory);
    if (this.bucket.instants === this.bucketSize) this.closeBucket();
  }

  private closeBucket(): void {
    const bucket = this.bucket;
    this.bucket = null;
    if (!bucket) return;
    this.points.push({ t: bucket.t, utilizationPct: bucket.utilSum / bucket.instants, memoryUsedMb: bucket.memory });
    if (this.points.length >= 2 * this.maxPoints) {
      const merged: SeriesPoint[] = [];
      for (let i = 0; i < this.points.length; i += 2) {
        const a = this.points[i]!;
        const b = this.points[i + 1]!;
        merged.push({ t: a.t, utilizationPct: (a.utilizationPct + b.utilizationPct) / 2, memoryUsedMb: Math.max(a.memoryUsedMb, b.memoryUsedMb) });
      }
      this.points = merged;
      this.bucketSize *= 2;
    }
  }

  result(): SeriesPoint[] {
    this.closeInstant();
    const open = this.bucket ? [{ t: this.bucket.t, utilizationPct: this.bucket.utilSum / this.bucket.instants, memoryUsedMb: this.bucket.memory }] : [];
    return [...this.points, ...open];
  }
}
