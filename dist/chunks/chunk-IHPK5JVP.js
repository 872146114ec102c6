#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  didYouMean
} from "./chunk-QBY6N5LK.js";
import {
  require_dist
} from "./chunk-EA7JVYYM.js";
import {
  DataError
} from "./chunk-BEL2JVQX.js";
import {
  __toESM
} from "./chunk-M6HMHLEN.js";

// src/metrics/read-metrics.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFile } from "node:fs/promises";
import path from "node:path";

// src/metrics/metrics-table.ts
function splitDelimited(line, delimiter) {
  const cells = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (char === delimiter) {
      cells.push(cell.trim());
      cell = "";
    } else cell += char;
  }
  cells.push(cell.trim());
  return cells;
}
function parseCell(text, name, where) {
  const value = text === "" ? Number.NaN : Number(text);
  if (!Number.isFinite(value)) throw new DataError(`${where}: metric "${name}" is ${JSON.stringify(text)}; expected a finite number`);
  return value;
}
var LONG_HEADERS = /* @__PURE__ */ new Set(["name,value", "metric,value"]);
function parseDelimitedMetrics(text, delimiter, file) {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const rows = lines.map((line, index) => ({ cells: splitDelimited(line, delimiter), line: index + 1 })).filter((row2) => row2.cells.some((cell) => cell !== ""));
  const [header, ...body] = rows;
  if (!header) throw new DataError(`${file}: holds no metrics; expected a header of metric names and one row of values`);
  const values = {};
  if (LONG_HEADERS.has(header.cells.map((cell) => cell.toLowerCase()).join(","))) {
    for (const row2 of body) {
      const [name = "", value = "", ...extra] = row2.cells;
      if (name === "" || extra.length > 0) throw new DataError(`${file}:${row2.line}: expected two cells, a metric name and its value`);
      if (name in values) throw new DataError(`${file}:${row2.line}: metric "${name}" appears twice`);
      values[name] = parseCell(value, name, `${file}:${row2.line}`);
    }
    return values;
  }
  if (body.length !== 1) {
    throw new DataError(`${file}: has ${body.length} rows of values; expected a header of metric names and exactly one row (or a "name,value" header)`);
  }
  const row = body[0];
  if (row.cells.length !== header.cells.length) {
    throw new DataError(`${file}:${row.line}: has ${row.cells.length} values for ${header.cells.length} metric names`);
  }
  header.cells.forEach((name, index) => {
    if (name === "") throw new DataError(`${file}:${header.line}: column ${index + 1} has no metric name`);
    if (name in values) throw new DataError(`${file}:${header.line}: metric "${name}" appears twice`);
    values[name] = parseCell(row.cells[index], name, `${file}:${row.line}`);
  });
  return values;
}

// src/metrics/read-metrics.ts
var BASELINE_PREFIX = "baseline_";
var FORMATS = { ".json": "json", ".yaml": "yaml", ".yml": "yaml", ".csv": "csv", ".tsv": "tsv" };
function metricFileFormat(file) {
  return FORMATS[path.extname(file).toLowerCase()] ?? "json";
}
var PYTHON_TOKEN = "\0python:";
function describeValue(value) {
  if (typeof value === "number") return String(value);
  if (typeof value === "string" && value.startsWith(PYTHON_TOKEN)) return `${value.slice(PYTHON_TOKEN.length)} (Python's json.dump writes it for a float that is not a number)`;
  return JSON.stringify(value) ?? String(value);
}
function flattenMetrics(document, file) {
  if (document === null || typeof document !== "object" || Array.isArray(document)) {
    throw new DataError(`${file}: expected an object of metric names to numbers`);
  }
  const values = {};
  const visit = (node, prefix) => {
    for (const [key, value] of Object.entries(node)) {
      const name = prefix ? `${prefix}.${key}` : key;
      if (value !== null && typeof value === "object" && !Array.isArray(value)) visit(value, name);
      else if (typeof value === "number" && Number.isFinite(value)) Object.defineProperty(values, name, { value, enumerable: true, writable: true, configurable: true });
      else throw new DataError(`${file}: metric "${name}" is ${describeValue(value)}; expected a finite number`);
    }
  };
  visit(document, "");
  return values;
}
function parseMetricsText(text, format, file) {
  let values;
  if (format === "csv" || format === "tsv") {
    values = parseDelimitedMetrics(text, format === "csv" ? "," : "	", file);
  } else if (format === "yaml") {
    const document = (0, import_yaml.parseDocument)(text, { uniqueKeys: true });
    const [error] = document.errors;
    if (error) {
      const line = error.linePos?.[0];
      throw new DataError(`${file}${line ? `:${line.line}:${line.col}` : ""}: invalid YAML (${error.message.split("\n")[0]}); expected a mapping of metric names to numbers`);
    }
    values = flattenMetrics(document.toJS(), file);
  } else {
    let document;
    try {
      document = JSON.parse(text);
    } catch (error) {
      const python = readPythonJson(text);
      if (python === void 0) throw new DataError(`${file}: invalid JSON (${error.message}); expected an object of metric names to numbers`);
      document = python;
    }
    values = flattenMetrics(document, file);
  }
  if (Object.keys(values).length === 0) throw new DataError(`${file}: holds no metrics; expected at least one metric name with a number`);
  return values;
}
function readPythonJson(text) {
  let out = "";
  let inString = false;
  let found = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (inString) {
      out += char;
      if (char === "\\") out += text[++i] ?? "";
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') {
      inString = true;
      out += char;
      continue;
    }
    const token = ["-Infinity", "Infinity", "NaN"].find((name) => text.startsWith(name, i));
    if (token) {
      out += JSON.stringify(`${PYTHON_TOKEN}${token}`);
      i += token.length - 1;
      found = true;
    } else out += char;
  }
  if (!found) return void 0;
  try {
    return JSON.parse(out);
  } catch {
    return void 0;
  }
}
async function readMetricsFile(file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new DataError(`${file}: cannot read the metrics file (${error.code ?? "error"})`);
  }
  return parseMetricsText(text, metricFileFormat(file), file);
}
function metricValue(values, name, file) {
  const value = Object.hasOwn(values, name) ? values[name] : void 0;
  if (value !== void 0) return value;
  const near = didYouMean(name, Object.keys(values));
  throw new DataError(`${file}: no metric "${name}"${near ? ` (did you mean "${near}"?)` : ""}; it has: ${Object.keys(values).join(", ")}`);
}

export {
  BASELINE_PREFIX,
  metricFileFormat,
  flattenMetrics,
  readMetricsFile,
  metricValue
};
