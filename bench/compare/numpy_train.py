#!/usr/bin/python3
"""TwoLayerNet 784-50-10 trained with plain NumPy, the algorithm of Deep Learning from Scratch
ch. 4 (two_layer_net.py gradient() and train_neuralnet.py), in float64.

Per iteration (--loop book, the default, as the book does it):
  rows  = np.random.choice(60000, 100)            (--sampling replacement)
  grads = gradient(x[rows], t[rows])               forward + backward, one-hot t
  p    -= lr * grads[p]   for W1, b1, W2, b2
  loss  = loss(x[rows], t[rows])                   a second forward pass, after the update
--loop fused records instead the loss of the gradient's own forward pass (before the update),
as PyTorch's and grad4j's loops do, so that no extra forward pass is timed.

Only the training loop is timed (not data loading, not the final accuracy evaluation).

  /usr/bin/python3 bench/compare/numpy_train.py --iters 1000 --json
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", default=common.DEFAULT_DATA, help="directory of the four IDX (.gz) files")
    p.add_argument("--iters", type=int, default=10000)
    p.add_argument("--batch", type=int, default=100)
    p.add_argument("--lr", type=float, default=0.1)
    p.add_argument("--sampling", choices=common.SAMPLING_RULES, default="replacement")
    p.add_argument("--seed", type=int, default=0, help="seeds initialisation and sampling")
    p.add_argument("--threads", type=int, default=None, help="OpenBLAS threads (default: library default)")
    p.add_argument("--loop", choices=("book", "fused"), default="book")
    p.add_argument("--init", help="start from W1, b1, W2, b2 in this .npz")
    p.add_argument("--save", help="write W1, b1, W2, b2 to this .npz after training")
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    if args.iters < 0 or not (args.lr >= 0):
        p.error(f"need iters >= 0 and lr >= 0, got iters={args.iters} lr={args.lr}")
    return args


args = parse_args()
common.limit_blas_threads_before_import(args.threads)
import numpy as np  # noqa: E402  (after the thread limit)


# --- common/functions.py of the book ---
def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def sigmoid_grad(x):
    return (1.0 - sigmoid(x)) * sigmoid(x)


def softmax(x):
    x = x - np.max(x, axis=-1, keepdims=True)
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


def cross_entropy_error(y, t):
    """Mean cross-entropy; t one-hot (converted to indices) or indices; the book's 1e-7 guard."""
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    if t.size == y.size:
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size


# --- ch04/two_layer_net.py of the book ---
class TwoLayerNet:
    def __init__(self, params):
        self.params = params

    def predict(self, x):
        p = self.params
        z1 = sigmoid(np.dot(x, p["W1"]) + p["b1"])
        return softmax(np.dot(z1, p["W2"]) + p["b2"])

    def loss(self, x, t):
        return cross_entropy_error(self.predict(x), t)

    def accuracy(self, x, labels):
        """Fraction of rows whose arg-max class equals the label (labels as indices)."""
        return float(np.mean(np.argmax(self.predict(x), axis=1) == labels))

    def gradient(self, x, t, with_loss=False):
        """Exact gradient of the mean cross-entropy by backpropagation; t one-hot.
        With with_loss, also returns the loss of this forward pass."""
        W1, b1, W2, b2 = (self.params[k] for k in common.PARAM_NAMES)
        batch_num = x.shape[0]
        a1 = np.dot(x, W1) + b1
        z1 = sigmoid(a1)
        a2 = np.dot(z1, W2) + b2
        y = softmax(a2)
        dy = (y - t) / batch_num
        grads = {"W2": np.dot(z1.T, dy), "b2": np.sum(dy, axis=0)}
        da1 = np.dot(dy, W2.T)
        dz1 = sigmoid_grad(a1) * da1
        grads["W1"] = np.dot(x.T, dz1)
        grads["b1"] = np.sum(dz1, axis=0)
        if with_loss:
            return grads, cross_entropy_error(y, t)
        return grads


def train(network, x_train, t_onehot, iters, batch, lr, sampler, loop):
    """The timed loop. Returns (loss per iteration, seconds)."""
    losses = np.empty(iters)
    fused = loop == "fused"
    start = time.perf_counter()
    for i in range(iters):
        rows = sampler.next()
        x_batch = x_train[rows]
        t_batch = t_onehot[rows]
        if fused:
            grad, loss = network.gradient(x_batch, t_batch, with_loss=True)
        else:
            grad = network.gradient(x_batch, t_batch)
        for key in common.PARAM_NAMES:
            network.params[key] -= lr * grad[key]
        if not fused:
            loss = network.loss(x_batch, t_batch)
        losses[i] = loss
    return losses, time.perf_counter() - start


def main():
    x_train, t_train, x_test, t_test = common.load_dataset(args.data)
    t_onehot = np.eye(10)[t_train]
    rng = np.random.RandomState(args.seed)
    params = common.load_params(args.init) if args.init else common.init_params(rng)
    network = TwoLayerNet(params)
    sampler = common.BatchSampler(args.sampling, x_train.shape[0], args.batch, rng)
    losses, seconds = train(network, x_train, t_onehot, args.iters, args.batch, args.lr,
                            sampler, args.loop)
    blas = common.blas_report()
    result = {
        "impl": "numpy",
        "loop": args.loop,
        "threads": (blas.get("openblas") or {}).get("num_threads", args.threads),
        "iterations": args.iters,
        "batch": args.batch,
        "lr": args.lr,
        "sampling": args.sampling,
        "seed": args.seed,
        "seconds": seconds,
        "us_per_iter": seconds / args.iters * 1e6 if args.iters else None,
        "train_accuracy": network.accuracy(x_train, t_train),
        "test_accuracy": network.accuracy(x_test, t_test),
        "final_loss": float(losses[-1]) if args.iters else None,
        "numpy_version": np.__version__,
        "blas_summary": common.blas_summary(blas),
        "blas": blas,
    }
    if args.save:
        common.save_params(args.save, network.params)
    common.emit(result, args.json)


if __name__ == "__main__":
    main()
