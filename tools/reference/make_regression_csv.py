#!/usr/bin/python3
"""Writes the README's example table: 400 rows of 5 features and a nonlinear target plus noise,
y = sin(a) + 0.5 b^2 - c d + 0.3 e + 0.1 N(0, 1), features N(0, 1), NumPy seed 17.

Run: /usr/bin/python3 tools/reference/make_regression_csv.py houses.csv
"""
import sys

import numpy as np

rng = np.random.default_rng(17)
n = 400
x = rng.normal(size=(n, 5))
y = np.sin(x[:, 0]) + 0.5 * x[:, 1] ** 2 - x[:, 2] * x[:, 3] + 0.3 * x[:, 4] + 0.1 * rng.normal(size=n)
with open(sys.argv[1] if len(sys.argv) > 1 else "houses.csv", "w") as f:
    f.write("a,b,c,d,e,y\n")
    for i in range(n):
        f.write(",".join("%.6f" % v for v in x[i]) + ",%.6f\n" % y[i])
