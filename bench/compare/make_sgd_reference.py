#!/usr/bin/python3
"""Reference weights for grad4j's SGD test: 50 iterations of PyTorch float64 SGD on TwoLayerNet
784-50-10 (sigmoid, softmax cross-entropy, lr 0.1, batch 100), batches in file order
(`sequential`: batch k = training rows [100k, 100k + 100)).

Usage (from the repository root):
  /usr/bin/python3 bench/compare/make_sgd_reference.py \
      [--data /usr/share/datasets/fashion-mnist] [--init init.npz] [--out sgd50.npz] \
      [--iters 50] [--lr 0.1] [--batch 100]

--init FILE: the starting weights. If FILE does not exist it is created first with the book's
  initialisation: np.random.RandomState(0), W1 = 0.01 * randn(784, 50), then
  W2 = 0.01 * randn(50, 10), b1 = b2 = 0, all float64, and saved there.
--out FILE:  W1 (784,50), b1 (50,), W2 (50,10), b2 (10,) after the last step, float64,
  uncompressed .npz (np.savez). The loss of every step is printed (repr, 17 digits).

Deterministic: no random draws besides the seeded initialisation, one thread for torch and
for OpenBLAS. The run is computed with torch autograd (nn.Sequential + CrossEntropyLoss +
optim.SGD) and checked against two independent computations, the hand-written torch backward
of torch_train.py and the book's NumPy gradient; the script fails if any weight differs by
more than 1e-12, so the reference does not depend on one implementation's rounding.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

CROSS_CHECK_TOLERANCE = 1e-12


def numpy_book_sgd(np, params, x, t, iters, batch, lr):
    """The book's two_layer_net.gradient() and update, on batches in file order."""
    p = {k: v.copy() for k, v in params.items()}
    onehot = np.eye(10)[t]
    sampler = common.BatchSampler("sequential", x.shape[0], batch, None)
    for _ in range(iters):
        rows = sampler.next()
        xb, tb = x[rows], onehot[rows]
        a1 = xb @ p["W1"] + p["b1"]
        z1 = 1 / (1 + np.exp(-a1))
        a2 = z1 @ p["W2"] + p["b2"]
        a2 = a2 - a2.max(axis=1, keepdims=True)
        y = np.exp(a2) / np.exp(a2).sum(axis=1, keepdims=True)
        dy = (y - tb) / xb.shape[0]
        dz1 = (dy @ p["W2"].T) * (1.0 - z1) * z1
        grads = {"W1": xb.T @ dz1, "b1": dz1.sum(axis=0), "W2": z1.T @ dy, "b2": dy.sum(axis=0)}
        for k in common.PARAM_NAMES:
            p[k] -= lr * grads[k]
    return p


def torch_sgd(torch, torch_train, mode, params, x, t, iters, batch, lr):
    net = torch_train.make_net(torch, mode, params, lr)
    xt, tt = torch.from_numpy(x), torch.from_numpy(t)
    onehot = torch.nn.functional.one_hot(tt, 10).double()
    sampler = common.BatchSampler("sequential", x.shape[0], batch, None)
    losses = []
    for _ in range(iters):
        rows = sampler.next()
        if not isinstance(rows, slice):
            rows = torch.from_numpy(rows)
        losses.append(net.step(xt[rows], tt[rows], onehot[rows]))
    return {k: v.copy() for k, v in net.params().items()}, losses


def main():
    ap = argparse.ArgumentParser(description="50 steps of PyTorch float64 SGD, weights saved as .npz")
    ap.add_argument("--data", default=common.DEFAULT_DATA)
    ap.add_argument("--init", default="init.npz")
    ap.add_argument("--out", default="sgd50.npz")
    ap.add_argument("--iters", type=int, default=50)
    ap.add_argument("--lr", type=float, default=0.1)
    ap.add_argument("--batch", type=int, default=100)
    args = ap.parse_args()

    common.limit_blas_threads_before_import(1)
    import numpy as np
    import torch
    import torch_train
    torch.set_num_threads(1)

    x, t, _, _ = common.load_dataset(args.data)
    if os.path.exists(args.init):
        params = common.load_params(args.init)
        print(f"init: read {args.init}")
    else:
        params = common.init_params(np.random.RandomState(0))
        common.save_params(args.init, params)
        print(f"init: created {args.init} (RandomState(0), W = 0.01 randn, b = 0)")

    result, losses = torch_sgd(torch, torch_train, "autograd", params, x, t, args.iters, args.batch, args.lr)
    checks = {
        "torch manual backward": torch_sgd(torch, torch_train, "manual", params, x, t,
                                           args.iters, args.batch, args.lr)[0],
        "numpy book gradient": numpy_book_sgd(np, params, x, t, args.iters, args.batch, args.lr),
    }
    for name, other in checks.items():
        diff = max(float(np.max(np.abs(result[k] - other[k]))) for k in common.PARAM_NAMES)
        print(f"max |torch autograd - {name}| = {diff:.3e}")
        if not diff <= CROSS_CHECK_TOLERANCE:
            raise SystemExit(f"cross-check failed: {name} differs by {diff:.3e} > {CROSS_CHECK_TOLERANCE}")
    moved = max(float(np.max(np.abs(result[k] - params[k]))) for k in common.PARAM_NAMES)
    print(f"max |W_after - W_init| = {moved:.6e}")
    for i, loss in enumerate(losses):
        print(f"loss[{i}] = {loss!r}")
    common.save_params(args.out, result)
    print(f"wrote {args.out}: " + ", ".join(f"{k} {list(result[k].shape)}" for k in common.PARAM_NAMES)
          + f" (torch {torch.__version__}, {args.iters} steps, lr {args.lr}, batch {args.batch}, sequential)")


if __name__ == "__main__":
    main()
