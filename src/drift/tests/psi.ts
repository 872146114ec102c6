/** Population stability index of binned shares, empty bins filled as Evidently's `psi` test. */
import { binnedCounts, shares } from '../binning.ts';
import { fillEmptyBins, psi as populationStability } from '../math/divergence.ts';
import type { DriftTest } from '../types.ts';

export const psi: DriftTest = {
  name: 'psi',
  description: 'population stability index Σ (r - c) ln(r / c), empty bins filled (Evidently psi)',
  kinds: ['numerical', 'categorical'],
  rule: '>=',
  defaultThreshold: 0.1,
  async run(evidence) {
    const binned = await binnedCounts(evidence);
    const { reference, current } = shares(binned, evidence);
    const value = populationStability(fillEmptyBins(reference), fillEmptyBins(current));
    return { statistic: value, pValue: null, note: binned.note, distribution: { labels: binned.labels, reference, current } };
  },
};
