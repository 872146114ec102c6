/**
 * Predictions files (CSV, TSV, Parquet, JSON, or a glob of shards) read through the
 * DuckDB engine into typed columns. One model's file for `evaluate`; two models' files
 * joined on their row id for the paired comparison.
 */
import type { DataEngine } from '../data/engine.ts';
import { quoteIdentifier } from '../data/engine.ts';
import { resolveSource } from '../data/format.ts';
import { DataError } from '../errors.ts';
import { checkValues, planColumns, selectExpressions, sortClasses, type ColumnOptions, type ColumnPlan } from './prediction-columns.ts';
import type { PredictionRows } from './types.ts';

/** A segment column: each row's segment code, and the segments' names. */
export interface Slicing {
  column: string;
  names: string[];
  /** Index into `names` per row. */
  codes: Int32Array;
}

export interface LoadedPredictions {
  rows: PredictionRows;
  plan: ColumnPlan;
  slicing: Slicing | null;
}

export interface SliceOptions {
  /** The column whose values define segments (in the predictions, or in `data`). */
  column: string;
  /** A file with more columns per row id (the evaluation data), joined on `id`. */
  data?: string;
  /** The row id column of the predictions (default `id`). */
  id?: string;
  /** The row id column of `data`, when it is named otherwise (`customer_id`); default: `id`. */
  dataId?: string;
}

/** The segment name of a missing slice value. */
export const MISSING_SEGMENT = '(missing)';

/** Builds typed rows from the columns `selectExpressions(plan)` produced, in order. */
export function rowsFromColumns(plan: ColumnPlan, columns: Float64Array[]): PredictionRows {
  if (plan.task === 'binary') {
    const [label, score, prediction] = columns as [Float64Array, Float64Array, Float64Array | undefined];
    const predicted = new Uint8Array(label.length);
    for (let i = 0; i < label.length; i++) predicted[i] = prediction ? prediction[i]! : score[i]! >= plan.threshold ? 1 : 0;
    return { task: 'binary', label: Uint8Array.from(label), score, predicted };
  }
  if (plan.task === 'regression') return { task: 'regression', label: columns[0]!, predicted: columns[1]! };
  const label = Int32Array.from(columns[0]!);
  const probabilities = plan.probabilityColumns ? columns.slice(plan.prediction ? 2 : 1) : null;
  let predicted: Int32Array;
  if (plan.prediction) predicted = Int32Array.from(columns[1]!);
  else {
    // np.argmax: the first class of highest probability.
    predicted = new Int32Array(label.length);
    for (let i = 0; i < label.length; i++) {
      let best = 0;
      for (let c = 1; c < probabilities!.length; c++) if (probabilities![c]![i]! > probabilities![best]![i]!) best = c;
      predicted[i] = best;
    }
  }
  return { task: 'multiclass', classes: plan.classes, label, predicted, probabilities };
}

/**
 * Reads a file once into a temporary table named `table`: every later check and query
 * runs on it, instead of parsing the CSV again each time through a view.
 */
async function registerFile(engine: DataEngine, table: string, file: string, cwd: string) {
  const source = await resolveSource(file, cwd);
  await engine.register(`${table}_source`, source);
  await engine.query(`CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(table)} AS SELECT * FROM ${quoteIdentifier(`${table}_source`)}`, source);
  return source;
}

async function slicingOf(engine: DataEngine, slice: SliceOptions, cwd: string, display: string): Promise<{ from: string; expression: string; names: string[] }> {
  const columnsOf = async (view: string) => (await engine.columns(view)).map((column) => column.name);
  let from = 'predictions p';
  let owner = 'p';
  let ownerDisplay = display;
  if (slice.data) {
    const id = slice.id ?? 'id';
    const dataId = slice.dataId ?? id;
    await registerFile(engine, 'slice_data', slice.data, cwd);
    for (const [view, shown, column, option] of [['predictions', display, id, '--id'], ['slice_data', slice.data, dataId, '--data-id']] as const) {
      const has = await columnsOf(view);
      if (!has.includes(column)) throw new DataError(`${shown}: no id column "${column}" to join predictions and data on; it has: ${has.join(', ')}; choose one with ${option}`);
    }
    const [dupes] = await engine.query(`SELECT count(*) - count(DISTINCT ${quoteIdentifier(dataId)}) AS d FROM slice_data`);
    if (Number(dupes?.d ?? 0) > 0) throw new DataError(`${slice.data}: column "${dataId}" repeats ${Number(dupes?.d)} ids; expected one row per id to join predictions on`);
    from = `predictions p LEFT JOIN slice_data d ON p.${quoteIdentifier(id)} = d.${quoteIdentifier(dataId)}`;
    owner = 'd';
    ownerDisplay = slice.data;
  }
  const available = await columnsOf(owner === 'p' ? 'predictions' : 'slice_data');
  if (!available.includes(slice.column)) {
    throw new DataError(`${ownerDisplay}: no column "${slice.column}" to slice by; it has: ${available.join(', ')}${slice.data ? '' : ' (add --data <file> to slice by a column of the evaluation data)'}`);
  }
  const text = `CAST(${owner}.${quoteIdentifier(slice.column)} AS VARCHAR)`;
  const rows = await engine.query(`SELECT DISTINCT ${text} AS v FROM ${from} WHERE ${text} IS NOT NULL ORDER BY v`);
  const names = rows.map((row) => String(row.v));
  // Codes by rank over the same order as the names; a missing value gets the last code.
  const expression = `CASE WHEN ${text} IS NULL THEN ${names.length} ELSE dense_rank() OVER (ORDER BY ${text}) - 1 END`;
  return { from, expression, names };
}

