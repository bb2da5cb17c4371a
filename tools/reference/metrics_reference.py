#!/usr/bin/env python3
"""Reference values for ConfusionMatrixTest and RegressionMetricsTest, computed once with NumPy.

    /usr/bin/python3 tools/reference/metrics_reference.py

Printed with repr (shortest round-trip); the tests hard-code the inputs below and these outputs.
Generated with Debian's python3-numpy 1.24.2.

Definitions (as PyTorch's MSELoss/L1Loss with reduction='mean', and scikit-learn's r2_score with
multioutput='uniform_average'):
  MSE = mean over all elements of (y - p)^2
  MAE = mean over all elements of |y - p|
  R2  = mean over outputs k of 1 - sum_i (y_ik - p_ik)^2 / sum_i (y_ik - mean_i y_ik)^2
"""
import numpy as np

print("numpy", np.__version__)

# classification: 12 examples, 3 classes
labels = np.array([0, 1, 2, 2, 1, 0, 0, 2, 1, 1, 2, 0])
pred = np.array([0, 2, 2, 1, 1, 0, 1, 2, 1, 0, 2, 0])
cm = np.zeros((3, 3), dtype=np.int64)
np.add.at(cm, (labels, pred), 1)
print("confusion", cm.tolist())
print("accuracy", repr(float(np.mean(labels == pred))))
print("recall", [repr(float(cm[c, c] / cm[c, :].sum())) for c in range(3)])
print("precision", [repr(float(cm[c, c] / cm[:, c].sum())) for c in range(3)])

# regression, one output: 8 examples
y1 = np.array([3.0, -0.5, 2.0, 7.0, 4.25, -1.75, 0.1, 5.5])
p1 = np.array([2.5, 0.0, 2.0, 8.0, 3.9, -2.0, 0.3, 4.75])


def metrics(y, p):
    y = y.reshape(len(y), -1)
    p = p.reshape(len(p), -1)
    mse = np.mean((y - p) ** 2)
    mae = np.mean(np.abs(y - p))
    ss_res = np.sum((y - p) ** 2, axis=0)
    ss_tot = np.sum((y - y.mean(axis=0)) ** 2, axis=0)
    r2 = np.mean(1 - ss_res / ss_tot)
    return repr(float(mse)), repr(float(mae)), repr(float(r2))


print("one output: mse, mae, r2", metrics(y1, p1))

# regression, two outputs: 5 examples, row-major (y[i, 0], y[i, 1])
y2 = np.array([[0.5, 10.0], [1.5, 12.0], [-2.0, 9.5], [3.0, 11.0], [0.25, 13.0]])
p2 = np.array([[0.0, 10.5], [2.0, 11.0], [-1.0, 9.0], [2.5, 11.5], [0.5, 12.0]])
print("two outputs: mse, mae, r2", metrics(y2, p2))
