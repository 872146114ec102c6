/** The GPU preflight as the job summary shows it: what was found, or why it failed and what to do. */
import type { PreflightReport } from '../runner/preflight.ts';

export function renderPreflight(report: PreflightReport): string {
  const inventory = report.inventory;
  const found = inventory
    ? `driver ${inventory.driverVersion ?? 'unknown'}, CUDA ${inventory.cudaVersion ?? 'unknown'}, ${report.visible.length} of ${inventory.devices.length} GPU(s) visible`
    : 'no answer from nvidia-smi';
  const need = `${report.requirement.gpus} GPU(s)${report.requirement.minFreeMemoryMb === null ? '' : ` with ${report.requirement.minFreeMemoryMb} MiB free each`}`;
  const lines = [`### GPU preflight: ${report.ok ? 'passed' : 'failed'}`, '', `Needed ${need}; found ${found}.`];
  if (report.visible.length > 0) {
    lines.push('', '| GPU | model | free / total memory (MiB) | utilisation (%) | temperature (°C) |', '| ---: | --- | ---: | ---: | ---: |');
    for (const device of report.visible) {
      lines.push(`| ${device.index} | ${device.name} | ${device.memoryFreeMb ?? '–'} / ${device.memoryTotalMb ?? '–'} | ${device.utilizationPct ?? '–'} | ${device.temperatureC ?? '–'} |`);
    }
  }
  if (report.problem) {
    lines.push('', `> [!CAUTION]`, `> **${report.problem.diagnosis}**`, '>', `> Fix: ${report.problem.fix}`);
  }
  return `${lines.join('\n')}\n`;
}
