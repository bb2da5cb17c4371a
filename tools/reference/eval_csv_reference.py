#!/usr/bin/python3
"""Reference values for `grad4j eval --model FILE.npz --data FILE.csv`, with NumPy.

    /usr/bin/python3 tools/reference/eval_csv_reference.py write cli/src/test/resources/org/grad4j/cli/eval
    /usr/bin/python3 tools/reference/eval_csv_reference.py check cli/src/test/resources/org/grad4j/cli/eval

`write` makes the files EvalCsvCommandTest reads (run once; the output is committed), from a seeded
generator: a regression model (Linear(5,8) Tanh Linear(8,1) + mse, standardized inputs, target
column "y") with a table of 50 rows, and a classifier (Linear(2,6) Relu Linear(6,3) + cross-entropy,
inputs as they are, target column "label", weights set by hand near the rule that labels the rows)
with a table of 60 rows. Each model file holds W1, b1,
W2, b2 and grad4j_architecture (a uint8 array of the architecture's UTF-8 JSON); CSV cells are
written with repr, the shortest text that reads back as the same double.

`check` reads the files back (np.load with allow_pickle=False, np.loadtxt) and prints, computed in
float64: MSE, MAE and R^2 (scikit-learn's r2_score) of the regression, accuracy and confusion
matrix (rows: true class, columns: predicted) of the classifier.
Values in the test were printed by Debian's python3-numpy 1.24.2.
"""
import json
import sys
from pathlib import Path

import numpy as np


def architecture(task, sizes, activation, loss, normalization, target):
    layers = [{"type": "linear", "in": sizes[0], "out": sizes[1], "weight": "W1", "bias": "b1"},
              {"type": activation},
              {"type": "linear", "in": sizes[1], "out": sizes[2], "weight": "W2", "bias": "b2"}]
    return {"format": "grad4j-architecture", "version": 1, "task": task, "layers": layers,
            "activation": activation, "loss": loss, "normalization": normalization, "target": target}


def save(path, arch, arrays):
    text = json.dumps(arch, separators=(",", ":"))
    np.savez(path, grad4j_architecture=np.frombuffer(text.encode("utf-8"), dtype=np.uint8), **arrays)


def table(path, header, rows, integer_last=False):
    with open(path, "w", encoding="utf-8") as f:
        f.write(",".join(header) + "\n")
        for r in rows:
            cells = [repr(float(v)) for v in r[:-1]]
            cells.append(str(int(r[-1])) if integer_last else repr(float(r[-1])))
            f.write(",".join(cells) + "\n")


def write(out):
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(20261204)
    x = rng.normal(size=(50, 5))
    y = np.sin(x[:, 0]) + 0.5 * x[:, 1] ** 2 - x[:, 2] * x[:, 3] + 0.3 * x[:, 4] + 0.1 * rng.normal(size=50)
    mean = x.mean(axis=0)
    std = x.std(axis=0)
    arch = architecture("regression", [5, 8, 1], "tanh", "mse",
                        {"kind": "standardize", "mean": mean.tolist(), "std": std.tolist()}, "y")
    save(out / "eval_regression.npz", arch, {"W1": rng.normal(scale=0.5, size=(5, 8)), "b1": rng.normal(scale=0.1, size=8),
                                             "W2": rng.normal(scale=0.5, size=(8, 1)), "b2": np.array([0.2])})
    table(out / "eval_regression.csv", ["a", "b", "c", "d", "e", "y"], np.column_stack([x, y]))

    x = rng.normal(size=(60, 2))
    label = np.where(x[:, 0] + x[:, 1] > 0.5, 2, np.where(x[:, 0] - x[:, 1] > 0, 1, 0))
    arch = architecture("classification", [2, 6, 3], "relu", "cross-entropy", {"kind": "none", "features": 2}, "label")
    # hidden units relu(x0 + x1 - 0.5), relu(0.5 - x0 - x1), relu(x0 - x1), relu(x1 - x0), relu(x0), relu(-x0):
    # close to the rule that made the labels, wrong near its boundaries
    w1 = np.array([[1.0, -1.0, 1.0, -1.0, 1.0, -1.0], [1.0, -1.0, -1.0, 1.0, 0.0, 0.0]])
    b1 = np.array([-0.5, 0.5, 0.0, 0.0, 0.0, 0.0])
    w2 = np.array([[0, 0, 3], [1, 1, 0], [0, 2, 0], [2, 0, 0], [0, 0.1, 0], [0.1, 0, 0]], dtype=np.float64)
    save(out / "eval_classes.npz", arch, {"W1": w1, "b1": b1, "W2": w2, "b2": np.zeros(3)})
    table(out / "eval_classes.csv", ["p", "q", "label"], np.column_stack([x, label]), integer_last=True)


def check(out):
    z = np.load(out / "eval_regression.npz", allow_pickle=False)
    arch = json.loads(z["grad4j_architecture"].tobytes().decode("utf-8"))
    d = np.loadtxt(out / "eval_regression.csv", delimiter=",", skiprows=1)
    x = (d[:, :5] - np.array(arch["normalization"]["mean"])) / np.array(arch["normalization"]["std"])
    p = (np.tanh(x @ z["W1"] + z["b1"]) @ z["W2"] + z["b2"])[:, 0]
    t = d[:, 5]
    mse = np.mean((t - p) ** 2)
    mae = np.mean(np.abs(t - p))
    r2 = 1 - np.sum((t - p) ** 2) / np.sum((t - t.mean()) ** 2)
    print("regression: MSE %r MAE %r R2 %r (%d rows)" % (mse, mae, r2, len(t)))

    z = np.load(out / "eval_classes.npz", allow_pickle=False)
    d = np.loadtxt(out / "eval_classes.csv", delimiter=",", skiprows=1)
    scores = np.maximum(d[:, :2] @ z["W1"] + z["b1"], 0) @ z["W2"] + z["b2"]
    pred = scores.argmax(axis=1)
    t = d[:, 2].astype(int)
    cm = np.zeros((3, 3), dtype=int)
    for a, b in zip(t, pred):
        cm[a, b] += 1
    print("classification: accuracy %r (%d of %d)" % (np.mean(pred == t), np.sum(pred == t), len(t)))
    print("confusion", cm.tolist())


if __name__ == "__main__":
    {"write": write, "check": check}[sys.argv[1]](Path(sys.argv[2]))
