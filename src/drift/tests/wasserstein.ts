/** Wasserstein distance normed by the reference's standard deviation, as Evidently's `wasserstein` test. */
import type { DriftTest } from '../types.ts';

export const wasserstein: DriftTest = {
  name: 'wasserstein',
  description: 'Wasserstein-1 distance / max(std(reference, ddof=0), 0.001) (Evidently wasserstein)',
  kinds: ['numerical'],
  rule: '>=',
  defaultThreshold: 0.1,
  async run(evidence) {
    const distance = await evidence.wasserstein();
    return { statistic: distance / Math.max(evidence.reference.std ?? 0, 0.001), pValue: null };
  },
};
