/**
 * Reorders prediction rows. Metrics do not depend on row order, so the bootstrap may
 * number rows as it likes: numbering them by the candidate's score makes the candidate's
 * ranking pass read the resample counts in sequence instead of at random.
 */
import { argsortDescending } from './argsort.ts';
import type { PredictionRows } from './types.ts';

/** Row indices by descending score (ties by index), for binary rows; identity otherwise. */
export function bootstrapOrder(rows: PredictionRows): Uint32Array {
  if (rows.task === 'binary') return argsortDescending(rows.score);
  const order = new Uint32Array(rows.label.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order;
}

function take<T extends Float64Array | Uint8Array | Int32Array>(values: T, order: Uint32Array): T {
  const out = new (values.constructor as new (length: number) => T)(order.length);
  for (let k = 0; k < order.length; k++) out[k] = values[order[k]!]!;
  return out;
}

/** The rows in the given order: row k of the result is row order[k] of the input. */
export function permuteRows(rows: PredictionRows, order: Uint32Array): PredictionRows {
  switch (rows.task) {
    case 'binary':
      return { task: 'binary', label: take(rows.label, order), score: take(rows.score, order), predicted: take(rows.predicted, order) };
    case 'multiclass':
      return {
        task: 'multiclass',
        classes: rows.classes,
        label: take(rows.label, order),
        predicted: take(rows.predicted, order),
        probabilities: rows.probabilities ? rows.probabilities.map((column) => take(column, order)) : null,
      };
    case 'regression':
      return { task: 'regression', label: take(rows.label, order), predicted: take(rows.predicted, order) };
  }
}
