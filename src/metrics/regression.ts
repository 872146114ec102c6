/**
 * Regression metrics, equal to scikit-learn's mean_squared_error (square root: rmse),
 * mean_absolute_error, r2_score (force_finite: a constant target scores 1 when
 * predicted exactly, else 0) and mean_absolute_percentage_error (|y| floored at eps).
 */
import type { RegressionRows, Weights } from './types.ts';

const EPS = 2.220446049250313e-16;

export const REGRESSION_METRICS = ['rmse', 'mae', 'r2', 'mape'] as const;
export type RegressionMetric = (typeof REGRESSION_METRICS)[number];

export function regressionMetrics(rows: RegressionRows, weights: Weights, names: readonly RegressionMetric[] = REGRESSION_METRICS): Partial<Record<RegressionMetric, number>> {
  const { label, predicted } = rows;
  let total = 0;
  let squared = 0;
  let absolute = 0;
  let percentage = 0;
  let labelSum = 0;
  for (let i = 0; i < label.length; i++) {
    const w = weights[i]!;
    if (w === 0) continue;
    const residual = label[i]! - predicted[i]!;
    squared += w * residual * residual;
    absolute += w * Math.abs(residual);
    percentage += (w * Math.abs(residual)) / Math.max(Math.abs(label[i]!), EPS);
    labelSum += w * label[i]!;
    total += w;
  }
  const mean = labelSum / total;
  let spread = 0;
  for (let i = 0; i < label.length; i++) {
    const w = weights[i]!;
    if (w !== 0) spread += w * (label[i]! - mean) ** 2;
  }
  let r2: number;
  if (spread !== 0) r2 = squared !== 0 ? 1 - squared / spread : 1;
  else r2 = squared === 0 ? 1 : 0;
  const values: Record<RegressionMetric, number> =
    total > 0
      ? { rmse: Math.sqrt(squared / total), mae: absolute / total, r2, mape: percentage / total }
      : { rmse: Number.NaN, mae: Number.NaN, r2: Number.NaN, mape: Number.NaN };
  const out: Partial<Record<RegressionMetric, number>> = {};
  for (const name of names) out[name] = values[name];
  return out;
}
