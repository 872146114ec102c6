/**
 * Turns the counts of the aggregate query into failures, with GX semantics for `mostly`:
 * a value check passes when at least that share of the non-null values passes it.
 */
import type { Row } from '../data/engine.ts';
import type { ColumnPlan } from './plan.ts';
import type { CheckFailure, CheckName } from './result.ts';

/** A failure without its examples yet, and the SQL condition that finds them. */
export interface PendingFailure {
  failure: CheckFailure;
  /** The condition of an offending row over the projection; undefined for `unique`. */
  failing?: string;
  plan: ColumnPlan;
}

/** Floating-point slack when comparing shares with `mostly` and `max_null_fraction`. */
const EPSILON = 1e-12;

function count(row: Row, alias: string): number {
  return Number(row[alias] ?? 0);
}

/** Whether `failed` of `present` values breaks a check held to `mostly`. */
export function breaksMostly(failed: number, present: number, mostly = 1): boolean {
  if (failed === 0 || present === 0) return false;
  return (present - failed) / present < mostly - EPSILON;
}

export function columnFailures(plan: ColumnPlan, index: number, row: Row): PendingFailure[] {
  const rows = count(row, 'n');
  const present = count(row, `c${index}_present`);
  const nulls = rows - present;
  const { rule } = plan;
  const pending: PendingFailure[] = [];
  const add = (check: CheckName, failed: number, fraction: number, expected: string, failing?: string) => {
    const failure: CheckFailure = { column: plan.name, check, failed, fraction, examples: [], expected };
    pending.push({ failure, plan, ...(failing ? { failing } : {}) });
  };
  const share = (failed: number, of: number) => (of === 0 ? 0 : failed / of);
  const nullable = rule.nullable ?? rule.max_null_fraction !== undefined;
  const valueFailure = (j: number) => {
    const check = plan.checks[j]!;
    const failed = count(row, `c${index}_k${j}`);
    if (breaksMostly(failed, present, rule.mostly)) add(check.check, failed, share(failed, present), check.expected, check.failing);
  };
  // Report order: type, then missing values, then the other value checks.
  const typeIndex = plan.checks.findIndex((check) => check.check === 'type');
  if (typeIndex >= 0) valueFailure(typeIndex);
  if (!nullable && nulls > 0) add('nullable', nulls, share(nulls, rows), 'no missing values', `${plan.raw} IS NULL`);
  if (rule.max_null_fraction !== undefined && share(nulls, rows) > rule.max_null_fraction + EPSILON) {
    add('max_null_fraction', nulls, share(nulls, rows), `at most ${rule.max_null_fraction} of the rows missing`, `${plan.raw} IS NULL`);
  }
  plan.checks.forEach((_, j) => j !== typeIndex && valueFailure(j));
  if (rule.unique) {
    const failed = count(row, `c${index}_parsed`) - count(row, `c${index}_distinct`);
    if (breaksMostly(failed, present, rule.mostly)) add('unique', failed, share(failed, present), 'no value twice');
  }
  return pending;
}
