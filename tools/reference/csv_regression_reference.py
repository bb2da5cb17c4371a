#!/usr/bin/python3
"""Reference for CsvRegressionReferenceTest: `./grad4j train --data FILE.csv --target y
--task regression --hidden 32 --activation tanh --optimizer adam --lr 0.01 --batch 20 --sampling sequential
--iters 200 --init init.npz` against PyTorch 1.13 float64: Sequential(Linear(5, 32), Tanh, Linear(32, 1)),
MSELoss (mean), Adam (lr 0.01, torch defaults otherwise), batches of 20 rows in file order.

Run: /usr/bin/python3 tools/reference/csv_regression_reference.py

Every input is a dyadic rational, so Java writes a bit-identical CSV and initial weights:
  x[n][i]  = ((7 * (5n + i)) % 17 - 8) / 8                                    n < 200, i < 5
  y[n]     = x0 x1 - 0.5 x2^2 + 0.25 x3 - x4 x0 + ((11 n) % 13 - 6) / 64     (nonlinear target + "noise")
  W1[i][j] = ((5 * (32 i + j)) % 13 - 6) / 16   (grad4j's [in, out] layout)
  b1[j] = (j % 3 - 1) / 8,   W2[j][0] = ((3 j) % 7 - 3) / 16,   b2 = 0.125
Prints the loss of the first and last batch, the final W2, b2, and the sum of the final W1.
"""
import torch

torch.set_default_dtype(torch.float64)
N, I, H, B, STEPS = 200, 5, 32, 20, 200
x = torch.tensor([[((7 * (5 * n + i)) % 17 - 8) / 8 for i in range(I)] for n in range(N)])
noise = torch.tensor([((11 * n) % 13 - 6) / 64 for n in range(N)])
y = (x[:, 0] * x[:, 1] - 0.5 * x[:, 2] ** 2 + 0.25 * x[:, 3] - x[:, 4] * x[:, 0] + noise).reshape(N, 1)
W1 = torch.tensor([[((5 * (32 * i + j)) % 13 - 6) / 16 for j in range(H)] for i in range(I)], requires_grad=True)
b1 = torch.tensor([(j % 3 - 1) / 8 for j in range(H)], requires_grad=True)
W2 = torch.tensor([[((3 * j) % 7 - 3) / 16] for j in range(H)], requires_grad=True)
b2 = torch.tensor([0.125], requires_grad=True)
opt = torch.optim.Adam([W1, b1, W2, b2], lr=0.01)
losses = []
for step in range(STEPS):
    start = (step * B) % N
    xb, yb = x[start:start + B], y[start:start + B]
    opt.zero_grad()
    loss = torch.nn.functional.mse_loss(torch.tanh(xb @ W1 + b1) @ W2 + b2, yb)
    loss.backward()
    losses.append(loss.item())
    opt.step()
print("first_loss", repr(losses[0]))
print("last_loss", repr(losses[-1]))
print("W2", ", ".join(repr(v) for v in W2.detach().reshape(-1).tolist()))
print("b2", repr(b2.item()))
print("W1_sum", repr(W1.detach().sum().item()))
