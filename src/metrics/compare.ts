/**
 * Candidate against baseline under a policy: the verdict and one row per metric.
 * Point estimates are judged by MLflow's rules; when both models' predictions on the
 * same rows are given, each change also gets a paired bootstrap interval, and with
 * `significance` in the policy the interval gates too (TFMA's rule): pass if the
 * interval's worse end still meets the rule, fail if its better end does not,
 * otherwise inconclusive. Pure: plain data in, plain data out.
 */
import type { BootstrapResult } from './bootstrap.ts';
import type { DeLongResult } from './delong.ts';
import type { McNemarResult } from './mcnemar.ts';
import { changeChecks, checkRule, needsBaseline } from './metric-threshold.ts';
import type { MetricRule } from '../config/schema.ts';
import type { Policy } from './policy.ts';
import { BASELINE_PREFIX, metricValue, type MetricValues } from './read-metrics.ts';
import { GREATER_IS_BETTER } from './suite.ts';

export type Verdict = 'pass' | 'fail' | 'inconclusive';
export type MetricStatus = Verdict | 'info';

export type SignificanceTest = McNemarResult | DeLongResult;

export interface MetricComparison {
  name: string;
  /** Null only for a gated metric the candidate lacks, when the comparison fails on it (`missing: 'fail'`). */
  candidate: number | null;
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
  /** Who computed the candidate's value: trainyard from predictions, or the trainer (its metrics file). */
  source?: 'trainyard' | 'trainer';
  /** The trainer's value when it disagrees with the computed one beyond the tolerance. */
  reported?: number;
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
  /** Why the baseline could not be judged on the evaluation rows (the comparison is then inconclusive at best). */
  baselineUnavailable?: string;
  /** Set when both models were scored on the model's evaluation rows: how many, and where their labels came from. */
  evaluation?: EvaluationProvenance;
}

/** The evaluation rows of a comparison: how many, the data their labels were read from, and whether that is the data asked for. */
export interface EvaluationProvenance {
  rows: number;
  /** `<ref>:<path>` (read with git) or `working tree:<path>`. */
  labels: string;
  /** False when the ref asked for could not be read and the labels came from the working tree. */
  trusted: boolean;
}

/** What the trainer reported, checked against what trainyard computed. */
export interface ReportedMetrics {
  metrics: MetricValues;
  file: string;
  /** The largest difference allowed between a reported and a computed value. */
  tolerance: number;
  /** The baseline's reported values, for metrics only the trainer computes. */
  baseline?: MetricValues | null;
}

export interface CompareInput {
  candidate: { metrics: MetricValues; file: string };
  /** Null: no baseline (the first model). */
  baseline: { metrics: MetricValues; file: string } | null;
  policy: Policy;
  paired?: PairedEvidence | null;
  /**
   * A gated metric the candidate lacks: `error` (the default) stops with an error naming
   * it; `fail` lists it as a failing row, as the App does, which fails closed.
   */
  missing?: 'error' | 'fail';
  /**
   * With an evaluation set: `candidate` holds the metrics trainyard computed, and these
   * the trainer's. A computed metric the trainer reports differently (beyond the
   * tolerance) fails; a metric only the trainer reports is shown as reported and gates
   * only with `reported: true`.
   */
  reported?: ReportedMetrics | null;
  /** Set when the baseline has no predictions for the evaluation rows: change rules cannot be judged. */
  baselineUnavailable?: string | null;
}

