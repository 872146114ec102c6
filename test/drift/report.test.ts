import { describe, expect, it } from 'vitest';
import type { ColumnDrift, DriftResult } from '../../src/drift/types.ts';
import { REPORT_LIMIT, renderDriftReport, severity } from '../../src/report/drift-report.ts';

function column(i: number, statistic: number): ColumnDrift {
  const labels = Array.from({ length: 30 }, (_, b) => `bin ${b} of a long label`);
  return {
    column: `feature_with_a_long_name_${i}`,
    kind: 'numerical',
    method: 'wasserstein',
    statistic,
    pValue: null,
    threshold: 0.1,
    rule: '>=',
    drifted: statistic >= 0.1,
    referenceRows: 1000,
    currentRows: 1000,
    status: 'tested',
    basis: 'data',
    description: 'Wasserstein-1 distance / max(std(reference, ddof=0), 0.001) (Evidently wasserstein)',
    distribution: { labels, reference: labels.map(() => 1 / 30), current: labels.map(() => 1 / 30) },
  };
}

function result(columns: ColumnDrift[]): DriftResult {
  const drifted = columns.filter((c) => c.drifted).length;
  return { drifted: drifted / columns.length >= 0.5, share: drifted / columns.length, driftShare: 0.5, correction: 'none', reference: { source: 'ref.csv', kind: 'data', rows: 1000 }, current: { source: 'cur.csv', rows: 1000 }, tested: columns.length, driftedColumns: drifted, columns, excluded: [] };
}

describe('the drift report', () => {
  it.each([1, 10, 5000])('stays under GitHub\'s limit with %i columns', (count) => {
    const report = renderDriftReport(result(Array.from({ length: count }, (_, i) => column(i, (i % 7) / 20))));
    expect(report.length).toBeLessThan(REPORT_LIMIT);
    expect(report).toContain('| column | kind | method | statistic | p-value | threshold | verdict |');
    if (count === 5000) expect(report).toMatch(/… and \d+ more columns, in drift\.json\./);
  });

  it('sorts columns by severity, most drifted first, and charts them', () => {
    const report = renderDriftReport(result([column(1, 0.05), column(2, 0.5), column(3, 0.2)]));
    const order = ['feature_with_a_long_name_2', 'feature_with_a_long_name_3', 'feature_with_a_long_name_1'].map((name) => report.indexOf(`| ${name} |`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(report).toContain('## Most drifted columns\n\n### feature_with_a_long_name_2');
    expect(severity(column(2, 0.5))).toBeCloseTo(5, 12);
  });
});
