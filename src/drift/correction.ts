/**
 * Multiple-testing corrections over the columns' p-values (alibi-detect offers both):
 * Bonferroni multiplies by the number of tests; Benjamini-Hochberg's adjusted p-values
 * are the step-up minima min_{j >= i} (m / j) p_(j). Comparing an adjusted p-value with
 * the threshold is the same as the corrected procedure at that level.
 */
import type { Correction } from '../config/drift-methods.ts';

export function adjustPValues(pValues: number[], correction: Correction): number[] {
  const m = pValues.length;
  if (correction === 'none' || m === 0) return [...pValues];
  if (correction === 'bonferroni') return pValues.map((p) => Math.min(1, p * m));
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const { p, i } = order[rank - 1]!;
    running = Math.min(running, (p * m) / rank);
    adjusted[i] = Math.min(1, running);
  }
  return adjusted;
}
