/**
 * The comparison policy: MLflow-style rules per metric and the optional significance
 * gate. It comes from a model's `metrics` block in `.github/trainyard.yml`, or from a
 * standalone policy file with the same two keys:
 *
 *     policy:
 *       roc_auc: { greater_is_better: true, min_absolute_change: 0.002 }
 *     significance: { confidence: 0.95 }
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { parseConfig } from '../config/load.ts';
import { metricRuleSchema, significanceSchema, type MetricRule, type ModelConfig, type Significance } from '../config/schema.ts';
import { explainIssues } from '../config/zod-issues.ts';
import { parseYamlSource, positionOf } from '../config/yaml-source.ts';
import { ConfigError, UsageError } from '../errors.ts';
import type { Task } from './types.ts';

export interface Policy {
  /** Rules by metric name, in the order the file lists them; the first is the primary metric. */
  rules: Record<string, MetricRule>;
  /** Null: intervals are reported but do not gate. */
  significance: Significance | null;
}

/** What a policy file yields: the policy and, from a trainyard config, the model's task and name. */
export interface LoadedPolicy {
  policy: Policy;
  model: string | null;
  task: Task | null;
  /** The model's config, when the policy comes from a trainyard config. */
  config?: ModelConfig;
}

export const policyFileSchema = z
  .strictObject({
    policy: z.record(z.string().min(1), metricRuleSchema).describe('Gates per metric name.'),
    significance: significanceSchema.optional(),
  })
  .describe('A trainyard comparison policy file.');

/** The policy of one model of a config. */
export function policyOfModel(model: Pick<ModelConfig, 'metrics'>): Policy {
  return { rules: model.metrics.policy, significance: model.metrics.significance ?? null };
}

function chooseModel(models: Record<string, ModelConfig>, wanted: string | undefined, file: string): [string, ModelConfig] {
  const names = Object.keys(models);
  if (wanted !== undefined) {
    const model = models[wanted];
    if (!model) throw new UsageError(`${file}: no model "${wanted}"; the config has: ${names.join(', ')}`);
    return [wanted, model];
  }
  if (names.length > 1) throw new UsageError(`${file}: the config has several models (${names.join(', ')}); choose one with --model`);
  return [names[0]!, models[names[0]!]!];
}

/** Parses a trainyard config (it has `models:`) or a policy file; `file` names it in errors. */
export function parsePolicy(text: string, file: string, model?: string): LoadedPolicy {
  const source = parseYamlSource(text, file);
  const value = source.value;
  if (value !== null && typeof value === 'object' && 'models' in value) {
    const config = parseConfig(text, file);
    const [name, chosen] = chooseModel(config.models, model, file);
    return { policy: policyOfModel(chosen), model: name, task: chosen.task, config: chosen };
  }
  const result = policyFileSchema.safeParse(value ?? {});
  if (!result.success) {
    const [first] = explainIssues(policyFileSchema, value, result.error.issues);
    if (!first) throw new ConfigError({ file, message: result.error.message });
    const position = positionOf(source, first.unknownKey ? first.path.slice(0, -1) : first.path, first.unknownKey);
    const key = first.path.map(String).join('.') || undefined;
    throw new ConfigError({ file, message: first.message, ...(position ? { position } : {}), ...(key ? { key } : {}) });
  }
  return { policy: { rules: result.data.policy, significance: result.data.significance ?? null }, model: null, task: null };
}

export async function loadPolicy(file: string, shownAs: string, model?: string): Promise<LoadedPolicy> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError({ file: shownAs, message: `cannot read the policy (${(error as NodeJS.ErrnoException).code ?? 'error'}); expected a trainyard config or a policy file` });
  }
  return parsePolicy(text, shownAs, model);
}
