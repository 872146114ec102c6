/** What routes, seeds and scenarios share: state, time, URLs, webhooks, downloads. */
import type { Downloads } from './downloads.ts';
import type { Clock } from './state/clock.ts';
import type { SimState } from './state/store.ts';
import type { ViolationLog } from './violations.ts';
import type { SimUrls } from './urls.ts';
import type { Webhooks } from './webhooks.ts';

export interface SimContext {
  state: SimState;
  clock: Clock;
  urls: SimUrls;
  webhooks: Webhooks;
  downloads: Downloads;
  violations: ViolationLog;
}
