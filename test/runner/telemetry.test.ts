import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTelemetrySection } from '../../src/report/telemetry-chart.ts';
import { parseSmiTimestamp, parseTelemetryLine, type TelemetrySample } from '../../src/runner/telemetry-sample.ts';
import { startTelemetry, telemetryArgs } from '../../src/runner/telemetry-sampler.ts';
import { TelemetrySeries } from '../../src/runner/telemetry-series.ts';
import { TelemetryAccumulator } from '../../src/runner/telemetry-summary.ts';
import reference from '../fixtures/runner/telemetry-summary.json' with { type: 'json' };
import { fakeEnv, fakeTool } from './fake-nvidia-smi.ts';

async function fixtureSamples(): Promise<TelemetrySample[]> {
  const text = await readFile('test/fixtures/nvidia-smi/telemetry-lms250-under-load.csv', 'utf8');
  return text.trim().split('\n').map((line) => parseTelemetryLine(line)!);
}

describe('telemetry lines', () => {
  it('parses a real line', () => {
    expect(parseTelemetryLine('2026/11/26 05:01:27.713, 0, 100, 25, 1139, 143771, 693.82, 54')).toEqual({
      timeMs: Date.UTC(2026, 10, 26, 5, 1, 27, 713), gpu: 0, utilizationPct: 100, memoryUtilizationPct: 25, memoryUsedMb: 1139, memoryTotalMb: 143771, powerW: 693.82, temperatureC: 54,
    });
  });

  it.each([
    ['a warning nvidia-smi prints', 'WARNING: infoROM is corrupted at gpu 0000:00:06.0'],
    ['a line with a field missing', '2026/11/26 05:01:27.713, 0, 100, 25, 1139, 143771, 693.82'],
    ['a bad timestamp', 'yesterday, 0, 100, 25, 1139, 143771, 693.82, 54'],
  ])('skips %s', (_case, line) => {
    expect(parseTelemetryLine(line)).toBeNull();
  });

  it('keeps [N/A] power as unknown', () => {
    expect(parseTelemetryLine('2026/11/26 05:01:27.713, 1, 5, 0, 10, 15360, [N/A], 40')).toMatchObject({ gpu: 1, powerW: null });
  });

  it('reads timestamps with fewer millisecond digits', () => {
    expect(parseSmiTimestamp('2026/11/26 05:01:27.7')).toBe(Date.UTC(2026, 10, 26, 5, 1, 27, 700));
  });
});

describe('telemetry summary of the real H200 capture (reference: numpy, scripts/fixtures/telemetry_summary.py)', () => {
  it('matches mean and peak utilisation, peak memory, power and trapezoidal energy', async () => {
    const accumulator = new TelemetryAccumulator(250);
    for (const sample of await fixtureSamples()) accumulator.add(sample);
    const summary = accumulator.summary();
    expect(summary.samples).toBe(reference.samples);
    expect(summary.durationSeconds).toBeCloseTo(reference.durationSeconds, 6);
    const [gpu] = summary.gpus;
    expect(gpu!.meanUtilizationPct).toBeCloseTo(reference.meanUtilizationPct, 9);
    expect(gpu!.peakUtilizationPct).toBe(reference.peakUtilizationPct);
    expect(gpu!.peakMemoryUsedMb).toBe(reference.peakMemoryUsedMb);
    expect(gpu!.meanPowerW).toBeCloseTo(reference.meanPowerW, 9);
    expect(gpu!.peakPowerW).toBe(reference.peakPowerW);
    expect(gpu!.peakTemperatureC).toBe(reference.peakTemperatureC);
    // numpy reads the timestamps as float seconds, so agree to a millijoule.
    expect(Math.abs(gpu!.energyJ - reference.energyJ)).toBeLessThan(1e-3);
    expect(gpu!.energyWh).toBeCloseTo(reference.energyWh, 6);
  });

  it('keeps GPUs apart and integrates energy per GPU', () => {
    const accumulator = new TelemetryAccumulator(1000);
    const line = (s: number, gpu: number, watts: number) => parseTelemetryLine(`2026/01/01 00:00:0${s}.000, ${gpu}, 50, 0, 10, 100, ${watts}, 40`)!;
    for (const sample of [line(0, 0, 100), line(0, 1, 300), line(2, 0, 100), line(2, 1, 100)]) accumulator.add(sample);
    expect(accumulator.summary().gpus.map((gpu) => [gpu.gpu, gpu.energyJ])).toEqual([[0, 200], [1, 400]]);
  });

  it('bounds the chart series however many samples arrive', () => {
    const series = new TelemetrySeries(10);
    for (let i = 0; i < 1000; i++) series.add({ timeMs: i * 250, gpu: 0, utilizationPct: i % 2 ? 100 : 0, memoryUtilizationPct: 0, memoryUsedMb: i, memoryTotalMb: 2000, powerW: 1, temperatureC: 1 });
    const points = series.result();
    expect(points.length).toBeLessThanOrEqual(20);
    expect(points[0]!.t).toBe(0);
    // Every bucket covers an even number of alternating 0 and 100 samples.
    for (const point of points) expect(point.utilizationPct).toBeCloseTo(50, 9);
    expect(points.map((point) => point.t)).toEqual([...points.map((point) => point.t)].sort((a, b) => a - b));
    expect(Math.max(...points.map((point) => point.memoryUsedMb))).toBe(999);
  });

  it('renders a mermaid line chart with a table beside it', async () => {
    const accumulator = new TelemetryAccumulator(250);
    const series = new TelemetrySeries();
    for (const sample of await fixtureSamples()) {
      accumulator.add(sample);
      series.add(sample);
    }
    const markdown = renderTelemetrySection(accumulator.summary(), series.result());
    expect(markdown).toContain('```mermaid\nxychart-beta\n');
    expect(markdown).toMatch(/ {2}line \[0\.0, 0\.0, .*100\.0\]/);
    expect(markdown).toContain('| 0 | 40 | 32.2 | 100 | 1139 / 143771 | 693.8 | 0.712 | 55 |');
    expect(markdown).toContain('40 samples every 250 ms over 9.8 s.');
  });
});

describe('the telemetry sampler', () => {
  it('runs ONE nvidia-smi -lms process and writes telemetry.csv with a header', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-telemetry-'));
    const file = path.join(dir, 'telemetry.csv');
    const running = startTelemetry({ tool: fakeTool(fakeEnv('h200')), intervalMs: 50, file });
    await new Promise((resolve) => setTimeout(resolve, 800));
    const capture = await running.stop();
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('timestamp,index,utilization.gpu,utilization.memory,memory.used,memory.total,power.draw,temperature.gpu');
    expect(lines.length - 1).toBe(capture.summary.samples);
    expect(capture.summary.samples).toBeGreaterThan(3);
    expect(lines[1]).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d\.\d{3},0,0,0,0,143771,83\.20,32$/);
    expect(capture.sampler).toMatchObject({ signal: 'SIGTERM', malformedLines: 0 });
    expect(capture.sampler.cpuSeconds).toBeGreaterThanOrEqual(0);
  });

  it('asks for the fields the summary reads, without header or units', () => {
    expect(telemetryArgs(250)).toEqual(['--query-gpu=timestamp,index,utilization.gpu,utilization.memory,memory.used,memory.total,power.draw,temperature.gpu', '--format=csv,noheader,nounits', '-lms', '250']);
  });
});
