#!/usr/bin/env python3
"""Writes the .npz/.npy files NpzTest reads, with NumPy (run once; the output is committed).

    /usr/bin/python3 tools/reference/npz_interop.py core/src/test/resources/org/grad4j/io

Committed files were generated with Debian's python3-numpy 1.24.2 (the version is written into
numpy-version.txt next to the files).
"""
import sys
from pathlib import Path

import numpy as np

out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
(out / "numpy-version.txt").write_text(np.__version__ + "\n")

# W: 2x3 float64 with values k + k/8 (exact in binary), b: (3,) float64
W = (np.arange(6, dtype=np.float64) * 1.125).reshape(2, 3)
b = np.array([-1.5, 0.0, 2.25])
# float32 values that are not exact in decimal, to check f4 -> f8 widening
W32 = (np.arange(6, dtype=np.float32) / np.float32(3)).reshape(3, 2)
# Fortran-order 2x3x2 array: element (i, j, k) = 100 i + 10 j + k
F = np.asfortranarray(np.fromfunction(lambda i, j, k: 100 * i + 10 * j + k, (2, 3, 2), dtype=np.float64))
assert F.flags.f_contiguous and not F.flags.c_contiguous
ints = np.array([[1, -2], [3, -4]], dtype=np.int64)
i32 = np.array([7, -8, 9], dtype=np.int32)
u8 = np.array([0, 128, 255], dtype=np.uint8)
scalar = np.float64(3.5)

np.savez(out / "numpy_savez.npz", W=W, b=b, W32=W32, F=F, ints=ints, i32=i32, u8=u8, scalar=scalar)
np.savez_compressed(out / "numpy_savez_compressed.npz", W=W, b=b, W32=W32, F=F, ints=ints, i32=i32, u8=u8, scalar=scalar)
# single arrays with np.save, to compare our header bytes with NumPy's
np.save(out / "numpy_W.npy", W)
np.save(out / "numpy_784x0.npy", np.zeros((784, 0)))  # header of a 784-row array, no data
np.save(out / "numpy_vector.npy", b)
np.save(out / "numpy_scalar.npy", np.array(3.5))
# unsupported dtype
np.savez(out / "numpy_complex.npz", z=np.array([1 + 2j]))
print("W32 as float64:", W32.astype(np.float64).ravel().tolist())
