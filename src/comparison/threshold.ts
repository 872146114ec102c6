/**
 * Point-estimate comparison with the semantics of MLflow's MetricThreshold: an absolute
 * `threshold`, and `min_absolute_change` / `min_relative_change` against the champion
 * (skipped when there is none). A gated metric missing from the candidate fails: the
 * App fails closed.
 */
import type { MetricRule } from '../config/schema.ts';
import type { ComparisonFacts, ComparisonResult, MetricRow, Verdict } from './types.ts';

const fmt = (value: number): string => String(Math.round(value * 1e6) / 1e6);

function ruleProblems(rule: MetricRule, candidate: number, champion: number | null): string[] {
  const up = rule.greater_is_better;
  const problems: string[] = [];
  if (rule.threshold !== undefined && (up ? candidate < rule.threshold : candidate > rule.threshold)) {
    problems.push(`${fmt(candidate)} ${up ? '<' : '>'} threshold ${fmt(rule.threshold)}`);
  }
  if (champion === null) return problems;
  if (rule.min_absolute_change !== undefined) {
    const bound = up ? champion + rule.min_absolute_change : champion - rule.min_absolute_change;
    if (up ? candidate < bound : candidate > bound) problems.push(`${fmt(candidate)} does not beat champion ${fmt(champion)} by ${fmt(rule.min_absolute_change)}`);
  }
  if (rule.min_relative_change !== undefined) {
    const change = rule.min_relative_change * Math.abs(champion);
    const bound = champion === 0 ? champion + (up ? 1e-10 : -1e-10) : up ? champion + change : champion - change;
    const fails = champion === 0 ? (up ? candidate <= champion : candidate >= champion) : up ? candidate < bound : candidate > bound;
    if (fails) problems.push(`${fmt(candidate)} does not beat champion ${fmt(champion)} by ${fmt(rule.min_relative_change * 100)}%`);
  }
  return problems;
}

function gatedRow(name: string, rule: MetricRule, facts: ComparisonFacts): MetricRow {
  const candidate = facts.candidate[name] ?? null;
  const champion = facts.champion?.[name] ?? null;
  if (candidate === null) return { name, candidate, champion, status: 'fail', reason: 'missing from the candidate\'s metrics' };
  const needsChampion = rule.min_absolute_change !== undefined || rule.min_relative_change !== undefined;
  if (facts.champion !== null && champion === null && needsChampion) {
    return { name, candidate, champion, status: 'inconclusive', reason: 'the champion has no value to compare with' };
  }
  const problems = ruleProblems(rule, candidate, champion);
  return { name, candidate, champion, status: problems.length ? 'fail' : 'pass', reason: problems.length ? problems.join('; ') : 'meets the policy' };
}

export function compareByThresholds(facts: ComparisonFacts): ComparisonResult {
  const gated = Object.entries(facts.policy).map(([name, rule]) => gatedRow(name, rule, facts));
  const others: MetricRow[] = Object.keys(facts.candidate)
    .filter((name) => !(name in facts.policy))
    .sort()
    .map((name) => ({ name, candidate: facts.candidate[name]!, champion: facts.champion?.[name] ?? null, status: null, reason: 'no rule' }));
  const statuses = new Set(gated.map((row) => row.status));
  const verdict: Verdict = statuses.has('fail') ? 'fail' : statuses.has('inconclusive') ? 'inconclusive' : 'pass';
  const named = (status: Verdict) => gated.filter((row) => row.status === status).map((row) => row.name).join(', ');
  const summary =
    gated.length === 0 ? 'pass: the policy has no rules, so nothing is gated'
    : verdict === 'fail' ? `fail: ${named('fail')} did not meet the policy`
    : verdict === 'inconclusive' ? `inconclusive: ${named('inconclusive')} could not be compared`
    : `pass: all ${gated.length} gated metric${gated.length === 1 ? '' : 's'} met the policy`;
  return { verdict, rows: [...gated, ...others], summary };
}
