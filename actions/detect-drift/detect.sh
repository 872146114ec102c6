#!/usr/bin/env bash
# Runs `trainyard drift` with the action's inputs (from the environment, never spliced
# into the script), sets the outputs and writes the report to the job summary.
set -euo pipefail
out="${RUNNER_TEMP:?}/trainyard-drift"
mkdir -p "$out"
args=(drift --config "$CONFIG" --out "$out/drift.json" --report "$out/drift.md" --json)
[ -n "${REFERENCE:-}" ] && args+=(--reference "$REFERENCE")
[ -n "${CURRENT:-}" ] && args+=(--current "$CURRENT")
[ -n "${MODEL:-}" ] && args+=(--model "$MODEL")
[ -n "${COLUMNS:-}" ] && args+=(--columns "$COLUMNS")
artifact="${ARTIFACT:-}"
[ -z "$artifact" ] && artifact="trainyard-drift${MODEL:+-$MODEL}"
args+=(--artifact "$artifact")
status=0
trainyard "${args[@]}" > "$out/stdout.json" || status=$?
# 0 no drift, 1 drift: both wrote drift.json; 2 (a user mistake) and 3 (a failure) did not.
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
  exit "$status"
fi
read -r drifted share < <(node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log(r.drifted, r.share)' "$out/drift.json")
{
  echo "drifted=$drifted"
  echo "share=$share"
  echo "report=$out/drift.md"
} >> "$GITHUB_OUTPUT"
cat "$out/drift.md" >> "$GITHUB_STEP_SUMMARY"
