/** Two-sample Kolmogorov-Smirnov, `scipy.stats.ks_2samp(ref, cur)` (Evidently's default for small numerical references). */
import { ksPValue } from '../math/ks-pvalue.ts';
import type { DriftTest } from '../types.ts';

export const ks: DriftTest = {
  name: 'ks',
  description: 'two-sample Kolmogorov-Smirnov D, two-sided p-value (scipy ks_2samp, method auto)',
  kinds: ['numerical'],
  rule: 'p<=',
  defaultThreshold: 0.05,
  async run(evidence) {
    const distance = await evidence.ecdfDistance();
    const result = ksPValue(evidence.reference.rows, evidence.current.rows, distance);
    return { statistic: result.d, pValue: result.pValue, note: `${result.method} p-value` };
  },
};
