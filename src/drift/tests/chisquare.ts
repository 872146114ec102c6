/**
 * Chi-square goodness of fit of current counts against reference proportions, as
 * Evidently's `chisquare` test: `scipy.stats.chisquare(cur, ref · n_cur / n_ref)`.
 */
import { chiSquareSf } from '../math/gamma.ts';
import type { DriftTest } from '../types.ts';

export const chisquare: DriftTest = {
  name: 'chisquare',
  description: 'chi-square goodness of fit of current counts to reference proportions, p-value (scipy chisquare)',
  kinds: ['numerical', 'categorical'],
  rule: 'p<',
  defaultThreshold: 0.05,
  async run(evidence) {
    const counts = await evidence.valueCounts();
    if (counts.length < 2) return { statistic: 0, pValue: 1, note: 'one value on both sides: no degrees of freedom' };
    const scale = evidence.current.rows / evidence.reference.rows;
    let statistic = 0;
    const unseen: string[] = [];
    for (const entry of counts) {
      const expected = entry.reference * scale;
      if (expected === 0) unseen.push(String(entry.value));
      statistic += ((entry.current - expected) * (entry.current - expected)) / expected;
    }
    if (unseen.length > 0) {
      const shown = unseen.slice(0, 5).join(', ') + (unseen.length > 5 ? ', …' : '');
      return { statistic: null, pValue: 0, note: `infinite statistic: ${unseen.length} value(s) never seen in the reference (${shown})` };
    }
    return { statistic, pValue: chiSquareSf(statistic, counts.length - 1), note: `${counts.length - 1} degrees of freedom` };
  },
};
