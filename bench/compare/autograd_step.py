#!/usr/bin/python3
"""One training step of the book's optimizer_compare_mnist network in PyTorch 1.13 float64 eager,
the counterpart of grad4j's AutogradStepBench: 784-100-100-100-100-10 ReLU (He init), CrossEntropyLoss,
torch.optim.Adam(lr=0.001), batch 128 drawn with replacement from the 60 000 Fashion-MNIST training
images. A step: draw and gather the batch, zero_grad, forward, loss, backward, step, loss.item().

Prints the median and the mean per-step wall time in microseconds (and the median CPU time of the
main thread, the whole step's with one thread) over --steps steps after --warmup steps,
for each thread setting in --threads (each in its own process, since OpenBLAS takes its thread count
from the environment when torch is loaded), and the best.

  /usr/bin/python3 bench/compare/autograd_step.py --threads 1,2 --steps 300
"""
import argparse
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402


def child(args):
    common.limit_blas_threads_before_import(args.one)
    import numpy as np
    import torch
    torch.set_num_threads(args.one)
    x_train, t_train, _, _ = common.load_dataset(args.data)
    x_train = torch.from_numpy(x_train)
    t_train = torch.from_numpy(t_train)
    rng = np.random.default_rng(7)
    torch.manual_seed(7)
    nn = torch.nn
    sizes = [784, 100, 100, 100, 100, 10]
    layers = []
    for i in range(1, len(sizes)):
        lin = nn.Linear(sizes[i - 1], sizes[i]).double()
        with torch.no_grad():
            lin.weight.normal_(0, (2.0 / sizes[i - 1]) ** 0.5)   # He, as the book's MultiLayerNet
            lin.bias.zero_()
        layers.append(lin)
        if i < len(sizes) - 1:
            layers.append(nn.ReLU())
    model = nn.Sequential(*layers)
    loss_fn = nn.CrossEntropyLoss()
    opt = torch.optim.Adam(model.parameters(), lr=0.001)
    times = []
    cpu = []
    for s in range(args.warmup + args.steps):
        c0 = time.thread_time()
        t0 = time.perf_counter()
        idx = torch.from_numpy(rng.choice(x_train.shape[0], 128))
        xb = x_train[idx]
        tb = t_train[idx]
        opt.zero_grad()
        loss = loss_fn(model(xb), tb)
        loss.backward()
        opt.step()
        loss.item()
        times.append(time.perf_counter() - t0)
        cpu.append(time.thread_time() - c0)
    t = sorted(times[args.warmup:])
    c = sorted(cpu[args.warmup:])
    print(json.dumps({"threads": args.one, "median_us": 1e6 * t[len(t) // 2],
                      "mean_us": 1e6 * sum(t) / len(t), "median_cpu_us": 1e6 * c[len(c) // 2],
                      "loss": loss.item()}))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", default=common.DEFAULT_DATA)
    p.add_argument("--threads", default="1,2")
    p.add_argument("--steps", type=int, default=300)
    p.add_argument("--warmup", type=int, default=30)
    p.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.one is not None:
        child(args)
        return
    results = []
    for th in [int(s) for s in args.threads.split(",")]:
        out = subprocess.run([sys.executable, __file__, "--one", str(th), "--data", args.data, "--steps",
                              str(args.steps), "--warmup", str(args.warmup)], check=True, capture_output=True,
                             text=True).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
        print(json.dumps(results[-1]))
    best = min(results, key=lambda r: r["median_us"])
    print(json.dumps({"best_threads": best["threads"], "best_median_us": best["median_us"]}))


if __name__ == "__main__":
    main()
