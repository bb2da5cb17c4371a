"""Shared pieces of the side-by-side comparison scripts (numpy_train.py, torch_train.py,
make_sgd_reference.py): IDX reading, mini-batch sampling rules, model files, BLAS report.

Only NumPy and the standard library are imported here, so that a caller can set
OPENBLAS_NUM_THREADS before NumPy is loaded (see limit_blas_threads_before_import).
"""
import ctypes
import gzip
import json
import os
import struct
import sys

DEFAULT_DATA = "/usr/share/datasets/fashion-mnist"

# The four files of an MNIST-family data set, as LeCun and Zalando name them.
FILES = {
    "train_images": "train-images-idx3-ubyte",
    "train_labels": "train-labels-idx1-ubyte",
    "test_images": "t10k-images-idx3-ubyte",
    "test_labels": "t10k-labels-idx1-ubyte",
}
SAMPLING_RULES = ("replacement", "shuffle", "sequential")
PARAM_NAMES = ("W1", "b1", "W2", "b2")


def limit_blas_threads_before_import(threads):
    """Sets the thread count of OpenBLAS/OpenMP through the environment. Effective only when
    called before NumPy or torch is first imported; None leaves the library defaults."""
    if threads is None:
        return
    if threads < 1:
        raise SystemExit(f"--threads must be >= 1, got {threads}")
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(threads)


def _read_idx(path, expected_magic):
    """Reads one IDX file (gzip-compressed or not) into a uint8 array of its stated shape."""
    import numpy as np
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        raw = f.read()
    if len(raw) < 4:
        raise SystemExit(f"{path}: truncated header ({len(raw)} bytes)")
    magic = struct.unpack(">I", raw[:4])[0]
    if magic != expected_magic:
        raise SystemExit(f"{path}: bad magic 0x{magic:08x}, expected 0x{expected_magic:08x}")
    ndim = magic & 0xFF
    dims = struct.unpack(">" + "I" * ndim, raw[4:4 + 4 * ndim])
    offset = 4 + 4 * ndim
    count = 1
    for d in dims:
        count *= d
    if len(raw) - offset != count:
        raise SystemExit(f"{path}: {len(raw) - offset} data bytes, header {list(dims)} needs {count}")
    return np.frombuffer(raw, dtype=np.uint8, offset=offset).reshape(dims)


def _locate(directory, stem):
    for name in (stem + ".gz", stem):
        path = os.path.join(directory, name)
        if os.path.exists(path):
            return path
    raise SystemExit(f"{directory}: missing {stem}.gz (or {stem})")


def load_dataset(directory):
    """Returns (x_train, t_train, x_test, t_test): images as float64 rows of pixel/255.0
    (shape (n, 784)), labels as int64 class indices."""
    import numpy as np
    arrays = {}
    for key, stem in FILES.items():
        magic = 0x00000803 if key.endswith("images") else 0x00000801
        arrays[key] = _read_idx(_locate(directory, stem), magic)
    def images(a):
        return (a.reshape(a.shape[0], -1).astype(np.float64)) / 255.0
    x_train, x_test = images(arrays["train_images"]), images(arrays["test_images"])
    t_train = arrays["train_labels"].astype(np.int64)
    t_test = arrays["test_labels"].astype(np.int64)
    if x_train.shape[0] != t_train.shape[0] or x_test.shape[0] != t_test.shape[0]:
        raise SystemExit(f"{directory}: image and label counts differ "
                         f"({x_train.shape[0]}/{t_train.shape[0]}, {x_test.shape[0]}/{t_test.shape[0]})")
    return x_train, t_train, x_test, t_test


class BatchSampler:
    """Mini-batch rows by one of three rules, identical across the scripts.

    replacement: np.random.choice(n, batch) each iteration (the book's train_neuralnet.py);
    shuffle:     a fresh np.random.permutation(n) each epoch, cut into consecutive batches,
                 the incomplete last batch of an epoch dropped;
    sequential:  file order, batch k = rows [k*batch, k*batch + batch) modulo n (wrapping).

    next() returns either a slice (sequential without wrap: no copy, a view) or an index array.
    """

    def __init__(self, rule, n, batch, rng):
        if rule not in SAMPLING_RULES:
            raise SystemExit(f"unknown sampling rule {rule!r}, expected one of {SAMPLING_RULES}")
        if not (1 <= batch <= n):
            raise SystemExit(f"batch must be in [1, {n}], got {batch}")
        self.rule, self.n, self.batch, self.rng = rule, n, batch, rng
        self.k = 0
        self.perm = None
        self.per_epoch = n // batch

    def next(self):
        import numpy as np
        n, b = self.n, self.batch
        if self.rule == "replacement":
            idx = self.rng.choice(n, b)
        elif self.rule == "shuffle":
            j = self.k % self.per_epoch
            if j == 0:
                self.perm = self.rng.permutation(n)
            idx = self.perm[j * b:(j + 1) * b]
        else:
            start = (self.k * b) % n
            idx = slice(start, start + b) if start + b <= n else (start + np.arange(b)) % n
        self.k += 1
        return idx


