/** Jensen-Shannon distance (natural log) of binned shares, as Evidently's `jensenshannon` test. */
import { binnedCounts, shares } from '../binning.ts';
import { jensenShannon } from '../math/divergence.ts';
import type { DriftTest } from '../types.ts';

export const jensenshannon: DriftTest = {
  name: 'jensenshannon',
  description: 'Jensen-Shannon distance, natural log (sqrt of the divergence; Evidently, scipy jensenshannon)',
  kinds: ['numerical', 'categorical'],
  rule: '>=',
  defaultThreshold: 0.1,
  async run(evidence) {
    const binned = await binnedCounts(evidence);
    const { reference, current } = shares(binned, evidence);
    return { statistic: jensenShannon(reference, current), pValue: null, note: binned.note, distribution: { labels: binned.labels, reference, current } };
  },
};
