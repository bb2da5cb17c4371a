#!/usr/bin/python3
"""Reference values for the CLI and example tests (NumPy 1.24, float64, Debian's /usr/bin/python3):
    /usr/bin/python3 tools/reference/cli_reference.py

1. The book's smooth_curve (common/util.py, copied below) of x_i = sin(0.7 i) + 0.01 i^2, i = 0..14,
   and np.kaiser(11, 2).
2. The linear-regression tutorial (mattnedrich/GradientDescentExample, gradient_descent_example.py, its
   step_gradient copied below) on the 5 points of RegressCommandTest, lr 0.01, 1000 iterations, and the
   exact least-squares line by np.polyfit.
"""
import numpy as np


def smooth_curve(x):
    window_len = 11
    s = np.r_[x[window_len - 1:0:-1], x, x[-1:-window_len:-1]]
    w = np.kaiser(window_len, 2)
    y = np.convolve(w / w.sum(), s, mode='valid')
    return y[5:len(y) - 5]


x = np.array([np.sin(0.7 * i) + 0.01 * i * i for i in range(15)])
print("kaiser", [repr(float(v)) for v in np.kaiser(11, 2)])
print("smooth", [repr(float(v)) for v in smooth_curve(x)])


def compute_error_for_line_given_points(b, m, points):
    totalError = 0
    for i in range(0, len(points)):
        x = points[i, 0]
        y = points[i, 1]
        totalError += (y - (m * x + b)) ** 2
    return totalError / float(len(points))


def step_gradient(b_current, m_current, points, learningRate):
    b_gradient = 0
    m_gradient = 0
    N = float(len(points))
    for i in range(0, len(points)):
        x = points[i, 0]
        y = points[i, 1]
        b_gradient += -(2 / N) * (y - ((m_current * x) + b_current))
        m_gradient += -(2 / N) * x * (y - ((m_current * x) + b_current))
    new_b = b_current - (learningRate * b_gradient)
    new_m = m_current - (learningRate * m_gradient)
    return [new_b, new_m]


points = np.array([[1, 2.0], [2, 2.9], [3, 4.2], [4, 4.8], [5, 6.1]])
b, m = 0.0, 0.0
print("error_start", repr(compute_error_for_line_given_points(b, m, points)))
for i in range(1000):
    b, m = step_gradient(b, m, points, 0.01)
print("gd", repr(b), repr(m), repr(compute_error_for_line_given_points(b, m, points)))
w_ls, b_ls = np.polyfit(points[:, 0], points[:, 1], 1)
print("lstsq", repr(float(b_ls)), repr(float(w_ls)), repr(compute_error_for_line_given_points(b_ls, w_ls, points)))
