/** Population stability index of binned shares, empty bins filled as Evidently's `psi` test. */
import { fillEmptyBins, psi as populationStability } from '../math/divergence.ts';
import { binnedSharesTest } from './binned-test.ts';

export const psi = binnedSharesTest({
  name: 'psi',
  description: 'population stability index Σ (r - c) ln(r / c), empty bins filled (Evidently psi)',
  statistic: (reference, current) => populationStability(fillEmptyBins(reference), fillEmptyBins(current)),
});
