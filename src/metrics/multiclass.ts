/**
 * Multiclass metrics, equal to scikit-learn's accuracy_score, f1_score (macro and
 * weighted) and log_loss. As in sklearn, F1 averages over the classes present in the
 * labels or the predictions (of this resample); log_loss clips each probability to
 * [eps, 1 - eps] and renormalises the row.
 */
import type { MulticlassRows, Weights } from './types.ts';

const EPS = 2.220446049250313e-16;

export const MULTICLASS_METRICS = ['accuracy', 'f1_macro', 'f1_weighted', 'log_loss'] as const;
export type MulticlassMetric = (typeof MULTICLASS_METRICS)[number];

export interface PreparedMulticlass {
  rows: MulticlassRows;
  /** −log of the true class's renormalised probability; null without probability columns. */
  logLoss: Float64Array | null;
}

export function prepareMulticlass(rows: MulticlassRows): PreparedMulticlass {
  const { probabilities, label } = rows;
  if (!probabilities) return { rows, logLoss: null };
  const logLoss = new Float64Array(label.length);
  for (let i = 0; i < label.length; i++) {
    let sum = 0;
    for (const column of probabilities) sum += Math.min(Math.max(column[i]!, EPS), 1 - EPS);
    const own = Math.min(Math.max(probabilities[label[i]!]![i]!, EPS), 1 - EPS);
    logLoss[i] = -Math.log(own / sum);
  }
  return { rows, logLoss };
}

export function multiclassMetrics(prepared: PreparedMulticlass, weights: Weights, names: readonly MulticlassMetric[] = MULTICLASS_METRICS): Partial<Record<MulticlassMetric, number>> {
  const { label, predicted, classes } = prepared.rows;
  const k = classes.length;
  const tp = new Float64Array(k);
  const truth = new Float64Array(k);
  const guessed = new Float64Array(k);
  let total = 0;
  let correct = 0;
  let loss = 0;
  for (let i = 0; i < label.length; i++) {
    const w = weights[i]!;
    if (w === 0) continue;
    const y = label[i]!;
    const p = predicted[i]!;
    truth[y]! += w;
    guessed[p]! += w;
    if (y === p) {
      tp[y]! += w;
      correct += w;
    }
    if (prepared.logLoss) loss += w * prepared.logLoss[i]!;
    total += w;
  }
  let macro = 0;
  let weighted = 0;
  let present = 0;
  for (let c = 0; c < k; c++) {
    if (truth[c]! + guessed[c]! === 0) continue;
    const f1 = (2 * tp[c]!) / (truth[c]! + guessed[c]!);
    macro += f1;
    weighted += f1 * truth[c]!;
    present++;
  }
  const values: Record<MulticlassMetric, number> = {
    accuracy: total > 0 ? correct / total : Number.NaN,
    f1_macro: present > 0 ? macro / present : Number.NaN,
    f1_weighted: total > 0 ? weighted / total : Number.NaN,
    log_loss: prepared.logLoss && total > 0 ? loss / total : Number.NaN,
  };
  const out: Partial<Record<MulticlassMetric, number>> = {};
  for (const name of names) out[name] = values[name];
  return out;
}
