#!/usr/bin/python3
"""Reference values for grad4j's optimizers and lr schedules.

Run with Debian's /usr/bin/python3 (PyTorch 1.13, float64):
    /usr/bin/python3 tools/reference/optim_reference.py > core/src/test/resources/org/grad4j/optim/optim_reference.txt

Optimizer lines:  problem|name|option=value,...|p0 p1 ...   (all parameters after 100 steps, flattened)
Schedule lines:   schedule|spec|lr0 lr1 ... lr29            (lr of epochs 0..29, base lr 0.1)

Problems (the gradients are computed in closed form and assigned to .grad, so only the optimizer differs):
  rosenbrock  f = (1 - x)^2 + 100 (y - x^2)^2 from (-1.5, 2)
  lsq         f = 0.5/N * ||X W + b - Y||^2 with W (4,3), b (3,), N = 5, deterministic X, Y, W0, b0
torch names: the book's variants (momentum, nesterov, adagrad-book, rmsprop-book, adam-book) are the
book's common/optimizer.py classes, copied below, run in NumPy float64.
"""
import math
import numpy as np
import torch

torch.set_default_dtype(torch.float64)
STEPS = 100


def rosenbrock_init():
    return [np.array([-1.5, 2.0])]


def rosenbrock_grad(ps):
    x, y = ps[0]
    return [np.array([-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)])]


N, K, J = 5, 4, 3
X = np.array([[math.sin(0.7 * (n * K + k) + 0.3) for k in range(K)] for n in range(N)])
Y = np.array([[math.cos(0.5 * (n * J + j)) for j in range(J)] for n in range(N)])


def lsq_init():
    W = np.array([[0.1 * (k * J + j) - 0.5 for j in range(J)] for k in range(K)])
    b = np.array([0.05 * j for j in range(J)])
    return [W.reshape(-1), b]


def lsq_grad(ps):
    W = ps[0].reshape(K, J)
    b = ps[1]
    R = X @ W + b - Y
    return [(X.T @ R / N).reshape(-1), R.sum(axis=0) / N]


PROBLEMS = {"rosenbrock": (rosenbrock_init, rosenbrock_grad), "lsq": (lsq_init, lsq_grad)}

# (name, options) as grad4j's Optimizers.create takes them
CONFIGS = [
    ("sgd", {"lr": 1e-4}),
    ("sgd", {"lr": 5e-5, "momentum": 0.9, "nesterov": 1, "weight_decay": 0.01}),
    ("sgd", {"lr": 5e-5, "momentum": 0.9, "dampening": 0.1}),
    ("momentum", {"lr": 5e-5, "momentum": 0.9}),
    ("nesterov", {"lr": 5e-5, "momentum": 0.9}),
    ("adagrad", {"lr": 0.05}),
    ("adagrad", {"lr": 0.05, "lr_decay": 0.01, "weight_decay": 0.01, "initial_accumulator_value": 0.1}),
    ("adagrad-book", {"lr": 0.05}),
    ("rmsprop", {"lr": 1e-3}),
    ("rmsprop", {"lr": 1e-3, "momentum": 0.9, "centered": 1, "weight_decay": 0.01}),
    ("rmsprop-book", {"lr": 1e-3, "decay_rate": 0.9}),
    ("adam", {"lr": 1e-2}),
    ("adam", {"lr": 1e-2, "amsgrad": 1, "weight_decay": 0.01, "beta1": 0.8}),
    ("adamw", {"lr": 1e-2}),
    ("adamw", {"lr": 1e-2, "amsgrad": 1, "weight_decay": 0.1}),
    ("adam-book", {"lr": 1e-2}),
]


def torch_optimizer(name, o, params):
    if name == "sgd":
        return torch.optim.SGD(params, lr=o["lr"], momentum=o.get("momentum", 0), dampening=o.get("dampening", 0),
                               nesterov=bool(o.get("nesterov", 0)), weight_decay=o.get("weight_decay", 0))
    if name == "adagrad":
        return torch.optim.Adagrad(params, lr=o["lr"], lr_decay=o.get("lr_decay", 0),
                                   weight_decay=o.get("weight_decay", 0),
                                   initial_accumulator_value=o.get("initial_accumulator_value", 0))
    if name == "rmsprop":
        return torch.optim.RMSprop(params, lr=o["lr"], momentum=o.get("momentum", 0),
                                   centered=bool(o.get("centered", 0)), weight_decay=o.get("weight_decay", 0))
    if name in ("adam", "adamw"):
        cls = torch.optim.Adam if name == "adam" else torch.optim.AdamW
        kw = {} if "weight_decay" not in o else {"weight_decay": o["weight_decay"]}
        return cls(params, lr=o["lr"], betas=(o.get("beta1", 0.9), 0.999), amsgrad=bool(o.get("amsgrad", 0)),
                   foreach=False, **kw)
    raise KeyError(name)


# ---- the book's common/optimizer.py (Deep Learning from Scratch), dict keys -> list indices ----
class Momentum:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr, self.momentum, self.v = lr, momentum, None

    def update(self, params, grads):
        if self.v is None:
            self.v = [np.zeros_like(p) for p in params]
        for key in range(len(params)):
            self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]
            params[key] += self.v[key]


