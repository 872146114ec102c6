#!/usr/bin/env python3
"""Keeps one CUDA GPU busy with bf16 matrix products for a number of seconds.

Used by bench/gpu-check.sh as a training command under `trainyard train`, so the
telemetry sampler has real utilisation, memory and power to record, and so a
cancellation can be tried on a process that holds the GPU.

Usage: python3 bench/gpu-burn.py <seconds> [matrix size, default 8192]
Prints the achieved TFLOP/s once a second; exits 2 without CUDA.
"""

import sys
import time


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 8192
    import torch

    if not torch.cuda.is_available():
        print("gpu-burn: CUDA is not available to PyTorch", file=sys.stderr)
        sys.exit(2)
    a = torch.randn(n, n, device="cuda", dtype=torch.bfloat16)
    b = torch.randn(n, n, device="cuda", dtype=torch.bfloat16)
    start = last = time.time()
    products = 0
    while time.time() - start < seconds:
        for _ in range(20):
            torch.mm(a, b)
        torch.cuda.synchronize()
        products += 20
        now = time.time()
        if now - last >= 1.0:
            print(f"gpu-burn: {2 * n**3 * products / (now - start) / 1e12:.0f} TFLOP/s", flush=True)
            last = now
    print(f"gpu-burn: {products} products of {n}x{n} in {time.time() - start:.1f} s", flush=True)


if __name__ == "__main__":
    main()
