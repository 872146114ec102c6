/** Kullback-Leibler divergence D(ref ‖ cur) of binned shares, as Evidently's `kl_div` test. */
import { fillEmptyBins, klDivergence } from '../math/divergence.ts';
import { binnedSharesTest } from './binned-test.ts';

export const kl = binnedSharesTest({
  name: 'kl',
  description: 'Kullback-Leibler divergence D(reference ‖ current) in nats, empty bins filled (Evidently kl_div, scipy entropy)',
  statistic: (reference, current) => klDivergence(fillEmptyBins(reference), fillEmptyBins(current)),
});