class Nesterov:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr, self.momentum, self.v = lr, momentum, None

    def update(self, params, grads):
        if self.v is None:
            self.v = [np.zeros_like(p) for p in params]
        for key in range(len(params)):
            self.v[key] *= self.momentum
            self.v[key] -= self.lr * grads[key]
            params[key] += self.momentum * self.momentum * self.v[key]
            params[key] -= (1 + self.momentum) * self.lr * grads[key]


class AdaGrad:
    def __init__(self, lr=0.01):
        self.lr, self.h = lr, None

    def update(self, params, grads):
        if self.h is None:
            self.h = [np.zeros_like(p) for p in params]
        for key in range(len(params)):
            self.h[key] += grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)


class RMSprop:
    def __init__(self, lr=0.01, decay_rate=0.99):
        self.lr, self.decay_rate, self.h = lr, decay_rate, None

    def update(self, params, grads):
        if self.h is None:
            self.h = [np.zeros_like(p) for p in params]
        for key in range(len(params)):
            self.h[key] *= self.decay_rate
            self.h[key] += (1 - self.decay_rate) * grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)


class Adam:
    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        self.lr, self.beta1, self.beta2, self.iter, self.m, self.v = lr, beta1, beta2, 0, None, None

    def update(self, params, grads):
        if self.m is None:
            self.m = [np.zeros_like(p) for p in params]
            self.v = [np.zeros_like(p) for p in params]
        self.iter += 1
        lr_t = self.lr * np.sqrt(1.0 - self.beta2 ** self.iter) / (1.0 - self.beta1 ** self.iter)
        for key in range(len(params)):
            self.m[key] += (1 - self.beta1) * (grads[key] - self.m[key])
            self.v[key] += (1 - self.beta2) * (grads[key] ** 2 - self.v[key])
            params[key] -= lr_t * self.m[key] / (np.sqrt(self.v[key]) + 1e-7)


BOOK = {"momentum": lambda o: Momentum(**o), "nesterov": lambda o: Nesterov(**o),
        "adagrad-book": lambda o: AdaGrad(**o), "rmsprop-book": lambda o: RMSprop(**o),
        "adam-book": lambda o: Adam(**o)}


def run(problem, name, o):
    init, grad = PROBLEMS[problem]
    ps = init()
    if name in BOOK:
        opt = BOOK[name](o)
        for _ in range(STEPS):
            opt.update(ps, grad(ps))
        return np.concatenate(ps)
    tps = [torch.tensor(p, requires_grad=True) for p in ps]
    opt = torch_optimizer(name, o, tps)
    for _ in range(STEPS):
        gs = grad([p.detach().numpy() for p in tps])
        for p, g in zip(tps, gs):
            p.grad = torch.tensor(g)
        opt.step()
    return np.concatenate([p.detach().numpy() for p in tps])


def schedules():
    S = torch.optim.lr_scheduler
    specs = [
        ("step:7:0.5", lambda o: S.StepLR(o, step_size=7, gamma=0.5)),
        ("multistep:5,12,20:0.3", lambda o: S.MultiStepLR(o, milestones=[5, 12, 20], gamma=0.3)),
        ("exp:0.9", lambda o: S.ExponentialLR(o, gamma=0.9)),
        ("cosine:10", lambda o: S.CosineAnnealingLR(o, T_max=10)),
        ("cosine:12:0.001", lambda o: S.CosineAnnealingLR(o, T_max=12, eta_min=0.001)),
        ("cosine-restarts:4:2", lambda o: S.CosineAnnealingWarmRestarts(o, T_0=4, T_mult=2)),
        ("cosine-restarts:5:1:0.01", lambda o: S.CosineAnnealingWarmRestarts(o, T_0=5, T_mult=1, eta_min=0.01)),
        ("warmup:5", lambda o: S.LinearLR(o, total_iters=5)),
        ("warmup:8:0.1", lambda o: S.LinearLR(o, start_factor=0.1, total_iters=8)),
    ]
    out = []
    for spec, make in specs:
        opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
        sch = make(opt)
        lrs = []
        for _ in range(30):
            lrs.append(opt.param_groups[0]["lr"])
            opt.step()
            sch.step()
        out.append((spec, lrs))
    # plateau: metric sequence defined here and in the Java test: m_e = 1 / (1 + e) for e < 8, then flat
    # with tiny improvements below the threshold, then a big improvement at e = 20
    metrics = [1.0 / (1 + e) if e < 8 else (0.125 - 1e-7 * e if e < 20 else 0.01) for e in range(30)]
    for spec, kw in [("plateau:0.5:3", dict(factor=0.5, patience=3)), ("plateau", {}),
                     ("plateau-cooldown", dict(factor=0.5, patience=2, cooldown=3, min_lr=0.02))]:
        opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
        sch = S.ReduceLROnPlateau(opt, **kw)
        lrs = []
        for e in range(30):
            lrs.append(opt.param_groups[0]["lr"])
            opt.step()
            sch.step(metrics[e])
        out.append((spec, lrs))
    return out


def main():
    print("# generated by tools/reference/optim_reference.py with torch", torch.__version__, "numpy", np.__version__)
    for problem in PROBLEMS:
        for name, o in CONFIGS:
            vals = run(problem, name, o)
            opts = ",".join(f"{k}={float(v)!r}" for k, v in o.items())
            print(f"{problem}|{name}|{opts}|" + " ".join(repr(float(v)) for v in vals))
    for spec, lrs in schedules():
        print(f"schedule|{spec}|" + " ".join(repr(float(v)) for v in lrs))


if __name__ == "__main__":
    main()
