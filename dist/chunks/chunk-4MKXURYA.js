#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  MAX_CONFIG_BYTES,
  explainIssues,
  parseYamlSource,
  positionOf
} from "./chunk-QBY6N5LK.js";
import {
  external_exports
} from "./chunk-POXGZ53D.js";
import {
  ConfigError
} from "./chunk-BEL2JVQX.js";

// src/validate/load-schema.ts
import { readFile, stat } from "node:fs/promises";

// src/validate/data-schema.ts
var COLUMN_TYPES = ["string", "integer", "number", "boolean", "date", "timestamp"];
var bound = external_exports.union([external_exports.number(), external_exports.string().min(1)]);
var allowed = external_exports.union([external_exports.string(), external_exports.number(), external_exports.boolean()]);
var columnRuleSchema = external_exports.strictObject({
  type: external_exports.enum(COLUMN_TYPES).describe("The type every non-null value must parse as."),
  nullable: external_exports.boolean().optional().describe("Whether nulls are allowed; default false (true when max_null_fraction is set)."),
  min: bound.optional().describe("The smallest allowed value (inclusive); a number, or an ISO date for date and timestamp columns."),
  max: bound.optional().describe("The largest allowed value (inclusive)."),
  in: external_exports.array(allowed).min(1).optional().describe("The allowed values."),
  pattern: external_exports.string().min(1).optional().describe("A regular expression (RE2) each value must contain a match of; anchor it with ^ and $."),
  unique: external_exports.boolean().optional().describe("No value may occur twice."),
  max_null_fraction: external_exports.number().min(0).max(1).optional().describe("The largest allowed share of null values, in [0, 1]."),
  mostly: external_exports.number().gt(0).max(1).optional().describe("The share of non-null values that must pass each value check (GX `mostly`); default 1."),
  training_only: external_exports.boolean().optional().describe("Only the training data has this column (the label, a column production learns later): it is checked on the training data only, and drift leaves it out.")
}).describe("The rules of one column.");
var customCheckSchema = external_exports.strictObject({
  name: external_exports.string().min(1).describe("The name the check is reported by."),
  sql: external_exports.string().min(1).describe("A DuckDB query over the view `data` that returns the offending rows; the check passes when it returns none.")
});
var dataSchemaSchema = external_exports.strictObject({
  columns: external_exports.record(external_exports.string().min(1), columnRuleSchema).describe("The columns, by name, in any order."),
  rows: external_exports.strictObject({ min: external_exports.int().min(0).optional(), max: external_exports.int().min(0).optional() }).optional().describe("Bounds on the number of rows."),
  unique: external_exports.array(external_exports.array(external_exports.string().min(1)).min(1)).optional().describe("Compound keys: each list of columns must be unique together."),
  strict: external_exports.boolean().optional().describe("Fail on columns that the schema does not list."),
  checks: external_exports.array(customCheckSchema).optional().describe("Custom checks as SQL queries that must return zero rows.")
}).describe("A trainyard data schema.");
function schemaForRole(schema, role) {
  const trainingOnly = new Set(Object.entries(schema.rules.columns).flatMap(([name, rule]) => rule.training_only ? [name] : []));
  if (role === "train" || trainingOnly.size === 0) return schema;
  const columns = Object.fromEntries(Object.entries(schema.rules.columns).filter(([name]) => !trainingOnly.has(name)));
  const unique = schema.rules.unique?.filter((key) => !key.some((name) => trainingOnly.has(name)));
  return { ...schema, rules: { ...schema.rules, columns, ...unique ? { unique } : {} }, trainingOnly: [...trainingOnly] };
}

