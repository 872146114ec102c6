/**
 * Which columns of a predictions file hold what, checked against the file once: the
 * label, the score (binary), the predicted value or class, and per-class probability
 * columns `<score>_<class>` (multiclass). Every problem names the file and column.
 */
import type { DataEngine } from '../data/engine.ts';
import { quoteIdentifier, quoteLiteral } from '../data/engine.ts';
import { DataError, UsageError } from '../errors.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import type { Task } from './types.ts';

/** The user's column choices (CLI options or stage arguments). */
export interface ColumnOptions {
  task: Task;
  label?: string;
  score?: string;
  prediction?: string;
  /** Binary: a row is predicted positive when score >= threshold (without a prediction column). */
  threshold?: number;
}

/** The columns resolved against one file. */
export interface ColumnPlan {
  task: Task;
  label: string;
  /** Binary: the score column. */
  score: string | null;
  /** The predicted value or class column, when the file has one. */
  prediction: string | null;
  threshold: number;
  /** Multiclass: class names (sorted as sklearn sorts labels) and their probability columns. */
  classes: string[];
  probabilityColumns: string[] | null;
}

function requireColumn(columns: string[], name: string, display: string, role: string): string {
  if (columns.includes(name)) return name;
  const near = didYouMean(name, columns);
  throw new DataError(`${display}: no ${role} column "${name}"${near ? ` (did you mean "${near}"?)` : ''}; it has: ${columns.join(', ')}`);
}

