#!/usr/bin/python3
"""TwoLayerNet 784-50-10 (sigmoid, softmax cross-entropy, plain SGD) trained with PyTorch in
float64: the same work as numpy_train.py and `grad4j train`, for the side-by-side timing.

Two ways to compute the gradient, both with the same maths:
  --mode autograd  (default) the idiomatic one: nn.Sequential(Linear, Sigmoid, Linear),
                   nn.CrossEntropyLoss, loss.backward(), torch.optim.SGD;
  --mode manual    the backward pass written out with fused ATen kernels
                   (addmm, log_softmax, in-place SGD through addmm_), no autograd graph.
Per iteration: draw the batch (same rules as numpy_train.py), forward, loss, backward, SGD step,
record the loss (loss.item()). Only this loop is timed, not data loading or final accuracy.

--threads T sets torch.set_num_threads(T) (ATen's OpenMP threads) and the thread count of the BLAS
torch calls (Debian's torch calls the system OpenBLAS, which has its own threads), before torch is
loaded; --blas-threads B overrides the latter.

  /usr/bin/python3 bench/compare/torch_train.py --iters 1000 --threads 1 --json
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
    p.add_argument("--threads", type=int, default=None, help="torch and BLAS threads (default: torch's)")
    p.add_argument("--blas-threads", type=int, default=None,
                   help="OpenBLAS threads when they should differ from --threads")
    p.add_argument("--mode", choices=("autograd", "manual"), default="autograd")
    p.add_argument("--init", help="start from W1, b1, W2, b2 in this .npz")
    p.add_argument("--save", help="write W1, b1, W2, b2 to this .npz after training")
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    if args.iters < 0 or not (args.lr >= 0):
        p.error(f"need iters >= 0 and lr >= 0, got iters={args.iters} lr={args.lr}")
    return args


class AutogradNet:
    """nn.Sequential + CrossEntropyLoss + optim.SGD: what a PyTorch user writes."""

    def __init__(self, torch, params, lr):
        nn = torch.nn
        self.torch = torch
        self.model = nn.Sequential(nn.Linear(784, 50), nn.Sigmoid(), nn.Linear(50, 10)).double()
        with torch.no_grad():  # loading the initial weights only; training runs with grad
            for layer, w, b in ((self.model[0], "W1", "b1"), (self.model[2], "W2", "b2")):
                layer.weight.copy_(torch.from_numpy(params[w]).T)   # Linear stores W^T
                layer.bias.copy_(torch.from_numpy(params[b]))
        self.loss_fn = nn.CrossEntropyLoss()
        self.optimizer = torch.optim.SGD(self.model.parameters(), lr=lr)

    def step(self, x, t, t_onehot):
        self.optimizer.zero_grad(set_to_none=True)
        loss = self.loss_fn(self.model(x), t)
        loss.backward()
        self.optimizer.step()
        return loss.item()

    def logits(self, x):
        with self.torch.no_grad():
            return self.model(x)

    def params(self):
        m = self.model
        return {"W1": m[0].weight.detach().T.numpy(), "b1": m[0].bias.detach().numpy(),
                "W2": m[2].weight.detach().T.numpy(), "b2": m[2].bias.detach().numpy()}


class ManualNet:
    """The backward pass by hand on plain tensors (requires_grad=False, so no graph is built):
    a1 = x W1 + b1, z1 = sigmoid(a1), a2 = z1 W2 + b2, loss = mean(-log softmax(a2)[t]),
    dy = (softmax(a2) - onehot(t)) / B, dW2 = z1^T dy, db2 = sum dy, dz1 = (dy W2^T) z1 (1 - z1),
    dW1 = x^T dz1, db1 = sum dz1, and p -= lr dp fused into addmm_/add_."""

    def __init__(self, torch, params, lr):
        self.torch = torch
        self.lr = lr
        self.W1, self.b1, self.W2, self.b2 = (torch.from_numpy(params[k].copy())
                                              for k in common.PARAM_NAMES)

    def step(self, x, t, t_onehot):
        torch, lr = self.torch, self.lr
        batch = x.shape[0]
        z1 = torch.sigmoid(torch.addmm(self.b1, x, self.W1))
        log_y = torch.log_softmax(torch.addmm(self.b2, z1, self.W2), dim=1)
        loss = -log_y.gather(1, t.unsqueeze(1)).sum() / batch
        dy = log_y.exp_().sub_(t_onehot).div_(batch)
        dz1 = torch.mm(dy, self.W2.t()).mul_(z1).mul_(1.0 - z1)   # uses W2 before its update
        self.W2.addmm_(z1.t(), dy, alpha=-lr)
        self.b2.add_(dy.sum(0), alpha=-lr)
        self.W1.addmm_(x.t(), dz1, alpha=-lr)
        self.b1.add_(dz1.sum(0), alpha=-lr)
        return loss.item()

    def logits(self, x):
        torch = self.torch
        return torch.addmm(self.b2, torch.sigmoid(torch.addmm(self.b1, x, self.W1)), self.W2)

    def params(self):
        return {"W1": self.W1.numpy(), "b1": self.b1.numpy(), "W2": self.W2.numpy(), "b2": self.b2.numpy()}


def make_net(torch, mode, params, lr):
    return (AutogradNet if mode == "autograd" else ManualNet)(torch, params, lr)


def train(torch, net, x_train, t_train, t_onehot, iters, sampler):
    """The timed loop. Returns (loss per iteration, seconds)."""
    losses = []
    start = time.perf_counter()
    for _ in range(iters):
        rows = sampler.next()
        if not isinstance(rows, slice):
            rows = torch.from_numpy(rows)
        losses.append(net.step(x_train[rows], t_train[rows], t_onehot[rows]))
    return losses, time.perf_counter() - start


def accuracy(net, x, t):
    return float((net.logits(x).argmax(dim=1) == t).double().mean())


def main():
    args = parse_args()
    common.limit_blas_threads_before_import(args.threads)
    if args.blas_threads is not None:
        if args.blas_threads < 1:
            raise SystemExit(f"--blas-threads must be >= 1, got {args.blas_threads}")
        os.environ["OPENBLAS_NUM_THREADS"] = str(args.blas_threads)
    import numpy as np
    import torch
    if args.threads is not None:
        torch.set_num_threads(args.threads)
    x_np, t_np, xt_np, tt_np = common.load_dataset(args.data)
    rng = np.random.RandomState(args.seed)
    params = common.load_params(args.init) if args.init else common.init_params(rng)
    x_train, t_train = torch.from_numpy(x_np), torch.from_numpy(t_np)
    x_test, t_test = torch.from_numpy(xt_np), torch.from_numpy(tt_np)
    t_onehot = torch.nn.functional.one_hot(t_train, 10).double()
    net = make_net(torch, args.mode, params, args.lr)
    sampler = common.BatchSampler(args.sampling, x_np.shape[0], args.batch, rng)
    losses, seconds = train(torch, net, x_train, t_train, t_onehot, args.iters, sampler)
    blas = common.blas_report()
    result = {
        "impl": "pytorch",
        "mode": args.mode,
        "threads": torch.get_num_threads(),
        "blas_threads": (blas.get("openblas") or {}).get("num_threads"),
        "iterations": args.iters,
        "batch": args.batch,
        "lr": args.lr,
        "sampling": args.sampling,
        "seed": args.seed,
        "seconds": seconds,
        "us_per_iter": seconds / args.iters * 1e6 if args.iters else None,
        "train_accuracy": accuracy(net, x_train, t_train),
        "test_accuracy": accuracy(net, x_test, t_test),
        "final_loss": losses[-1] if losses else None,
        "torch_version": torch.__version__,
        "blas_summary": common.blas_summary(blas),
        "blas": blas,
    }
    if args.save:
        common.save_params(args.save, net.params())
    common.emit(result, args.json)


if __name__ == "__main__":
    main()
