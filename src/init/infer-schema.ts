/**
 * The data schema init writes for a repository that has none: inferred from the
 * training and production data together (the schema checks both), except for the
 * columns production lacks (the label, as a rule). Those are inferred from the
 * training data alone and marked `training_only`, so production data is not checked
 * for them and drift leaves them out.
 */
import path from 'node:path';
import { DataEngine } from '../data/engine.ts';
import { resolveSource } from '../data/format.ts';
import { renderSchemaYaml } from '../validate/infer-yaml.ts';
import { inferSchema, type InferredSchema } from '../validate/infer.ts';
import type { PlannedFile } from './types.ts';

export interface InferredSchemaFile {
  file: PlannedFile;
  /** Columns of the training data that production lacks, marked training_only. */
  trainingOnly: string[];
  /** Columns inferred unique: ids, which drift leaves out. */
  unique: string[];
}

export async function inferSchemaFile(root: string, train: string, production: string | undefined, existing: readonly string[]): Promise<InferredSchemaFile> {
  const folder = path.posix.dirname(train);
  const name = existing.includes(path.posix.join(folder, 'schema.yml')) ? 'trainyard.schema.yml' : 'schema.yml';
  const engine = await DataEngine.open();
  try {
    const trainSource = await resolveSource(train, root);
    const trainOnly = await inferSchema(engine, trainSource);
    let schema: InferredSchema = trainOnly;
    let display = trainSource.display;
    const trainingOnly: string[] = [];
    if (production) {
      const productionSource = await resolveSource(production, root);
      const productionColumns = (await engine.register('trainyard_init_production', productionSource)).map((column) => column.name);
      const both = await resolveSource([train, production], root);
      const together = await inferSchema(engine, both);
      display = both.display;
      const columns: InferredSchema['columns'] = {};
      for (const [column, rule] of Object.entries(trainOnly.columns)) {
        if (productionColumns.includes(column)) columns[column] = together.columns[column] ?? rule;
        else {
          columns[column] = { ...rule, training_only: true };
          trainingOnly.push(column);
        }
      }
      schema = { rows: together.rows, columns };
    }
    const unique = Object.entries(schema.columns).flatMap(([column, rule]) => (rule.unique ? [column] : []));
    return { file: { path: path.posix.join(folder, name), content: renderSchemaYaml(schema, display) }, trainingOnly, unique };
  } finally {
    engine.close();
  }
}
