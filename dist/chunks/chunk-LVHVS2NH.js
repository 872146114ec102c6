#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  typedSql,
  valueChecks
} from "./chunk-5LA4RBPL.js";
import {
  schemaForRole
} from "./chunk-PHKZR6IB.js";
import {
  FILE_COLUMN,
  ROW_COLUMN,
  quoteIdentifier,
  quoteLiteral,
  sourceSelect
} from "./chunk-FNE57ZFB.js";
import {
  ConfigError,
  DataError
} from "./chunk-BEL2JVQX.js";

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
  const counted = (check) => check.check === "type" ? `count(${plan.raw}) - count(${plan.typed})` : `count(*) FILTER (WHERE ${check.failing})`;
  plan.checks.forEach((check, j) => aggregates.push({ alias: `c${index}_k${j}`, sql: counted(check) }));
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
  const { engine, source } = request;
  const schema = schemaForRole(request.schema, request.role ?? "train");
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
    const allowed = new Set(schema.trainingOnly ?? []);
    for (const name of names.filter((column) => !(column in schema.rules.columns) && !allowed.has(column))) {
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

export {
  validateData
};
