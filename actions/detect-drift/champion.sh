#!/usr/bin/env bash
# Resolves `reference: champion` to the champion's profile.json: the highest stage tag
# <model>#<environment>#<seq> points at the version tag <model>@v<N>, whose release
# carries profile.json. Any other reference passes through unchanged.
set -euo pipefail
if [ "${REFERENCE:-}" != "champion" ]; then
  echo "path=${REFERENCE:-}" >> "$GITHUB_OUTPUT"
  exit 0
fi
if [ -z "${MODEL:-}" ]; then
  echo "::error title=trainyard drift::reference: champion needs the model input"
  exit 2
fi
uri() { jq -rn --arg value "$1" '$value | @uri'; }
prefix="${MODEL}#${ENVIRONMENT}#"
stage="$(gh api "repos/$GITHUB_REPOSITORY/git/matching-refs/tags/$(uri "$prefix")" \
  --jq 'map(.ref | ltrimstr("refs/tags/")) | map(select(split("#")[2] | test("^[0-9]+$"))) | sort_by(split("#")[2] | tonumber) | last // empty')"
if [ -z "$stage" ]; then
  echo "::error title=trainyard drift::no champion of ${MODEL} in ${ENVIRONMENT}: no tag ${prefix}<seq> in $GITHUB_REPOSITORY"
  exit 2
fi
object="$(gh api "repos/$GITHUB_REPOSITORY/git/ref/tags/$(uri "$stage")" --jq '.object.sha')"
version_object="$(gh api "repos/$GITHUB_REPOSITORY/git/tags/$object" --jq 'select(.object.type == "tag") | .object.sha')"
if [ -z "$version_object" ]; then
  echo "::error title=trainyard drift::stage tag $stage does not point at a version tag ${MODEL}@v<N>"
  exit 2
fi
version="$(gh api "repos/$GITHUB_REPOSITORY/git/tags/$version_object" --jq '.tag')"
folder="${RUNNER_TEMP:?}/trainyard-champion"
mkdir -p "$folder"
gh release download "$version" --repo "$GITHUB_REPOSITORY" --pattern profile.json --dir "$folder" --clobber
echo "Reference: profile.json of ${version} (champion of ${ENVIRONMENT}, ${stage})"
echo "path=$folder/profile.json" >> "$GITHUB_OUTPUT"
