/**
 * SQL for one column's rules. The raw value is text (the view is read all-varchar);
 * the typed value is its TRY_CAST to the schema type, NULL where it does not parse, so
 * a bad value is counted as a `type` failure and every other check runs on the rest.
 */
import { quoteLiteral } from '../data/engine.ts';
import type { ColumnRule, ColumnType } from './data-schema.ts';
import type { CheckName } from './result.ts';

/** The typed value of a raw text expression. */
export function typedSql(raw: string, type: ColumnType): string {
  switch (type) {
    case 'string':
      return raw;
    case 'integer':
      // TRY_CAST('1.5' AS BIGINT) rounds; only digits (with a sign) are integers. Text
      // that prints back the same is one (cheap); the pattern decides the rest ("+7", "007").
      return `CASE WHEN TRY_CAST(${raw} AS BIGINT)::VARCHAR = ${raw} OR regexp_full_match(${raw}, '\\s*[+-]?[0-9]+\\s*') THEN TRY_CAST(${raw} AS BIGINT) END`;
    case 'number':
      return `TRY_CAST(${raw} AS DOUBLE)`;
    case 'boolean':
      return `TRY_CAST(${raw} AS BOOLEAN)`;
    case 'date':
      // TRY_CAST('2001-01-01 10:00' AS DATE) drops the time; a date has none.
      return `CASE WHEN length(trim(${raw})) <= 10 THEN TRY_CAST(${raw} AS DATE) END`;
    case 'timestamp':
      return `TRY_CAST(${raw} AS TIMESTAMP)`;
  }
}

/** A schema value as a SQL literal of the column's type. */
export function literalSql(type: ColumnType, value: string | number | boolean): string {
  switch (type) {
    case 'integer':
    case 'boolean':
      return String(value);
    case 'number':
      return `${String(value)}::DOUBLE`;
    case 'string':
      return quoteLiteral(String(value));
    case 'date':
      return `DATE ${quoteLiteral(String(value))}`;
    case 'timestamp':
      return `TIMESTAMP ${quoteLiteral(String(value))}`;
  }
}

/** [lo, hi] when the allowed values are every integer from lo to hi, in any order. */
export function integerRange(values: ReadonlyArray<string | number | boolean>): [number, number] | undefined {
  if (!values.every((value) => typeof value === 'number' && Number.isSafeInteger(value))) return undefined;
  const distinct = [...new Set(values as number[])].sort((a, b) => a - b);
  const [lo, hi] = [distinct[0]!, distinct.at(-1)!];
  return hi - lo + 1 === distinct.length ? [lo, hi] : undefined;
}

/** A value check of a column: the SQL condition of a failing row. */
export interface ValueCheck {
  check: Extract<CheckName, 'type' | 'min' | 'max' | 'in' | 'pattern'>;
  /** True for an offending row. */
  failing: string;
  expected: string;
}

const TYPE_WORDS: Record<ColumnType, string> = {
  string: 'text',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  date: 'a date (YYYY-MM-DD)',
  timestamp: 'a timestamp (YYYY-MM-DD hh:mm:ss)',
};

/** The value checks a rule asks for, over the raw and typed expressions of its column. */
export function valueChecks(rule: ColumnRule, raw: string, typed: string): ValueCheck[] {
  const checks: ValueCheck[] = [];
  const show = (value: string | number | boolean) => (typeof value === 'string' ? JSON.stringify(value) : String(value));
  if (rule.type !== 'string') checks.push({ check: 'type', failing: `${raw} IS NOT NULL AND ${typed} IS NULL`, expected: TYPE_WORDS[rule.type] });
  if (rule.min !== undefined) checks.push({ check: 'min', failing: `${typed} < ${literalSql(rule.type, rule.min)}`, expected: `>= ${show(rule.min)}` });
  if (rule.max !== undefined) checks.push({ check: 'max', failing: `${typed} > ${literalSql(rule.type, rule.max)}`, expected: `<= ${show(rule.max)}` });
  if (rule.in !== undefined) {
    const list = rule.in.map((value) => literalSql(rule.type, value)).join(', ');
    const range = rule.type === 'integer' ? integerRange(rule.in) : undefined;
    // The same test; a range compares twice where a list compares with each value.
    const failing = range ? `${typed} NOT BETWEEN ${range[0]} AND ${range[1]}` : `${typed} NOT IN (${list})`;
    checks.push({ check: 'in', failing, expected: `one of ${rule.in.map(show).join(', ')}` });
  }
  if (rule.pattern !== undefined) {
    checks.push({ check: 'pattern', failing: `NOT regexp_matches(${raw}::VARCHAR, ${quoteLiteral(rule.pattern)})`, expected: `matches /${rule.pattern}/` });
  }
  return checks;
}
