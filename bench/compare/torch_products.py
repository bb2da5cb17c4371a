#!/usr/bin/python3
"""Times PyTorch's two large matrix products of one TwoLayerNet training step, alone:
   forward  x W1      (100x784)(784x50)
   backward x^T dA1   (784x100)(100x50)
float64, random data, the same thread settings as torch_train.py. Both products go to the
system OpenBLAS in PyTorch's step as in grad4j's, so their sum bounds how much faster than
PyTorch any implementation calling OpenBLAS for them can be.

  /usr/bin/python3 bench/compare/torch_products.py --threads 1 --blas-threads 2
"""
import argparse
import json
import os
import sys
import time


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--threads", type=int, default=1, help="torch.set_num_threads (and OpenBLAS unless --blas-threads)")
    p.add_argument("--blas-threads", type=int, help="OpenBLAS threads")
    p.add_argument("--calls", type=int, default=3000, help="calls per product per repetition (3000)")
    p.add_argument("--reps", type=int, default=5, help="repetitions; the fastest counts (5)")
    a = p.parse_args(argv)
    if a.threads < 1 or a.calls < 1 or a.reps < 1 or (a.blas_threads is not None and a.blas_threads < 1):
        p.error("thread, call and repetition counts must be positive")
    os.environ["OPENBLAS_NUM_THREADS"] = str(a.blas_threads or a.threads)
    import torch  # after OPENBLAS_NUM_THREADS is set
    torch.set_num_threads(a.threads)
    g = torch.Generator().manual_seed(0)
    x = torch.rand(100, 784, dtype=torch.float64, generator=g)
    w1 = torch.randn(784, 50, dtype=torch.float64, generator=g)
    da1 = torch.randn(100, 50, dtype=torch.float64, generator=g)
    a1 = torch.empty(100, 50, dtype=torch.float64)
    dw1 = torch.empty(784, 50, dtype=torch.float64)
    best_fwd = best_bwd = float("inf")
    for _ in range(a.reps):
        t0 = time.perf_counter()
        for _ in range(a.calls):
            torch.mm(x, w1, out=a1)
        t1 = time.perf_counter()
        for _ in range(a.calls):
            torch.mm(x.t(), da1, out=dw1)
        t2 = time.perf_counter()
        best_fwd = min(best_fwd, (t1 - t0) / a.calls * 1e6)
        best_bwd = min(best_bwd, (t2 - t1) / a.calls * 1e6)
    json.dump({"threads": a.threads, "blas_threads": a.blas_threads or a.threads,
               "forward_us": round(best_fwd, 1), "backward_us": round(best_bwd, 1),
               "sum_us": round(best_fwd + best_bwd, 1)}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
