#!/usr/bin/env bash
# The evaluate action's step: every input arrives as a TRAINYARD_* variable (never
# interpolated into the script), and is passed to the CLI as one argument each.
#   1. `trainyard compare` against the champion -> comparison.json, comparison.md, and
#      without a metrics input metrics.json, computed from the predictions (the task from
#      the input, else from the model in the config; for a model with an evaluation
#      section, on its evaluation rows, the labels read from the evaluation-ref input,
#      else the pull request's base branch);
#   2. the verdict to the step outputs, the report to the job summary.
set -euo pipefail

out="${TRAINYARD_OUTPUT:-trainyard-evaluation}"
mkdir -p "$out"

common=(--policy "$TRAINYARD_CONFIG")
[ -n "${TRAINYARD_MODEL:-}" ] && common+=(--model "$TRAINYARD_MODEL")
[ -n "${TRAINYARD_TASK:-}" ] && common+=(--task "$TRAINYARD_TASK")

metrics="${TRAINYARD_METRICS:-}"
if [ -z "$metrics" ] && [ -z "${TRAINYARD_PREDICTIONS:-}" ]; then
  echo "::error title=trainyard evaluate::set the 'metrics' or the 'predictions' input"
  exit 2
fi

args=(compare "${common[@]}" --out "$out/comparison.json" --markdown "$out/comparison.md")
[ -n "$metrics" ] && args+=(--candidate "$metrics")
[ -n "${TRAINYARD_PREDICTIONS:-}" ] && args+=(--candidate-predictions "$TRAINYARD_PREDICTIONS")
# Without a metrics file, trainyard computes the candidate's metrics from its predictions
# (for a model with an evaluation section, on the evaluation rows with the trusted labels,
# so the predictions need no label column) and writes them beside the comparison.
[ -z "$metrics" ] && args+=(--metrics-out "$out/metrics.json")
[ -n "${TRAINYARD_BASELINE_METRICS:-}" ] && args+=(--baseline "$TRAINYARD_BASELINE_METRICS")
[ -n "${TRAINYARD_BASELINE_PREDICTIONS:-}" ] && args+=(--baseline-predictions "$TRAINYARD_BASELINE_PREDICTIONS")
[ -n "${TRAINYARD_EVALUATION_REF:-}" ] && args+=(--evaluation-ref "$TRAINYARD_EVALUATION_REF")
[ -n "${TRAINYARD_HISTORY:-}" ] && args+=(--history "$TRAINYARD_HISTORY")
[ -n "${TRAINYARD_LINEAGE:-}" ] && args+=(--lineage "$TRAINYARD_LINEAGE")

status=0
trainyard "${args[@]}" > /dev/null || status=$?
# 0 passed and 1 did not pass: both wrote comparison.json. 2 (a user mistake) and 3 (a
# failure of trainyard or GitHub) wrote none: pass the code on.
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then exit "$status"; fi
if [ ! -f "$out/comparison.json" ]; then
  echo "::error title=trainyard evaluate::trainyard compare exited $status without writing $out/comparison.json"
  exit 3
fi

verdict="$(node -p 'JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8")).verdict' "$out/comparison.json")"
{
  echo "verdict=$verdict"
  echo "comparison=$out/comparison.json"
} >> "$GITHUB_OUTPUT"
cat "$out/comparison.md" >> "$GITHUB_STEP_SUMMARY"

if [ "$status" -ne 0 ] && [ "${TRAINYARD_FAIL:-true}" = "true" ]; then
  echo "::error title=trainyard::the candidate's verdict is $verdict (see the job summary)"
  exit 1
fi
