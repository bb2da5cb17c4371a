#!/usr/bin/python3
"""Reference values for `grad4j example optimizer-compare` and `grad4j compare`.

The book's ch06/optimizer_compare_naive.py with its common/optimizer.py classes (copied below), run in
NumPy float64 (Debian's /usr/bin/python3, NumPy 1.24):
    /usr/bin/python3 tools/reference/optimizer_compare_naive.py
f(x, y) = x^2/20 + y^2 from (-7, 2), 30 updates each; prints the point and f after the 30th update
(the book's figure plots the 30 points before each update) with repr (shortest round-trip).
"""
import numpy as np


class SGD:
    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        for key in params.keys():
            params[key] -= self.lr * grads[key]


class Momentum:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.v = None

    def update(self, params, grads):
        if self.v is None:
            self.v = {}
            for key, val in params.items():
                self.v[key] = np.zeros_like(val)
        for key in params.keys():
            self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]
            params[key] += self.v[key]


class AdaGrad:
    def __init__(self, lr=0.01):
        self.lr = lr
        self.h = None

    def update(self, params, grads):
        if self.h is None:
            self.h = {}
            for key, val in params.items():
                self.h[key] = np.zeros_like(val)
        for key in params.keys():
            self.h[key] += grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)


class Adam:
    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.iter = 0
        self.m = None
        self.v = None

    def update(self, params, grads):
        if self.m is None:
            self.m, self.v = {}, {}
            for key, val in params.items():
                self.m[key] = np.zeros_like(val)
                self.v[key] = np.zeros_like(val)
        self.iter += 1
        lr_t = self.lr * np.sqrt(1.0 - self.beta2 ** self.iter) / (1.0 - self.beta1 ** self.iter)
        for key in params.keys():
            self.m[key] += (1 - self.beta1) * (grads[key] - self.m[key])
            self.v[key] += (1 - self.beta2) * (grads[key] ** 2 - self.v[key])
            params[key] -= lr_t * self.m[key] / (np.sqrt(self.v[key]) + 1e-7)


def f(x, y):
    return x ** 2 / 20.0 + y ** 2


def df(x, y):
    return x / 10.0, 2.0 * y


# 1-element float64 arrays so that every optimizer works in NumPy float64 (the book uses Python floats,
# which are float64 too; with arrays the in-place updates also work for SGD).
for key, opt in [("SGD", SGD(lr=0.95)), ("Momentum", Momentum(lr=0.1)), ("AdaGrad", AdaGrad(lr=1.5)),
                 ("Adam", Adam(lr=0.3))]:
    params = {'x': np.array([-7.0]), 'y': np.array([2.0])}
    grads = {}
    for i in range(30):
        grads['x'], grads['y'] = df(params['x'], params['y'])
        opt.update(params, grads)
    x, y = float(params['x'][0]), float(params['y'][0])
    print(key, repr(x), repr(y), repr(float(f(params['x'], params['y'])[0])))
