package org.grad4j.autograd;

/**
 * Element-wise functions of one tensor and their backward rules ({@code y} the result):
 * <pre>{@code
 * exp:      dx = g * y               log:      dx = g / x
 * sqrt:     dx = g / (2 y)           abs:      dx = g * sign(x)
 * tanh:     dx = g * (1 - y^2)       sigmoid:  dx = g * y * (1 - y)
 * relu:     dx = g * (x > 0)         pow(p):   dx = g * p * x^(p-1)
 * neg:      dx = -g                  mul(c):   dx = g * c          add(c): dx = g
 * }</pre>
 */
final class Unary {

    static final int EXP = 0;
    static final int LOG = 1;
    static final int SQRT = 2;
    static final int ABS = 3;
    static final int TANH = 4;
    static final int SIGMOID = 5;
    static final int RELU = 6;
    static final int POW = 7;
    static final int NEG = 8;
    static final int MUL = 9;
    static final int ADD = 10;
    private static final String[] NAMES = {"exp", "log", "sqrt", "abs", "tanh", "sigmoid", "relu", "pow", "neg",
        "mul", "add"};

    private Unary() {
    }

    /** The sigmoid {@code 1 / (1 + e^-x)}, computed without overflow for large negative {@code x}. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    static Tensor apply(int op, Tensor a, double c) {
        double[] x = a.data;
        double[] y = new double[x.length];
        switch (op) {
            case EXP: for (int i = 0; i < x.length; i++) { y[i] = Math.exp(x[i]); } break;
            case LOG: for (int i = 0; i < x.length; i++) { y[i] = Math.log(x[i]); } break;
            case SQRT: for (int i = 0; i < x.length; i++) { y[i] = Math.sqrt(x[i]); } break;
            case ABS: for (int i = 0; i < x.length; i++) { y[i] = Math.abs(x[i]); } break;
            case TANH: for (int i = 0; i < x.length; i++) { y[i] = Math.tanh(x[i]); } break;
            case SIGMOID: for (int i = 0; i < x.length; i++) { y[i] = sigmoid(x[i]); } break;
            case RELU: for (int i = 0; i < x.length; i++) { y[i] = x[i] > 0 ? x[i] : 0; } break;
            case POW: for (int i = 0; i < x.length; i++) { y[i] = Math.pow(x[i], c); } break;
            case NEG: for (int i = 0; i < x.length; i++) { y[i] = -x[i]; } break;
            case MUL: for (int i = 0; i < x.length; i++) { y[i] = x[i] * c; } break;
            default: for (int i = 0; i < x.length; i++) { y[i] = x[i] + c; } break;
        }
        Tensor out = new Tensor(y, a.shape);
        String name = NAMES[op];
        if (NoGrad.recording(a)) {
            Node node = new UnaryNode(name, op, c, a);
            out.gradFn = op == NEG || op == MUL || op == ADD ? node.save()
                    : op == EXP || op == SQRT || op == TANH || op == SIGMOID ? node.save(out) : node.save(a);
        }
        Anomaly.check(name, out, a);
        return out;
    }

    private static final class UnaryNode extends Node {
        private final int opCode;
        private final double c;

        UnaryNode(String name, int op, double c, Tensor a) {
            super(name, a);
            this.opCode = op;
            this.c = c;
        }

        @Override
        protected Tensor[] backward(Tensor grad) {
            double[] g = grad.data;
            if (opCode == ADD) {
                return new Tensor[] {grad};
            }
            double[] d = new double[g.length];
            switch (opCode) {
                case NEG: for (int i = 0; i < g.length; i++) { d[i] = -g[i]; } break;
                case MUL: for (int i = 0; i < g.length; i++) { d[i] = g[i] * c; } break;
                case EXP: {
                    double[] y = saved(0).data;
                    for (int i = 0; i < g.length; i++) { d[i] = g[i] * y[i]; }
                    break;
                }
                case SQRT: {
                    double[] y = saved(0).data;
                    for (int i = 0; i < g.length; i++) { d[i] = g[i] / (2 * y[i]); }
                    break;
                }
                case TANH: {
                    double[] y = saved(0).data;
                    for (int i = 0; i < g.length; i++) { d[i] = g[i] * (1 - y[i] * y[i]); }
                    break;
                }
                case SIGMOID: {
                    double[] y = saved(0).data;
                    for (int i = 0; i < g.length; i++) { d[i] = g[i] * y[i] * (1 - y[i]); }
                    break;
                }
                case LOG: {
                    double[] x = saved(0).data;
                    for (int i = 0; i < g.length; i++) { d[i] = g[i] / x[i]; }
                    break;
                }
                case ABS: {
                    double[] x = saved(0).data;
                    for (int i = 0; i < g.length; i++) { d[i] = g[i] * Math.signum(x[i]); }
                    break;
                }
                case RELU: {
                    double[] x = saved(0).data;
                    for (int i = 0; i < g.length; i++) { d[i] = x[i] > 0 ? g[i] : 0; }
                    break;
                }
                default: {
                    double[] x = saved(0).data;
                    for (int i = 0; i < g.length; i++) { d[i] = c == 0 ? 0 : g[i] * c * Math.pow(x[i], c - 1); }
                    break;
                }
            }
            return new Tensor[] {new Tensor(d, grad.shape)};
        }
    }
}
