/**
 * Table-level checks: the row count, compound keys and the user's own SQL checks.
 */
import { ConfigError, DataError, type SourcePosition } from '../errors.ts';
import { quoteIdentifier } from '../data/engine.ts';
import type { DataSchema } from './data-schema.ts';
import { duplicateExamples, exampleOf, plainValue, type ExampleContext } from './examples.ts';
import { projectionSql } from './plan.ts';
import { MAX_EXAMPLES, type CheckFailure } from './result.ts';
import { ROW_COLUMN, FILE_COLUMN } from '../data/row-numbers.ts';

function at(position: SourcePosition | undefined): { position?: SourcePosition } {
  return position ? { position } : {};
}

/** The `rows: {min, max}` check: `failed` is how many rows are missing or too many. */
export function rowCountFailure(schema: DataSchema, rows: number): CheckFailure | undefined {
  const bounds = schema.rules.rows;
  const base = { column: null, check: 'rows' as const, fraction: 1, examples: [], ...at(schema.positions.rows) };
  if (bounds?.min !== undefined && rows < bounds.min) return { ...base, failed: bounds.min - rows, expected: `at least ${bounds.min} rows, got ${rows}` };
  if (bounds?.max !== undefined && rows > bounds.max) return { ...base, failed: rows - bounds.max, expected: `at most ${bounds.max} rows, got ${rows}` };
  return undefined;
}

/**
 * Compound keys (`unique: [[a, b]]`): rows whose key repeats an earlier row's, among
 * rows with every key column present. Keys over a missing column are skipped (the
 * missing column is its own failure).
 */
export async function compoundKeyFailures(schema: DataSchema, context: ExampleContext, rows: number): Promise<CheckFailure[]> {
  const failures: CheckFailure[] = [];
  for (const [i, key] of (schema.rules.unique ?? []).entries()) {
    const plans = key.map((name) => context.plans.find((plan) => plan.name === name));
    if (plans.some((plan) => plan === undefined)) continue;
    const typed = plans.map((plan) => plan!.typed);
    const present = typed.map((column) => `${column} IS NOT NULL`).join(' AND ');
    const tuple = `row(${typed.join(', ')})`;
    const sql = `SELECT count(*) FILTER (WHERE ${present}) - count(DISTINCT ${tuple}) FILTER (WHERE ${present}) AS failed FROM (${projectionSql(context.plans, await context.views.plain())})`;
    const [result] = await context.engine.query(sql);
    const failed = Number(result?.failed ?? 0);
    if (failed === 0) continue;
    const show = `struct_pack(${plans.map((plan) => `${quoteIdentifier(plan!.name)} := ${plan!.raw}`).join(', ')})`;
    const examples = await duplicateExamples(context, tuple, present, show);
    failures.push({ column: null, check: 'unique', name: key.join(', '), failed, fraction: rows === 0 ? 0 : failed / rows, examples, expected: `no (${key.join(', ')}) twice`, ...at(schema.positions[`unique.${i}`]) });
  }
  return failures;
}

/** The view the user's SQL checks query: schema types, plus `_file` and `_row`. */
export const CHECK_VIEW = 'data';

export async function createCheckView(context: ExampleContext, otherColumns: readonly string[]): Promise<void> {
  const typed = context.plans.map((plan) => `${plan.typed} AS ${quoteIdentifier(plan.name)}`);
  const others = otherColumns.map(quoteIdentifier);
  const extra = [...others, `${FILE_COLUMN} AS _file`, `${ROW_COLUMN} AS _row`];
  const projection = projectionSql(context.plans, await context.views.numbered(), [...others, FILE_COLUMN, ROW_COLUMN]);
  await context.engine.query(`CREATE OR REPLACE TEMP VIEW ${CHECK_VIEW} AS SELECT ${[...typed, ...extra].join(', ')} FROM (${projection})`);
}

/** The `checks:` of the schema: each query's rows are its failures. */
export async function customCheckFailures(schema: DataSchema, context: ExampleContext, rows: number): Promise<CheckFailure[]> {
  const failures: CheckFailure[] = [];
  for (const [i, check] of (schema.rules.checks ?? []).entries()) {
    const query = check.sql.trim().replace(/;+\s*$/, '');
    const position = schema.positions[`checks.${i}`];
    let failed: number;
    let found: Array<Record<string, unknown>>;
    try {
      const [result] = await context.engine.query(`SELECT count(*) AS failed FROM (${query})`);
      failed = Number(result?.failed ?? 0);
      found = failed === 0 ? [] : await context.engine.query(`SELECT * FROM (${query}) LIMIT ${MAX_EXAMPLES}`);
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      const reason = error.message.replace(/^query failed: /, '');
      throw new ConfigError({ file: schema.file, key: `checks.${i}.sql`, message: `the query of check "${check.name}" fails: ${reason}`, ...at(position) });
    }
    if (failed === 0) continue;
    const examples = found.map((row) => {
      const { _file, _row, ...rest } = row;
      const value = plainValue(rest);
      const example = exampleOf(context, { [FILE_COLUMN]: _file, [ROW_COLUMN]: _row }, value);
      return _row === undefined ? { value } : example;
    });
    failures.push({ column: null, check: 'sql', name: check.name, failed, fraction: rows === 0 ? 0 : failed / rows, examples, expected: `no rows from check "${check.name}"`, ...at(position) });
  }
  return failures;
}
