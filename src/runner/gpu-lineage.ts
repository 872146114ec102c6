import type { PreflightReport } from './preflight.ts';

/** The GPUs the command saw, as preflight found them. */
export interface GpuLineage {
  /** The model of the first visible GPU (`NVIDIA H200`). */
  model: string | null;
  count: number;
  driver: string | null;
  cuda: string | null;
  devices: Array<{ index: number; name: string; uuid: string; memoryTotalMb: number | null }>;
}

/** What lineage keeps of a passed preflight: the visible GPUs and the driver stack. */
export function gpuLineage(report: PreflightReport): GpuLineage {
  return {
    model: report.visible[0]?.name ?? null,
    count: report.visible.length,
    driver: report.inventory?.driverVersion ?? null,
    cuda: report.inventory?.cudaVersion ?? null,
    devices: report.visible.map((device) => ({ index: device.index, name: device.name, uuid: device.uuid, memoryTotalMb: device.memoryTotalMb })),
  };
}
