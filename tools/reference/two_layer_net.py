"""Reference values for TwoLayerNetTest (grad4j), computed once with PyTorch in float64.

Run: /usr/bin/python3 tools/reference/two_layer_net.py   (PyTorch 1.13, Debian python3-torch)

The network is 4-5-3 with weights given by closed formulas (mirrored in the Java test):
  W1[i][j] = 0.5 * sin(5*i + j + 1)      b1[j] = 0.1 * cos(j + 1)
  W2[i][j] = 0.5 * cos(3*i + j + 1)      b2[j] = 0.05 * (j - 1)
  x[n][i]  = 0.25 * (n + 1) * sin(4*n + i + 2)
labels t = [2, 0]. Loss: mean cross-entropy of softmax (torch.nn.functional.cross_entropy).
"""
import math
import torch

torch.set_default_dtype(torch.float64)
I, H, O, N = 4, 5, 3, 2
W1 = torch.tensor([[0.5 * math.sin(5 * i + j + 1) for j in range(H)] for i in range(I)], requires_grad=True)
b1 = torch.tensor([0.1 * math.cos(j + 1) for j in range(H)], requires_grad=True)
W2 = torch.tensor([[0.5 * math.cos(3 * i + j + 1) for j in range(O)] for i in range(H)], requires_grad=True)
b2 = torch.tensor([0.05 * (j - 1) for j in range(O)], requires_grad=True)
x = torch.tensor([[0.25 * (n + 1) * math.sin(4 * n + i + 2) for i in range(I)] for n in range(N)])
t = torch.tensor([2, 0])

for name, act in [("sigmoid", torch.sigmoid), ("relu", torch.relu)]:
    for p in (W1, b1, W2, b2):
        p.grad = None
    scores = act(x @ W1 + b1) @ W2 + b2
    loss = torch.nn.functional.cross_entropy(scores, t)
    loss.backward()
    print(f"// {name}")
    print("scores =", repr(scores.detach().tolist()))
    print("loss =", repr(loss.item()))
    for pn, p in [("dW1", W1), ("db1", b1), ("dW2", W2), ("db2", b2)]:
        print(pn, "=", repr(p.grad.tolist()))
