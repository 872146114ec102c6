/** The `.github/trainyard.yml` that init writes: the choices plus commented guidance. */
import { CONFIG_SCHEMA_URL } from '../workflows/refs.ts';
import type { InitChoices, Task } from './types.ts';

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
const q = (value: string): string => JSON.stringify(value);

/**
 * The policy init starts a model with: its task's main metric may not get worse than
 * the champion's (a relative change of at least 0), and a binary model must also beat
 * chance. Never empty: an empty policy would promote every candidate.
 */
export const DEFAULT_POLICY: Record<Task, { metric: string; rule: string }> = {
  binary: { metric: 'roc_auc', rule: '{ greater_is_better: true, threshold: 0.5, min_relative_change: 0 }' },
  multiclass: { metric: 'accuracy', rule: '{ greater_is_better: true, min_relative_change: 0 }' },
  regression: { metric: 'rmse', rule: '{ greater_is_better: false, min_relative_change: 0 }' },
};

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
    ? [
        '    drift:',
        `      current: ${q(choices.production)}`,
        '      # Left out of drift checks: ids (unique in the schema, or named like one), the',
        '      # schema\'s training_only columns (the label) and dates; list more under exclude.',
        `      exclude: []`,
        `      schedule: ${q(choices.driftSchedule)}`,
      ]
    : [];
  const policy = DEFAULT_POLICY[choices.task];
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
    '    # Without an evaluation section, trainyard evaluates the held-out rows of predictions.csv.',
    '    # To judge every version on the same labelled rows, hold out the training rows whose',
    '    # id hashes below a fraction (SHA-256 of the id) in the trainer, then uncomment this',
    '    # with your id and label columns: trainyard joins the predictions to them by id and',
    '    # computes the metrics itself.',
    '    # evaluation:',
    '    #   split: { fraction: 0.2 }',
    '    #   id: id',
    '    #   label: label',
    '    metrics:',
    '      # Files the training command writes into $TRAINYARD_OUTPUT_DIR.',
    '      file: metrics.json',
    '      predictions: predictions.csv',
    '      # Gates a candidate must pass, per metric name (from metrics.json, else computed',
    `      # from predictions.csv). The default: ${policy.metric} may not get worse than the champion's.`,
    `      # A stricter gate: ${POLICY_EXAMPLE[choices.task]}`,
    '      policy:',
    `        ${policy.metric}: ${policy.rule}`,
    '    promotion:',
    `      environment: ${q(choices.environment)}`,
    '      required_approvals: 1',
    ...drift,
    '',
  ].join('\n');
}
