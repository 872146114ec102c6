/** Number and size formatting shared by the renderers. */

/** A metric value with 4 decimals, or an integer as is. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  if (Math.abs(value) >= 1e-3) return value.toFixed(4);
  return Math.abs(value) >= 1e-6 ? String(Number(value.toPrecision(2))) : value.toExponential(1);
}

export function formatDelta(value: number): string {
  const text = formatNumber(value);
  return value > 0 ? `+${text}` : text;
}

/**
 * A change between two metric values: 4 decimals, or 2 significant digits written out
 * when smaller than 0.001 (`+0.000062`, not `+6.200e-5`), which reads better in a table.
 */
export function formatChange(value: number): string {
  const abs = Math.abs(value);
  const text = abs >= 1e-3 || abs === 0 ? value.toFixed(4) : Number(value.toPrecision(2)).toString();
  return value > 0 ? `+${text}` : text;
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`;
}

export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}
