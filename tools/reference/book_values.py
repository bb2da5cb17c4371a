#!/usr/bin/env python3
"""Reference values for org.grad4j.diff tests: the book's numerical_diff and numerical_gradient
(Deep Learning from Scratch, ch. 4.3-4.4, common/gradient.py), run as printed in the book.
Run: /usr/bin/python3 tools/reference/book_values.py   (Python 3.11.7, NumPy 2.4.6)"""
import numpy as np


def numerical_diff(f, x):
    h = 1e-4
    return (f(x + h) - f(x - h)) / (2 * h)


def function_1(x):
    return 0.01 * x ** 2 + 0.1 * x


def numerical_gradient(f, x):
    h = 1e-4
    grad = np.zeros_like(x)
    for idx in range(x.size):
        tmp_val = x[idx]
        x[idx] = tmp_val + h
        fxh1 = f(x)
        x[idx] = tmp_val - h
        fxh2 = f(x)
        grad[idx] = (fxh1 - fxh2) / (2 * h)
        x[idx] = tmp_val
    return grad


def function_2(x):
    return x[0] ** 2 + x[1] ** 2


print("numerical_diff(function_1, 5)  =", repr(numerical_diff(function_1, 5)))
print("numerical_diff(function_1, 10) =", repr(numerical_diff(function_1, 10)))
# 0.01*x*x parses as (0.01*x)*x and rounds differently from 0.01*(x**2):
print("same with 0.01*x*x, at 10      =", repr(numerical_diff(lambda x: 0.01 * x * x + 0.1 * x, 10)))
for p in ([3.0, 4.0], [0.0, 2.0], [3.0, 0.0]):
    g = numerical_gradient(function_2, np.array(p))
    print("numerical_gradient(function_2, %s) = %s, printed %s" % (p, [repr(float(v)) for v in g], g))
print("np.float32(1e-50) =", np.float32(1e-50))
