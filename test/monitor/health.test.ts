import { describe, expect, it } from 'vitest';
import { alertComment, degradations, healthBody, MAX_BODY, metricChart, newAlerts } from '../../src/monitor/github/health.ts';
import { recordKey, toRecords, type HistoryRecord } from '../../src/monitor/github/history.ts';
import type { Alert } from '../../src/monitor/types.ts';
import { aucLow, result, type ChunkSpec } from './results.ts';

const records = (specs: ChunkSpec[]): HistoryRecord[] => toRecords(result('churn', specs), { version: null, runUrl: null, recordedAt: '2026-02-01T00:00:00.000Z' });
const monday = (i: number): string => new Date(Date.UTC(2026, 0, 5) + i * 7 * 86_400_000).toISOString().slice(0, 10);

describe('degradations', () => {
  it('counts consecutive out-of-band chunks up to the latest; chunks without the value neither break nor extend the run', () => {
    const history = records([
      { week: monday(0), auc: 0.6, estimatedAuc: 0.8, alerts: [aucLow(0.6)] },
      { week: monday(1), auc: 0.8, estimatedAuc: 0.8 },
      { week: monday(2), auc: 0.6, estimatedAuc: 0.8, alerts: [aucLow(0.6)] },
      { week: monday(3), auc: null, estimatedAuc: 0.8 },
      { week: monday(4), auc: 0.61, estimatedAuc: 0.8, alerts: [aucLow(0.61)] },
      { week: monday(5), auc: null, estimatedAuc: 0.8 },
    ]);
    const found = degradations(history, 2);
    expect(found.map((d) => [d.kind, d.metric, d.chunks.map((c) => c.record.start.slice(0, 10))])).toEqual([['realized', 'roc_auc', [monday(2), monday(4)]]]);
    expect(degradations(history, 3)).toEqual([]);
    expect(degradations(history, 0)).toEqual([]);
    // drift and quality alerts never count as a performance drop
    const drifting = records([1, 2, 3].map((i) => ({ week: monday(i), auc: 0.8, estimatedAuc: 0.8, alerts: [{ kind: 'drift', metric: 'roc_auc', value: 0.9, lower: null, upper: 0.1 } as Alert] })));
    expect(degradations(drifting, 1)).toEqual([]);
  });
});

describe('newAlerts', () => {
  it('is the alerts a chunk did not have before, by kind and metric', () => {
    const before = records([{ week: monday(0), auc: 0.6, estimatedAuc: 0.8, alerts: [aucLow(0.6)] }]);
    const after = records([
      { week: monday(0), auc: 0.59, estimatedAuc: 0.6, alerts: [aucLow(0.59), aucLow(0.6, 'estimated')] },
      { week: monday(1), auc: 0.6, estimatedAuc: 0.8, alerts: [aucLow(0.6)] },
    ]);
    expect(newAlerts(before, after, recordKey).map(({ record, alert }) => [record.start.slice(0, 10), alert.kind])).toEqual([[monday(0), 'estimated'], [monday(1), 'realized']]);
  });
});

describe('health issue text', () => {
  it('stays under GitHub\'s body limit for a long history with many drifted columns', () => {
    const columns = Array.from({ length: 60 }, (_, i) => `feature_with_a_long_name_${i}`);
    const history = records(Array.from({ length: 200 }, (_, i) => ({ week: monday(i), auc: 0.8, estimatedAuc: 0.8, alerts: columns.map((c) => ({ kind: 'drift', metric: c, value: 0.3, lower: null, upper: 0.1 }) as Alert) })));
    const body = healthBody({ model: 'churn', records: history });
    expect(body.length).toBeLessThanOrEqual(MAX_BODY);
    expect(body).toContain('**60 alerts**');
    expect(body).toContain('| drift feature_with_a_long_name_0, drift feature_with_a_long_name_1, drift feature_with_a_long_name_2 and 57 more |');
    const comment = alertComment('churn', newAlerts([], history, recordKey), ['alice'], null);
    expect(comment.length).toBeLessThan(65_536);
    expect(comment).toContain('The 100 latest are listed; 11900 earlier ones are in the history.');
  });

  it('charts nothing for a metric without values, and a flat line gets a visible range', () => {
    const history = records([{ week: monday(0), auc: null, estimatedAuc: 0.8 }, { week: monday(1), auc: null, estimatedAuc: 0.8 }]);
    expect(metricChart(history, 'log_loss')).toBeNull();
    const chart = metricChart(history, 'roc_auc')!.join('\n');
    expect(chart).toContain('y-axis "roc_auc" 0.76 --> 0.84');
    expect(chart).toContain('**roc_auc**: estimated (in this order)');
  });
});
