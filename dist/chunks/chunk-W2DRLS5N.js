#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);

// src/util/format.ts
function formatNumber(value) {
  if (Number.isInteger(value)) return value.toLocaleString("en-US");
  if (Math.abs(value) >= 1e-3) return value.toFixed(4);
  return Math.abs(value) >= 1e-6 ? String(Number(value.toPrecision(2))) : value.toExponential(1);
}
function formatDelta(value) {
  const text = formatNumber(value);
  return value > 0 ? `+${text}` : text;
}
function formatChange(value) {
  const abs = Math.abs(value);
  const text = abs >= 1e-3 || abs === 0 ? value.toFixed(4) : Number(value.toPrecision(2)).toString();
  return value > 0 ? `+${text}` : text;
}
function formatBytes(bytes) {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`;
}
function formatSeconds(seconds) {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

export {
  formatNumber,
  formatDelta,
  formatChange,
  formatBytes,
  formatSeconds
};
