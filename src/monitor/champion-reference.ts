/**
 * The default reference of `trainyard monitor`: the champion's predictions on the model's
 * evaluation rows. The champion (the version promoted last to the model's environment)
 * brings its predictions file from the registry, digests checked; the evaluation data
 * (`evaluation.file`, or the rows of `data.train` whose id hashes below
 * `evaluation.split.fraction`) brings the trusted labels and the feature columns. Joined
 * by id, they are written as one Parquet file with the log's column names: the output
 * (score or prediction), the label, and every column of the evaluation data (the
 * features, and the timestamp when the data has the log's timestamp column).
 */
import path from 'node:path';
import type { ModelConfig } from '../config/schema.ts';
import { DataEngine, quoteIdentifier, quoteLiteral } from '../data/engine.ts';
import { resolveSource } from '../data/format.ts';
import { DataError, UsageError } from '../errors.ts';
import { buildEvaluationSet } from '../metrics/evaluation-set.ts';
import { championOf } from '../registry/promotion-record.ts';
import type { ModelRegistry } from '../registry/types.ts';
import type { MonitorColumns } from './frame.ts';
import type { SourceSpec } from './source.ts';
import type { MonitorTask } from './types.ts';

export interface ChampionReferenceInput {
  registry: ModelRegistry;
  /** The registry as the user names it, `local:<dir>` or `github:<owner>/<repo>`, for messages. */
  registryName: string;
  name: string;
  model: Pick<ModelConfig, 'evaluation' | 'data'>;
  /** The project root: the evaluation data's paths are relative to it. */
  root: string;
  environment: string;
  task: MonitorTask;
  columns: MonitorColumns;
  /** A scratch folder that lives as long as the monitoring run reads the reference. */
  dir: string;
}

export interface ChampionReference {
  reference: SourceSpec;
  /** Where the rows came from, for the report and the JSON result. */
  source: string;
  /** Evaluation rows the champion's predictions lack (left out of the reference). */
  missing: number;
}

const q = quoteIdentifier;

function howToGive(name: string): string {
  return `give --reference <files|postgres://…> or set models.${name}.monitoring.reference`;
}

/** The champion's predictions file, downloaded alone (digest checked), and its tag. */
async function championPredictions(input: ChampionReferenceInput): Promise<{ tag: string; file: string }> {
  const { registry, name, environment } = input;
  if (!championOf(await registry.history(name, environment), environment)) {
    throw new UsageError(`no reference period: ${input.registryName} has no champion of ${name} in ${environment}, whose evaluation predictions are the default reference; ${howToGive(name)}`);
  }
  const version = await registry.version(name, { environment });
  const predictions = version.card.files.find((file) => file.role === 'predictions');
  if (!predictions) throw new UsageError(`no reference period: the champion ${version.tag} has no predictions file in ${input.registryName}, so it has no evaluation predictions to use as the reference; ${howToGive(name)}`);
  const downloaded = await registry.download(name, version.version, path.join(input.dir, 'champion'), { only: [predictions.path] });
  return { tag: version.tag, file: path.join(downloaded.dir, predictions.path) };
}

/** The model's evaluation section, which the default reference needs; checked before the registry is opened. */
export function evaluationOf(name: string, model: Pick<ModelConfig, 'evaluation'>): NonNullable<ModelConfig['evaluation']> {
  if (model.evaluation) return model.evaluation;
  throw new UsageError(`no reference period: models.${name} has no evaluation section, so there are no labelled evaluation predictions of its champion to use as the reference; ${howToGive(name)}`);
}

/** Builds the reference file under `input.dir`; a clear UsageError when the model has no evaluation section or no champion with predictions. */
export async function championReference(input: ChampionReferenceInput): Promise<ChampionReference> {
  const { name, columns } = input;
  const evaluation = evaluationOf(name, input.model);
  const champion = await championPredictions(input);
  const output = input.task === 'binary' ? 'score' : 'prediction';
  const outputAs = input.task === 'binary' ? columns.score : columns.prediction;
  const engine = await DataEngine.open();
  try {
    const data = evaluation.file ?? input.model.data.train;
    const set = await buildEvaluationSet(engine, { evaluation, train: data, cwd: input.root, out: path.join(input.dir, 'evaluation-set.csv') });
    const rowsColumns = (await engine.register('reference_rows', await resolveSource(data, input.root))).map((column) => column.name);
    const predictionColumns = (await engine.register('reference_predictions', await resolveSource(champion.file, input.dir))).map((column) => column.name);
    for (const column of [evaluation.id, output]) {
      if (!predictionColumns.includes(column)) throw new DataError(`${champion.tag} ${path.basename(champion.file)}: no column "${column}" (it has ${predictionColumns.join(', ')}); expected the trainer's predictions with ${evaluation.id} and ${output}`);
    }
    await engine.register('reference_set', await resolveSource(set.file, input.dir));
    const [dupes] = await engine.query(`SELECT count(*) - count(DISTINCT ${q(evaluation.id)}) AS d FROM reference_predictions`);
    if (Number(dupes?.d ?? 0) > 0) throw new DataError(`${champion.tag} ${path.basename(champion.file)}: ${Number(dupes!.d)} ids repeat in column "${evaluation.id}"; expected one prediction per evaluation row`);
    // The evaluation data's own label and output columns (if any) give way to the trusted label and the champion's output.
    const kept = rowsColumns.filter((column) => column !== columns.label && column !== outputAs);
    const id = (side: string, column: string): string => `CAST(${side}.${q(column)} AS VARCHAR)`;
    const order = kept.includes(columns.timestamp) ? `r.${q(columns.timestamp)}, ${id('r', evaluation.id)}` : id('r', evaluation.id);
    const select = [...kept.map((column) => `r.${q(column)}`), `p.${q(output)} AS ${q(outputAs)}`, `s.label AS ${q(columns.label)}`].join(', ');
    const file = path.join(input.dir, 'reference.parquet');
    const joined = `FROM reference_rows r JOIN reference_set s ON ${id('r', evaluation.id)} = CAST(s.id AS VARCHAR) JOIN reference_predictions p ON ${id('r', evaluation.id)} = ${id('p', evaluation.id)}`;
    await engine.query(`COPY (SELECT ${select} ${joined} ORDER BY ${order}) TO ${quoteLiteral(file)} (FORMAT parquet)`);
    const [counted] = await engine.query(`SELECT count(*) AS n FROM read_parquet(${quoteLiteral(file)})`);
    const rows = Number(counted?.n ?? 0);
    if (rows === 0) throw new DataError(`${champion.tag} ${path.basename(champion.file)}: none of its predictions is of an evaluation row (${set.source}), joined by "${evaluation.id}"; ${howToGive(name)}`);
    return {
      reference: { kind: 'files', paths: file, root: input.dir },
      source: `the champion ${champion.tag}'s predictions on the evaluation rows (${set.source})`,
      missing: set.rows - rows,
    };
  } finally {
    engine.close();
  }
}
