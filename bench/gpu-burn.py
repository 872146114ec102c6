#!/usr/bin/env python3
"""Keeps one CUDA GPU busy with bf16 matrix products for a number of seconds.

Used by bench/gpu-check.sh as a training command under `trainyard train`, so the
telemetry sampler has real utilisation, memory and power to record, and so a
cancellation can be tried on a process that holds the GPU.

Usage: python3 bench/gpu-burn.py <seconds> [matrix size, default 8192]
       python3 bench/gpu-burn.py --products <count> [matrix size]   (a fixed amount of work)
Prints the achieved TFLOP/s once a second and, last, the time the products took;
exits 2 without CUDA.
"""

import json
import os
import sys
import time


def main():
    args = sys.argv[1:]
    fixed = args[:1] == ["--products"]
    if fixed:
        args = args[1:]
    limit = float(args[0]) if args else 10.0
    n = int(args[1]) if len(args) > 1 else 8192
    import torch

    if not torch.cuda.is_available():
        print("gpu-burn: CUDA is not available to PyTorch", file=sys.stderr)
        sys.exit(2)
    a = torch.randn(n, n, device="cuda", dtype=torch.bfloat16)
    b = torch.randn(n, n, device="cuda", dtype=torch.bfloat16)
    torch.mm(a, b)
    torch.cuda.synchronize()
    start = last = time.time()
    products = 0
    while (products < limit) if fixed else (time.time() - start < limit):
        for _ in range(20):
            torch.mm(a, b)
        torch.cuda.synchronize()
        products += 20
        now = time.time()
        if now - last >= 1.0:
            print(f"gpu-burn: {2 * n**3 * products / (now - start) / 1e12:.0f} TFLOP/s", flush=True)
            last = now
    elapsed = time.time() - start
    print(f"gpu-burn: {products} products of {n}x{n} in {elapsed:.3f} s", flush=True)
    write_layout(os.environ.get("TRAINYARD_OUTPUT_DIR"), products, elapsed, 2 * n**3 * products / elapsed / 1e12)


def write_layout(out, products, seconds, tflops):
    """Under `trainyard train`, leaves the layout a trainer must: model/, metrics, predictions."""
    if not out:
        return
    os.makedirs(os.path.join(out, "model"), exist_ok=True)
    with open(os.path.join(out, "model", "gpu-burn.txt"), "w") as f:
        f.write("bench/gpu-burn.py trains nothing; this file stands for a model.\n")
    with open(os.path.join(out, "metrics.json"), "w") as f:
        json.dump({"products": products, "seconds": seconds, "tflops": tflops}, f)
    with open(os.path.join(out, "predictions.csv"), "w") as f:
        f.write("id,label,score\n")


if __name__ == "__main__":
    main()
