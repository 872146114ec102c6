/**
 * The example's real data: training months (January to March 2001) against June.
 * Reference values from scipy and Evidently's stattests (scripts/fixtures/drift.py).
 */
import { describe, expect, it } from 'vitest';
import { runDrift } from '../../src/drift/run-drift.ts';
import type { DriftMethod } from '../../src/config/drift-methods.ts';
import { fixture, relativeError, TOLERANCE } from './fixtures.ts';

type Expected = Record<string, Record<string, number | { statistic: number; pValue: number }>>;
const expected = fixture<Expected>('flights.json');
const root = 'examples/flight-delays';

async function drift(methods: Record<string, DriftMethod>, columns: string[]) {
  return runDrift({
    reference: { paths: 'data/train.csv', root },
    current: { paths: 'data/production.csv', root },
    columns,
    methods,
    thresholds: {},
    driftShare: 0.5,
    correction: 'none',
  });
}

describe('flights: January to March against June', () => {
  it('matches Evidently with the automatic methods: only the identifier drifts', async () => {
    const result = await drift({}, ['id', 'delay', 'distance', 'origin', 'destination']);
    const by = Object.fromEntries(result.columns.map((c) => [c.column, c]));
    expect(by.delay).toMatchObject({ method: 'wasserstein', drifted: false, referenceRows: 20000, currentRows: 10000 });
    expect(relativeError(by.delay!.statistic!, expected.delay!.wasserstein as number)).toBeLessThanOrEqual(TOLERANCE);
    expect(relativeError(by.distance!.statistic!, expected.distance!.wasserstein as number)).toBeLessThanOrEqual(TOLERANCE);
    expect(by.origin).toMatchObject({ method: 'jensenshannon', kind: 'categorical', drifted: false });
    expect(relativeError(by.origin!.statistic!, expected.origin!.jensenshannon as number)).toBeLessThanOrEqual(TOLERANCE);
    expect(relativeError(by.destination!.statistic!, expected.destination!.jensenshannon as number)).toBeLessThanOrEqual(TOLERANCE);
    expect(by.id).toMatchObject({ drifted: true });
    expect(result).toMatchObject({ drifted: false, tested: 5, driftedColumns: 1, share: 0.2 });
  });

  it.each([
    ['delay', 'ks'],
    ['distance', 'ks'],
    ['delay', 'psi'],
    ['distance', 'jensenshannon'],
    ['delay', 'hellinger'],
    ['origin', 'psi'],
    ['destination', 'linf'],
  ] as const)('%s with %s equals scipy', async (column, method) => {
    const [result] = (await drift({ [column]: method }, [column])).columns;
    const want = expected[column]![method]!;
    if (typeof want === 'number') expect(relativeError(result!.statistic!, want)).toBeLessThanOrEqual(TOLERANCE);
    else {
      expect(relativeError(result!.statistic!, want.statistic)).toBeLessThanOrEqual(TOLERANCE);
      expect(relativeError(result!.pValue!, want.pValue)).toBeLessThanOrEqual(TOLERANCE);
    }
  });
});
