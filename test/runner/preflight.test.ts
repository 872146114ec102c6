import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseBanner, parseGpuQuery } from '../../src/runner/gpu-inventory.ts';
import { runPreflight, type GpuRequirement } from '../../src/runner/preflight.ts';
import { visibleDevices } from '../../src/runner/visible-devices.ts';
import { fakeEnv, fakeTool, noToolEnv } from './fake-nvidia-smi.ts';

const fixture = (name: string) => readFile(`test/fixtures/nvidia-smi/${name}`, 'utf8');
const need = (gpus: number, extra: Partial<GpuRequirement> = {}): GpuRequirement => ({ gpus, minFreeMemoryMb: null, cudaVisibleDevices: undefined, ...extra });

describe('nvidia-smi output parsing (real H200 captures)', () => {
  it('reads driver and CUDA versions from the banner', async () => {
    expect(parseBanner(await fixture('nvidia-smi.txt'))).toEqual({ driverVersion: '580.159.04', cudaVersion: '13.0' });
  });

  it('reads each GPU from --query-gpu', async () => {
    expect(parseGpuQuery(await fixture('query-gpu-noheader-nounits.csv'))).toEqual([{
      index: 0, uuid: 'GPU-4d9b8fc3-08a5-1431-9bd8-94a76ef268c5', name: 'NVIDIA H200', driverVersion: '580.159.04', busId: '00000000:00:06.0',
      memoryTotalMb: 143771, memoryUsedMb: 0, memoryFreeMb: 143156, utilizationPct: 0, powerDrawW: 88.91, powerLimitW: 700, temperatureC: 32, computeCapability: '9.0',
    }]);
  });

  it('reads [N/A] and [Not Supported] as unknown', () => {
    const [gpu] = parseGpuQuery('0, GPU-1, Tesla T4, 535.1, 0:0, 15360, 0, 15000, [N/A], [N/A], [Not Supported], 70.00, 40, 300, 7.5\n');
    expect(gpu).toMatchObject({ utilizationPct: null, powerDrawW: null, powerLimitW: 70 });
  });
});

describe('visible devices (CUDA_VISIBLE_DEVICES)', () => {
  const devices = [0, 1, 2].map((index) => ({ ...parseGpuQuery('0, GPU-a, X, 1, b, 1, 0, 1, 0, 0, 1, 1, 1, 1, 9.0')[0]!, index, uuid: `GPU-${index}aaa` }));
  it.each([
    [undefined, [0, 1, 2]],
    ['', []],
    ['-1', []],
    ['1', [1]],
    ['2,0', [2, 0]],
    ['GPU-1', [1]],
    ['0,7,1', [0]],
    ['0,0', [0]],
  ])('CUDA_VISIBLE_DEVICES=%j shows GPUs %j', (value, expected) => {
    expect(visibleDevices(devices, value).map((device) => device.index)).toEqual(expected);
  });
});

describe('GPU preflight against a fake nvidia-smi', () => {
  it('passes on the H200 when one GPU with 100 GB free is needed', async () => {
    const report = await runPreflight(fakeTool(fakeEnv('h200')), need(1, { minFreeMemoryMb: 100_000 }));
    expect(report.ok).toBe(true);
    expect(report.inventory).toMatchObject({ driverVersion: '580.159.04', cudaVersion: '13.0' });
    expect(report.visible.map((device) => device.name)).toEqual(['NVIDIA H200']);
  });

  it.each([
    ['no nvidia-smi on PATH', noToolEnv(), need(1), 'no-tool', /nvidia-smi is not on PATH/, /NVIDIA Container Toolkit/],
    ['a machine without a loaded driver', fakeEnv('no-driver'), need(1), 'no-driver', /cannot reach the NVIDIA driver \(exit 9\): "NVIDIA-SMI has failed/, /reinstall the NVIDIA kernel driver/],
    ['two GPUs asked, one present', fakeEnv('h200'), need(2), 'too-few-gpus', /training\.gpus is 2 but 1 GPU\(s\) are visible: GPU 0 \(NVIDIA H200\)/, /nvidia\.com\/gpu limit of 2/],
    ['more free memory asked than the H200 has', fakeEnv('h200'), need(1, { minFreeMemoryMb: 200_000 }), 'low-memory', /GPU 0 \(NVIDIA H200\) has 143156 MiB free of 143771/, /lower training\.min_gpu_memory_mb/],
    ['CUDA_VISIBLE_DEVICES hiding the GPU', fakeEnv('h200'), need(1, { cudaVisibleDevices: '' }), 'no-visible-gpu', /CUDA_VISIBLE_DEVICES="" hides all 1 GPU/, /unset CUDA_VISIBLE_DEVICES/],
  ] as const)('diagnoses %s', async (_case, env, requirement, code, diagnosis, fix) => {
    const report = await runPreflight(fakeTool(env), requirement);
    expect(report.ok).toBe(false);
    expect(report.problem?.code).toBe(code);
    expect(report.problem?.diagnosis).toMatch(diagnosis);
    expect(report.problem?.fix).toMatch(fix);
  });

  it('gives up on a hung driver after the timeout, in seconds', async () => {
    const report = await runPreflight(fakeTool(fakeEnv('hang')), need(1), 500);
    expect(report.problem?.code).toBe('timeout');
    expect(report.problem?.fix).toMatch(/Xid/);
  });
});
