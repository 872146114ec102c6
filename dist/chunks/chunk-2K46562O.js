#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  TASKS
} from "./chunk-DRCDDXN2.js";
import {
  metricFileFormat
} from "./chunk-OLCTYJ6T.js";
import {
  require_dist
} from "./chunk-EA7JVYYM.js";
import {
  UsageError
} from "./chunk-B6N3TWPJ.js";
import {
  __toESM
} from "./chunk-M6HMHLEN.js";

// src/metrics/write-metrics.ts
var import_yaml = __toESM(require_dist(), 1);
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
function renderMetrics(values, file) {
  const format = metricFileFormat(file);
  if (format === "yaml") return (0, import_yaml.stringify)(values);
  if (format === "csv" || format === "tsv") {
    const delimiter = format === "csv" ? "," : "	";
    const quote = (text) => /[",\t\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    return `${["name", "value"].join(delimiter)}
${Object.entries(values).map(([name, value]) => `${quote(name)}${delimiter}${value}`).join("\n")}
`;
  }
  return `${JSON.stringify(values, null, 2)}
`;
}
async function writeFileAtomic(file, text) {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

// src/cli/commands/evaluate-options.ts
function parseTask(value) {
  if (TASKS.includes(value)) return value;
  throw new UsageError(`--task ${value}: expected one of ${TASKS.join(", ")}`);
}
function parseNumberOption(flag, value) {
  const number = value.trim() === "" ? Number.NaN : Number(value);
  if (!Number.isFinite(number)) throw new UsageError(`${flag} ${value}: expected a number`);
  return number;
}
function parseIntegerOption(flag, value, min, max) {
  const number = parseNumberOption(flag, value);
  if (!Number.isInteger(number) || number < min || number > max) throw new UsageError(`${flag} ${value}: expected a whole number from ${min} to ${max}`);
  return number;
}

export {
  renderMetrics,
  writeFileAtomic,
  parseTask,
  parseNumberOption,
  parseIntegerOption
};
