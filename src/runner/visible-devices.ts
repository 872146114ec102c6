/**
 * Which GPUs a CUDA program will see. `nvidia-smi` lists every GPU of the machine, but
 * CUDA_VISIBLE_DEVICES narrows what the training command gets: unset means all, an
 * empty value or -1 means none, otherwise indices or UUIDs (prefixes allowed), and CUDA
 * ignores everything from the first entry that matches no device.
 */
import type { GpuDevice } from './gpu-inventory.ts';

export function visibleDevices(devices: GpuDevice[], cudaVisibleDevices: string | undefined): GpuDevice[] {
  if (cudaVisibleDevices === undefined) return devices;
  const visible: GpuDevice[] = [];
  for (const raw of cudaVisibleDevices.split(',')) {
    const token = raw.trim();
    const device = /^\d+$/.test(token)
      ? devices.find((candidate) => candidate.index === Number(token))
      : token.length > 0 ? devices.find((candidate) => candidate.uuid.startsWith(token)) : undefined;
    if (!device || visible.includes(device)) break;
    visible.push(device);
  }
  return visible;
}
