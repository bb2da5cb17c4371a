#!/usr/bin/env python3
"""The model-file architecture (grad4j_architecture, a uint8 array of UTF-8 JSON) with NumPy.

    /usr/bin/python3 tools/reference/architecture_interop.py write core/src/test/resources/org/grad4j/io
    /usr/bin/python3 tools/reference/architecture_interop.py check FILE.npz

`write` makes the files ArchitectureFileTest reads (run once; the output is committed):
numpy_architecture.npz, written by np.savez with two linear layers and the architecture, and
numpy_architecture.npy, the architecture array alone, which grad4j's Npy.encodeBytes must
reproduce byte for byte. `check` loads a file written by grad4j with allow_pickle=False and prints
the architecture and the arrays' shapes and dtypes (it fails if any array needs pickle).
Committed files were generated with Debian's python3-numpy 1.24.2.
"""
import json
import sys
from pathlib import Path

import numpy as np

ARCHITECTURE = {
    "format": "grad4j-architecture",
    "version": 1,
    "task": "regression",
    "layers": [
        {"type": "linear", "in": 3, "out": 4, "weight": "W1", "bias": "b1"},
        {"type": "tanh"},
        {"type": "linear", "in": 4, "out": 1, "weight": "W2", "bias": "b2"},
    ],
    "activation": "tanh",
    "loss": "mse",
    "normalization": {"kind": "standardize", "mean": [0.5, -1.25, 3.0], "std": [2.0, 0.5, 1.5]},
}


def write(out):
    out.mkdir(parents=True, exist_ok=True)
    text = json.dumps(ARCHITECTURE, separators=(",", ":"))
    arch = np.frombuffer(text.encode("utf-8"), dtype=np.uint8)
    W1 = (np.arange(12, dtype=np.float64) * 0.25 - 1.0).reshape(3, 4)
    b1 = np.array([0.5, -0.5, 0.0, 1.0])
    W2 = np.array([[1.0], [-2.0], [0.75], [0.125]])
    b2 = np.array([-0.25])
    np.savez(out / "numpy_architecture.npz", W1=W1, b1=b1, W2=W2, b2=b2, grad4j_architecture=arch)
    np.save(out / "numpy_architecture.npy", arch)
    print(text)


def check(path):
    z = np.load(path, allow_pickle=False)
    for name in z.files:
        a = z[name]
        print(f"{name}: {a.dtype} {a.shape}")
    arch = json.loads(z["grad4j_architecture"].tobytes().decode("utf-8"))
    print(json.dumps(arch, sort_keys=False))


if __name__ == "__main__":
    if sys.argv[1] == "write":
        write(Path(sys.argv[2]))
    else:
        check(sys.argv[2])
