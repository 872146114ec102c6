/**
 * Candidate against baseline under a policy: the verdict and one row per metric.
 * Point estimates are judged by MLflow's rules; when both models' predictions on the
 * same rows are given, each change also gets a paired bootstrap interval, and with
 * `significance` in the policy the interval gates too (TFMA's rule): pass if the
 * interval's worse end still meets the rule, fail if its better end does not,
 * otherwise inconclusive. Pure: plain data in, plain data out.
 */
import { BASELINE_PREFIX } from '../report/run-report.ts';
import type { BootstrapResult } from './bootstrap.ts';
import type { DeLongResult } from './delong.ts';
import type { McNemarResult } from './mcnemar.ts';
import { changeChecks, checkRule, needsBaseline } from './metric-threshold.ts';
import type { Policy } from './policy.ts';
import { metricValue, type MetricValues } from './read-metrics.ts';
import { GREATER_IS_BETTER } from './suite.ts';

export type Verdict = 'pass' | 'fail' | 'inconclusive';
export type MetricStatus = Verdict | 'info';

export type SignificanceTest = McNemarResult | DeLongResult;

export interface MetricComparison {
  name: string;
  candidate: number;
  /** Null when the baseline lacks the metric or there is no baseline. */
  baseline: number | null;
  delta: number | null;
  /** delta / |baseline|; null when the baseline is 0 or absent. */
  relative: number | null;
  /** Interval of candidate − baseline from the paired bootstrap. */
  ci: [number, number] | null;
  /** Null for a metric no rule gates. */
  pass: boolean | null;
  status: MetricStatus;
  reason: string;
  greaterIsBetter: boolean | null;
  test: SignificanceTest | null;
}

export interface PairedEvidence {
  bootstrap: BootstrapResult;
  tests: Record<string, SignificanceTest>;
  /** Rows both models scored, and rows only one did. */
  rows: { shared: number; candidateOnly: number; baselineOnly: number };
}

export interface Comparison {
  verdict: Verdict;
  metrics: MetricComparison[];
  /** Whether a baseline was given (false: the first model, threshold rules only). */
  hasBaseline: boolean;
  significance: {
    gating: boolean;
    confidence: number;
    resamples: number;
    seed: number;
    rows: PairedEvidence['rows'];
  } | null;
  summary: string;
}

export interface CompareInput {
  candidate: { metrics: MetricValues; file: string };
  /** Null: no baseline (the first model). */
  baseline: { metrics: MetricValues; file: string } | null;
  policy: Policy;
  paired?: PairedEvidence | null;
}

function intervalStatus(name: string, input: CompareInput, baseline: number, ci: [number, number]): { status: Verdict; reason: string } | null {
  const rule = input.policy.rules[name];
  if (!rule || !needsBaseline(rule)) return null;
  const atLow = changeChecks(rule, baseline + ci[0], baseline).every((check) => check.pass);
  const atHigh = changeChecks(rule, baseline + ci[1], baseline).every((check) => check.pass);
  const level = `${Math.round((input.paired!.bootstrap.confidence) * 1000) / 10}%`;
  if (atLow && atHigh) return { status: 'pass', reason: `the whole ${level} interval meets the rule` };
  if (!atLow && !atHigh) return { status: 'fail', reason: `no part of the ${level} interval meets the rule` };
  return { status: 'inconclusive', reason: `the ${level} interval crosses the rule's bound: the change may be noise` };
}

function compareMetric(name: string, input: CompareInput): MetricComparison {
  const candidate = metricValue(input.candidate.metrics, name, input.candidate.file);
  const baseline = input.baseline ? (input.baseline.metrics[name] ?? null) : null;
  const delta = baseline === null ? null : candidate - baseline;
  const relative = baseline === null || baseline === 0 ? null : (candidate - baseline) / Math.abs(baseline);
  const interval = input.paired?.bootstrap.intervals[name];
  const ci: [number, number] | null = interval ? [interval.low, interval.high] : null;
  const rule = input.policy.rules[name];
  const row = { name, candidate, baseline, delta, relative, ci };
  const extra = { greaterIsBetter: rule?.greater_is_better ?? GREATER_IS_BETTER[name] ?? null, test: input.paired?.tests[name] ?? null };
  if (!rule) return { ...row, pass: null, reason: 'no rule', status: 'info', ...extra };
  const outcome = checkRule(name, rule, candidate, input.baseline ? (input.baseline.metrics[name] ?? undefined) : null);
  let status: Verdict = outcome.pass ? 'pass' : 'fail';
  const reasons = [...outcome.reasons];
  if (outcome.pass && input.policy.significance && ci && baseline !== null) {
    const judged = intervalStatus(name, input, baseline, ci);
    if (judged) {
      status = judged.status;
      reasons.unshift(judged.reason);
    }
  }
  return { ...row, pass: status === 'pass', reason: reasons.join('; '), status, ...extra };
}

/**
 * The metrics a comparison lists: the policy's first, then every other shared metric,
 * less a trainer's `baseline_<metric>` reference values (they describe another model).
 */
function metricNames(input: CompareInput): string[] {
  const gated = Object.keys(input.policy.rules);
  const { metrics } = input.candidate;
  const reference = (name: string) => name.startsWith(BASELINE_PREFIX) && name.slice(BASELINE_PREFIX.length) in metrics;
  const others = Object.keys(metrics).filter((name) => !gated.includes(name) && !reference(name) && (!input.baseline || name in input.baseline.metrics));
  return [...gated, ...others];
}

function summarize(verdict: Verdict, metrics: MetricComparison[]): string {
  const gated = metrics.filter((metric) => metric.status !== 'info');
  if (gated.length === 0) return 'pass: the policy has no rules, so nothing is gated';
  const count = (status: MetricStatus) => gated.filter((metric) => metric.status === status);
  if (verdict === 'fail') return `fail: ${count('fail').map((metric) => metric.name).join(', ')} did not meet the policy`;
  if (verdict === 'inconclusive') return `inconclusive: ${count('inconclusive').map((metric) => metric.name).join(', ')} changed within the noise`;
  return gated.length === 1 ? `pass: ${gated[0]!.name}, the one gated metric, met the policy` : `pass: all ${gated.length} gated metrics met the policy`;
}

export function compareModels(input: CompareInput): Comparison {
  const metrics = metricNames(input).map((name) => compareMetric(name, input));
  const statuses = new Set(metrics.map((metric) => metric.status));
  const verdict: Verdict = statuses.has('fail') ? 'fail' : statuses.has('inconclusive') ? 'inconclusive' : 'pass';
  const paired = input.paired;
  return {
    verdict,
    metrics,
    hasBaseline: input.baseline !== null,
    significance: paired
      ? { gating: input.policy.significance !== null, confidence: paired.bootstrap.confidence, resamples: paired.bootstrap.resamples, seed: paired.bootstrap.seed, rows: paired.rows }
      : null,
    summary: summarize(verdict, metrics),
  };
}

/** Exit code of a verdict: 0 pass, 1 fail or inconclusive. */
export function verdictExitCode(verdict: Verdict): number {
  return verdict === 'pass' ? 0 : 1;
}
