"""Reference for RegressionEndToEndTest (grad4j): Sequential(Linear(3, 8), Tanh, Linear(8, 1)) with
MSELoss, trained by Adam (lr 0.01, torch defaults otherwise) for 100 full-batch steps, PyTorch 1.13 float64.

Run: /usr/bin/python3 tools/reference/regression_adam_reference.py

Every input is a dyadic rational, so Java builds bit-identical data and initial weights:
  x[n][i] = ((7 * (3n + i)) % 17 - 8) / 8            n < 32, i < 3
  y[n]    = x[n][0] * x[n][1] - 0.5 * x[n][2] + 0.25
  W1[i][j] = ((5 * (8i + j)) % 13 - 6) / 16  (grad4j's [in, out] layout; torch's weight is W1^T)
  b1[j] = (j % 3 - 1) / 8,   W2[j][0] = ((3j) % 7 - 3) / 8,   b2 = 0.125
Prints the loss before the first and the last step, then the final W1, b1, W2, b2 (grad4j layout).
"""
import torch

torch.set_default_dtype(torch.float64)
N, I, H = 32, 3, 8
x = torch.tensor([[((7 * (3 * n + i)) % 17 - 8) / 8 for i in range(I)] for n in range(N)])
y = (x[:, 0] * x[:, 1] - 0.5 * x[:, 2] + 0.25).reshape(N, 1)
W1 = torch.tensor([[((5 * (8 * i + j)) % 13 - 6) / 16 for j in range(H)] for i in range(I)])
b1 = torch.tensor([(j % 3 - 1) / 8 for j in range(H)])
W2 = torch.tensor([[((3 * j) % 7 - 3) / 8] for j in range(H)])
b2 = torch.tensor([0.125])

model = torch.nn.Sequential(torch.nn.Linear(I, H), torch.nn.Tanh(), torch.nn.Linear(H, 1))
with torch.no_grad():
    model[0].weight.copy_(W1.T)
    model[0].bias.copy_(b1)
    model[2].weight.copy_(W2.T)
    model[2].bias.copy_(b2)
opt = torch.optim.Adam(model.parameters(), lr=0.01)
losses = []
for step in range(100):
    opt.zero_grad()
    loss = torch.nn.functional.mse_loss(model(x), y)
    losses.append(loss.item())
    loss.backward()
    opt.step()
print("loss0 =", repr(losses[0]))
print("loss99 =", repr(losses[99]))
print("W1 =", repr(model[0].weight.detach().T.reshape(-1).tolist()))
print("b1 =", repr(model[0].bias.detach().tolist()))
print("W2 =", repr(model[2].weight.detach().T.reshape(-1).tolist()))
print("b2 =", repr(model[2].bias.detach().tolist()))
