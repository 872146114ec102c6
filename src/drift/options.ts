/**
 * Turns `trainyard drift` options and a model's `drift` config into one request, once,
 * at the edge. Command-line values win over the config; every bad value is a
 * UsageError naming the option and what was expected.
 */
import type { ModelConfig } from '../config/schema.ts';
import { UsageError } from '../errors.ts';
import { CORRECTIONS, type Correction, type DriftMethod } from '../config/drift-methods.ts';
import { driftTest } from './registry.ts';
import type { DriftPathsRequest } from './run-drift.ts';

export interface DriftOptions {
  reference?: string;
  current?: string;
  columns?: string;
  method: string[];
  threshold: string[];
  driftShare?: string;
  correction?: string;
}

/** The model a drift check belongs to, when a config is in play. */
export interface DriftModelContext {
  name: string;
  model: ModelConfig;
  /** The project root config paths are relative to. */
  root: string;
}

function pairs(values: string[], option: string): Array<[string, string]> {
  return values.map((value) => {
    const at = value.lastIndexOf('=');
    if (at <= 0 || at === value.length - 1) throw new UsageError(`${option} ${value}: expected column=value`);
    return [value.slice(0, at), value.slice(at + 1)];
  });
}

function share(value: string): number {
  const parsed = Number(value);
  if (!(parsed > 0 && parsed <= 1)) throw new UsageError(`--drift-share ${value}: expected a number in (0, 1]`);
  return parsed;
}

export function resolveDriftOptions(options: DriftOptions, cwd: string, context?: DriftModelContext): DriftPathsRequest {
  const drift = context?.model.drift;
  const methods: Record<string, DriftMethod> = { ...(drift?.methods ?? {}) };
  for (const [column, name] of pairs(options.method, '--method')) methods[column] = driftTest(name).name;
  const thresholds: Record<string, number> = { ...(drift?.thresholds ?? {}) };
  for (const [column, value] of pairs(options.threshold, '--threshold')) {
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed < 0) throw new UsageError(`--threshold ${column}=${value}: expected a non-negative number`);
    thresholds[column] = parsed;
  }
  const correction = options.correction ?? drift?.correction ?? 'none';
  if (!(CORRECTIONS as readonly string[]).includes(correction)) throw new UsageError(`--correction ${correction}: expected one of ${CORRECTIONS.join(', ')}`);
  const columns = options.columns !== undefined ? options.columns.split(',').map((c) => c.trim()).filter(Boolean) : drift?.columns;
  if (columns !== undefined && columns.length === 0) throw new UsageError('--columns: expected a comma-separated list of column names');

  const where = context ? `models.${context.name}` : undefined;
  const reference = options.reference
    ? { paths: options.reference, root: cwd }
    : context
      ? { paths: drift?.reference ?? context.model.data.train, root: context.root }
      : undefined;
  if (!reference) throw new UsageError('no reference: give --reference <data|profile.json>, or --config with a model');
  const current = options.current
    ? { paths: options.current, root: cwd }
    : context && (drift?.current ?? context.model.data.production)
      ? { paths: (drift?.current ?? context.model.data.production)!, root: context.root }
      : undefined;
  if (!current) throw new UsageError(`no current data: give --current <data>${where ? `, or set ${where}.drift.current or ${where}.data.production` : ''}`);

  return {
    reference,
    current,
    ...(columns ? { columns } : {}),
    methods,
    thresholds,
    driftShare: options.driftShare !== undefined ? share(options.driftShare) : (drift?.drift_share ?? 0.5),
    correction: correction as Correction,
  };
}
