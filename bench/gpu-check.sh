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

repo="$PWD"
lineage() { node -e 'const l = require(process.argv[1]); console.log(JSON.stringify({ exitStatus: l.exitStatus, signal: l.signal, timedOut: l.timedOut, durationSeconds: l.durationSeconds, telemetry: l.telemetry }, null, 2))' "$1/lineage.json"; }

echo "== telemetry under load: 12 s of bf16 matrix products, then the example's trainer"
(cd "$project" && time node "$repo/dist/trainyard.js" train --out "$out/burn" --command "python3 $repo/bench/gpu-burn.py 12 && python3 train.py")
echo "exit status: $?"
lineage "$out/burn"
wc -l "$out/burn/telemetry.csv"

echo "== cancellation: SIGTERM to trainyard train 8 s into a 120 s GPU job"
(cd "$project" && exec node "$repo/dist/trainyard.js" train --out "$out/cancel" --command "python3 $repo/bench/gpu-burn.py 120") &
train_pid=$!
sleep 8
nvidia-smi --query-compute-apps=pid,used_memory --format=csv,noheader | sed 's/^/while training: /'
start=$(date +%s%N); kill -TERM "$train_pid"; wait "$train_pid"; status=$?
echo "exit status: $status (expected 143, 128 + SIGTERM) after $(( ($(date +%s%N) - start) / 1000000 )) ms"
sleep 2
echo "GPU processes left: $(nvidia-smi --query-compute-apps=pid --format=csv,noheader | wc -l) (expected 0)"
lineage "$out/cancel"
tail -3 "$out/cancel/train.log"

echo "== preflight that must fail: more GPUs than the machine has"
sed -i 's/^      gpus: 1/      gpus: 64/' "$project/.github/trainyard.yml"
(cd "$project" && time node "$repo/dist/trainyard.js" train --out "$out/too-many")
echo "exit status: $? (expected 1, within seconds)"

echo "== preflight that must fail: CUDA_VISIBLE_DEVICES hides every GPU"
sed -i 's/^      gpus: 64/      gpus: 1/' "$project/.github/trainyard.yml"
(cd "$project" && CUDA_VISIBLE_DEVICES=GPU-00000000-0000-0000-0000-000000000000 node "$repo/dist/trainyard.js" train --out "$out/hidden")
echo "exit status: $? (expected 1)"

echo "== preflight that must fail: more free memory than the GPU has"
sed -i 's/^      gpus: 1/      gpus: 1\n      min_gpu_memory_mb: 10000000/' "$project/.github/trainyard.yml"
(cd "$project" && node "$repo/dist/trainyard.js" train --out "$out/memory")
echo "exit status: $? (expected 1)"
cp "$project/.github/trainyard.yml" "$out/trainyard.yml"
