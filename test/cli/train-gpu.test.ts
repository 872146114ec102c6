import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { Lineage } from '../../src/train/lineage.ts';
import { copyExample, runCli } from '../helpers/cli.ts';
import { fakeEnv, noToolEnv } from '../runner/fake-nvidia-smi.ts';

const CONFIG = '.github/trainyard.yml';
/** A trainer that writes the artifact layout at once, so these tests stay fast. */
const QUICK = 'mkdir -p "$TRAINYARD_OUTPUT_DIR/model" && echo w > "$TRAINYARD_OUTPUT_DIR/model/weights" && echo \'{"accuracy": 0.5}\' > "$TRAINYARD_OUTPUT_DIR/metrics.json" && printf "id,label,score\\n1,0,0.2\\n" > "$TRAINYARD_OUTPUT_DIR/predictions.csv"';

/** The example, asking for GPUs. */
async function gpuProject(training: Record<string, unknown>): Promise<string> {
  const dir = await copyExample();
  const file = path.join(dir, CONFIG);
  const config = parse(await readFile(file, 'utf8')) as { models: Record<string, { training: Record<string, unknown> }> };
  Object.assign(config.models['flight-delays']!.training, training);
  await writeFile(file, stringify(config));
  return dir;
}

describe('trainyard train on a GPU runner (fake nvidia-smi replaying a real H200)', () => {
  it('passes preflight, samples telemetry while training, and records the GPU in lineage and the job summary', async () => {
    const dir = await gpuProject({ gpus: 1, min_gpu_memory_mb: 100_000, telemetry_interval_ms: 100 });
    const env = fakeEnv('h200', { GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'), GITHUB_OUTPUT: path.join(dir, 'outputs.txt'), RUNNER_NAME: 'gpu-runner-7', TRAINYARD_RUNNER_LABELS: 'self-hosted,gpu,h200' });
    const result = await runCli(['train', '--out', 'out', '--command', `${QUICK} && sleep 1`], { cwd: dir, env });
    expect(result.code, result.stderr).toBe(0);
    const lineage = JSON.parse(await readFile(path.join(dir, 'out', 'lineage.json'), 'utf8')) as Lineage;
    expect(lineage.gpu).toEqual({ model: 'NVIDIA H200', count: 1, driver: '580.159.04', cuda: '13.0', devices: [{ index: 0, name: 'NVIDIA H200', uuid: 'GPU-4d9b8fc3-08a5-1431-9bd8-94a76ef268c5', memoryTotalMb: 143771 }] });
    expect(lineage.runner).toMatchObject({ name: 'gpu-runner-7', labels: ['self-hosted', 'gpu', 'h200'] });
    expect(lineage.telemetry?.samples).toBeGreaterThan(5);
    expect(lineage.telemetry).toMatchObject({ file: 'telemetry.csv', intervalMs: 100, gpus: [{ gpu: 0, memoryTotalMb: 143771 }] });
    const csv = (await readFile(path.join(dir, 'out', 'telemetry.csv'), 'utf8')).trim().split('\n');
    expect(csv.length - 1).toBe(lineage.telemetry!.samples);
    const summary = await readFile(path.join(dir, 'summary.md'), 'utf8');
    expect(summary).toContain('## trainyard train: flight-delays ✅ trained');
    expect(summary).toContain('### GPU preflight: passed');
    expect(summary).toContain('| GPU | 1 × NVIDIA H200 (driver 580.159.04, CUDA 13.0) |');
    expect(summary).toContain('```mermaid\nxychart-beta');
    expect(await readFile(path.join(dir, 'outputs.txt'), 'utf8')).toBe(`model=flight-delays\noutput-dir=${path.join(dir, 'out')}\nexit-code=0\n`);
  });

  it.each([
    ['no driver loaded', fakeEnv('no-driver'), { gpus: 1 }, /cannot reach the NVIDIA driver/],
    ['no nvidia-smi at all', noToolEnv(), { gpus: 1 }, /nvidia-smi is not on PATH/],
    ['too few GPUs', fakeEnv('h200'), { gpus: 4 }, /training\.gpus is 4 but 1 GPU\(s\) are visible/],
  ])('stops before training when preflight fails: %s', async (_case, baseEnv, training, diagnosis) => {
    const dir = await gpuProject(training);
    const env = { ...baseEnv, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md') };
    const started = Date.now();
    const result = await runCli(['train', '--out', 'out'], { cwd: dir, env });
    expect(Date.now() - started).toBeLessThan(20_000);
    // The runner failed, not the user's input nor a gate: exit 3.
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^trainyard: GPU preflight failed: .*\. Fix: .+\n$/);
    expect(result.stderr).toMatch(diagnosis);
    expect(result.stdout).toMatch(new RegExp(`^::error title=trainyard train flight-delays::GPU preflight failed: .*${diagnosis.source}`, 'm'));
    const summary = await readFile(path.join(dir, 'summary.md'), 'utf8');
    expect(summary).toContain('### GPU preflight: failed');
    expect(summary).toMatch(/> Fix: /);
    await expect(readFile(path.join(dir, 'out', 'train.log'))).rejects.toThrow(/ENOENT/);
  });

  it('skips preflight and telemetry when the config needs no GPU, even with no driver', async () => {
    const dir = await gpuProject({ gpus: 0 });
    const result = await runCli(['train', '--out', 'out', '--command', QUICK], { cwd: dir, env: noToolEnv() });
    expect(result.code, result.stderr).toBe(0);
    const lineage = JSON.parse(await readFile(path.join(dir, 'out', 'lineage.json'), 'utf8')) as Lineage;
    expect(lineage).toMatchObject({ gpu: null, telemetry: null });
  });

  it('exits 2 when the command fails, keeps its status in lineage and the exit-code output', async () => {
    const dir = await gpuProject({ gpus: 0 });
    const output = path.join(dir, 'github-output');
    const result = await runCli(['train', '--out', 'out', '--command', 'echo half-way; exit 5'], { cwd: dir, env: { PATH: process.env.PATH, GITHUB_OUTPUT: output } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/exited with status 5/);
    expect(await readFile(output, 'utf8')).toContain('exit-code=5\n');
    expect(await readFile(path.join(dir, 'out', 'train.log'), 'utf8')).toBe('half-way\n');
    expect(JSON.parse(await readFile(path.join(dir, 'out', 'lineage.json'), 'utf8'))).toMatchObject({ exitStatus: 5 });
  });

  it('reuses data hashes while path, size and mtime are unchanged', async () => {
    const dir = await gpuProject({ gpus: 0 });
    const env = { PATH: process.env.PATH };
    expect((await runCli(['train', '--out', 'a', '--command', QUICK], { cwd: dir, env })).code).toBe(0);
    const cacheFile = path.join(dir, '.trainyard', 'hash-cache.json');
    const cache = JSON.parse(await readFile(cacheFile, 'utf8')) as { files: Record<string, { sha256: string }> };
    const trainCsv = path.join(dir, 'data', 'train.csv');
    const real = cache.files[trainCsv]!.sha256;
    // A planted hash proves the second run read the cache instead of the file.
    cache.files[trainCsv]!.sha256 = 'f'.repeat(64);
    await writeFile(cacheFile, JSON.stringify(cache));
    expect((await runCli(['train', '--out', 'b', '--command', QUICK], { cwd: dir, env })).code).toBe(0);
    const lineageB = JSON.parse(await readFile(path.join(dir, 'b', 'lineage.json'), 'utf8')) as Lineage;
    expect(lineageB.data[0]!.sha256).toBe('f'.repeat(64));
    // Touching the file (a new mtime) makes trainyard hash it again.
    const now = new Date();
    await import('node:fs/promises').then((fs) => fs.utimes(trainCsv, now, now));
    expect((await runCli(['train', '--out', 'c', '--command', QUICK], { cwd: dir, env })).code).toBe(0);
    const lineageC = JSON.parse(await readFile(path.join(dir, 'c', 'lineage.json'), 'utf8')) as Lineage;
    expect(lineageC.data[0]!.sha256).toBe(real);
  });
});
