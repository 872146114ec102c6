/** The `.github/trainyard.yml` that init writes: the choices plus commented guidance. */
import { CONFIG_SCHEMA_URL } from '../workflows/refs.ts';
import type { InitChoices, Task } from './types.ts';

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
const q = (value: string): string => JSON.stringify(value);

const POLICY_EXAMPLE: Record<Task, string> = {
  binary: 'roc_auc: { greater_is_better: true, threshold: 0.7, min_absolute_change: 0.002 }',
  multiclass: 'accuracy: { greater_is_better: true, threshold: 0.7 }',
  regression: 'rmse: { greater_is_better: false, min_relative_change: 0.01 }',
};

export function renderConfig(choices: InitChoices): string {
  const data = [`      train: ${q(choices.train)}`];
  if (choices.production) data.push(`      production: ${q(choices.production)}`);
  if (choices.schema) data.push(`      schema: ${q(choices.schema)}`);
  const drift = choices.production
    ? ['    drift:', `      current: ${q(choices.production)}`, `      schedule: ${q(choices.driftSchedule)}`]
    : [];
  return [
    `# yaml-language-server: $schema=${CONFIG_SCHEMA_URL}`,
    '# trainyard configuration, written by `trainyard init`. Paths are relative to the',
    '# repository root. `trainyard config check` validates this file.',
    'version: 1',
    'models:',
    `  ${choices.model}:`,
    `    task: ${choices.task}`,
    '    data:',
    ...data,
    '    training:',
    `      command: ${q(choices.command)}`,
    `      runs_on: [${choices.runsOn.map(q).join(', ')}]`,
    '    # The labelled rows every version is judged on: the training rows whose id hashes',
    '    # below the fraction (SHA-256 of the id; the trainer holds out the same rows).',
    '    # trainyard joins the predictions to them by id and computes the metrics itself.',
    '    evaluation:',
    '      split: { fraction: 0.2 }',
    '      id: id',
    '      label: label',
    '    metrics:',
    '      # Files the training command writes into $TRAINYARD_OUTPUT_DIR.',
    '      file: metrics.json',
    '      predictions: predictions.csv',
    '      # Gates a candidate must pass, per metric name in metrics.json, for example',
    `      #   ${POLICY_EXAMPLE[choices.task]}`,
    '      policy: {}',
    '    promotion:',
    `      environment: ${q(choices.environment)}`,
    '      required_approvals: 1',
    ...drift,
    '',
  ].join('\n');
}
