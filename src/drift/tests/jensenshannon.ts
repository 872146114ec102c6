/** Jensen-Shannon distance (natural log) of binned shares, as Evidently's `jensenshannon` test. */
import { jensenShannon } from '../math/divergence.ts';
import { binnedSharesTest } from './binned-test.ts';

export const jensenshannon = binnedSharesTest({
  name: 'jensenshannon',
  description: 'Jensen-Shannon distance, natural log (sqrt of the divergence; Evidently, scipy jensenshannon)',
  statistic: jensenShannon,
});