/** The value of an own property: `toString` or `constructor` never reads Object.prototype. */
export function ownMetric(values: MetricValues, name: string): number | undefined {
  return Object.hasOwn(values, name) ? values[name] : undefined;
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

function missingRow(name: string, input: CompareInput, rule: MetricRule): MetricComparison {
  const baseline = input.baseline ? (ownMetric(input.baseline.metrics, name) ?? null) : null;
  return {
    name, candidate: null, baseline, delta: null, relative: null, ci: null, pass: false, status: 'fail',
    reason: 'missing from the candidate\'s metrics', greaterIsBetter: rule.greater_is_better, test: null,
  };
}

function trainerOnly(name: string, input: CompareInput, reported: ReportedMetrics, rule: MetricRule | undefined): MetricComparison {
  const candidate = reported.metrics[name]!;
  const baseline = reported.baseline && !input.baselineUnavailable ? (ownMetric(reported.baseline, name) ?? null) : null;
  const delta = baseline === null ? null : candidate - baseline;
  const relative = baseline === null || baseline === 0 ? null : (candidate - baseline) / Math.abs(baseline);
  const row = { name, candidate, baseline, delta, relative, ci: null, greaterIsBetter: rule?.greater_is_better ?? null, test: null, source: 'trainer' as const };
  if (!rule) return { ...row, pass: null, status: 'info', reason: 'reported by the trainer; no rule' };
  if (!rule.reported) {
    return { ...row, pass: false, status: 'fail', reason: `reported by the trainer in ${reported.file} only: trainyard cannot compute it from predictions, so it gates only with \`reported: true\` in its rule` };
  }
  const outcome = checkRule(name, rule, candidate, reported.baseline && !input.baselineUnavailable ? ownMetric(reported.baseline, name) : null);
  return { ...row, pass: outcome.pass, status: outcome.pass ? 'pass' : 'fail', reason: ['reported by the trainer', ...outcome.reasons].join('; ') };
}

/** The computed value against the trainer's, when the trainer reports one too. */
function disagreement(name: string, computed: number, reported: ReportedMetrics): string | null {
  const claimed = ownMetric(reported.metrics, name);
  if (claimed === undefined || Math.abs(claimed - computed) <= reported.tolerance) return null;
  return `the trainer reported ${name} = ${claimed} in ${reported.file}, but trainyard computed ${computed} from the predictions and the evaluation labels (tolerance ${reported.tolerance})`;
}

function compareMetric(name: string, input: CompareInput): MetricComparison {
  const rule = Object.hasOwn(input.policy.rules, name) ? input.policy.rules[name] : undefined;
  const reported = input.reported;
  if (reported && ownMetric(input.candidate.metrics, name) === undefined && ownMetric(reported.metrics, name) !== undefined) return trainerOnly(name, input, reported, rule);
  if (rule && input.missing === 'fail' && ownMetric(input.candidate.metrics, name) === undefined) return missingRow(name, input, rule);
  const candidate = metricValue(input.candidate.metrics, name, input.candidate.file);
  const baseline = input.baseline ? (ownMetric(input.baseline.metrics, name) ?? null) : null;
  const lie = reported ? disagreement(name, candidate, reported) : null;
  const delta = baseline === null ? null : candidate - baseline;
  const relative = baseline === null || baseline === 0 ? null : (candidate - baseline) / Math.abs(baseline);
  const interval = input.paired && Object.hasOwn(input.paired.bootstrap.intervals, name) ? input.paired.bootstrap.intervals[name] : undefined;
  const ci: [number, number] | null = interval ? [interval.low, interval.high] : null;
  const row = { name, candidate, baseline, delta, relative, ci };
  const known = Object.hasOwn(GREATER_IS_BETTER, name) ? GREATER_IS_BETTER[name] : undefined;
  const test = input.paired && Object.hasOwn(input.paired.tests, name) ? input.paired.tests[name]! : null;
  const extra = { greaterIsBetter: rule?.greater_is_better ?? known ?? null, test, ...(reported ? { source: 'trainyard' as const } : {}) };
  if (lie) return { ...row, pass: false, reason: lie, status: 'fail', ...extra, reported: ownMetric(reported!.metrics, name)! };
  if (!rule) return { ...row, pass: null, reason: 'no rule', status: 'info', ...extra };
  const outcome = checkRule(name, rule, candidate, input.baseline ? ownMetric(input.baseline.metrics, name) : null);
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
  const reference = (name: string) => name.startsWith(BASELINE_PREFIX) && Object.hasOwn(metrics, name.slice(BASELINE_PREFIX.length));
  const others = Object.keys(metrics).filter((name) => !gated.includes(name) && !reference(name) && (!input.baseline || Object.hasOwn(input.baseline.metrics, name)));
  const reported = input.reported ? Object.keys(input.reported.metrics).filter((name) => !gated.includes(name) && !others.includes(name) && !reference(name) && !name.startsWith(BASELINE_PREFIX)) : [];
  return [...gated, ...others, ...reported];
}

/** Names in a summary: at most five, then how many more. */
function listNames(names: string[]): string {
  return names.length <= 5 ? names.join(', ') : `${names.slice(0, 5).join(', ')} and ${names.length - 5} more`;
}

/** The one-line summary; `show` formats each metric name (the renderer quotes them). */
export function summarize(verdict: Verdict, metrics: MetricComparison[], show: (name: string) => string = (name) => name): string {
  const gated = metrics.filter((metric) => metric.status !== 'info');
  if (gated.length === 0) return 'pass: the policy has no rules, so nothing is gated';
  const names = (status: MetricStatus) => listNames(gated.filter((metric) => metric.status === status).map((metric) => show(metric.name)));
  const failing = gated.filter((metric) => metric.status === 'fail');
  const missing = failing.filter((metric) => metric.candidate === null);
  if (verdict === 'fail' && missing.length > 0 && missing.length === failing.length) return `fail: ${listNames(missing.map((metric) => show(metric.name)))} missing from the candidate's metrics`;
  const lies = failing.filter((metric) => metric.reported !== undefined && metric.candidate !== null);
  if (verdict === 'fail' && lies.length > 0) {
    const [first] = lies;
    const more = lies.length > 1 ? ` (and ${lies.length - 1} more metric${lies.length === 2 ? '' : 's'})` : '';
    return `fail: the trainer reported ${show(first!.name)} = ${first!.reported}, trainyard computed ${first!.candidate} on the evaluation rows${more}`;
  }
  if (verdict === 'fail') return `fail: ${names('fail')} did not meet the policy`;
  if (verdict === 'inconclusive') return `inconclusive: ${names('inconclusive')} changed within the noise`;
  return gated.length === 1 ? `pass: ${show(gated[0]!.name)}, the one gated metric, met the policy` : `pass: all ${gated.length} gated metrics met the policy`;
}

export function compareModels(input: CompareInput): Comparison {
  const metrics = metricNames(input).map((name) => compareMetric(name, input));
  const statuses = new Set(metrics.map((metric) => metric.status));
  const unavailable = input.baselineUnavailable ?? null;
  const verdict: Verdict = statuses.has('fail') ? 'fail' : statuses.has('inconclusive') || unavailable ? 'inconclusive' : 'pass';
  const paired = input.paired;
  return {
    verdict,
    metrics,
    hasBaseline: input.baseline !== null,
    significance: paired
      ? { gating: input.policy.significance !== null, confidence: paired.bootstrap.confidence, resamples: paired.bootstrap.resamples, seed: paired.bootstrap.seed, rows: paired.rows }
      : null,
    summary: unavailable && verdict === 'inconclusive' ? `inconclusive: ${unavailable}` : summarize(verdict, metrics),
    ...(unavailable ? { baselineUnavailable: unavailable } : {}),
  };
}

/** Exit code of a verdict: 0 pass, 1 fail or inconclusive. */
export function verdictExitCode(verdict: Verdict): number {
  return verdict === 'pass' ? 0 : 1;
}
