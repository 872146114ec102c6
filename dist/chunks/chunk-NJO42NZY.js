#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  typedSql,
  valueChecks
} from "./chunk-GRHDYEXN.js";
import {
  DataEngine,
  FILE_COLUMN,
  ROW_COLUMN,
  quoteIdentifier,
  quoteLiteral,
  resolveSource,
  sourceSelect
} from "./chunk-PMHM62NO.js";
import {
  formatNumber
} from "./chunk-OOJLEY5A.js";
import {
  MAX_CONFIG_BYTES,
  parseYamlSource,
  positionOf
} from "./chunk-VE7YDIIK.js";
import {
  explainIssues
} from "./chunk-PL3ZQNPW.js";
import {
  external_exports
} from "./chunk-PWI6BAP3.js";
import {
  ConfigError,
  DataError
} from "./chunk-5WCRJWUQ.js";

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
  mostly: external_exports.number().gt(0).max(1).optional().describe("The share of non-null values that must pass each value check (GX `mostly`); default 1.")
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
  const at2 = (key, ...rest) => ["columns", name, key, ...rest];
  for (const key of ["min", "max"]) {
    const value = rule[key];
    if (value === void 0) continue;
    if (rule.type === "string" || rule.type === "boolean") return { path: at2(key), message: `${key} applies to integer, number, date and timestamp columns, not ${rule.type}` };
    const expected = valueProblem(rule.type, value);
    if (expected) return { path: at2(key), message: `expected ${expected} for ${columnWords(rule.type)}, got ${JSON.stringify(value)}` };
  }
  if (rule.min !== void 0 && rule.max !== void 0 && rule.min > rule.max) {
    return { path: at2("min"), message: `min ${JSON.stringify(rule.min)} is above max ${JSON.stringify(rule.max)}` };
  }
  const bad = rule.in?.findIndex((value) => valueProblem(rule.type, value) !== void 0) ?? -1;
  if (bad >= 0) {
    const value = rule.in[bad];
    return { path: at2("in", bad), message: `expected ${valueProblem(rule.type, value)} for ${columnWords(rule.type)}, got ${JSON.stringify(value)}` };
  }
  if (rule.nullable === false && rule.max_null_fraction !== void 0) {
    return { path: at2("max_null_fraction"), message: "contradicts nullable: false; drop one of them" };
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
function errorAt(source, path4, message, unknownKey) {
  const position = positionOf(source, unknownKey ? path4.slice(0, -1) : path4, unknownKey);
  const key = path4.map(String).join(".") || void 0;
  return new ConfigError({ file: source.file, message, ...position ? { position } : {}, ...key ? { key } : {} });
}
function positionsOf(source, rules) {
  const positions = {};
  const put = (key, path4, keyOf) => {
    const position = positionOf(source, path4, keyOf);
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

// src/validate/render.ts
function percent(fraction) {
  const value = fraction * 100;
  if (value === 0) return "0%";
  return `${value >= 0.01 ? value.toFixed(2) : value.toPrecision(2)}%`;
}
function showValue(value) {
  return value === null || value === void 0 ? "null" : JSON.stringify(value);
}
function showExample(example) {
  const where = example.row === void 0 ? "" : `${example.file ? `${example.file} ` : ""}row ${example.row}: `;
  return `${where}${showValue(example.value)}`;
}
function subjectOf(failure) {
  if (failure.column !== null) return failure.column;
  if (failure.check === "unique") return `(${failure.name ?? ""})`;
  if (failure.check === "sql") return failure.name ?? "sql";
  return "table";
}
function counted(failure) {
  if (failure.check === "missing_column" || failure.check === "extra_column") return "";
  if (failure.check === "rows") return "";
  return `${formatNumber(failure.failed)} (${percent(failure.fraction)}) `;
}
function failureLine(failure) {
  const examples = failure.examples.length > 0 ? `; e.g. ${failure.examples.map(showExample).join(", ")}` : "";
  return `${subjectOf(failure)} ${failure.check}: ${counted(failure)}expected ${failure.expected}${examples}`;
}
function renderText(result) {
  const head = `${result.data}: ${formatNumber(result.rows)} rows checked against ${result.schema}`;
  if (result.valid) return `${head}: valid
`;
  const lines = result.failures.map((failure) => `  \u2717 ${failureLine(failure)}`);
  return `${head}: ${result.failures.length} failed check${result.failures.length === 1 ? "" : "s"}
${lines.join("\n")}
`;
}
function cell(text) {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
function renderMarkdown(result) {
  const verdict = result.valid ? "\u2705 valid" : `\u274C ${result.failures.length} failed check${result.failures.length === 1 ? "" : "s"}`;
  const lines = [`## Data validation: ${verdict}`, "", `\`${result.data}\` (${formatNumber(result.rows)} rows) against \`${result.schema}\`.`, ""];
  if (result.valid) return `${lines.join("\n")}
`;
  lines.push("| column | check | failed | share | expected | examples | schema line |", "| --- | --- | ---: | ---: | --- | --- | ---: |");
  for (const failure of result.failures) {
    const examples = failure.examples.map((example) => `\`${showExample(example)}\``).join("<br>");
    const line = failure.position ? String(failure.position.line) : "";
    lines.push(`| ${cell(subjectOf(failure))} | ${failure.check} | ${formatNumber(failure.failed)} | ${percent(failure.fraction)} | ${cell(failure.expected)} | ${cell(examples)} | ${line} |`);
  }
  return `${lines.join("\n")}
`;
}
function escapeData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(text) {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function renderAnnotations(result) {
  return result.failures.map((failure) => {
    const properties = [`file=${escapeProperty(result.schema)}`];
    if (failure.position) properties.push(`line=${failure.position.line}`, `col=${failure.position.column}`);
    properties.push(`title=${escapeProperty(`trainyard validate: ${subjectOf(failure)} ${failure.check}`)}`);
    return `::error ${properties.join(",")}::${escapeData(failureLine(failure))}
`;
  }).join("");
}

// src/validate/validate-data.ts
import path2 from "node:path";

// src/validate/column-outcomes.ts
var EPSILON = 1e-12;
function count(row, alias) {
  return Number(row[alias] ?? 0);
}
function breaksMostly(failed, present, mostly = 1) {
  if (failed === 0 || present === 0) return false;
  return (present - failed) / present < mostly - EPSILON;
}
function columnFailures(plan, index, row) {
  const rows = count(row, "n");
  const present = count(row, `c${index}_present`);
  const nulls = rows - present;
  const { rule } = plan;
  const pending = [];
  const add = (check, failed, fraction, expected, failing) => {
    const failure = { column: plan.name, check, failed, fraction, examples: [], expected };
    pending.push({ failure, plan, ...failing ? { failing } : {} });
  };
  const share = (failed, of) => of === 0 ? 0 : failed / of;
  const nullable = rule.nullable ?? rule.max_null_fraction !== void 0;
  const valueFailure = (j) => {
    const check = plan.checks[j];
    const failed = count(row, `c${index}_k${j}`);
    if (breaksMostly(failed, present, rule.mostly)) add(check.check, failed, share(failed, present), check.expected, check.failing);
  };
  const typeIndex = plan.checks.findIndex((check) => check.check === "type");
  if (typeIndex >= 0) valueFailure(typeIndex);
  if (!nullable && nulls > 0) add("nullable", nulls, share(nulls, rows), "no missing values", `${plan.raw} IS NULL`);
  if (rule.max_null_fraction !== void 0 && share(nulls, rows) > rule.max_null_fraction + EPSILON) {
    add("max_null_fraction", nulls, share(nulls, rows), `at most ${rule.max_null_fraction} of the rows missing`, `${plan.raw} IS NULL`);
  }
  plan.checks.forEach((_, j) => j !== typeIndex && valueFailure(j));
  if (rule.unique) {
    const failed = count(row, `c${index}_parsed`) - count(row, `c${index}_distinct`);
    if (breaksMostly(failed, present, rule.mostly)) add("unique", failed, share(failed, present), "no value twice");
  }
  return pending;
}

// src/validate/fast-read.ts
var READER_TYPES = { number: "DOUBLE", boolean: "BOOLEAN", timestamp: "TIMESTAMP" };
function fastReadTypes(source, columns) {
  if (source.format !== "csv" && source.format !== "tsv") return {};
  const types = {};
  for (const [name, rule] of Object.entries(columns)) {
    const type = READER_TYPES[rule.type];
    if (type && rule.pattern === void 0) types[name] = type;
  }
  return types;
}

// src/validate/examples.ts
import path from "node:path";

// src/validate/plan.ts
function planColumns(columns, present) {
  return Object.entries(columns).filter(([name]) => present.has(name)).map(([name, rule], i) => {
    const raw = `r${i}`;
    const typed = `t${i}`;
    const nativeType = present.get(name);
    const checks = valueChecks(rule, raw, typed).filter((check) => check.check !== "type" || !isNative(nativeType, rule.type));
    return { name, rule, nativeType, raw, typed, checks };
  });
}
var INTEGER_TYPES = ["TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER"];
var NATIVE = {
  string: (type) => type === "VARCHAR",
  integer: (type) => INTEGER_TYPES.includes(type),
  number: (type) => INTEGER_TYPES.includes(type) || type === "DOUBLE" || type === "FLOAT" || type.startsWith("DECIMAL"),
  boolean: (type) => type === "BOOLEAN",
  date: (type) => type === "DATE",
  timestamp: (type) => ["TIMESTAMP", "TIMESTAMP_NS", "TIMESTAMP_MS", "TIMESTAMP_S"].includes(type)
};
function isNative(nativeType, type) {
  return NATIVE[type](nativeType);
}
function typedOf(plan) {
  const source = quoteIdentifier(plan.name);
  if (isNative(plan.nativeType, plan.rule.type)) return { raw: source, typed: plan.rule.type === "number" ? `${source}::DOUBLE` : source };
  const text = plan.nativeType === "VARCHAR" ? source : `${source}::VARCHAR`;
  return { raw: text, typed: typedSql(text, plan.rule.type) };
}
function projectionSql(plans, view, extra = []) {
  const columns = plans.flatMap((plan) => {
    const { raw, typed } = typedOf(plan);
    return [`${raw} AS ${plan.raw}`, `${typed} AS ${plan.typed}`];
  });
  return `SELECT ${[...columns, ...extra].join(", ")} FROM ${quoteIdentifier(view)}`;
}
function columnAggregates(plan, index) {
  const aggregates = [{ alias: `c${index}_present`, sql: `count(${plan.raw})` }];
  const counted2 = (check) => check.check === "type" ? `count(${plan.raw}) - count(${plan.typed})` : `count(*) FILTER (WHERE ${check.failing})`;
  plan.checks.forEach((check, j) => aggregates.push({ alias: `c${index}_k${j}`, sql: counted2(check) }));
  if (plan.rule.unique) {
    aggregates.push({ alias: `c${index}_parsed`, sql: `count(${plan.typed})` });
    aggregates.push({ alias: `c${index}_distinct`, sql: distinctSql(plan) });
  }
  return aggregates;
}
var MAX_BITMAP_RANGE = 2 ** 28;
function distinctSql(plan) {
  const { rule, typed } = plan;
  const bounded = rule.type === "integer" && typeof rule.min === "number" && typeof rule.max === "number";
  if (!bounded || rule.max - rule.min + 1 > MAX_BITMAP_RANGE) return `count(DISTINCT ${typed})`;
  const inside = `${typed} BETWEEN ${rule.min} AND ${rule.max}`;
  const bitmap = `coalesce(bit_count(bitstring_agg(${typed}, ${rule.min}, ${rule.max}) FILTER (WHERE ${inside})), 0)`;
  return `${bitmap} + count(DISTINCT ${typed}) FILTER (WHERE NOT (${inside}))`;
}
function aggregateSql(plans, view) {
  const aggregates = [{ alias: "n", sql: "count(*)" }, ...plans.flatMap((plan, i) => columnAggregates(plan, i))];
  const select = aggregates.map((aggregate) => `${aggregate.sql} AS ${aggregate.alias}`).join(", ");
  return { sql: `SELECT ${select} FROM (${projectionSql(plans, view)})`, aggregates };
}

// src/validate/result.ts
var MAX_EXAMPLES = 5;

// src/validate/examples.ts
var HEAD_ROWS = 1 << 16;
function exampleOf(context, row, value) {
  const example = { row: Number(row[ROW_COLUMN]), value };
  if (context.shardRoot !== void 0) example.file = path.relative(context.shardRoot, String(row[FILE_COLUMN])) || String(row[FILE_COLUMN]);
  return example;
}
function byPlace(a, b) {
  return (a.file ?? "").localeCompare(b.file ?? "") || (a.row ?? 0) - (b.row ?? 0);
}
async function examplesWhere(context, plan, failing, failed) {
  const wanted = Math.min(MAX_EXAMPLES, failed);
  let rows = [];
  for (const view of [context.head, void 0]) {
    const projection = projectionSql(context.plans, view ?? await context.views.numbered(), [FILE_COLUMN, ROW_COLUMN]);
    rows = await context.engine.query(`SELECT ${FILE_COLUMN}, ${ROW_COLUMN}, ${plan.raw} AS value FROM (${projection}) WHERE ${failing} LIMIT ${MAX_EXAMPLES}`);
    if (rows.length >= wanted) break;
  }
  return rows.map((row) => exampleOf(context, row, plainValue(row.value ?? null))).sort(byPlace);
}
function repeatsSql(projection, key, present, show, keysFrom) {
  const keys = `SELECT ${key} AS k FROM (${keysFrom}) WHERE ${present} GROUP BY k HAVING count(*) > 1 LIMIT ${MAX_EXAMPLES}`;
  return `SELECT ${FILE_COLUMN}, ${ROW_COLUMN}, ${show} AS value FROM (${projection}) WHERE ${present} AND ${key} IN (${keys}) LIMIT ${MAX_EXAMPLES}`;
}
var DUPLICATE_PREFIX = 1 << 20;
async function duplicateExamples(context, key, present, show) {
  const head = projectionSql(context.plans, context.head, [FILE_COLUMN, ROW_COLUMN]);
  let found = await context.engine.query(repeatsSql(head, key, present, show, head));
  if (found.length === 0) {
    const plain = projectionSql(context.plans, await context.views.plain());
    const numbered = projectionSql(context.plans, await context.views.numbered(), [FILE_COLUMN, ROW_COLUMN]);
    for (const limit of [DUPLICATE_PREFIX, void 0]) {
      const cut = limit === void 0 ? "" : ` LIMIT ${limit}`;
      found = await context.engine.query(repeatsSql(`${numbered}${cut}`, key, present, show, `${plain}${cut}`));
      if (found.length > 0) break;
    }
  }
  return found.map((row) => exampleOf(context, row, plainValue(row.value ?? null))).sort(byPlace);
}
function plainValue(value) {
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plainValue);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plainValue(inner)]));
  return value;
}

// src/validate/table-checks.ts
function at(position) {
  return position ? { position } : {};
}
function rowCountFailure(schema, rows) {
  const bounds = schema.rules.rows;
  const base = { column: null, check: "rows", fraction: 1, examples: [], ...at(schema.positions.rows) };
  if (bounds?.min !== void 0 && rows < bounds.min) return { ...base, failed: bounds.min - rows, expected: `at least ${bounds.min} rows, got ${rows}` };
  if (bounds?.max !== void 0 && rows > bounds.max) return { ...base, failed: rows - bounds.max, expected: `at most ${bounds.max} rows, got ${rows}` };
  return void 0;
}
async function compoundKeyFailures(schema, context, rows) {
  const failures = [];
  for (const [i, key] of (schema.rules.unique ?? []).entries()) {
    const plans = key.map((name) => context.plans.find((plan) => plan.name === name));
    if (plans.some((plan) => plan === void 0)) continue;
    const typed = plans.map((plan) => plan.typed);
    const present = typed.map((column) => `${column} IS NOT NULL`).join(" AND ");
    const tuple = `row(${typed.join(", ")})`;
    const sql = `SELECT count(*) FILTER (WHERE ${present}) - count(DISTINCT ${tuple}) FILTER (WHERE ${present}) AS failed FROM (${projectionSql(context.plans, await context.views.plain())})`;
    const [result] = await context.engine.query(sql);
    const failed = Number(result?.failed ?? 0);
    if (failed === 0) continue;
    const show = `struct_pack(${plans.map((plan) => `${quoteIdentifier(plan.name)} := ${plan.raw}`).join(", ")})`;
    const examples = await duplicateExamples(context, tuple, present, show);
    failures.push({ column: null, check: "unique", name: key.join(", "), failed, fraction: rows === 0 ? 0 : failed / rows, examples, expected: `no (${key.join(", ")}) twice`, ...at(schema.positions[`unique.${i}`]) });
  }
  return failures;
}
var CHECK_VIEW = "data";
async function createCheckView(context, otherColumns) {
  const typed = context.plans.map((plan) => `${plan.typed} AS ${quoteIdentifier(plan.name)}`);
  const others = otherColumns.map(quoteIdentifier);
  const extra = [...others, `${FILE_COLUMN} AS _file`, `${ROW_COLUMN} AS _row`];
  const projection = projectionSql(context.plans, await context.views.numbered(), [...others, FILE_COLUMN, ROW_COLUMN]);
  await context.engine.query(`CREATE OR REPLACE TEMP VIEW ${CHECK_VIEW} AS SELECT ${[...typed, ...extra].join(", ")} FROM (${projection})`);
}
async function customCheckFailures(schema, context, rows) {
  const failures = [];
  for (const [i, check] of (schema.rules.checks ?? []).entries()) {
    const query = check.sql.trim().replace(/;+\s*$/, "");
    const position = schema.positions[`checks.${i}`];
    let failed;
    let found;
    try {
      const [result] = await context.engine.query(`SELECT count(*) AS failed FROM (${query})`);
      failed = Number(result?.failed ?? 0);
      found = failed === 0 ? [] : await context.engine.query(`SELECT * FROM (${query}) LIMIT ${MAX_EXAMPLES}`);
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      const reason = error.message.replace(/^query failed: /, "");
      throw new ConfigError({ file: schema.file, key: `checks.${i}.sql`, message: `the query of check "${check.name}" fails: ${reason}`, ...at(position) });
    }
    if (failed === 0) continue;
    const examples = found.map((row) => {
      const { _file, _row, ...rest } = row;
      const value = plainValue(rest);
      const example = exampleOf(context, { [FILE_COLUMN]: _file, [ROW_COLUMN]: _row }, value);
      return _row === void 0 ? { value } : example;
    });
    failures.push({ column: null, check: "sql", name: check.name, failed, fraction: rows === 0 ? 0 : failed / rows, examples, expected: `no rows from check "${check.name}"`, ...at(position) });
  }
  return failures;
}

// src/validate/views.ts
var PLAIN_VIEW = "trainyard_text";
var NUMBERED_VIEW = "trainyard_numbered";
var HEAD_TABLE = "trainyard_head";
var ValidationViews = class {
  constructor(engine, source) {
    this.engine = engine;
    this.source = source;
    this.options = { allVarchar: source.format === "csv" || source.format === "tsv" };
  }
  engine;
  source;
  registered = /* @__PURE__ */ new Map();
  options;
  /** Adopts an already registered view of the data as read by `options` as the plain view. */
  adoptPlain(name) {
    this.registered.set(PLAIN_VIEW, Promise.resolve(name));
  }
  plain() {
    return this.once(PLAIN_VIEW, async () => {
      await this.engine.register(PLAIN_VIEW, this.source, this.options);
      return PLAIN_VIEW;
    });
  }
  numbered() {
    return this.once(NUMBERED_VIEW, async () => {
      await this.engine.register(NUMBERED_VIEW, this.source, { ...this.options, rowNumbers: true });
      return NUMBERED_VIEW;
    });
  }
  head() {
    return this.once(HEAD_TABLE, async () => {
      const select = sourceSelect(this.source, { ...this.options, rowNumbers: true });
      await this.engine.query(`CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(HEAD_TABLE)} AS SELECT * FROM (${select}) LIMIT ${HEAD_ROWS}`, this.source);
      return HEAD_TABLE;
    });
  }
  once(name, create) {
    let view = this.registered.get(name);
    if (!view) {
      view = create();
      this.registered.set(name, view);
    }
    return view;
  }
};

// src/validate/validate-data.ts
var RAW_VIEW = "trainyard_raw";
var REJECTS = "trainyard_rejects";
async function validateData(request) {
  const { engine, source, schema } = request;
  const textual = source.format === "csv" || source.format === "tsv";
  const views = new ValidationViews(engine, source);
  const types = request.exact ? {} : fastReadTypes(source, schema.rules.columns);
  const fast = Object.keys(types).length > 0;
  const described = await engine.register(RAW_VIEW, source, fast ? { allVarchar: true, typed: { types, rejects: REJECTS } } : { allVarchar: textual });
  const names = described.map((column) => column.name);
  const failures = [...structureFailures(schema, names)];
  let plans = planColumns(schema.rules.columns, new Map(described.map((column) => [column.name, column.type])));
  await checkPatterns(engine, schema, plans);
  if (fast) await engine.takeRejects(REJECTS);
  let [counts = {}] = await engine.query(aggregateSql(plans, RAW_VIEW).sql, source);
  const textPlans = fast ? planColumns(schema.rules.columns, new Map(names.map((name) => [name, "VARCHAR"]))) : plans;
  if (fast && await engine.takeRejects(REJECTS) > 0) {
    await engine.register(RAW_VIEW, source, { allVarchar: true });
    [counts = {}] = await engine.query(aggregateSql(textPlans, RAW_VIEW).sql, source);
    plans = textPlans;
  }
  if (!fast) views.adoptPlain(RAW_VIEW);
  request.onCounts?.(plans === textPlans ? "text" : "typed");
  const rows = Number(counts.n ?? 0);
  const pending = plans.flatMap((plan, i) => columnFailures(plan, i, counts)).map((found) => onPlans(found, textPlans));
  const shardRoot = source.files.length > 1 ? path2.resolve(request.root) : void 0;
  const needsRows = pending.length > 0 || (schema.rules.unique?.length ?? 0) > 0 || (schema.rules.checks?.length ?? 0) > 0;
  const head = needsRows ? await views.head() : "";
  const context = { engine, plans: textPlans, head, views, shardRoot };
  for (const { failure, failing, plan } of pending) {
    failure.examples = failing ? await examplesWhere(context, plan, failing, failure.failed) : await duplicateExamples(context, plan.typed, `${plan.typed} IS NOT NULL`, plan.raw);
    const position = schema.positions[`${plan.name}.${failure.check}`] ?? schema.positions[plan.name];
    if (position) failure.position = position;
    failures.push(failure);
  }
  const rowFailure = rowCountFailure(schema, rows);
  if (rowFailure) failures.push(rowFailure);
  failures.push(...await compoundKeyFailures(schema, context, rows));
  if (schema.rules.checks?.length) {
    await createCheckView(context, names.filter((name) => !(name in schema.rules.columns)));
    failures.push(...await customCheckFailures(schema, context, rows));
  }
  return { valid: failures.length === 0, rows, data: source.display, schema: schema.file, failures };
}
function onPlans(pending, plans) {
  const plan = plans.find((candidate) => candidate.name === pending.plan.name);
  if (pending.failing === void 0) return { ...pending, plan };
  const check = plan.checks.find((candidate) => candidate.check === pending.failure.check);
  return { ...pending, plan, failing: check?.failing ?? pending.failing };
}
function structureFailures(schema, names) {
  const failures = [];
  for (const name of Object.keys(schema.rules.columns).filter((column) => !names.includes(column))) {
    const position = schema.positions[name];
    failures.push({ column: name, check: "missing_column", failed: 1, fraction: 1, examples: [], expected: "the column in the data", ...position ? { position } : {} });
  }
  if (schema.rules.strict) {
    const position = schema.positions.strict;
    for (const name of names.filter((column) => !(column in schema.rules.columns))) {
      failures.push({ column: name, check: "extra_column", failed: 1, fraction: 1, examples: [], expected: "only the columns of the schema (strict)", ...position ? { position } : {} });
    }
  }
  return failures;
}
async function checkPatterns(engine, schema, plans) {
  for (const plan of plans.filter((candidate) => candidate.rule.pattern !== void 0)) {
    try {
      await engine.query(`SELECT regexp_matches('', ${quoteLiteral(plan.rule.pattern)})`);
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      const position = schema.positions[`${plan.name}.pattern`];
      const reason = error.message.replace(/^query failed: /, "");
      throw new ConfigError({ file: schema.file, key: `columns.${plan.name}.pattern`, message: `not a valid RE2 regular expression (${reason})`, ...position ? { position } : {} });
    }
  }
}

// src/validate/stage.ts
import path3 from "node:path";
async function validateStage(request) {
  const { data, root } = request;
  if (!data.schema) return void 0;
  const schema = await loadDataSchema(path3.resolve(root, data.schema), data.schema);
  const sets = [["train", data.train]];
  if (data.production) sets.push(["production", data.production]);
  const engine = await DataEngine.open();
  try {
    const validations = [];
    for (const [role, patterns] of sets) {
      const source = await resolveSource(patterns, root);
      validations.push({ role, result: await validateData({ engine, source, schema, root }) });
    }
    return {
      model: request.model,
      valid: validations.every((validation) => validation.result.valid),
      validations,
      text: validations.map((validation) => renderText(validation.result)).join(""),
      markdown: validations.map((validation) => renderMarkdown(validation.result)).join("\n")
    };
  } finally {
    engine.close();
  }
}

export {
  loadDataSchema,
  renderText,
  renderMarkdown,
  renderAnnotations,
  validateData,
  validateStage
};
