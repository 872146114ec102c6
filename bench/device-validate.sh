#!/usr/bin/env bash
# bench/validate.ts on a lent device machine (many cores, Python, no Node): this machine's
# Node binary and DuckDB's native package travel in the ignored folder .gpu/, with the
# benchmark bundled (it needs no tsx there):
#   xz -c "$(command -v node)" > .gpu/node.xz
#   tar -cJf .gpu/duckdb.tar.xz node_modules/@duckdb
#   npx esbuild bench/validate.ts --bundle --platform=node --format=esm \
#     --external:@duckdb/node-api --outfile=.gpu/bench-validate.mjs
# then run this script with .gpu carried. It prints the machine and the benchmark.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
mkdir -p .gpu/bin
[ -x .gpu/bin/node ] || { xz -dc .gpu/node.xz > .gpu/bin/node && chmod +x .gpu/bin/node; }
[ -d node_modules/@duckdb/node-api ] || tar -xJf .gpu/duckdb.tar.xz
export PATH="$PWD/.gpu/bin:$PATH"
python="$(command -v python3)"
echo "== machine: $(nproc) CPUs, $(awk '/MemTotal/ {print int($2 / 1048576) " GiB"}' /proc/meminfo), $(uptime)"
"$python" -c 'import pandas, sys; print("pandas", pandas.__version__, "python", sys.version.split()[0])' || { echo "no pandas here: nothing to compare with"; exit 1; }
TRAINYARD_BENCH_PYTHON="$python" node .gpu/bench-validate.mjs
echo "== the fixed cost: trainyard validate on a one-row CSV, and node loading DuckDB alone (3 runs each)"
printf 'id,amount,category,score\n1,2.5,3,0.5\n' > /tmp/one-row.csv
for _ in 1 2 3; do "$python" bench/measure.py node dist/trainyard.js validate --data /tmp/one-row.csv --schema /tmp/trainyard-bench/generated.yml --json > /dev/null; done
for _ in 1 2 3; do "$python" bench/measure.py node -e "require('@duckdb/node-api')"; done