/** Reads one model's predictions, with segment codes when `slice` is given. */
export async function loadPredictions(engine: DataEngine, input: { file: string; cwd: string; columns: ColumnOptions; slice?: SliceOptions }): Promise<LoadedPredictions> {
  await registerFile(engine, 'predictions', input.file, input.cwd);
  const plan = await planColumns(engine, 'predictions', input.columns, input.file);
  await checkValues(engine, 'predictions', plan, input.file);
  const select = selectExpressions(plan, 'p');
  if (!input.slice) {
    const { columns } = await engine.queryNumbers(`SELECT ${select.join(', ')} FROM predictions p`);
    if (columns[0]!.length === 0) throw new DataError(`${input.file}: has no rows; expected one prediction per row`);
    return { rows: rowsFromColumns(plan, columns), plan, slicing: null };
  }
  const { from, expression, names } = await slicingOf(engine, input.slice, input.cwd, input.file);
  const { columns } = await engine.queryNumbers(`SELECT ${[...select, expression].join(', ')} FROM ${from}`);
  const codesColumn = columns.pop()!;
  if (codesColumn.length === 0) throw new DataError(`${input.file}: has no rows; expected one prediction per row`);
  const codes = Int32Array.from(codesColumn);
  const hasMissing = codes.some((code) => code === names.length);
  return { rows: rowsFromColumns(plan, columns), plan, slicing: { column: input.slice.column, names: hasMissing ? [...names, MISSING_SEGMENT] : names, codes } };
}

/** Two models' predictions on the rows both scored, aligned by id. */
export interface PairedPredictions {
  candidate: PredictionRows;
  baseline: PredictionRows;
  /** Rows in both files. */
  shared: number;
  /** Rows of each file the other lacks. */
  candidateOnly: number;
  baselineOnly: number;
}

/**
 * Joins candidate and baseline predictions on `id`. The labels of shared rows must
 * agree: differing labels mean the two files were not scored on the same data.
 */
export async function loadPairedPredictions(
  engine: DataEngine,
  input: { candidate: string; baseline: string; cwd: string; columns: ColumnOptions; id?: string },
): Promise<PairedPredictions> {
  const id = input.id ?? 'id';
  const plans: ColumnPlan[] = [];
  for (const [view, file] of [['candidate', input.candidate], ['baseline', input.baseline]] as const) {
    await registerFile(engine, view, file, input.cwd);
    const names = (await engine.columns(view)).map((column) => column.name);
    if (!names.includes(id)) throw new DataError(`${file}: no id column "${id}" to pair rows of the two models; choose one with --id`);
    const [dupes] = await engine.query(`SELECT count(*) - count(DISTINCT ${quoteIdentifier(id)}) AS d FROM ${view}`);
    if (Number(dupes?.d ?? 0) > 0) throw new DataError(`${file}: column "${id}" repeats ${Number(dupes?.d)} ids; expected one prediction per row id`);
    const plan = await planColumns(engine, view, input.columns, file);
    await checkValues(engine, view, plan, file);
    plans.push(plan);
  }
  const [candidatePlan, baselinePlan] = plans as [ColumnPlan, ColumnPlan];
  if (candidatePlan.task === 'multiclass' && candidatePlan.classes.join('\u0000') !== baselinePlan.classes.join('\u0000')) {
    // One class list for both, so codes mean the same class in both models.
    const union = [...new Set([...candidatePlan.classes, ...baselinePlan.classes])];
    if (candidatePlan.probabilityColumns || baselinePlan.probabilityColumns) {
      throw new DataError(`${input.candidate}, ${input.baseline}: the two models have probability columns for different classes; expected the same classes to compare them`);
    }
    candidatePlan.classes = baselinePlan.classes = sortClasses(union);
  }
  const key = quoteIdentifier(id);
  const label = quoteIdentifier(candidatePlan.label);
  const [counts] = await engine.query(
    `SELECT count(*) FILTER (WHERE b.${key} IS NULL) AS c_only, count(*) FILTER (WHERE c.${key} IS NULL) AS b_only, count(*) FILTER (WHERE c.${key} IS NOT NULL AND b.${key} IS NOT NULL) AS shared,` +
      ` count(*) FILTER (WHERE c.${key} IS NOT NULL AND b.${key} IS NOT NULL AND CAST(c.${label} AS VARCHAR) IS DISTINCT FROM CAST(b.${quoteIdentifier(baselinePlan.label)} AS VARCHAR)) AS differ` +
      ` FROM candidate c FULL OUTER JOIN baseline b ON c.${key} = b.${key}`,
  );
  const shared = Number(counts?.shared ?? 0);
  if (shared === 0) throw new DataError(`${input.candidate}, ${input.baseline}: no row id in both files; expected predictions of both models on the same rows`);
  if (Number(counts?.differ ?? 0) > 0) {
    throw new DataError(`${input.candidate}, ${input.baseline}: ${Number(counts?.differ)} shared rows have different labels; expected both models scored on the same labelled rows`);
  }
  const candidateSelect = selectExpressions(candidatePlan, 'c');
  const baselineSelect = selectExpressions(baselinePlan, 'b');
  const { columns } = await engine.queryNumbers(`SELECT ${[...candidateSelect, ...baselineSelect].join(', ')} FROM candidate c JOIN baseline b ON c.${key} = b.${key} ORDER BY c.${key}`);
  return {
    candidate: rowsFromColumns(candidatePlan, columns.slice(0, candidateSelect.length)),
    baseline: rowsFromColumns(baselinePlan, columns.slice(candidateSelect.length)),
    shared,
    candidateOnly: Number(counts?.c_only ?? 0),
    baselineOnly: Number(counts?.b_only ?? 0),
  };
}