// src/validate/rule-sense.ts
var ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
var ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/;
function valueProblem(type, value) {
  switch (type) {
    case "integer":
      return Number.isSafeInteger(value) ? void 0 : "an integer";
    case "number":
      return typeof value === "number" ? void 0 : "a number";
    case "boolean":
      return typeof value === "boolean" ? void 0 : "true or false";
    case "string":
      return typeof value === "string" ? void 0 : "a string (quote it)";
    case "date":
      return typeof value === "string" && ISO_DATE.test(value) ? void 0 : 'a date such as "2001-01-31"';
    case "timestamp":
      return typeof value === "string" && ISO_TIMESTAMP.test(value) ? void 0 : 'a timestamp such as "2001-01-31 12:00:00"';
  }
}
function columnWords(type) {
  return `${type === "integer" ? "an" : "a"} ${type} column`;
}
function columnProblem(name, rule) {
  const at = (key, ...rest) => ["columns", name, key, ...rest];
  for (const key of ["min", "max"]) {
    const value = rule[key];
    if (value === void 0) continue;
    if (rule.type === "string" || rule.type === "boolean") return { path: at(key), message: `${key} applies to integer, number, date and timestamp columns, not ${rule.type}` };
    const expected = valueProblem(rule.type, value);
    if (expected) return { path: at(key), message: `expected ${expected} for ${columnWords(rule.type)}, got ${JSON.stringify(value)}` };
  }
  if (rule.min !== void 0 && rule.max !== void 0 && rule.min > rule.max) {
    return { path: at("min"), message: `min ${JSON.stringify(rule.min)} is above max ${JSON.stringify(rule.max)}` };
  }
  const bad = rule.in?.findIndex((value) => valueProblem(rule.type, value) !== void 0) ?? -1;
  if (bad >= 0) {
    const value = rule.in[bad];
    return { path: at("in", bad), message: `expected ${valueProblem(rule.type, value)} for ${columnWords(rule.type)}, got ${JSON.stringify(value)}` };
  }
  if (rule.nullable === false && rule.max_null_fraction !== void 0) {
    return { path: at("max_null_fraction"), message: "contradicts nullable: false; drop one of them" };
  }
  return void 0;
}
function checkRuleSense(rules) {
  for (const [name, rule] of Object.entries(rules.columns)) {
    const problem = columnProblem(name, rule);
    if (problem) return problem;
  }
  if (rules.rows?.min !== void 0 && rules.rows.max !== void 0 && rules.rows.min > rules.rows.max) {
    return { path: ["rows", "min"], message: `min ${rules.rows.min} is above max ${rules.rows.max}` };
  }
  for (const [i, key] of (rules.unique ?? []).entries()) {
    const j = key.findIndex((column) => !(column in rules.columns));
    if (j >= 0) return { path: ["unique", i, j], message: `unknown column "${key[j]}"; expected one of the schema's columns: ${Object.keys(rules.columns).join(", ")}` };
  }
  const names = (rules.checks ?? []).map((check) => check.name);
  const twice = names.findIndex((name, i) => names.indexOf(name) !== i);
  if (twice >= 0) return { path: ["checks", twice, "name"], message: `the check name "${names[twice]}" is used twice; expected unique names` };
  return void 0;
}

// src/validate/load-schema.ts
function parseDataSchema(text, file) {
  const source = parseYamlSource(text, file);
  if (source.value === null || source.value === void 0) {
    throw new ConfigError({ file, message: 'the file is empty; expected a mapping with a "columns" key' });
  }
  const result = dataSchemaSchema.safeParse(source.value);
  if (!result.success) {
    const [first] = explainIssues(dataSchemaSchema, source.value, result.error.issues);
    if (!first) throw new ConfigError({ file, message: result.error.message });
    throw errorAt(source, first.path, first.message, first.unknownKey);
  }
  const rules = result.data;
  const problem = checkRuleSense(rules);
  if (problem) throw errorAt(source, problem.path, problem.message);
  return { file, rules, positions: positionsOf(source, rules) };
}
async function loadDataSchema(file, shownAs = file) {
  const info = await stat(file).catch(() => void 0);
  if (!info?.isFile()) throw new ConfigError({ file: shownAs, message: "no such schema file; expected a YAML data schema (trainyard schema infer writes one)" });
  if (info.size > MAX_CONFIG_BYTES) throw new ConfigError({ file: shownAs, message: `file is ${info.size} bytes; expected at most ${MAX_CONFIG_BYTES} (1 MiB)` });
  return parseDataSchema(await readFile(file, "utf8"), shownAs);
}
function errorAt(source, path, message, unknownKey) {
  const position = positionOf(source, unknownKey ? path.slice(0, -1) : path, unknownKey);
  const key = path.map(String).join(".") || void 0;
  return new ConfigError({ file: source.file, message, ...position ? { position } : {}, ...key ? { key } : {} });
}
function positionsOf(source, rules) {
  const positions = {};
  const put = (key, path, keyOf) => {
    const position = positionOf(source, path, keyOf);
    if (position) positions[key] = position;
  };
  for (const [name, rule] of Object.entries(rules.columns)) {
    put(name, ["columns"], name);
    for (const check of Object.keys(rule)) put(`${name}.${check}`, ["columns", name], check);
  }
  put("rows", [], "rows");
  put("strict", [], "strict");
  rules.unique?.forEach((_, i) => put(`unique.${i}`, ["unique", i]));
  rules.checks?.forEach((_, i) => put(`checks.${i}`, ["checks", i]));
  return positions;
}

export {
  schemaForRole,
  loadDataSchema
};