def save_params(path, params):
    """Writes W1, b1, W2, b2 (float64, C order) as an uncompressed NumPy .npz."""
    import numpy as np
    arrays = {k: np.ascontiguousarray(params[k], dtype=np.float64) for k in PARAM_NAMES}
    np.savez(path, **arrays)


def load_params(path, input_size=784, hidden_size=50, output_size=10):
    import numpy as np
    shapes = {"W1": (input_size, hidden_size), "b1": (hidden_size,),
              "W2": (hidden_size, output_size), "b2": (output_size,)}
    with np.load(path) as z:
        params = {}
        for k in PARAM_NAMES:
            if k not in z:
                raise SystemExit(f"{path}: missing array {k} (has {sorted(z.files)})")
            a = np.array(z[k], dtype=np.float64)
            if a.shape != shapes[k]:
                raise SystemExit(f"{path}: {k} has shape {list(a.shape)}, expected {list(shapes[k])}")
            params[k] = a
    return params


def init_params(rng, input_size=784, hidden_size=50, output_size=10, std=0.01):
    """The book's TwoLayerNet initialisation: W = std * randn, b = 0 (W1 drawn before W2)."""
    import numpy as np
    return {"W1": std * rng.randn(input_size, hidden_size), "b1": np.zeros(hidden_size),
            "W2": std * rng.randn(hidden_size, output_size), "b2": np.zeros(output_size)}


def _loaded_blas_libraries():
    libs = []
    try:
        with open("/proc/self/maps") as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 6:
                    path = parts[5]
                    base = os.path.basename(path)
                    if ("blas" in base or "mkl_rt" in base or "blis" in base) and path not in libs:
                        libs.append(path)
    except OSError:
        pass
    return libs


def blas_report():
    """Which BLAS the running process uses: threadpoolctl when installed, otherwise the
    shared libraries mapped into this process, asked through OpenBLAS's C API for its
    version/config, the CPU kernel (core name) and its thread count."""
    report = {}
    try:
        import threadpoolctl
        info = threadpoolctl.threadpool_info()
        report["threadpoolctl"] = [{k: d.get(k) for k in
                                    ("internal_api", "version", "architecture", "num_threads",
                                     "threading_layer", "filepath")} for d in info]
    except ImportError:
        pass
    libs = _loaded_blas_libraries()
    report["libraries"] = libs
    for path in libs:
        try:
            lib = ctypes.CDLL(path)
            get_config = lib.openblas_get_config
        except (OSError, AttributeError):
            continue
        get_config.restype = ctypes.c_char_p
        lib.openblas_get_corename.restype = ctypes.c_char_p
        report["openblas"] = {
            "library": os.path.realpath(path),
            "config": get_config().decode().strip(),
            "corename": lib.openblas_get_corename().decode(),
            "num_threads": lib.openblas_get_num_threads(),
        }
        break
    for var in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
        if var in os.environ:
            report.setdefault("environment", {})[var] = os.environ[var]
    return report


def blas_summary(report):
    """One line for a table: 'OpenBLAS 0.3.21 Haswell, 2 threads' or the library names."""
    ob = report.get("openblas")
    if ob:
        version = ob["config"].split()[1] if ob["config"].startswith("OpenBLAS ") else ob["config"]
        return f"OpenBLAS {version} {ob['corename']}, {ob['num_threads']} threads"
    tp = report.get("threadpoolctl")
    if tp:
        return ", ".join(f"{d['internal_api']} {d['version']} {d['architecture']}" for d in tp)
    return ", ".join(os.path.basename(p) for p in report.get("libraries", [])) or "unknown"


def emit(result, as_json):
    if as_json:
        print(json.dumps(result))
    else:
        for k, v in result.items():
            print(f"{k}: {v}")
    sys.stdout.flush()
