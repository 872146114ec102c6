/**
 * Turns `trainyard monitor` options and a model's `monitoring:` config into one request,
 * once, at the edge. Command-line values win over the config; without a config the
 * columns have their default names. Every bad value is a UsageError naming the option
 * and what was expected. Without --reference or monitoring.reference, a model's reference
 * is its champion's evaluation predictions (see champion-reference.ts).
 */
import path from 'node:path';
import type { ModelConfig } from '../config/schema.ts';
import { UsageError } from '../errors.ts';
import type { MonitorColumns } from './frame.ts';
import type { MonitorRequest } from './run-monitor.ts';
import { sourceSpec } from './source.ts';
import type { Chunking, MonitorTask } from './types.ts';

export interface MonitorOptions {
  task?: string;
  predictions?: string;
  labels?: string;
  reference?: string;
  chunk?: string;
  since?: string;
  until?: string;
  threshold?: string;
  schema?: string;
}

export interface MonitorModelContext {
  name: string;
  model: ModelConfig;
  root: string;
}

export const DEFAULT_COLUMNS: MonitorColumns = {
  id: 'id',
  timestamp: 'timestamp',
  score: 'score',
  prediction: 'prediction',
  label: 'label',
  model_version: 'model_version',
  latency_ms: 'latency_ms',
};

export function parseChunking(value: string, option: string): Chunking {
  if (value === 'hour' || value === 'day' || value === 'week' || value === 'month') return value;
  const rows = /^([1-9][0-9]*)rows$/.exec(value);
  if (rows) return { rows: Number(rows[1]) };
  throw new UsageError(`${option} ${value}: expected hour, day, week, month or <N>rows (such as 10000rows)`);
}

/** An ISO date or time; without an offset it is UTC. */
export function parseTime(value: string, option: string): Date {
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : /(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`;
  const time = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(time.getTime())) throw new UsageError(`${option} ${value}: expected an ISO date or time such as 2026-01-05 or 2026-01-05T12:00:00Z`);
  return time;
}

/** A request whose reference is `champion` until the champion's evaluation predictions are read from the registry. */
export type PendingMonitorRequest = Omit<MonitorRequest, 'reference'> & { reference: MonitorRequest['reference'] | 'champion' };

export function resolveMonitorOptions(options: MonitorOptions, cwd: string, context?: MonitorModelContext): PendingMonitorRequest {
  const monitoring = context?.model.monitoring;
  const where = context ? `models.${context.name}.monitoring` : undefined;
  const root = context?.root ?? cwd;
  const taskValue = options.task ?? (context ? context.model.task : 'binary');
  if (taskValue !== 'binary' && taskValue !== 'regression') {
    throw new UsageError(options.task !== undefined ? `--task ${taskValue}: expected binary or regression` : `models.${context!.name}.task is ${taskValue}; trainyard monitor watches binary and regression models`);
  }
  const task: MonitorTask = taskValue;
  const predictions = options.predictions !== undefined ? sourceSpec(options.predictions, cwd, '--predictions') : monitoring?.predictions !== undefined ? sourceSpec(monitoring.predictions, root, `${where}.predictions`) : undefined;
  if (!predictions) throw new UsageError(`no prediction log: give --predictions <files|postgres://…?table=…>${where ? ` or set ${where}.predictions` : ''}`);
  const labels = options.labels !== undefined ? sourceSpec(options.labels, cwd, '--labels') : monitoring?.labels !== undefined ? sourceSpec(monitoring.labels, root, `${where}.labels`) : undefined;
  let reference: MonitorRequest['reference'] | undefined;
  if (options.reference !== undefined) reference = sourceSpec(options.reference, cwd, '--reference');
  else if (monitoring?.reference !== undefined) {
    const value = monitoring.reference;
    reference =
      typeof value === 'object' && !Array.isArray(value) && 'since' in value
        ? { since: parseTime(value.since, `${where}.reference.since`), until: parseTime(value.until, `${where}.reference.until`) }
        : sourceSpec(value, root, `${where}.reference`);
  }
  // With a model, the default reference is its champion's evaluation predictions, read from the registry by the caller.
  if (!reference && !context) throw new UsageError('no reference period: give --reference <files|postgres://…>, or name a model (--config, --model) whose champion\'s evaluation predictions are the default reference');
  if (reference && 'since' in reference && reference.since.getTime() >= reference.until.getTime()) throw new UsageError(`${where}.reference: since must be before until`);
  const chunking = options.chunk !== undefined ? parseChunking(options.chunk, '--chunk') : parseChunking(monitoring?.chunk ?? 'week', `${where}.chunk`);
  const since = options.since !== undefined ? parseTime(options.since, '--since') : monitoring?.since !== undefined ? parseTime(monitoring.since, `${where}.since`) : undefined;
  const until = options.until !== undefined ? parseTime(options.until, '--until') : monitoring?.until !== undefined ? parseTime(monitoring.until, `${where}.until`) : undefined;
  if (since && until && since.getTime() >= until.getTime()) throw new UsageError(`--since ${since.toISOString()} is not before --until ${until.toISOString()}`);
  let threshold = monitoring?.threshold ?? 0.5;
  if (options.threshold !== undefined) {
    threshold = Number(options.threshold);
    if (!(threshold >= 0 && threshold <= 1)) throw new UsageError(`--threshold ${options.threshold}: expected a number in [0, 1]`);
  }
  const schemaPath =
    options.schema !== undefined
      ? { file: path.resolve(cwd, options.schema), shownAs: options.schema }
      : monitoring?.schema !== undefined
        ? { file: path.resolve(root, monitoring.schema), shownAs: monitoring.schema }
        : undefined;
  const drift = context?.model.drift;
  return {
    model: context?.name ?? 'model',
    task,
    predictions,
    labels,
    reference: reference ?? 'champion',
    columns: { ...DEFAULT_COLUMNS, ...(monitoring?.columns ?? {}) },
    chunking,
    since,
    until,
    threshold,
    schema: schemaPath,
    drift: { methods: drift?.methods ?? {}, thresholds: drift?.thresholds ?? {}, driftShare: drift?.drift_share ?? 0.5, correction: drift?.correction ?? 'none' },
    policy: context?.model.metrics.policy ?? {},
  };
}
