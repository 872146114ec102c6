#!/usr/bin/env bash
# Steps of actions/validate-data. Inputs arrive as environment variables only.
#   validate.sh          -> runs trainyard validate; outputs valid= and report=; writes
#                           the report to the job summary; exit 2 (bad input) fails here
#   validate.sh verdict  -> fails when checks failed and TRAINYARD_FAIL_ON_ERROR is true
set -uo pipefail
case "${1:-run}" in
  run)
    trainyard validate --data "$TRAINYARD_DATA" --schema "$TRAINYARD_SCHEMA" --report "$TRAINYARD_REPORT" --annotations
    code=$?
    if [ "$code" -ne 0 ] && [ "$code" -ne 1 ]; then
      echo "trainyard validate could not check the data (exit code $code); see the message above." >&2
      exit "$code"
    fi
    echo "report=$TRAINYARD_REPORT" >> "$GITHUB_OUTPUT"
    if [ "$code" -eq 0 ]; then echo "valid=true" >> "$GITHUB_OUTPUT"; else echo "valid=false" >> "$GITHUB_OUTPUT"; fi
    cat "$TRAINYARD_REPORT" >> "$GITHUB_STEP_SUMMARY"
    ;;
  verdict)
    case "${TRAINYARD_FAIL_ON_ERROR:-true}" in
      true) echo "The data failed its schema checks; see the job summary." >&2; exit 1 ;;
      false) echo "The data failed its schema checks (fail-on-error: false, so the job goes on)." ;;
      *) echo "fail-on-error: expected 'true' or 'false', got '$TRAINYARD_FAIL_ON_ERROR'" >&2; exit 2 ;;
    esac
    ;;
  *)
    echo "usage: validate.sh [run|verdict]" >&2
    exit 2
    ;;
esac
