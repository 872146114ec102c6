/** trainyard.lock: read strictly, so that a retraining never drops other models' snapshots. */
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.ts';
import { parseDriftReport } from '../../src/retrain/drift-report.ts';
import { driftEvidence, planFromEvidence, readLock, type RetrainEvidence } from '../../src/retrain/plan.ts';

const evidence: RetrainEvidence = { key: 'sha256:abc', reason: 'drift', title: 'Retrain churn', body: 'body', drift: { share: 0.5, driftShare: 0.3, columns: ['age'] } };
const lock = {
  version: 1,
  models: { fraud: { dataSnapshot: 'sha256:fff', reason: 'drift', detectedAt: '2026-01-01T00:00:00.000Z', runUrl: null, drift: null } },
};

describe('readLock', () => {
  it('reads no lock as an empty one', () => {
    expect(readLock(null)).toEqual({ version: 1, models: {} });
  });

  it.each([
    ['{"models": {', /^trainyard\.lock on main: not valid JSON \(.+\); fix it or restore it from git history$/],
    ['[]', /^trainyard\.lock on main: expected \{"version": 1, "models": \{<model>: \{\.\.\.\}\}\}; fix it/],
    ['{"version": 1}', /^trainyard\.lock on main: expected \{"version": 1, "models"/],
    ['{"version": 1, "models": ["churn"]}', /^trainyard\.lock on main: expected/],
  ])('refuses %j with a DataError (exit 2) naming the file', (text, message) => {
    let thrown: unknown;
    try {
      readLock(text, 'trainyard.lock on main');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DataError);
    expect((thrown as DataError).exitCode).toBe(2);
    expect((thrown as DataError).message).toMatch(message);
  });
});

describe('planFromEvidence', () => {
  it("adds the model's entry and keeps every other model's", () => {
    const plan = planFromEvidence({ model: 'churn', evidence, lockText: JSON.stringify(lock), runUrl: null, detectedAt: '2026-02-01T00:00:00.000Z' });
    const written = JSON.parse(plan!.lockText) as typeof lock;
    expect(Object.keys(written.models)).toEqual(['churn', 'fraud']);
    expect(written.models.fraud).toEqual(lock.models.fraud);
  });

  it('refuses a damaged lock instead of writing a fresh one over it', () => {
    expect(() => planFromEvidence({ model: 'churn', evidence, lockText: '{"models": {"fraud": ', lockFile: 'trainyard.lock on trainyard/retrain/churn', runUrl: null, detectedAt: '2026-02-01T00:00:00.000Z' })).toThrow(
      /^trainyard\.lock on trainyard\/retrain\/churn: not valid JSON/,
    );
  });
});

describe('the retraining pull request body', () => {
  it('shows each column with the numbers formatted as in every other report, a tiny p-value included', () => {
    const report = parseDriftReport(JSON.stringify({
      drifted: true,
      share: 0.5,
      driftShare: 0.3,
      columns: [
        { column: 'age', method: 'ks', statistic: 0.41237, pValue: 0.0000123, threshold: 0.05, drifted: true },
        { column: 'plan', method: 'chisquare', statistic: null, pValue: null, threshold: null, drifted: false },
      ],
    }), 'drift.json');
    const body = driftEvidence({ model: 'churn', report, runUrl: null }).body;
    expect(body).toContain('| age | ks | 0.4124 | 0.000012 | 0.0500 | drifted |');
    expect(body).toContain('| plan | chisquare | — | — | — | ok |');
  });
});
