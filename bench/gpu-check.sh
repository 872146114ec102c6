#!/usr/bin/env bash
# The GPU check of `trainyard train`, run once on a lent CUDA machine (the device tool):
# the machine has Python with PyTorch but no Node, so this machine's Node binary travels
# in the ignored folder .gpu/ (xz -c "$(command -v node)" > .gpu/node.xz; carry .gpu).
# It prints the GPU, trains the example with train.py on CUDA under `trainyard train`
# (preflight, telemetry every 250 ms, lineage), then a failing preflight, and copies the
# outputs to $OUT. Record what it printed, with the machine's name, in docs/gpu.md.
set -uo pipefail
cd "$(dirname "$0")/.."
out="${OUT:-/tmp/trainyard-gpu-check}"
mkdir -p "$out" .gpu/bin
if [ ! -x .gpu/bin/node ]; then
  xz -dc .gpu/node.xz > .gpu/bin/node && chmod +x .gpu/bin/node
fi
export PATH="$PWD/.gpu/bin:$PATH"
echo "== machine"; nvidia-smi -L; nvidia-smi --query-gpu=name,driver_version,memory.total,memory.used --format=csv
python3 -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda, "available", torch.cuda.is_available())'
node --version

# The example's config, asking for one GPU and running the PyTorch trainer.
project="$(mktemp -d)/flight-delays"
cp -r examples/flight-delays "$project" && rm -rf "$project/.trainyard"
sed -i -e 's/^      command: node train.mjs/      command: python3 train.py/' \
       -e 's/^      seed: 42/      seed: 42\n      gpus: 1\n      telemetry_interval_ms: 250/' "$project/.github/trainyard.yml"
# dist/ resolves @duckdb/node-api from the checkout's node_modules when it was carried;
# `trainyard train` itself needs no DuckDB.
echo "== trainyard train on CUDA"
(cd "$project" && time node "$OLDPWD/dist/trainyard.js" train --out "$out/train" --summary "$out/summary.md")
echo "exit status: $?"
node -e 'const l = require(process.argv[1]); console.log(JSON.stringify({ gpu: l.gpu, telemetry: l.telemetry, durationSeconds: l.durationSeconds, exitStatus: l.exitStatus }, null, 2))' "$out/train/lineage.json"
head -5 "$out/train/telemetry.csv"; wc -l "$out/train/telemetry.csv"
cat "$out/train/metrics.json"

echo "== preflight that must fail: more GPUs than the machine has"
sed -i 's/^      gpus: 1/      gpus: 64/' "$project/.github/trainyard.yml"
(cd "$project" && time node "$OLDPWD/dist/trainyard.js" train --out "$out/too-many")
echo "exit status: $? (expected 1, within seconds)"
