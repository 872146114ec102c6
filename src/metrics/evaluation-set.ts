/**
 * The evaluation set: the labelled rows every version of a model is judged on, fixed
 * by the config (`evaluation:`), either a file or the rows of `data.train` whose id
 * hashes below a fraction. Labels come from this data, never from what the trainer
 * writes: a model's predictions are joined to it by id, and their own label column is
 * dropped.
 */
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { ModelConfig } from '../config/schema.ts';
import { quoteIdentifier, type DataEngine } from '../data/engine.ts';
import { resolveSource } from '../data/format.ts';
import { DataError } from '../errors.ts';

export type EvaluationConfig = NonNullable<ModelConfig['evaluation']>;

/**
 * Where an id falls in [0, 1): the first 8 bytes of the SHA-256 of its UTF-8 text as
 * an unsigned big-endian integer, over 2^64. The same id always falls in the same
 * place, whatever the seed, the row order or the language (Python:
 * `int.from_bytes(hashlib.sha256(str(id).encode()).digest()[:8], 'big') / 2**64`).
 */
export function stableBucket(id: string): number {
  const digest = createHash('sha256').update(id, 'utf8').digest();
  return Number(digest.readBigUInt64BE(0)) / 2 ** 64;
}

/** Whether an id is an evaluation row of a split holding out `fraction` of the rows. */
export function inEvaluationSplit(id: string, fraction: number): boolean {
  return stableBucket(id) < fraction;
}

export interface EvaluationSet {
  /** A CSV of `id,label`, sorted by id: the rows and their trusted labels. */
  file: string;
  rows: number;
  /** Where the rows come from, for reports. */
  source: string;
}

const csvCell = (value: string): string => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** Reads the evaluation rows of a model into `out` (a CSV of id and label). */
export async function buildEvaluationSet(engine: DataEngine, input: { evaluation: EvaluationConfig; train: string | string[]; cwd: string; out: string; shown?: string }): Promise<EvaluationSet> {
  const { evaluation } = input;
  const from = evaluation.file ?? input.train;
  const shown = input.shown ?? (Array.isArray(from) ? from.join(', ') : from);
  const source = await resolveSource(from, input.cwd);
  await engine.register('evaluation_source', source);
  const columns = (await engine.columns('evaluation_source')).map((column) => column.name);
  if (!columns.includes(evaluation.id)) throw new DataError(`${shown}: no id column "${evaluation.id}" (evaluation.id); it has: ${columns.join(', ')}`);
  let rows: Array<Record<string, unknown>>;
  try {
    rows = await engine.query(`SELECT CAST(${quoteIdentifier(evaluation.id)} AS VARCHAR) AS id, CAST((${evaluation.label}) AS VARCHAR) AS label FROM evaluation_source`);
  } catch (error) {
    throw new DataError(`${shown}: evaluation.label "${evaluation.label}" is not a column or expression of it (${(error as Error).message.split('\n')[0]}); it has: ${columns.join(', ')}`);
  }
  const fraction = evaluation.split?.fraction;
  const kept = fraction === undefined ? rows : rows.filter((row) => row.id !== null && inEvaluationSplit(String(row.id), fraction));
  const seen = new Set<string>();
  for (const row of kept) {
    if (row.id === null) throw new DataError(`${shown}: an evaluation row has no id in column "${evaluation.id}"; expected an id on every row`);
    if (row.label === null) throw new DataError(`${shown}: evaluation row ${String(row.id)} has no label ("${evaluation.label}"); expected a label on every evaluation row`);
    if (seen.has(String(row.id))) throw new DataError(`${shown}: id ${String(row.id)} repeats in column "${evaluation.id}"; expected one row per id`);
    seen.add(String(row.id));
  }
  if (kept.length === 0) throw new DataError(`${shown}: the evaluation set is empty${fraction === undefined ? '' : ` (no id hashes below evaluation.split.fraction ${fraction})`}; expected labelled rows`);
  kept.sort((a, b) => (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0));
  await writeFile(input.out, `id,label\n${kept.map((row) => `${csvCell(String(row.id))},${csvCell(String(row.label))}`).join('\n')}\n`);
  const what = fraction === undefined ? shown : `the rows of ${shown} whose id hashes below ${fraction}`;
  return { file: input.out, rows: kept.length, source: what };
}

