/**
 * MLflow's MetricThreshold semantics, exactly (mlflow.models.evaluation.validation):
 * - threshold: candidate >= threshold when higher is better, <= otherwise;
 * - min_absolute_change: candidate >= baseline + change (<= baseline − change);
 * - min_relative_change: (candidate − baseline) / baseline >= change when higher is
 *   better, (baseline − candidate) / baseline >= change otherwise; when the baseline is
 *   0, candidate >= baseline + 1e-10 (<= baseline − 1e-10);
 * - a rule with a change needs the baseline's value: a baseline without the metric fails.
 * One deliberate difference: with no baseline at all (the first model) only `threshold`
 * applies, where MLflow would report the baseline as missing.
 */
import type { MetricRule } from '../config/schema.ts';
import { formatNumber } from '../util/format.ts';

/** MLflow's fallback margin for a relative change over a zero baseline. */
export const ZERO_BASELINE_MARGIN = 1e-10;

export interface RuleOutcome {
  pass: boolean;
  /** One sentence per check, failures first. */
  reasons: string[];
}

function better(rule: Pick<MetricRule, 'greater_is_better'>, value: number, bound: number): boolean {
  return rule.greater_is_better ? value >= bound : value <= bound;
}

/** Whether the rule compares against a baseline at all. */
export function needsBaseline(rule: MetricRule): boolean {
  return rule.min_absolute_change !== undefined || rule.min_relative_change !== undefined;
}

/** The change checks alone (no threshold), with the reason of each. */
export function changeChecks(rule: MetricRule, candidate: number, baseline: number): Array<{ pass: boolean; reason: string }> {
  const checks: Array<{ pass: boolean; reason: string }> = [];
  const sign = rule.greater_is_better ? '+' : '−';
  const cmp = (ok: boolean) => (ok ? (rule.greater_is_better ? '>=' : '<=') : rule.greater_is_better ? '<' : '>');
  if (rule.min_absolute_change !== undefined) {
    const bound = rule.greater_is_better ? baseline + rule.min_absolute_change : baseline - rule.min_absolute_change;
    const pass = better(rule, candidate, bound);
    checks.push({ pass, reason: `${formatNumber(candidate)} ${cmp(pass)} baseline ${formatNumber(baseline)} ${sign} ${formatNumber(rule.min_absolute_change)}` });
  }
  if (rule.min_relative_change !== undefined) {
    if (baseline === 0) {
      const bound = rule.greater_is_better ? baseline + ZERO_BASELINE_MARGIN : baseline - ZERO_BASELINE_MARGIN;
      const pass = better(rule, candidate, bound);
      checks.push({ pass, reason: `${formatNumber(candidate)} ${cmp(pass)} baseline 0 ${sign} 1e-10 (a relative change of a zero baseline falls back to any improvement)` });
    } else {
      const relative = rule.greater_is_better ? (candidate - baseline) / baseline : (baseline - candidate) / baseline;
      const pass = !(relative < rule.min_relative_change);
      checks.push({ pass, reason: `relative change ${formatNumber(relative)} ${pass ? '>=' : '<'} ${formatNumber(rule.min_relative_change)} of baseline ${formatNumber(baseline)}` });
    }
  }
  return checks;
}

/**
 * Checks one metric. `baseline` is undefined when the baseline lacks the metric and
 * null when there is no baseline at all (the first model).
 */
export function checkRule(name: string, rule: MetricRule, candidate: number, baseline: number | null | undefined): RuleOutcome {
  const checks: Array<{ pass: boolean; reason: string }> = [];
  if (rule.threshold !== undefined) {
    const pass = better(rule, candidate, rule.threshold);
    const op = pass ? (rule.greater_is_better ? '>=' : '<=') : rule.greater_is_better ? '<' : '>';
    checks.push({ pass, reason: `${formatNumber(candidate)} ${op} threshold ${formatNumber(rule.threshold)}` });
  }
  if (needsBaseline(rule)) {
    if (baseline === undefined) checks.push({ pass: false, reason: `the baseline has no metric "${name}" to compare with` });
    else if (baseline === null) checks.push({ pass: true, reason: 'no baseline (first model): only the threshold applies' });
    else checks.push(...changeChecks(rule, candidate, baseline));
  }
  const pass = checks.every((check) => check.pass);
  const reasons = [...checks.filter((check) => !check.pass), ...checks.filter((check) => check.pass)].map((check) => check.reason);
  return { pass, reasons };
}
