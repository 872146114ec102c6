import { describe, expect, it } from 'vitest';
import type { MetricRule } from '../../src/config/schema.ts';
import { checkRule } from '../../src/metrics/metric-threshold.ts';

type Row = [string, MetricRule, number, number | null | undefined, boolean];

// Each expected outcome follows mlflow.models.evaluation.validation._validate line by line.
const rows: Row[] = [
  ['threshold met (higher is better)', { greater_is_better: true, threshold: 0.8 }, 0.8, 0.9, true],
  ['threshold missed (higher is better)', { greater_is_better: true, threshold: 0.8 }, 0.79, 0.9, false],
  ['threshold met (lower is better)', { greater_is_better: false, threshold: 0.5 }, 0.5, null, true],
  ['threshold missed (lower is better)', { greater_is_better: false, threshold: 0.5 }, 0.51, null, false],
  ['absolute change met exactly', { greater_is_better: true, min_absolute_change: 0.25 }, 0.75, 0.5, true],
  ['absolute change missed', { greater_is_better: true, min_absolute_change: 0.05 }, 0.54, 0.5, false],
  // 0.1 + 0.2 = 0.30000000000000004 in float: MLflow's Decimal of the float sum fails 0.3.
  ['absolute change compared in floating point', { greater_is_better: true, min_absolute_change: 0.2 }, 0.3, 0.1, false],
  ['absolute change, lower is better', { greater_is_better: false, min_absolute_change: 0.1 }, 0.4, 0.5, true],
  ['absolute change, lower is better, missed', { greater_is_better: false, min_absolute_change: 0.1 }, 0.45, 0.5, false],
  ['relative change met', { greater_is_better: true, min_relative_change: 0.1 }, 0.55, 0.5, true],
  ['relative change missed', { greater_is_better: true, min_relative_change: 0.1 }, 0.549, 0.5, false],
  ['relative change 0: no worse passes', { greater_is_better: false, min_relative_change: 0 }, 0.5, 0.5, true],
  ['relative change 0: worse fails', { greater_is_better: false, min_relative_change: 0 }, 0.5000001, 0.5, false],
  ['relative change, lower is better', { greater_is_better: false, min_relative_change: 0.2 }, 0.39, 0.5, true],
  // (0.5 − 0.4) / 0.5 = 0.19999999999999996 in float: short of 0.2, so MLflow fails it too.
  ['relative change compared in floating point', { greater_is_better: false, min_relative_change: 0.2 }, 0.4, 0.5, false],
  ['zero baseline: any improvement by 1e-10 passes', { greater_is_better: true, min_relative_change: 0.5 }, 2e-10, 0, true],
  ['zero baseline: equal fails', { greater_is_better: true, min_relative_change: 0.5 }, 0, 0, false],
  ['zero baseline, lower is better', { greater_is_better: false, min_relative_change: 0.5 }, -2e-10, 0, true],
  ['zero baseline, lower is better, a hair below fails', { greater_is_better: false, min_relative_change: 0.5 }, -5e-11, 0, false],
  // MLflow divides by the signed baseline: with a negative baseline a drop reads as a gain.
  ['negative baseline, as MLflow computes it', { greater_is_better: true, min_relative_change: 0.1 }, -1.2, -1, true],
  ['negative baseline, a rise reads as a loss', { greater_is_better: true, min_relative_change: 0.1 }, -0.8, -1, false],
  ['all three rules, all met', { greater_is_better: true, threshold: 0.6, min_absolute_change: 0.01, min_relative_change: 0.01 }, 0.7, 0.65, true],
  ['all three rules, threshold missed', { greater_is_better: true, threshold: 0.8, min_absolute_change: 0.01, min_relative_change: 0.01 }, 0.7, 0.65, false],
  ['metric missing from the baseline fails', { greater_is_better: true, min_absolute_change: 0.01 }, 0.7, undefined, false],
  ['missing from the baseline, threshold only: passes', { greater_is_better: true, threshold: 0.6 }, 0.7, undefined, true],
  ['no baseline at all: only the threshold applies', { greater_is_better: true, threshold: 0.6, min_absolute_change: 0.5 }, 0.7, null, true],
  ['no baseline, threshold missed', { greater_is_better: true, threshold: 0.75, min_absolute_change: 0.5 }, 0.7, null, false],
];

describe('MLflow MetricThreshold semantics', () => {
  it.each(rows)('%s', (_, rule, candidate, baseline, pass) => {
    expect(checkRule('m', rule, candidate, baseline).pass).toBe(pass);
  });

  it('says why, failures first', () => {
    const outcome = checkRule('roc_auc', { greater_is_better: true, threshold: 0.6, min_absolute_change: 0.01 }, 0.65, undefined);
    expect(outcome.reasons[0]).toBe('the baseline has no metric "roc_auc" to compare with');
    expect(outcome.reasons[1]).toBe('0.6500 >= threshold 0.6000');
    expect(checkRule('x', { greater_is_better: true, min_relative_change: 0.5 }, 0, 0).reasons[0]).toMatch(/zero baseline/);
  });
});
