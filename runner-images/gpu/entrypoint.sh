#!/usr/bin/env bash
# Starts an ephemeral GitHub Actions runner that takes exactly one job.
#
# Registration is just in time, with a config minted by the trainyard GitHub App (no
# personal access token, no registration token on disk):
#   - under ARC (gha-runner-scale-set) the controller passes ACTIONS_RUNNER_INPUT_JITCONFIG;
#   - elsewhere the entrypoint mints one with `trainyard runner jitconfig`, from
#     GITHUB_APP_ID, GITHUB_APP_PRIVATE_KEY_FILE and RUNNER_REPOSITORY (owner/repo) or RUNNER_ORG.
# Optional: RUNNER_LABELS (default self-hosted,gpu), RUNNER_NAME (default the host name),
# RUNNER_GROUP_ID (default 1), RUNNER_HOME (default /home/runner/actions-runner).
set -euo pipefail

fail() {
  echo "entrypoint: $*" >&2
  exit 2
}

runner_home="${RUNNER_HOME:-/home/runner/actions-runner}"
labels="${RUNNER_LABELS:-self-hosted,gpu}"

if [ "$(id -u)" -eq 0 ] && [ "${RUNNER_ALLOW_RUNASROOT:-}" != "1" ]; then
  fail "refusing to run the Actions runner as root; run the image as its runner user"
fi
[ -x "$runner_home/run.sh" ] || fail "no Actions runner at $runner_home (run.sh missing); set RUNNER_HOME"

if command -v nvidia-smi >/dev/null 2>&1; then
  nvidia-smi -L || echo "entrypoint: nvidia-smi found no GPU; jobs that need one will fail their preflight" >&2
else
  echo "entrypoint: nvidia-smi is not available; start the container with the NVIDIA runtime to expose GPUs" >&2
fi

jitconfig="${ACTIONS_RUNNER_INPUT_JITCONFIG:-}"
if [ -z "$jitconfig" ]; then
  [ -n "${GITHUB_APP_ID:-}" ] || fail "GITHUB_APP_ID is not set (or pass ACTIONS_RUNNER_INPUT_JITCONFIG)"
  [ -r "${GITHUB_APP_PRIVATE_KEY_FILE:-}" ] || fail "GITHUB_APP_PRIVATE_KEY_FILE does not name a readable PEM file"
  if [ -n "${RUNNER_REPOSITORY:-}" ]; then
    scope=(--repo "$RUNNER_REPOSITORY")
  elif [ -n "${RUNNER_ORG:-}" ]; then
    scope=(--org "$RUNNER_ORG")
  else
    fail "set RUNNER_REPOSITORY (owner/repo) or RUNNER_ORG"
  fi
  jitconfig="$(trainyard runner jitconfig "${scope[@]}" \
    --labels "$labels" \
    --name "${RUNNER_NAME:-$(hostname)}" \
    --runner-group-id "${RUNNER_GROUP_ID:-1}" \
    --app-id "$GITHUB_APP_ID" \
    --private-key "$GITHUB_APP_PRIVATE_KEY_FILE")" || fail "could not mint a just-in-time runner config (see the line above)"
fi

# Jobs inherit the runner's .env: trainyard records these labels in lineage.json.
printf 'TRAINYARD_RUNNER_LABELS=%s\n' "$labels" >> "$runner_home/.env"

# Nothing a job could read: the App's credentials stay with the entrypoint.
unset GITHUB_APP_ID GITHUB_APP_PRIVATE_KEY_FILE GITHUB_APP_PRIVATE_KEY ACTIONS_RUNNER_INPUT_JITCONFIG

exec "$runner_home/run.sh" --jitconfig "$jitconfig"
