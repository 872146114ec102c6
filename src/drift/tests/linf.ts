/** L-infinity distance of value shares, TFDV's drift comparator for categorical features. */
import { lInfinity } from '../math/divergence.ts';
import type { DriftTest } from '../types.ts';

export const linf: DriftTest = {
  name: 'linf',
  description: 'L-infinity distance max |p_ref - p_cur| over value shares (TFDV)',
  kinds: ['numerical', 'categorical'],
  rule: '>=',
  defaultThreshold: 0.1,
  async run(evidence) {
    const counts = await evidence.valueCounts();
    const value = lInfinity(
      counts.map((entry) => entry.reference),
      counts.map((entry) => entry.current),
    );
    return { statistic: value, pValue: null, note: `over ${counts.length} distinct values` };
  },
};
