"""Reference values for grad4j's autograd tests (org.grad4j.autograd.TorchReferenceTest and the
module/loss tests), computed once with PyTorch 1.13 in float64.

Run: /usr/bin/python3 tools/reference/autograd_reference.py \
        > core/src/test/resources/org/grad4j/autograd/torch_values.txt

Each output line is `key d0,d1,... v1 v2 ...` (shape, then the values in row-major order, as
repr(float), so they round-trip exactly). Inputs are printed too (keys ending in .x, .a, .b, .w, ...),
so the Java tests use bit-identical inputs. Every gradient is that of L = sum(w * f(inputs)) for the
printed weights w (of the output's shape).
"""
import math
import torch

torch.set_default_dtype(torch.float64)


def seq(shape, a, b, scale=1.0, offset=0.0):
    n = 1
    for d in shape:
        n *= d
    vals = [offset + scale * math.sin(a * i + b) for i in range(n)]
    return torch.tensor(vals).reshape(shape)


def emit(key, t):
    t = t.detach()
    shape = ",".join(str(d) for d in t.shape) or "-"
    vals = " ".join(repr(float(v)) for v in t.reshape(-1).tolist())
    print(key, shape, vals)


def leaf(t):
    return t.clone().requires_grad_(True)


def run(prefix, f, inputs, names):
    """Emits inputs, weights, output and the gradient of every input."""
    xs = [leaf(t) for t in inputs]
    y = f(*xs)
    w = seq(list(y.shape), 0.9, 0.2)
    (y * w).sum().backward()
    for n, x in zip(names, xs):
        emit(prefix + "." + n, x)
    emit(prefix + ".w", w)
    emit(prefix + ".y", y)
    for n, x in zip(names, xs):
        emit(prefix + ".d" + n, x.grad if x.grad is not None else torch.zeros_like(x))


# ---- unary ----
X = seq([2, 3], 1.3, 0.4, 1.5)
P = seq([2, 3], 0.7, 0.1, 0.4, 0.9)   # positive
unary = {
    "exp": (torch.exp, X), "log": (torch.log, P), "sqrt": (torch.sqrt, P), "abs": (torch.abs, X),
    "tanh": (torch.tanh, X), "sigmoid": (torch.sigmoid, X), "relu": (torch.relu, X),
    "pow3": (lambda x: x ** 3, X), "powHalf": (lambda x: x ** 0.5, P), "neg": (lambda x: -x, X),
    "mul": (lambda x: x * 2.5, X), "addScalar": (lambda x: x + 2.5, X),
}
for name, (f, x) in unary.items():
    run("unary." + name, f, [x], ["x"])

# ---- binary, every pair of ranks 0..4 (suffixes of [2,1,2,3] and [1,2,1,3]) ----
A4 = [2, 1, 2, 3]
B4 = [1, 2, 1, 3]
for ra in range(5):
    for rb in range(5):
        sa = A4[4 - ra:]
        sb = B4[4 - rb:]
        run(f"broadcast.mul.{ra}{rb}", lambda a, b: a * b, [seq(sa, 1.1, 0.3), seq(sb, 0.8, 0.5)], ["a", "b"])
        run(f"broadcast.add.{ra}{rb}", lambda a, b: a + b, [seq(sa, 1.1, 0.3), seq(sb, 0.8, 0.5)], ["a", "b"])
binary = {
    "add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b,
    "div": lambda a, b: a / b, "pow": lambda a, b: a ** b, "maximum": torch.maximum,
    "minimum": torch.minimum,
}
for name, f in binary.items():
    run("binary." + name, f, [seq([2, 3], 0.7, 0.1, 0.4, 0.9), seq([3], 1.9, 0.3, 1.2)], ["a", "b"])

# ---- a reused node ----
run("reuse", lambda x: (lambda h: h * h + h + torch.exp(h))(torch.tanh(x)) * x, [X], ["x"])

# ---- reductions over each axis, with and without keepDims ----
R = seq([2, 3, 4], 1.7, 0.2, 2.0)
for axis in range(3):
    for keep in (False, True):
        k = "k" if keep else "n"
        run(f"reduce.sum.{axis}{k}", lambda x: x.sum(dim=axis, keepdim=keep), [R], ["x"])
        run(f"reduce.mean.{axis}{k}", lambda x: x.mean(dim=axis, keepdim=keep), [R], ["x"])
        run(f"reduce.max.{axis}{k}", lambda x: x.max(dim=axis, keepdim=keep).values, [R], ["x"])
        emit(f"reduce.argmax.{axis}{k}.y", R.argmax(dim=axis, keepdim=keep).double())
run("reduce.sumAll", lambda x: x.sum(), [R], ["x"])
run("reduce.meanAll", lambda x: x.mean(), [R], ["x"])
run("reduce.maxAll", lambda x: x.max(), [R], ["x"])

