/**
 * Builds a profile of a table with DuckDB: one pass of aggregates per column, value
 * counts while they stay under VALUE_CAP, a power-of-two grid histogram and a reservoir
 * sample.
 */
import { quoteIdentifier, type DataEngine } from '../data/engine.ts';
import { kindOfType } from './column-kind.ts';
import { presentSql, valueSql } from './column-sql.ts';
import { gridWidth } from './grid.ts';
import { PROFILE_FORMAT, PROFILE_VERSION, VALUE_CAP, type GridHistogram, type Profile, type ProfileColumn, type ProfileValue } from './types.ts';

export interface ProfileRequest {
  /** A registered view or table. */
  table: string;
  /** Shown in the profile as where the data came from. */
  source: string;
  sampleSize: number;
  seed: number;
}

const toNumber = (value: unknown): number => Number(value ?? 0);

async function histogram(engine: DataEngine, from: string, min: number, max: number): Promise<GridHistogram> {
  const width = gridWidth(min, max);
  const start = Math.floor(min / width);
  const rows = await engine.query(`SELECT floor(v / ${width.toPrecision(17)})::BIGINT AS b, count(*) AS n FROM ${from} GROUP BY b`);
  const counts = new Array<number>(Math.floor(max / width) - start + 1).fill(0);
  for (const row of rows) counts[toNumber(row.b) - start] = toNumber(row.n);
  return { width, start, counts };
}

async function profileColumn(engine: DataEngine, request: ProfileRequest, name: string, type: string): Promise<ProfileColumn> {
  const kind = kindOfType(type);
  const valueKind = kind === 'numerical' ? 'numerical' : 'categorical';
  const all = `(SELECT ${valueSql(name, valueKind)} AS v FROM ${quoteIdentifier(request.table)})`;
  const present = `(SELECT v FROM ${all} WHERE ${presentSql(valueKind)})`;
  const numeric = kind === 'numerical';
  const [facts] = await engine.query(
    `SELECT count(*) AS rows, count(*) FILTER (WHERE ${presentSql(valueKind)}) AS n, min(v) FILTER (WHERE ${presentSql(valueKind)}) AS lo, ` +
      `max(v) FILTER (WHERE ${presentSql(valueKind)}) AS hi` +
      (numeric ? `, avg(v) FILTER (WHERE ${presentSql(valueKind)}) AS mean, var_pop(v) FILTER (WHERE ${presentSql(valueKind)}) AS var` : '') +
      ` FROM ${all}`,
  );
  const count = toNumber(facts?.n);
  const column: ProfileColumn = {
    name,
    type,
    kind,
    count,
    nulls: toNumber(facts?.rows) - count,
    min: count > 0 ? (numeric ? toNumber(facts?.lo) : String(facts?.lo)) : null,
    max: count > 0 ? (numeric ? toNumber(facts?.hi) : String(facts?.hi)) : null,
    mean: numeric && count > 0 ? toNumber(facts?.mean) : null,
    m2: numeric && count > 0 ? toNumber(facts?.var) * count : null,
    distinct: 0,
    values: [],
    histogram: null,
    sample: { seen: count, values: [] },
  };
  if (kind === 'datetime' || kind === 'other' || count === 0) {
    column.distinct = count === 0 ? 0 : null;
    column.values = count === 0 ? [] : null;
    return column;
  }
  const values = await engine.query(`SELECT v, count(*) AS n FROM ${present} GROUP BY v ORDER BY v LIMIT ${VALUE_CAP + 1}`);
  const convert = (value: unknown): ProfileValue => (numeric ? toNumber(value) : String(value));
  if (values.length <= VALUE_CAP) {
    column.values = values.map((row) => [convert(row.v), toNumber(row.n)]);
    column.distinct = values.length;
  } else {
    column.values = null;
    column.distinct = null;
  }
  if (numeric) column.histogram = await histogram(engine, present, column.min as number, column.max as number);
  const sample = await engine.query(`SELECT v FROM ${present} USING SAMPLE reservoir(${request.sampleSize} ROWS) REPEATABLE (${request.seed})`);
  column.sample.values = sample.map((row) => convert(row.v));
  return column;
}

export async function buildProfile(engine: DataEngine, request: ProfileRequest): Promise<Profile> {
  const columns = await engine.columns(request.table);
  const [rows] = await engine.query(`SELECT count(*) AS n FROM ${quoteIdentifier(request.table)}`);
  const profiled: ProfileColumn[] = [];
  for (const column of columns) profiled.push(await profileColumn(engine, request, column.name, column.type));
  return { format: PROFILE_FORMAT, version: PROFILE_VERSION, source: request.source, rows: toNumber(rows?.n), sampleSize: request.sampleSize, columns: profiled };
}