/** sklearn sorts labels numerically when they are all numbers, as text otherwise. */
export function sortClasses(values: string[]): string[] {
  const numeric = values.every((value) => value.trim() !== '' && Number.isFinite(Number(value)));
  return [...values].sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function distinctText(engine: DataEngine, view: string, column: string): Promise<string[]> {
  const rows = await engine.query(`SELECT DISTINCT CAST(${quoteIdentifier(column)} AS VARCHAR) AS v FROM ${quoteIdentifier(view)} WHERE ${quoteIdentifier(column)} IS NOT NULL`);
  return rows.map((row) => String(row.v));
}

async function planMulticlass(engine: DataEngine, view: string, columns: string[], options: ColumnOptions, display: string, label: string): Promise<ColumnPlan> {
  const prefix = `${options.score ?? 'score'}_`;
  const probabilityNames = columns.filter((column) => column.startsWith(prefix));
  const prediction = options.prediction ? requireColumn(columns, options.prediction, display, 'prediction') : columns.includes('prediction') ? 'prediction' : null;
  if (!prediction && probabilityNames.length === 0) {
    throw new DataError(`${display}: no "prediction" column and no probability columns "${prefix}<class>"; expected at least one of them for a multiclass model`);
  }
  const seen = new Set(await distinctText(engine, view, label));
  if (prediction) for (const value of await distinctText(engine, view, prediction)) seen.add(value);
  for (const column of probabilityNames) seen.add(column.slice(prefix.length));
  const classes = sortClasses([...seen]);
  let probabilityColumns: string[] | null = null;
  if (probabilityNames.length > 0) {
    const missing = classes.filter((name) => !probabilityNames.includes(`${prefix}${name}`));
    if (missing.length > 0) throw new DataError(`${display}: no probability column "${prefix}${missing[0]}" for class "${missing[0]}"; expected one "${prefix}<class>" column per class`);
    probabilityColumns = classes.map((name) => `${prefix}${name}`);
  }
  return { task: 'multiclass', label, score: null, prediction, threshold: 0.5, classes, probabilityColumns };
}

/** Resolves the columns of the view `view` (registered from `display`). */
export async function planColumns(engine: DataEngine, view: string, options: ColumnOptions, display: string): Promise<ColumnPlan> {
  const columns = (await engine.columns(view)).map((column) => column.name);
  const label = requireColumn(columns, options.label ?? 'label', display, 'label');
  const threshold = options.threshold ?? 0.5;
  if (!Number.isFinite(threshold)) throw new UsageError(`--threshold ${threshold}: expected a number`);
  switch (options.task) {
    case 'binary': {
      const score = requireColumn(columns, options.score ?? 'score', display, 'score');
      const prediction = options.prediction ? requireColumn(columns, options.prediction, display, 'prediction') : null;
      return { task: 'binary', label, score, prediction, threshold, classes: ['0', '1'], probabilityColumns: null };
    }
    case 'multiclass':
      return planMulticlass(engine, view, columns, options, display, label);
    case 'regression': {
      const given = options.prediction ?? (columns.includes('prediction') ? 'prediction' : options.score ?? 'score');
      const prediction = requireColumn(columns, given, display, 'prediction');
      return { task: 'regression', label, score: null, prediction, threshold, classes: [], probabilityColumns: null };
    }
  }
}

/** Numeric columns a plan reads, each as a SQL expression over `alias`. */
export function numericColumns(plan: ColumnPlan): string[] {
  if (plan.task === 'binary') return [plan.label, plan.score!, ...(plan.prediction ? [plan.prediction] : [])];
  if (plan.task === 'regression') return [plan.label, plan.prediction!];
  return plan.probabilityColumns ?? [];
}

/** The SQL expressions, over `alias`, whose values become the rows' typed columns. */
export function selectExpressions(plan: ColumnPlan, alias: string): string[] {
  const col = (name: string) => `${alias}.${quoteIdentifier(name)}`;
  if (plan.task !== 'multiclass') return numericColumns(plan).map((name) => `CAST(${col(name)} AS DOUBLE)`);
  const classes = `[${plan.classes.map(quoteLiteral).join(', ')}]`;
  const code = (name: string) => `list_position(${classes}, CAST(${col(name)} AS VARCHAR)) - 1`;
  return [code(plan.label), ...(plan.prediction ? [code(plan.prediction)] : []), ...(plan.probabilityColumns ?? []).map((name) => `CAST(${col(name)} AS DOUBLE)`)];
}

/** Refuses empty cells and values that are not numbers, naming the column and the first bad value. */
export async function checkValues(engine: DataEngine, view: string, plan: ColumnPlan, display: string): Promise<void> {
  const nullable = plan.task === 'multiclass' ? [plan.label, ...(plan.prediction ? [plan.prediction] : []), ...numericColumns(plan)] : numericColumns(plan);
  const numeric = new Set(numericColumns(plan));
  for (const column of nullable) {
    const q = quoteIdentifier(column);
    const test = numeric.has(column) ? `(${q} IS NULL OR TRY_CAST(${q} AS DOUBLE) IS NULL OR NOT isfinite(TRY_CAST(${q} AS DOUBLE)))` : `${q} IS NULL`;
    const [row] = await engine.query(`SELECT count(*) FILTER (WHERE ${test}) AS bad, first(CAST(${q} AS VARCHAR)) FILTER (WHERE ${test}) AS example FROM ${quoteIdentifier(view)}`);
    const bad = Number(row?.bad ?? 0);
    if (bad > 0) {
      const what = row?.example === null || row?.example === undefined ? 'empty' : `"${String(row.example)}"`;
      const problem = numeric.has(column) ? (bad === 1 ? 'is not a finite number' : 'are not finite numbers') : bad === 1 ? 'is empty' : 'are empty';
      throw new DataError(`${display}: column "${column}" has ${bad} value${bad === 1 ? '' : 's'} that ${problem} (first: ${what})`);
    }
  }
  if (plan.task === 'binary') {
    for (const column of [plan.label, ...(plan.prediction ? [plan.prediction] : [])]) {
      const q = quoteIdentifier(column);
      const [row] = await engine.query(`SELECT count(*) FILTER (WHERE CAST(${q} AS DOUBLE) NOT IN (0, 1)) AS bad, first(CAST(${q} AS VARCHAR)) FILTER (WHERE CAST(${q} AS DOUBLE) NOT IN (0, 1)) AS example FROM ${quoteIdentifier(view)}`);
      if (Number(row?.bad ?? 0) > 0) throw new DataError(`${display}: column "${column}" holds "${String(row?.example)}"; expected 0 or 1 (or true/false) for a binary model`);
    }
  }
}