export interface TrustedPredictions {
  /** The predictions with the evaluation set's labels, one row per evaluation row (or fewer: `missing`). */
  file: string;
  /** Evaluation rows the predictions lack. */
  missing: number;
  /** Predictions of rows outside the evaluation set. */
  extra: number;
}

/**
 * Joins a predictions file to the evaluation set by id and writes it with the trusted
 * label in place of its own: `id,label,<prediction columns>`.
 */
export async function joinToEvaluationSet(engine: DataEngine, input: { predictions: string; set: EvaluationSet; id: string; cwd: string; out: string; table: string }): Promise<TrustedPredictions> {
  const source = await resolveSource(input.predictions, input.cwd);
  const table = input.table;
  await engine.register(`${table}_raw`, source);
  const columns = (await engine.columns(`${table}_raw`)).map((column) => column.name);
  if (!columns.includes(input.id)) throw new DataError(`${input.predictions}: no id column "${input.id}" to join the predictions to the evaluation rows (evaluation.id)`);
  await engine.register(`${table}_set`, await resolveSource(input.set.file, input.cwd));
  const key = quoteIdentifier(input.id);
  const [dupes] = await engine.query(`SELECT count(*) - count(DISTINCT ${key}) AS d FROM ${quoteIdentifier(`${table}_raw`)}`);
  if (Number(dupes?.d ?? 0) > 0) throw new DataError(`${input.predictions}: column "${input.id}" repeats ${Number(dupes?.d)} ids; expected one prediction per row id`);
  const raw = quoteIdentifier(`${table}_raw`);
  const set = quoteIdentifier(`${table}_set`);
  const [counts] = await engine.query(
    `SELECT count(*) FILTER (WHERE p.${key} IS NULL) AS missing, count(*) FILTER (WHERE e.id IS NULL) AS extra FROM ${set} e FULL OUTER JOIN ${raw} p ON CAST(e.id AS VARCHAR) = CAST(p.${key} AS VARCHAR)`,
  );
  const kept = columns.filter((name) => name !== input.id && name !== 'label');
  const select = ['CAST(e.id AS VARCHAR) AS id', 'e.label AS label', ...kept.map((name) => `p.${quoteIdentifier(name)}`)].join(', ');
  const rows = await engine.query(`SELECT ${select} FROM ${set} e JOIN ${raw} p ON CAST(e.id AS VARCHAR) = CAST(p.${key} AS VARCHAR) ORDER BY CAST(e.id AS VARCHAR)`);
  const header = ['id', 'label', ...kept];
  const lines = rows.map((row) => header.map((name) => (row[name] === null || row[name] === undefined ? '' : csvCell(String(row[name])))).join(','));
  await writeFile(input.out, `${header.map(csvCell).join(',')}\n${lines.join('\n')}\n`);
  return { file: input.out, missing: Number(counts?.missing ?? 0), extra: Number(counts?.extra ?? 0) };
}

/**
 * The features of the evaluation rows, for a `predict` command: the rows of the
 * evaluation data whose id is in the set, less the label column (when the label is a
 * column), written as CSV.
 */
export async function writeEvaluationFeatures(engine: DataEngine, input: { evaluation: EvaluationConfig; train: string | string[]; set: EvaluationSet; cwd: string; out: string }): Promise<number> {
  const { evaluation } = input;
  await engine.register('features_source', await resolveSource(evaluation.file ?? input.train, input.cwd));
  await engine.register('features_set', await resolveSource(input.set.file, input.cwd));
  const columns = (await engine.columns('features_source')).map((column) => column.name).filter((name) => name !== evaluation.label);
  const select = columns.map((name) => `f.${quoteIdentifier(name)}`).join(', ');
  const rows = await engine.query(`SELECT ${select} FROM features_source f JOIN features_set e ON CAST(f.${quoteIdentifier(evaluation.id)} AS VARCHAR) = CAST(e.id AS VARCHAR) ORDER BY CAST(e.id AS VARCHAR)`);
  const lines = rows.map((row) => columns.map((name) => (row[name] === null || row[name] === undefined ? '' : csvCell(row[name] instanceof Date ? (row[name] as Date).toISOString() : String(row[name])))).join(','));
  await writeFile(input.out, `${columns.map(csvCell).join(',')}\n${lines.join('\n')}\n`);
  return rows.length;
}
