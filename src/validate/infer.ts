/**
 * `trainyard schema infer`: a schema a user would keep, from the data itself, in the
 * spirit of TFDV's infer_schema: the narrowest type every value parses as, nullability,
 * observed ranges, small string domains, and uniqueness where it holds.
 */
import { quoteIdentifier, type DataEngine, type Row } from '../data/engine.ts';
import type { DataSource } from '../data/format.ts';
import { typedSql } from './column-sql.ts';
import type { ColumnRule, ColumnType } from './data-schema.ts';

/** Types tried in order; the first that every non-null value parses as wins. */
const CANDIDATES: readonly ColumnType[] = ['integer', 'number', 'boolean', 'date', 'timestamp'];
/** The largest string domain written as `in` (TFDV's default max domain size). */
export const MAX_DOMAIN = 100;

export interface InferredSchema {
  rows: number;
  columns: Record<string, ColumnRule>;
}

const VIEW = 'trainyard_infer';

export async function inferSchema(engine: DataEngine, source: DataSource): Promise<InferredSchema> {
  await engine.register(VIEW, source, { allVarchar: true });
  const names = (await engine.columns(VIEW)).map((column) => column.name);
  const parses = names.flatMap((name, i) => {
    const raw = quoteIdentifier(name);
    return [`count(${raw}) AS p${i}`, ...CANDIDATES.map((type, j) => `count(${typedSql(raw, type)}) AS c${i}_${j}`)];
  });
  const [counts] = await engine.query(`SELECT count(*) AS n, ${parses.join(', ')} FROM ${quoteIdentifier(VIEW)}`, source);
  const rows = Number(counts?.n ?? 0);
  const types = names.map((_, i) => {
    const present = Number(counts?.[`p${i}`] ?? 0);
    const j = CANDIDATES.findIndex((__, k) => present > 0 && Number(counts?.[`c${i}_${k}`]) === present);
    return { present, type: j >= 0 ? CANDIDATES[j]! : ('string' as const) };
  });
  const facts = names.flatMap((name, i) => {
    const typed = typedSql(quoteIdentifier(name), types[i]!.type);
    const domain = `CASE WHEN count(DISTINCT ${typed}) <= ${MAX_DOMAIN} THEN list(DISTINCT ${typed} ORDER BY ${typed}) FILTER (WHERE ${typed} IS NOT NULL) END`;
    return [`min(${typed})::VARCHAR AS lo${i}`, `max(${typed})::VARCHAR AS hi${i}`, `count(DISTINCT ${typed}) AS d${i}`, `${types[i]!.type === 'string' ? domain : 'NULL'} AS v${i}`];
  });
  const [stats] = names.length === 0 ? [{}] : await engine.query(`SELECT ${facts.join(', ')} FROM ${quoteIdentifier(VIEW)}`, source);
  const columns: Record<string, ColumnRule> = {};
  names.forEach((name, i) => {
    columns[name] = ruleOf(types[i]!.type, { rows, present: types[i]!.present, stats: stats ?? {}, i });
  });
  return { rows, columns };
}

function ruleOf(type: ColumnType, facts: { rows: number; present: number; stats: Row; i: number }): ColumnRule {
  const { rows, present, stats, i } = facts;
  const rule: ColumnRule = { type };
  if (present < rows) rule.nullable = true;
  const lo = stats[`lo${i}`];
  const hi = stats[`hi${i}`];
  if (lo !== null && lo !== undefined && hi !== null && hi !== undefined && type !== 'string' && type !== 'boolean') {
    rule.min = type === 'integer' || type === 'number' ? Number(lo) : String(lo);
    rule.max = type === 'integer' || type === 'number' ? Number(hi) : String(hi);
  }
  const distinct = Number(stats[`d${i}`] ?? 0);
  const domain = stats[`v${i}`];
  // A domain only where values repeat: 50 distinct names in 50 rows are not categories.
  if (type === 'string' && Array.isArray(domain) && domain.length > 0 && distinct * 2 <= present) rule.in = domain.map(String);
  if ((type === 'integer' || type === 'string') && present > 1 && distinct === present) rule.unique = true;
  return rule;
}