# ---- products ----
run("matmul.2d", lambda a, b: a @ b, [seq([3, 4], 1.3, 0.1), seq([4, 2], 0.6, 0.7)], ["a", "b"])
run("matmul.batched", lambda a, b: a @ b, [seq([2, 3, 4], 1.3, 0.1), seq([2, 4, 2], 0.6, 0.7)], ["a", "b"])
run("matmul.folded", lambda a, b: a @ b, [seq([2, 3, 4], 1.3, 0.1), seq([4, 2], 0.6, 0.7)], ["a", "b"])
run("matmul.rank4", lambda a, b: a @ b, [seq([2, 2, 3, 4], 1.3, 0.1), seq([2, 2, 4, 2], 0.6, 0.7)], ["a", "b"])

# ---- softmax ----
S = seq([3, 4], 2.1, 0.3, 3.0)
for axis in (0, 1):
    run(f"softmax.{axis}", lambda x: torch.softmax(x, dim=axis), [S], ["x"])
    run(f"logSoftmax.{axis}", lambda x: torch.log_softmax(x, dim=axis), [S], ["x"])

# ---- layout and selection ----
run("transpose", lambda x: x.transpose(0, 2) * 1.0, [R], ["x"])
run("reshape", lambda x: x.reshape(4, 6).exp(), [R], ["x"])
run("slice", lambda x: x[1:3].tanh(), [seq([4, 3], 1.3, 0.4)], ["x"])
run("gather", lambda x: x.gather(1, torch.tensor([[2], [0], [1], [2]])).squeeze(1), [seq([4, 3], 1.3, 0.4)], ["x"])
C = (seq([2, 3], 2.3, 0.1) > 0).double()
emit("where.c", C)
run("where", lambda a, b: torch.where(C != 0, a, b), [seq([2, 3], 1.3, 0.4), seq([3], 0.5, 0.2)], ["a", "b"])
run("concat.0", lambda a, b: torch.cat([a, b], dim=0), [seq([2, 3], 1.3, 0.4), seq([1, 3], 0.5, 0.2)], ["a", "b"])
run("concat.1", lambda a, b: torch.cat([a, b], dim=1), [seq([2, 3], 1.3, 0.4), seq([2, 2], 0.5, 0.2)], ["a", "b"])

# ---- BatchNorm1d, train then eval ----
bn = torch.nn.BatchNorm1d(3)
with torch.no_grad():
    bn.weight.copy_(seq([3], 1.1, 0.3, 0.5, 1.0))
    bn.bias.copy_(seq([3], 0.7, 0.9, 0.3))
XB = seq([5, 3], 1.9, 0.6, 2.0, 0.5)
emit("bn.gamma", bn.weight)
emit("bn.beta", bn.bias)
for mode in ("train", "eval"):
    bn.train(mode == "train")
    bn.zero_grad()
    x = leaf(XB)
    y = bn(x)
    w = seq(list(y.shape), 0.9, 0.2)
    (y * w).sum().backward()
    emit(f"bn.{mode}.x", x)
    emit(f"bn.{mode}.w", w)
    emit(f"bn.{mode}.y", y)
    emit(f"bn.{mode}.dx", x.grad)
    emit(f"bn.{mode}.dgamma", bn.weight.grad)
    emit(f"bn.{mode}.dbeta", bn.bias.grad)
    emit(f"bn.{mode}.running_mean", bn.running_mean)
    emit(f"bn.{mode}.running_var", bn.running_var)

# ---- losses ----
Z = seq([4, 3], 1.7, 0.5, 2.0)
labels = torch.tensor([2, 0, 1, 2])
emit("ce.labels", labels.double())
z = leaf(Z)
loss = torch.nn.functional.cross_entropy(z, labels)
loss.backward()
emit("ce.index.x", z)
emit("ce.index.y", loss)
emit("ce.index.dx", z.grad)
T = torch.softmax(seq([4, 3], 0.9, 0.1, 1.5), dim=1)
z = leaf(Z)
loss = torch.nn.functional.cross_entropy(z, T)
loss.backward()
emit("ce.prob.t", T)
emit("ce.prob.y", loss)
emit("ce.prob.dx", z.grad)
z = leaf(Z)
TY = seq([4, 3], 1.3, 0.3, 0.4, 0.5)
loss = torch.nn.functional.mse_loss(z, TY)
loss.backward()
emit("mse.t", TY)
emit("mse.y", loss)
emit("mse.dx", z.grad)
z = leaf(Z)
TB = (seq([4, 3], 2.9, 0.1) > 0).double()
loss = torch.nn.functional.binary_cross_entropy_with_logits(z, TB)
loss.backward()
emit("bce.t", TB)
emit("bce.y", loss)
emit("bce.dx", z.grad)
