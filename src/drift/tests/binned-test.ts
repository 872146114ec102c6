/**
 * The drift tests that compare binned shares (PSI, KL, Jensen-Shannon): the same
 * binning (Sturges edges or one bin per value), the same threshold rule, a different
 * statistic of the two share vectors.
 */
import { binnedCounts, shares } from '../binning.ts';
import type { DriftTest } from '../types.ts';

export function binnedSharesTest(spec: { name: DriftTest['name']; description: string; statistic: (reference: number[], current: number[]) => number }): DriftTest {
  return {
    name: spec.name,
    description: spec.description,
    kinds: ['numerical', 'categorical'],
    rule: '>=',
    defaultThreshold: 0.1,
    async run(evidence) {
      const binned = await binnedCounts(evidence);
      const { reference, current } = shares(binned, evidence);
      return { statistic: spec.statistic(reference, current), pValue: null, note: binned.note, distribution: { labels: binned.labels, reference, current } };
    },
  };
}
