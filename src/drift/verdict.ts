/** Whether a test's number crosses its threshold, by the test's rule. */
import type { DriftRule } from './types.ts';

export function verdict(rule: DriftRule, statistic: number | null, pValue: number | null, threshold: number): boolean {
  if (rule === 'p<=') return pValue !== null && pValue <= threshold;
  if (rule === 'p<') return pValue !== null && pValue < threshold;
  return statistic !== null && statistic >= threshold;
}
