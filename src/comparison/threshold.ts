/**
 * The App's comparator: the same MLflow MetricThreshold rules as `trainyard compare`
 * (src/metrics/compare.ts), on point estimates from downloaded metrics files. A gated
 * metric the candidate lacks fails here instead of stopping the comparison: the App
 * fails closed and says which metric was missing.
 */
import { compareModels, type Comparison } from '../metrics/compare.ts';
import type { ComparisonFacts } from './types.ts';

export function compareByThresholds(facts: ComparisonFacts): Comparison {
  return compareModels({
    candidate: { metrics: facts.candidate, file: 'candidate metrics' },
    baseline: facts.champion ? { metrics: facts.champion, file: 'champion metrics' } : null,
    policy: { rules: facts.policy, significance: null },
    missing: 'fail',
  });
}
