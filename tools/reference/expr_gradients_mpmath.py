"""Reference gradients for org.grad4j.expr.ExpressionGradientTest#mpmathReferenceGradients.

Run once with /usr/bin/python3 (mpmath, 40 significant digits); the printed values are
hard-coded in the test. Partial derivatives by mpmath's high-precision numerical differentiation.
"""
import mpmath as mp

mp.mp.dps = 40

CASES = [
    # (expression text as in the test, mpmath function, point)
    ("acos(0.5*sin(tan(0.75*sin(pow(1 + (3*tanh((x^2)^3))^2, x)))))",
     lambda x: mp.acos(mp.mpf('0.5') * mp.sin(mp.tan(mp.mpf('0.75') * mp.sin(
         mp.power(1 + (3 * mp.tanh((x ** 2) ** 3)) ** 2, x))))),
     [mp.mpf(1.1414797304739153)]),
    ("100*(y - x^2)^2 + (1 - x)^2",
     lambda x, y: 100 * (y - x ** 2) ** 2 + (1 - x) ** 2,
     [mp.mpf(-1.2), mp.mpf(1)]),
    ("sin(x)*exp(-y^2/2) + log(1 + x^2*y^2) - sigmoid(x - y)",
     lambda x, y: mp.sin(x) * mp.exp(-y ** 2 / 2) + mp.log(1 + x ** 2 * y ** 2) - 1 / (1 + mp.exp(-(x - y))),
     [mp.mpf(0.3), mp.mpf(-0.7)]),
]

for text, f, point in CASES:
    value = f(*point)
    grads = []
    for j in range(len(point)):
        order = [0] * len(point)
        order[j] = 1
        grads.append(mp.diff(f, tuple(point), tuple(order)))
    print(text, "value", mp.nstr(value, 20), "gradient", [mp.nstr(g, 20) for g in grads])
