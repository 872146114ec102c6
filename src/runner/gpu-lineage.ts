import type { GpuLineage } from '../train/lineage.ts';
import type { PreflightReport } from './preflight.ts';

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
