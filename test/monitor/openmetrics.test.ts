import { describe, expect, it } from 'vitest';
import { escapeLabelValue, renderOpenMetrics, renderPrometheusText } from '../../src/monitor/openmetrics.ts';
import { aucLow, result } from './results.ts';

const twoWeeks = result('churn', [
  { week: '2026-01-05', auc: 0.8, estimatedAuc: 0.79 },
  { week: '2026-01-12', auc: 0.65, estimatedAuc: 0.68, alerts: [aucLow(0.65), aucLow(0.68, 'estimated')], driftShare: 0.25 },
]);

describe('renderOpenMetrics', () => {
  it('writes the latest chunk as gauges with HELP and TYPE, nulls left out, ending in # EOF', () => {
    const text = renderOpenMetrics(twoWeeks, '3');
    const lines = text.split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.at(-2)).toBe('# EOF');
    expect(lines).toContain('# TYPE trainyard_model_metric gauge');
    expect(lines).toContain('# TYPE trainyard_model_alerts gauge');
    expect(lines.filter((l) => l.startsWith('# HELP trainyard_model_metric '))).toHaveLength(1);
    expect(lines).toContain('trainyard_model_metric{model="churn",version="3",metric="roc_auc",kind="realized"} 0.65');
    expect(lines).toContain('trainyard_model_metric{model="churn",version="3",metric="roc_auc",kind="estimated"} 0.68');
    expect(lines).toContain('trainyard_model_metric{model="churn",version="3",metric="latency_p99",kind="latency"} 95.25');
    expect(lines).toContain('trainyard_model_metric{model="churn",version="3",metric="drift_share",kind="drift"} 0.25');
    expect(lines).toContain('trainyard_model_alerts{model="churn",version="3"} 2');
    // estimated precision is null in the chunk: no sample, no NaN
    expect(text).not.toContain('metric="precision",kind="estimated"');
    expect(text).not.toContain('NaN');
    // the first chunk's values are not reported
    expect(text).not.toContain(' 0.79\n');
    // every sample belongs to the family declared just above it
    let family = '';
    for (const line of lines.filter(Boolean)) {
      const type = /^# TYPE (\S+) gauge$/.exec(line);
      if (type) family = type[1]!;
      else if (!line.startsWith('#')) expect(line.startsWith(`${family}{`)).toBe(true);
    }
  });

  it('escapes label values and writes an empty version when there is none', () => {
    const odd = result('a"b\\c\nd', [{ week: '2026-01-05', auc: null, estimatedAuc: 0.7, latency: null }]);
    const text = renderOpenMetrics(odd, null);
    expect(text).toContain('trainyard_model_alerts{model="a\\"b\\\\c\\nd",version=""} 0');
    expect(text).not.toContain('kind="realized"');
    expect(text).not.toContain('kind="latency"');
    expect(escapeLabelValue('x\\"\n')).toBe('x\\\\\\"\\n');
  });

  it('a result without chunks declares the families and no samples', () => {
    const text = renderOpenMetrics({ model: 'm', chunking: 'day', reference: { rows: 0, chunks: 0 }, chunks: [], alerts: [] }, null);
    expect(text.split('\n').filter((l) => l && !l.startsWith('#'))).toEqual([]);
    expect(text.endsWith('# EOF\n')).toBe(true);
  });

  it('the Prometheus text format has the same samples and no # EOF', () => {
    const open = renderOpenMetrics(twoWeeks, '3').split('\n').filter((l) => l && !l.startsWith('#'));
    const prom = renderPrometheusText(twoWeeks, '3');
    expect(prom).not.toContain('# EOF');
    expect(prom.split('\n').filter((l) => l && !l.startsWith('#'))).toEqual(open);
  });
});
