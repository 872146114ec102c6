/**
 * Validates data against a schema, check by check, on DuckDB:
 *   1. register the data: CSV and TSV as text (all-varchar), so no value can stop the
 *      read and each value that does not parse is a counted `type` failure (TRY_CAST);
 *      Parquet and JSON keep their types, and a column not stored as its schema type
 *      goes through text the same way;
 *   2. compare columns (missing_column, extra_column under strict);
 *   3. one aggregate query counts every value check of every column (one scan); for
 *      CSV and TSV it first runs over a read typed by the schema (fast-read.ts), and
 *      again over the text read of step 1 only when some value did not parse;
 *   4. failed checks fetch up to five examples with file and row, from the text;
 *   5. table checks: row count, compound keys, the user's SQL checks.
 */
import path from 'node:path';
import { ConfigError, DataError } from '../errors.ts';
import { quoteLiteral, type DataEngine } from '../data/engine.ts';
import type { DataSource } from '../data/format.ts';
import { schemaForRole, type DataRole, type DataSchema } from './data-schema.ts';
import { columnFailures, type PendingFailure } from './column-outcomes.ts';
import { fastReadTypes } from './fast-read.ts';
import { duplicateExamples, examplesWhere, type ExampleContext } from './examples.ts';
import { aggregateSql, planColumns, type ColumnPlan } from './plan.ts';
import type { CheckFailure, ValidationResult } from './result.ts';
import { compoundKeyFailures, createCheckView, customCheckFailures, rowCountFailure } from './table-checks.ts';
import { ValidationViews } from './views.ts';

export interface ValidateRequest {
  engine: DataEngine;
  source: DataSource;
  schema: DataSchema;
  /** Shards are named relative to this folder in examples (the project root or cwd). */
  root: string;
  /** Production data is not checked for the schema's `training_only` columns; default `train`. */
  role?: DataRole;
  /**
   * Count on the text read even where the typed read would do (CSV, TSV); the result is
   * the same either way, only slower. For checking the fast path against the exact one.
   */
  exact?: boolean;
  /** Told which read the counts came from: `typed` (the fast path) or `text`. For tests. */
  onCounts?: (read: 'typed' | 'text') => void;
}

const RAW_VIEW = 'trainyard_raw';
const REJECTS = 'trainyard_rejects';

export async function validateData(request: ValidateRequest): Promise<ValidationResult> {
  const { engine, source } = request;
  const schema = schemaForRole(request.schema, request.role ?? 'train');
  // Text formats are read as text; typed formats keep their types (see plan.ts isNative).
  const textual = source.format === 'csv' || source.format === 'tsv';
  const views = new ValidationViews(engine, source);
  const types = request.exact ? {} : fastReadTypes(source, schema.rules.columns);
  const fast = Object.keys(types).length > 0;
  const described = await engine.register(RAW_VIEW, source, fast ? { allVarchar: true, typed: { types, rejects: REJECTS } } : { allVarchar: textual });
  const names = described.map((column) => column.name);
  const failures: CheckFailure[] = [...structureFailures(schema, names)];
  let plans = planColumns(schema.rules.columns, new Map(described.map((column) => [column.name, column.type])));
  await checkPatterns(engine, schema, plans);

  if (fast) await engine.takeRejects(REJECTS);
  let [counts = {}] = await engine.query(aggregateSql(plans, RAW_VIEW).sql, source);
  // Every planned column is read by the query (its non-null count), so each value that
  // did not parse is in the rejects table now.
  const textPlans = fast ? planColumns(schema.rules.columns, new Map(names.map((name) => [name, 'VARCHAR']))) : plans;
  if (fast && (await engine.takeRejects(REJECTS)) > 0) {
    await engine.register(RAW_VIEW, source, { allVarchar: true });
    [counts = {}] = await engine.query(aggregateSql(textPlans, RAW_VIEW).sql, source);
    plans = textPlans;
  }
  if (!fast) views.adoptPlain(RAW_VIEW);
  request.onCounts?.(plans === textPlans ? 'text' : 'typed');
  const rows = Number(counts.n ?? 0);
  const pending = plans.flatMap((plan, i) => columnFailures(plan, i, counts)).map((found) => onPlans(found, textPlans));

  const shardRoot = source.files.length > 1 ? path.resolve(request.root) : undefined;
  const needsRows = pending.length > 0 || (schema.rules.unique?.length ?? 0) > 0 || (schema.rules.checks?.length ?? 0) > 0;
  const head = needsRows ? await views.head() : '';
  const context: ExampleContext = { engine, plans: textPlans, head, views, shardRoot };
  for (const { failure, failing, plan } of pending) {
    failure.examples = failing
      ? await examplesWhere(context, plan, failing, failure.failed)
      : await duplicateExamples(context, plan.typed, `${plan.typed} IS NOT NULL`, plan.raw);
    const position = schema.positions[`${plan.name}.${failure.check}`] ?? schema.positions[plan.name];
    if (position) failure.position = position;
    failures.push(failure);
  }

  const rowFailure = rowCountFailure(schema, rows);
  if (rowFailure) failures.push(rowFailure);
  failures.push(...(await compoundKeyFailures(schema, context, rows)));
  if (schema.rules.checks?.length) {
    await createCheckView(context, names.filter((name) => !(name in schema.rules.columns)));
    failures.push(...(await customCheckFailures(schema, context, rows)));
  }
  return { valid: failures.length === 0, rows, data: source.display, schema: schema.file, failures };
}

/**
 * A failure counted on the fast path, with the plan and condition of the text read:
 * examples are read from the text, so they show each value as written.
 */
function onPlans(pending: PendingFailure, plans: readonly ColumnPlan[]): PendingFailure {
  const plan = plans.find((candidate) => candidate.name === pending.plan.name)!;
  if (pending.failing === undefined) return { ...pending, plan };
  const check = plan.checks.find((candidate) => candidate.check === pending.failure.check);
  return { ...pending, plan, failing: check?.failing ?? pending.failing };
}

function structureFailures(schema: DataSchema, names: readonly string[]): CheckFailure[] {
  const failures: CheckFailure[] = [];
  for (const name of Object.keys(schema.rules.columns).filter((column) => !names.includes(column))) {
    const position = schema.positions[name];
    failures.push({ column: name, check: 'missing_column', failed: 1, fraction: 1, examples: [], expected: 'the column in the data', ...(position ? { position } : {}) });
  }
  if (schema.rules.strict) {
    const position = schema.positions.strict;
    const allowed = new Set(schema.trainingOnly ?? []);
    for (const name of names.filter((column) => !(column in schema.rules.columns) && !allowed.has(column))) {
      failures.push({ column: name, check: 'extra_column', failed: 1, fraction: 1, examples: [], expected: 'only the columns of the schema (strict)', ...(position ? { position } : {}) });
    }
  }
  return failures;
}

/** DuckDB's regular expressions are RE2: a pattern it refuses is a schema error at its line. */
async function checkPatterns(engine: DataEngine, schema: DataSchema, plans: readonly ColumnPlan[]): Promise<void> {
  for (const plan of plans.filter((candidate) => candidate.rule.pattern !== undefined)) {
    try {
      await engine.query(`SELECT regexp_matches('', ${quoteLiteral(plan.rule.pattern!)})`);
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      const position = schema.positions[`${plan.name}.pattern`];
      const reason = error.message.replace(/^query failed: /, '');
      throw new ConfigError({ file: schema.file, key: `columns.${plan.name}.pattern`, message: `not a valid RE2 regular expression (${reason})`, ...(position ? { position } : {}) });
    }
  }
}
