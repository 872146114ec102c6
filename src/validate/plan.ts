/**
 * The validation plan: every column rule of the schema turned into SQL over one
 * projection (raw text and typed value per column), so all value checks of all columns
 * run as one aggregate query: one scan of the data, however many rules.
 */
import { quoteIdentifier } from '../data/engine.ts';
import type { ColumnRule, ColumnType } from './data-schema.ts';
import { typedSql, valueChecks, type ValueCheck } from './column-sql.ts';

export interface ColumnPlan {
  name: string;
  rule: ColumnRule;
  /** The column's DuckDB type in the view: VARCHAR for text formats. */
  nativeType: string;
  /** Alias of the raw text in the projection. */
  raw: string;
  /** Alias of the typed value in the projection. */
  typed: string;
  checks: ValueCheck[];
}

/** Plans the schema's columns that the data has (name -> DuckDB type), in schema order. */
export function planColumns(columns: Record<string, ColumnRule>, present: ReadonlyMap<string, string>): ColumnPlan[] {
  return Object.entries(columns)
    .filter(([name]) => present.has(name))
    .map(([name, rule], i) => {
      const raw = `r${i}`;
      const typed = `t${i}`;
      const nativeType = present.get(name)!;
      const checks = valueChecks(rule, raw, typed).filter((check) => check.check !== 'type' || !isNative(nativeType, rule.type));
      return { name, rule, nativeType, raw, typed, checks };
    });
}

const INTEGER_TYPES = ['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'UTINYINT', 'USMALLINT', 'UINTEGER'];
const NATIVE: Record<ColumnType, (type: string) => boolean> = {
  string: (type) => type === 'VARCHAR',
  integer: (type) => INTEGER_TYPES.includes(type),
  number: (type) => INTEGER_TYPES.includes(type) || type === 'DOUBLE' || type === 'FLOAT' || type.startsWith('DECIMAL'),
  boolean: (type) => type === 'BOOLEAN',
  date: (type) => type === 'DATE',
  timestamp: (type) => ['TIMESTAMP', 'TIMESTAMP_NS', 'TIMESTAMP_MS', 'TIMESTAMP_S'].includes(type),
};

/**
 * Whether a typed source (Parquet, JSON) already stores the column as the schema type:
 * then every value parses by construction and the text round trip is skipped.
 */
export function isNative(nativeType: string, type: ColumnType): boolean {
  return NATIVE[type](nativeType);
}

function typedOf(plan: Pick<ColumnPlan, 'name' | 'rule' | 'nativeType'>): { raw: string; typed: string } {
  const source = quoteIdentifier(plan.name);
  if (isNative(plan.nativeType, plan.rule.type)) return { raw: source, typed: plan.rule.type === 'number' ? `${source}::DOUBLE` : source };
  const text = plan.nativeType === 'VARCHAR' ? source : `${source}::VARCHAR`;
  return { raw: text, typed: typedSql(text, plan.rule.type) };
}

/** `SELECT raw AS r0, typed AS t0, … FROM view` (plus `extra` columns kept as they are). */
export function projectionSql(plans: readonly ColumnPlan[], view: string, extra: readonly string[] = []): string {
  const columns = plans.flatMap((plan) => {
    const { raw, typed } = typedOf(plan);
    return [`${raw} AS ${plan.raw}`, `${typed} AS ${plan.typed}`];
  });
  return `SELECT ${[...columns, ...extra].join(', ')} FROM ${quoteIdentifier(view)}`;
}

/** One number the aggregate query returns, named by its alias. */
export interface Aggregate {
  alias: string;
  sql: string;
}

/** The aggregates a column needs: its non-null count, each value check's count, distinct values. */
export function columnAggregates(plan: ColumnPlan, index: number): Aggregate[] {
  const aggregates: Aggregate[] = [{ alias: `c${index}_present`, sql: `count(${plan.raw})` }];
  // A typed value is NULL exactly where its raw value is NULL or does not parse, so the
  // type failures are a difference of two counts (cheaper than a filtered count).
  const counted = (check: ValueCheck) => (check.check === 'type' ? `count(${plan.raw}) - count(${plan.typed})` : `count(*) FILTER (WHERE ${check.failing})`);
  plan.checks.forEach((check, j) => aggregates.push({ alias: `c${index}_k${j}`, sql: counted(check) }));
  if (plan.rule.unique) {
    aggregates.push({ alias: `c${index}_parsed`, sql: `count(${plan.typed})` });
    aggregates.push({ alias: `c${index}_distinct`, sql: distinctSql(plan) });
  }
  return aggregates;
}

/** The widest integer range counted with a bitmap (bits; 32 MiB per thread). */
export const MAX_BITMAP_RANGE = 2 ** 28;

/**
 * The exact count of distinct typed values. An integer column with both bounds in the
 * schema sets one bit per value in a bitmap over [min, max] (a linear pass, no hash
 * table), and counts the few out-of-range values, which fail min or max anyway, apart.
 */
export function distinctSql(plan: ColumnPlan): string {
  const { rule, typed } = plan;
  const bounded = rule.type === 'integer' && typeof rule.min === 'number' && typeof rule.max === 'number';
  if (!bounded || (rule.max as number) - (rule.min as number) + 1 > MAX_BITMAP_RANGE) return `count(DISTINCT ${typed})`;
  const inside = `${typed} BETWEEN ${rule.min} AND ${rule.max}`;
  const bitmap = `coalesce(bit_count(bitstring_agg(${typed}, ${rule.min}, ${rule.max}) FILTER (WHERE ${inside})), 0)`;
  return `${bitmap} + count(DISTINCT ${typed}) FILTER (WHERE NOT (${inside}))`;
}

export function aggregateSql(plans: readonly ColumnPlan[], view: string): { sql: string; aggregates: Aggregate[] } {
  const aggregates: Aggregate[] = [{ alias: 'n', sql: 'count(*)' }, ...plans.flatMap((plan, i) => columnAggregates(plan, i))];
  const select = aggregates.map((aggregate) => `${aggregate.sql} AS ${aggregate.alias}`).join(', ');
  return { sql: `SELECT ${select} FROM (${projectionSql(plans, view)})`, aggregates };
}
