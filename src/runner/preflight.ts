/**
 * GPU preflight: before a long training run, ask `nvidia-smi` whether the GPUs the
 * config needs are here, visible and free enough. Failing takes seconds, not the
 * twenty minutes of setup after which a framework reports "no CUDA device".
 */
import { parseBanner, parseGpuQuery, PREFLIGHT_FIELDS, type GpuDevice, type GpuInventory } from './gpu-inventory.ts';
import type { NvidiaSmi, ToolRun } from './nvidia-smi.ts';
import { visibleDevices } from './visible-devices.ts';

export interface GpuRequirement {
  /** training.gpus */
  gpus: number;
  /** training.min_gpu_memory_mb: free memory each used GPU must have. */
  minFreeMemoryMb: number | null;
  /** CUDA_VISIBLE_DEVICES of the training command's environment. */
  cudaVisibleDevices: string | undefined;
}

export type PreflightProblemCode = 'no-tool' | 'no-driver' | 'tool-failed' | 'timeout' | 'no-visible-gpu' | 'too-few-gpus' | 'low-memory';

export interface PreflightProblem {
  code: PreflightProblemCode;
  diagnosis: string;
  fix: string;
}

export interface PreflightReport {
  ok: boolean;
  requirement: GpuRequirement;
  inventory: GpuInventory | null;
  /** The GPUs the command will see, after CUDA_VISIBLE_DEVICES. */
  visible: GpuDevice[];
  problem: PreflightProblem | null;
}

const NO_DRIVER = /couldn't communicate with the NVIDIA driver|NVIDIA driver is not loaded|Failed to initialize NVML|Driver\/library version mismatch/i;

/** What a failed `nvidia-smi` call means, in words a platform engineer can act on. */
export function diagnoseToolFailure(run: ToolRun): PreflightProblem {
  const said = (run.stderr || run.stdout).trim().split('\n')[0] ?? '';
  if (run.failure === 'not-found' || run.exitCode === 127) {
    return {
      code: 'no-tool',
      diagnosis: 'nvidia-smi is not on PATH: this runner has no NVIDIA driver installed, or the container was started without the NVIDIA runtime',
      fix: 'run the job on a GPU runner (runs-on labels in training.runs_on), install the NVIDIA driver, or start the container with the NVIDIA Container Toolkit (docker --gpus all; on Kubernetes a nvidia.com/gpu limit)',
    };
  }
  if (run.failure === 'timeout') {
    return {
      code: 'timeout',
      diagnosis: 'nvidia-smi did not answer in time: the driver is hung or a GPU has fallen off the bus',
      fix: 'check `dmesg` for Xid errors on the runner, drain it and reboot the node; the job can retry on another runner',
    };
  }
  if (NO_DRIVER.test(said)) {
    return {
      code: 'no-driver',
      diagnosis: `nvidia-smi cannot reach the NVIDIA driver (exit ${run.exitCode}): "${said}"`,
      fix: 'load or reinstall the NVIDIA kernel driver (a driver/library mismatch after an upgrade needs a reboot); in a container, the host driver must be mounted by the NVIDIA runtime',
    };
  }
  return {
    code: 'tool-failed',
    diagnosis: `nvidia-smi exited with status ${run.exitCode}: "${said}"`,
    fix: 'run `nvidia-smi` on the runner by hand to see the error; a non-zero exit usually means a driver or permission problem',
  };
}

function describe(device: GpuDevice): string {
  return `GPU ${device.index} (${device.name})`;
}

/** The pure decision: do the visible GPUs meet the requirement? */
export function judgeInventory(inventory: GpuInventory, requirement: GpuRequirement): PreflightReport {
  const visible = visibleDevices(inventory.devices, requirement.cudaVisibleDevices);
  const report = (problem: PreflightProblem | null): PreflightReport => ({ ok: problem === null, requirement, inventory, visible, problem });
  const all = inventory.devices.length;
  if (visible.length === 0) {
    const hidden = requirement.cudaVisibleDevices !== undefined && all > 0;
    return report({
      code: 'no-visible-gpu',
      diagnosis: hidden
        ? `CUDA_VISIBLE_DEVICES="${requirement.cudaVisibleDevices}" hides all ${all} GPU(s) of this machine (${inventory.devices.map(describe).join(', ')})`
        : 'the NVIDIA driver is loaded but reports no GPU',
      fix: hidden
        ? 'unset CUDA_VISIBLE_DEVICES or set it to GPU indices or UUIDs that `nvidia-smi -L` lists'
        : 'check that the GPU is passed through to this machine or pod (a nvidia.com/gpu limit on Kubernetes, --gpus on Docker)',
    });
  }
  const min = requirement.minFreeMemoryMb;
  const usable = min === null ? visible : visible.filter((device) => (device.memoryFreeMb ?? 0) >= min);
  if (visible.length < requirement.gpus) {
    return report({
      code: 'too-few-gpus',
      diagnosis: `training.gpus is ${requirement.gpus} but ${visible.length} GPU(s) are visible: ${visible.map(describe).join(', ')}`,
      fix: `run on a runner with ${requirement.gpus} GPUs (a runner label for that pool in training.runs_on, or a nvidia.com/gpu limit of ${requirement.gpus} in the runner scale set), or lower training.gpus`,
    });
  }
  if (min !== null && usable.length < requirement.gpus) {
    const short = visible.filter((device) => !usable.includes(device));
    return report({
      code: 'low-memory',
      diagnosis: `training.min_gpu_memory_mb is ${min} but ${short.map((device) => `${describe(device)} has ${device.memoryFreeMb ?? 'unknown'} MiB free of ${device.memoryTotalMb ?? 'unknown'}`).join('; ')}`,
      fix: 'another process holds GPU memory (see `nvidia-smi`): use ephemeral runners so no job outlives its run, wait for it to end, or lower training.min_gpu_memory_mb',
    });
  }
  return report(null);
}

/** Asks the tool (two short calls) and judges the answer. */
export async function runPreflight(tool: NvidiaSmi, requirement: GpuRequirement, timeoutMs = 15_000): Promise<PreflightReport> {
  const failed = (run: ToolRun): PreflightReport => ({ ok: false, requirement, inventory: null, visible: [], problem: diagnoseToolFailure(run) });
  const banner = await tool.run([], { timeoutMs });
  if (banner.exitCode !== 0) return failed(banner);
  const query = await tool.run([`--query-gpu=${PREFLIGHT_FIELDS.join(',')}`, '--format=csv,noheader,nounits'], { timeoutMs });
  if (query.exitCode !== 0) return failed(query);
  let devices: GpuDevice[];
  try {
    devices = parseGpuQuery(query.stdout);
  } catch (error) {
    const problem: PreflightProblem = {
      code: 'tool-failed',
      diagnosis: `nvidia-smi answered in an unexpected format: ${(error as Error).message}`,
      fix: 'the driver may be too old for these query fields; `nvidia-smi --help-query-gpu` lists the ones it knows',
    };
    return { ok: false, requirement, inventory: null, visible: [], problem };
  }
  const versions = parseBanner(banner.stdout);
  const inventory: GpuInventory = { driverVersion: versions.driverVersion ?? devices[0]?.driverVersion ?? null, cudaVersion: versions.cudaVersion, devices };
  return judgeInventory(inventory, requirement);
}
