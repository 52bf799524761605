#!/usr/bin/env python3
"""Times NumPy float32 n x n matrix multiply (best of N runs) and prints GFLOPS.

The same-session reference for ml-bench's GemmBenchmark: one multiply is 2*n^3 floating-point
operations. Run with the system Python and without OpenBLAS tuning overrides, e.g.

    unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE
    /usr/bin/python3 ml-bench/numpy_gemm.py --n 1024 --repeats 20 --threads 2
"""
import argparse
import os
import sys
import time


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1024, help="matrix size (default 1024)")
    parser.add_argument("--repeats", type=int, default=20, help="timed runs; the best is reported")
    parser.add_argument("--threads", type=int, default=None,
                        help="BLAS threads (default: the BLAS library's own choice)")
    return parser.parse_args()


def main():
    args = parse_args()
    if args.threads is not None:
        # Must be set before NumPy loads its BLAS.
        for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ[variable] = str(args.threads)
    import numpy as np

    rng = np.random.default_rng(42)
    a = rng.uniform(-1, 1, (args.n, args.n)).astype(np.float32)
    b = rng.uniform(-1, 1, (args.n, args.n)).astype(np.float32)
    c = np.empty((args.n, args.n), dtype=np.float32)
    for _ in range(3):
        np.matmul(a, b, out=c)
    best = float("inf")
    for _ in range(args.repeats):
        start = time.perf_counter()
        np.matmul(a, b, out=c)
        best = min(best, time.perf_counter() - start)
    gflops = 2 * args.n ** 3 / best / 1e9
    threads = args.threads if args.threads is not None else "default"
    print(f"numpy {np.__version__} float32 {args.n}x{args.n} matmul, threads={threads}: "
          f"best {best * 1e3:.3f} ms of {args.repeats} -> {gflops:.1f} GFLOPS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
