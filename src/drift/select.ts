/**
 * The automatic choice of test per column, exactly as Evidently decides it: on the
 * reference's row count and the distinct values of both sides together.
 */
import type { DriftMethod } from '../config/drift-methods.ts';
import type { ColumnKind } from './types.ts';

export interface SelectionFacts {
  kind: ColumnKind;
  /** Non-null reference rows (a profile's full count, not its sample's). */
  referenceRows: number;
  /** Distinct non-null values of reference and current together. */
  distinct: number;
}

/**
 * @example autoMethod({ kind: 'numerical', referenceRows: 20000, distinct: 900 }) // 'wasserstein'
 */
export function autoMethod(facts: SelectionFacts): DriftMethod {
  if (facts.referenceRows <= 1000) {
    if (facts.kind === 'numerical' && facts.distinct > 5) return 'ks';
    return facts.distinct > 2 ? 'chisquare' : 'z';
  }
  if (facts.kind === 'numerical' && facts.distinct > 5) return 'wasserstein';
  return 'jensenshannon';
}
