#!/usr/bin/env bash
# Resolves `reference: champion` to the champion's profile.json: `trainyard registry
# download` finds the environment's champion in the registry and fetches its
# profile.json alone, digest verified. Any other reference passes through unchanged.
set -euo pipefail
if [ "${REFERENCE:-}" != "champion" ]; then
  echo "path=${REFERENCE:-}" >> "$GITHUB_OUTPUT"
  exit 0
fi
if [ -z "${MODEL:-}" ]; then
  echo "::error title=trainyard drift::reference: champion needs the model input"
  exit 2
fi
folder="${RUNNER_TEMP:?}/trainyard-champion"
# A re-run of the action in the same job downloads afresh: the champion may have changed.
rm -rf "$folder"
status=0
trainyard registry download "$MODEL" --environment "$ENVIRONMENT" --file profile.json --out "$folder" --registry "$REGISTRY" --config "$CONFIG" || status=$?
if [ "$status" -ne 0 ]; then
  echo "::error title=trainyard drift::cannot take the profile of the champion of ${MODEL} in ${ENVIRONMENT} from ${REGISTRY} (see the line above)"
  exit "$status"
fi
echo "path=$folder/profile.json" >> "$GITHUB_OUTPUT"
