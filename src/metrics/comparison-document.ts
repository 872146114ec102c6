/**
 * comparison.json: the verdict and the per-metric rows, as `trainyard compare --json`
 * prints them and the evaluate action uploads them. The App recomputes the verdict from
 * raw metrics; this file is for people and for later steps of the same workflow.
 */
import type { Comparison, EvaluationProvenance, MetricComparison, Verdict } from './compare.ts';

export interface ComparisonDocument {
  schemaVersion: 1;
  model: string | null;
  verdict: Verdict;
  summary: string;
  candidate: string;
  baseline: string | null;
  metrics: MetricComparison[];
  significance: Comparison['significance'];
  /** Why the baseline could not be judged on the evaluation rows, when it could not. */
  baselineUnavailable?: string;
  /** The evaluation rows both models were scored on and where their labels came from (models with an `evaluation:` section). */
  evaluation?: EvaluationProvenance;
}

export function comparisonDocument(comparison: Comparison, sources: { model: string | null; candidate: string; baseline: string | null }): ComparisonDocument {
  return {
    schemaVersion: 1,
    model: sources.model,
    verdict: comparison.verdict,
    summary: comparison.summary,
    candidate: sources.candidate,
    baseline: sources.baseline,
    metrics: comparison.metrics,
    significance: comparison.significance,
    ...(comparison.baselineUnavailable ? { baselineUnavailable: comparison.baselineUnavailable } : {}),
    ...(comparison.evaluation ? { evaluation: comparison.evaluation } : {}),
  };
}
