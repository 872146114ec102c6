/**
 * The validation stage of `trainyard run`: checks a model's training data (and its
 * production data, when configured) against the model's `data.schema`, before any
 * training starts. Training on data that fails its schema wastes GPU hours.
 * `trainyard validate` and src/run/model-run.ts call it.
 */
import path from 'node:path';
import type { ModelConfig } from '../config/schema.ts';
import { DataEngine } from '../data/engine.ts';
import { resolveSource } from '../data/format.ts';
import { loadDataSchema } from './load-schema.ts';
import { renderMarkdown, renderText } from './render.ts';
import type { ValidationResult } from './result.ts';
import { validateData } from './validate-data.ts';

export interface ValidateStageRequest {
  model: string;
  data: Pick<ModelConfig['data'], 'train' | 'production' | 'schema'>;
  /** The project root: the config's paths are relative to it. */
  root: string;
}

export interface StageValidation {
  role: 'train' | 'production';
  result: ValidationResult;
}

export interface ValidateStageOutcome {
  model: string;
  valid: boolean;
  validations: StageValidation[];
  /** Terminal text, one block per data set. */
  text: string;
  /** Markdown sections for the run report. */
  markdown: string;
}

/**
 * Validates the model's data; undefined when the model has no `data.schema`.
 * @throws ConfigError for a bad schema file, DataError for missing or unreadable data.
 */
export async function validateStage(request: ValidateStageRequest): Promise<ValidateStageOutcome | undefined> {
  const { data, root } = request;
  if (!data.schema) return undefined;
  const schema = await loadDataSchema(path.resolve(root, data.schema), data.schema);
  const sets: Array<[StageValidation['role'], string | string[]]> = [['train', data.train]];
  if (data.production) sets.push(['production', data.production]);
  const engine = await DataEngine.open();
  try {
    const validations: StageValidation[] = [];
    for (const [role, patterns] of sets) {
      const source = await resolveSource(patterns, root);
      validations.push({ role, result: await validateData({ engine, source, schema, root, role }) });
    }
    return {
      model: request.model,
      valid: validations.every((validation) => validation.result.valid),
      validations,
      text: validations.map((validation) => renderText(validation.result)).join(''),
      markdown: validations.map((validation) => renderMarkdown(validation.result)).join('\n'),
    };
  } finally {
    engine.close();
  }
}
