/** What the App's services need besides the repository: identity, limits, the comparator. */
import type { Comparator } from '../comparison/types.ts';
import type { ZipLimits } from '../github/zip-limits.ts';

export interface AppDeps {
  /** The App's slug; its bot's login is `<slug>[bot]`. */
  appSlug: string;
  limits: ZipLimits;
  compare: Comparator;
  now: () => Date;
  /** How long a replica holds the promotion gate's lease (GATE_LEASE_MS when absent). */
  gateLeaseMs?: number;
}

export const botLogin = (deps: AppDeps): string => `${deps.appSlug}[bot]`;
