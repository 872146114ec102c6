/** Kullback-Leibler divergence D(ref ‖ cur) of binned shares, as Evidently's `kl_div` test. */
import { binnedCounts, shares } from '../binning.ts';
import { fillEmptyBins, klDivergence } from '../math/divergence.ts';
import type { DriftTest } from '../types.ts';

export const kl: DriftTest = {
  name: 'kl',
  description: 'Kullback-Leibler divergence D(reference ‖ current) in nats, empty bins filled (Evidently kl_div, scipy entropy)',
  kinds: ['numerical', 'categorical'],
  rule: '>=',
  defaultThreshold: 0.1,
  async run(evidence) {
    const binned = await binnedCounts(evidence);
    const { reference, current } = shares(binned, evidence);
    const value = klDivergence(fillEmptyBins(reference), fillEmptyBins(current));
    return { statistic: value, pValue: null, note: binned.note, distribution: { labels: binned.labels, reference, current } };
  },
};
