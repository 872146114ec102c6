import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.ts';
import type { BootstrapResult } from '../../src/metrics/bootstrap.ts';
import { compareModels, verdictExitCode, type CompareInput, type PairedEvidence } from '../../src/metrics/compare.ts';
import type { Policy } from '../../src/metrics/policy.ts';
import { splitTrainerBaseline, trainerComparisonStage } from '../../src/metrics/stages.ts';
import { renderJobSummary } from '../../src/report/comparison-report.ts';

const policy: Policy = {
  rules: {
    roc_auc: { greater_is_better: true, threshold: 0.6, min_absolute_change: 0.002 },
    log_loss: { greater_is_better: false, min_relative_change: 0 },
  },
  significance: null,
};

const candidate = { metrics: { roc_auc: 0.66, log_loss: 0.48, accuracy: 0.79, train_rows: 16000 }, file: 'candidate.json' };
const baseline = { metrics: { roc_auc: 0.65, log_loss: 0.49, accuracy: 0.78 }, file: 'baseline.json' };

function evidence(intervals: BootstrapResult['intervals']): PairedEvidence {
  return { bootstrap: { resamples: 1000, seed: 42, confidence: 0.95, rows: 4000, intervals }, tests: {}, rows: { shared: 4000, candidateOnly: 0, baselineOnly: 0 } };
}

describe('compareModels', () => {
  it('passes when every rule holds, and lists ungated shared metrics after the gated ones', () => {
    const result = compareModels({ candidate, baseline, policy });
    expect(result.verdict).toBe('pass');
    expect(result.metrics.map((m) => [m.name, m.status])).toEqual([['roc_auc', 'pass'], ['log_loss', 'pass'], ['accuracy', 'info']]);
    const auc = result.metrics[0]!;
    expect(auc).toMatchObject({ candidate: 0.66, baseline: 0.65, ci: null, pass: true, greaterIsBetter: true });
    expect(auc.delta).toBeCloseTo(0.01, 12);
    expect(auc.relative).toBeCloseTo(0.01 / 0.65, 12);
    expect(result.metrics[2]).toMatchObject({ pass: null, reason: 'no rule' });
    expect(verdictExitCode(result.verdict)).toBe(0);
  });

  it('fails on one failed rule and says which', () => {
    const result = compareModels({ candidate: { ...candidate, metrics: { ...candidate.metrics, log_loss: 0.5 } }, baseline, policy });
    expect(result.verdict).toBe('fail');
    expect(result.summary).toBe('fail: log_loss did not meet the policy');
    expect(verdictExitCode(result.verdict)).toBe(1);
  });

  it('fails a rule whose metric the baseline lacks, saying so', () => {
    const result = compareModels({ candidate, baseline: { ...baseline, metrics: { roc_auc: 0.65 } }, policy });
    expect(result.verdict).toBe('fail');
    expect(result.metrics.find((m) => m.name === 'log_loss')).toMatchObject({ baseline: null, pass: false, reason: expect.stringContaining('the baseline has no metric "log_loss"') });
  });

  it('applies only threshold rules without a baseline (the first model)', () => {
    const result = compareModels({ candidate, baseline: null, policy });
    expect(result.verdict).toBe('pass');
    expect(result.hasBaseline).toBe(false);
    expect(result.metrics.map((m) => m.name)).toEqual(['roc_auc', 'log_loss', 'accuracy', 'train_rows']);
    const low = compareModels({ candidate: { ...candidate, metrics: { ...candidate.metrics, roc_auc: 0.55 } }, baseline: null, policy });
    expect(low.verdict).toBe('fail');
  });

  it('refuses a candidate without a policy metric, naming the key and the file', () => {
    expect(() => compareModels({ candidate: { metrics: { roc_auc: 0.7 }, file: 'c.yaml' }, baseline, policy })).toThrow('c.yaml: no metric "log_loss"');
  });

  const withSignificance: Policy = { ...policy, significance: { confidence: 0.95, resamples: 1000, seed: 42 } };
  const gate = (low: number, high: number) => {
    const input: CompareInput = { candidate, baseline, policy: withSignificance, paired: evidence({ roc_auc: { low, high, valid: 1000 }, log_loss: { low: -0.02, high: -0.005, valid: 1000 } }) };
    return compareModels(input);
  };

  it.each([
    // roc_auc needs +0.002 over the baseline: TFMA's rule on the interval of the change.
    ['the worse end still meets the rule', 0.003, 0.02, 'pass', 'pass'],
    ['the interval crosses the bound', -0.004, 0.024, 'inconclusive', 'inconclusive'],
    ['an interval around a gain still crossing the bound', 0.001, 0.019, 'inconclusive', 'inconclusive'],
  ])('significance: %s -> %s', (_, low, high, status, verdict) => {
    const result = gate(low as number, high as number);
    expect(result.metrics[0]!.status).toBe(status);
    expect(result.metrics[0]!.ci).toEqual([low, high]);
    expect(result.verdict).toBe(verdict);
  });

  it('significance: an interval wholly short of the rule fails even when the point estimate passes', () => {
    const result = gate(-0.01, 0.001);
    expect(result.metrics[0]).toMatchObject({ status: 'fail', pass: false, reason: expect.stringContaining('no part of the 95% interval') });
  });

  it('reports intervals without gating when the policy has no significance block', () => {
    const result = compareModels({ candidate, baseline, policy, paired: evidence({ roc_auc: { low: -0.004, high: 0.024, valid: 1000 } }) });
    expect(result.metrics[0]).toMatchObject({ status: 'pass', ci: [-0.004, 0.024] });
    expect(result.significance).toMatchObject({ gating: false, seed: 42, resamples: 1000 });
  });

  it('passes with a note when the policy has no rules', () => {
    const result = compareModels({ candidate, baseline, policy: { rules: {}, significance: null } });
    expect(result.verdict).toBe('pass');
    expect(result.summary).toMatch(/nothing is gated/);
  });
});

describe('splitTrainerBaseline', () => {
  it.each([
    [{ roc_auc: 0.66, baseline_roc_auc: 0.5, rows: 3 }, { roc_auc: 0.66, rows: 3 }, { roc_auc: 0.5 }],
    [{ roc_auc: 0.66 }, { roc_auc: 0.66 }, null],
    [{ baseline_only: 1 }, { baseline_only: 1 }, null],
  ])('%j', (metrics, expectedCandidate, expectedBaseline) => {
    expect(splitTrainerBaseline(metrics)).toEqual({ candidate: expectedCandidate, baseline: expectedBaseline });
  });
});

describe('trainerComparisonStage, for trainyard run', () => {
  it('compares the example trainer\'s metrics with its baseline under the model\'s policy', async () => {
    const config = parseConfig(await readFile('examples/flight-delays/.github/trainyard.yml', 'utf8'), 'trainyard.yml');
    const metrics = JSON.parse(await readFile('test/fixtures/metrics/flight-delays-metrics.json', 'utf8')) as Record<string, number>;
    const comparison = await trainerComparisonStage({ model: config.models['flight-delays']!, metrics, metricsFile: 'metrics.json', cwd: '.' });
    expect(comparison.verdict).toBe('pass');
    expect(comparison.metrics.find((m) => m.name === 'roc_auc')).toMatchObject({ baseline: 0.5, pass: true });
    expect(renderJobSummary({ model: 'flight-delays', comparison, baselineName: 'trainer baseline' })).toContain('| metric | trainer baseline | candidate | change | gate |');
  });
});
