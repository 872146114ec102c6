/**
 * Two-proportion z-test, as Evidently's `z` test: the share of one value (the first in
 * sorted order) against all others, pooled standard error, two-sided p-value.
 */
import { normalTwoSided } from '../math/gamma.ts';
import type { DriftTest } from '../types.ts';

export const z: DriftTest = {
  name: 'z',
  description: 'two-proportion z statistic for the first value (sorted) against the rest, two-sided p-value',
  kinds: ['numerical', 'categorical'],
  rule: 'p<',
  defaultThreshold: 0.05,
  async run(evidence) {
    const counts = await evidence.valueCounts();
    if (counts.length < 2) return { statistic: 0, pValue: 1, note: 'one value on both sides' };
    const first = counts[0]!;
    const n1 = evidence.reference.rows;
    const n2 = evidence.current.rows;
    const p1 = first.reference / n1;
    const p2 = first.current / n2;
    const pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
    const statistic = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
    return { statistic, pValue: normalTwoSided(statistic), note: `share of "${String(first.value)}"` };
  },
};
