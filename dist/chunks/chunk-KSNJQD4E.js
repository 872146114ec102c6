#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);

// src/metrics/comparison-document.ts
function comparisonDocument(comparison, sources) {
  return {
    schemaVersion: 1,
    model: sources.model,
    verdict: comparison.verdict,
    summary: comparison.summary,
    candidate: sources.candidate,
    baseline: sources.baseline,
    metrics: comparison.metrics,
    significance: comparison.significance,
    ...comparison.baselineUnavailable ? { baselineUnavailable: comparison.baselineUnavailable } : {},
    ...comparison.evaluation ? { evaluation: comparison.evaluation } : {}
  };
}

export {
  comparisonDocument
};
