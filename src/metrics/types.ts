/**
 * The domain types of evaluation: predictions as typed columns, ready for metrics.
 * Weights are bootstrap counts (how often each row was drawn); the point estimate
 * weighs every row once, so one implementation serves both.
 */

export type Task = 'binary' | 'multiclass' | 'regression';

export const TASKS: readonly Task[] = ['binary', 'multiclass', 'regression'];

/**
 * How often each row counts: all ones for the point estimate, 0/1 for a segment, draw
 * counts in a bootstrap resample. Bytes keep the resample loops in cache.
 */
export type Weights = Uint8Array;

export interface BinaryRows {
  task: 'binary';
  /** 1 for the positive class, 0 otherwise. */
  label: Uint8Array;
  score: Float64Array;
  /** The predicted class: the prediction column, or score >= threshold. */
  predicted: Uint8Array;
}

export interface MulticlassRows {
  task: 'multiclass';
  /** Class names, sorted as sklearn sorts labels; codes below index into it. */
  classes: string[];
  label: Int32Array;
  predicted: Int32Array;
  /** One probability column per class (same order as `classes`), when given. */
  probabilities: Float64Array[] | null;
}

export interface RegressionRows {
  task: 'regression';
  label: Float64Array;
  predicted: Float64Array;
}

export type PredictionRows = BinaryRows | MulticlassRows | RegressionRows;

export function rowCount(rows: PredictionRows): number {
  return rows.label.length;
}

/** Every row once: the weights of the point estimate. */
export function unitWeights(n: number): Weights {
  return new Uint8Array(n).fill(1);
}
