/**
 * What `nvidia-smi` says about the machine: the driver and CUDA versions (from the
 * banner of a plain `nvidia-smi`) and one record per GPU (from `--query-gpu`).
 */

/** The fields preflight asks for, in this order (`--format=csv,noheader,nounits`). */
export const PREFLIGHT_FIELDS = [
  'index', 'uuid', 'name', 'driver_version', 'pci.bus_id', 'memory.total', 'memory.used', 'memory.free',
  'utilization.gpu', 'utilization.memory', 'power.draw', 'power.limit', 'temperature.gpu', 'clocks.sm', 'compute_cap',
] as const;

export interface GpuDevice {
  index: number;
  uuid: string;
  name: string;
  driverVersion: string;
  busId: string;
  memoryTotalMb: number | null;
  memoryUsedMb: number | null;
  memoryFreeMb: number | null;
  utilizationPct: number | null;
  powerDrawW: number | null;
  powerLimitW: number | null;
  temperatureC: number | null;
  computeCapability: string;
}

export interface GpuInventory {
  driverVersion: string | null;
  cudaVersion: string | null;
  devices: GpuDevice[];
}

/** A numeric field; `[N/A]`, `[Not Supported]` and blanks are null. */
export function csvNumber(field: string | undefined): number | null {
  const text = (field ?? '').trim();
  if (text === '' || text.startsWith('[')) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** Parses the noheader,nounits CSV of PREFLIGHT_FIELDS; a short line names its number. */
export function parseGpuQuery(csv: string): GpuDevice[] {
  const lines = csv.split(/\r?\n/).filter((line) => line.trim() !== '');
  return lines.map((line, at) => {
    const f = line.split(',').map((field) => field.trim());
    if (f.length !== PREFLIGHT_FIELDS.length) {
      throw new Error(`nvidia-smi --query-gpu line ${at + 1} has ${f.length} fields; expected ${PREFLIGHT_FIELDS.length} (${PREFLIGHT_FIELDS.join(',')})`);
    }
    return {
      index: csvNumber(f[0]) ?? at,
      uuid: f[1]!,
      name: f[2]!,
      driverVersion: f[3]!,
      busId: f[4]!,
      memoryTotalMb: csvNumber(f[5]),
      memoryUsedMb: csvNumber(f[6]),
      memoryFreeMb: csvNumber(f[7]),
      utilizationPct: csvNumber(f[8]),
      powerDrawW: csvNumber(f[10]),
      powerLimitW: csvNumber(f[11]),
      temperatureC: csvNumber(f[12]),
      computeCapability: f[14]!,
    };
  });
}

/** The driver and CUDA versions from the banner of a plain `nvidia-smi`. */
export function parseBanner(text: string): { driverVersion: string | null; cudaVersion: string | null } {
  return {
    driverVersion: /Driver Version:\s*([0-9.]+)/.exec(text)?.[1] ?? null,
    cudaVersion: /CUDA Version:\s*([0-9.]+)/.exec(text)?.[1] ?? null,
  };
}
