#!/usr/bin/env bash
# Shared by actions/setup and the root action.yml (a composite action cannot call
# another action of its own repository by a relative path).
#   setup.sh paths    -> outputs root= and key= (the runtime cache key)
#   setup.sh install  -> installs the native runtime dependencies into dist/node_modules
#   setup.sh link     -> puts `trainyard` on PATH, outputs main=
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
case "${1:-}" in
  paths)
    digest="$(sha256sum "$root/dist/package.json" | cut -c1-16)"
    echo "root=$root" >> "$GITHUB_OUTPUT"
    echo "key=trainyard-runtime-${RUNNER_OS}-${RUNNER_ARCH}-node$(node -p 'process.versions.modules')-$digest" >> "$GITHUB_OUTPUT"
    ;;
  install)
    npm install --prefix "$root/dist" --omit=dev --no-audit --no-fund --no-package-lock --loglevel=error
    ;;
  link)
    bin="${RUNNER_TEMP:?}/trainyard-bin"
    mkdir -p "$bin"
    printf '#!/usr/bin/env bash\nexec node "%s/dist/trainyard.js" "$@"\n' "$root" > "$bin/trainyard"
    chmod +x "$bin/trainyard"
    echo "$bin" >> "$GITHUB_PATH"
    echo "main=$root/dist/trainyard.js" >> "$GITHUB_OUTPUT"
    ;;
  *)
    echo "usage: setup.sh paths|install|link" >&2
    exit 2
    ;;
esac
