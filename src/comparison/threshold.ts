/**
 * The App's comparator: the same MLflow MetricThreshold rules as `trainyard compare`
 * (src/metrics/compare.ts), on point estimates from downloaded metrics files. A gated
 * metric the candidate lacks fails here instead of stopping the comparison: the App
 * fails closed and says which metric was missing.
 */
import { compareModels } from '../metrics/compare.ts';
import type { ComparisonFacts, ComparisonResult, MetricRow, Verdict } from './types.ts';

export function compareByThresholds(facts: ComparisonFacts): ComparisonResult {
  const missing = Object.keys(facts.policy).filter((name) => facts.candidate[name] === undefined);
  const rules = Object.fromEntries(Object.entries(facts.policy).filter(([name]) => !missing.includes(name)));
  const comparison = compareModels({
    candidate: { metrics: facts.candidate, file: 'candidate metrics' },
    baseline: facts.champion ? { metrics: facts.champion, file: 'champion metrics' } : null,
    policy: { rules, significance: null },
  });
  const missingRows: MetricRow[] = missing.map((name) => ({ name, candidate: null, champion: facts.champion?.[name] ?? null, status: 'fail', reason: 'missing from the candidate\'s metrics' }));
  const rows: MetricRow[] = comparison.metrics.map((metric) => ({
    name: metric.name,
    candidate: metric.candidate,
    champion: metric.baseline,
    status: metric.status === 'info' ? null : metric.status,
    reason: metric.reason,
  }));
  const verdict: Verdict = missing.length > 0 ? 'fail' : comparison.verdict;
  const summary = missing.length > 0 ? `fail: ${missing.join(', ')} missing from the candidate's metrics` : comparison.summary;
  return { verdict, rows: [...missingRows, ...rows], summary };
}
