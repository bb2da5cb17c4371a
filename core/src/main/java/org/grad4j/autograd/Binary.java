package org.grad4j.autograd;

/**
 * Element-wise operations of two tensors with NumPy broadcasting, and their backward rules:
 * <pre>{@code
 * add:      da = g                 db = g
 * sub:      da = g                 db = -g
 * mul:      da = g * b             db = g * a
 * div:      da = g / b             db = -g * a / b^2
 * pow:      da = g * b * a^(b-1)   db = g * a^b * log(a)      (0 where a == 0 and b >= 0, as torch)
 * maximum:  da = g where a > b, g / 2 where a == b, else 0;   db symmetric   (torch 1.13)
 * minimum:  da = g where a < b, g / 2 where a == b, else 0;   db symmetric
 * }</pre>
 * then each gradient is summed over the dimensions its input was broadcast along
 * ({@link Broadcast#sumTo}).
 */
final class Binary {

    static final int ADD = 0;
    static final int SUB = 1;
    static final int MUL = 2;
    static final int DIV = 3;
    static final int POW = 4;
    static final int MAX = 5;
    static final int MIN = 6;
    private static final String[] NAMES = {"add", "sub", "mul", "div", "pow", "maximum", "minimum"};

    private Binary() {
    }

    static double f(int op, double x, double y) {
        switch (op) {
            case ADD: return x + y;
            case SUB: return x - y;
            case MUL: return x * y;
            case DIV: return x / y;
            case POW: return Math.pow(x, y);
            case MAX: return Double.isNaN(x) || Double.isNaN(y) ? Double.NaN : Math.max(x, y);
            default: return Double.isNaN(x) || Double.isNaN(y) ? Double.NaN : Math.min(x, y);
        }
    }

    static Tensor apply(int op, Tensor a, Tensor b) {
        String name = NAMES[op];
        int[] os = Shape.broadcast(name, a.shape, b.shape);
        double[] o = new double[Shape.size(os)];
        double[] ad = a.data;
        double[] bd = b.data;
        if (ad.length == o.length && bd.length == o.length) {
            for (int i = 0; i < o.length; i++) {
                o[i] = f(op, ad[i], bd[i]);
            }
        } else if (ad.length == o.length && bd.length == 1) {
            double y = bd[0];
            for (int i = 0; i < o.length; i++) {
                o[i] = f(op, ad[i], y);
            }
        } else {
            int[] o4 = Shape.pad4(os);
            int[] sa = Shape.strides4(a.shape, o4);
            int[] sb = Shape.strides4(b.shape, o4);
            int i = 0;
            for (int d0 = 0; d0 < o4[0]; d0++) {
                for (int d1 = 0; d1 < o4[1]; d1++) {
                    for (int d2 = 0; d2 < o4[2]; d2++) {
                        int ia = d0 * sa[0] + d1 * sa[1] + d2 * sa[2];
                        int ib = d0 * sb[0] + d1 * sb[1] + d2 * sb[2];
                        for (int d3 = 0; d3 < o4[3]; d3++) {
                            o[i++] = f(op, ad[ia + d3 * sa[3]], bd[ib + d3 * sb[3]]);
                        }
                    }
                }
            }
        }
        Tensor out = new Tensor(o, os);
        if (NoGrad.recording(a, b)) {
            Node node = new BinaryNode(name, op, a, b);
            out.gradFn = op <= SUB ? node.save() : node.save(a, b, out);
        }
        Anomaly.check(name, out, a, b);
        return out;
    }

    private static final class BinaryNode extends Node {
        private final int opCode;

        BinaryNode(String name, int op, Tensor a, Tensor b) {
            super(name, a, b);
            this.opCode = op;
        }

        @Override
        protected Tensor[] backward(Tensor grad) {
            int[] os = grad.shape;
            double[] g = grad.data;
            if (opCode == ADD || opCode == SUB) {
                Tensor ga = !needsGrad(0) ? null : Broadcast.sumTo(grad, inputs[0].shape);
                Tensor gb = null;
                if (needsGrad(1)) {
                    gb = Broadcast.sumTo(grad, inputs[1].shape);
                    if (opCode == SUB) {
                        gb = gb == grad ? new Tensor(gb.data.clone(), gb.shape) : gb;
                        for (int i = 0; i < gb.data.length; i++) {
                            gb.data[i] = -gb.data[i];
                        }
                    }
                }
                return new Tensor[] {ga, gb};
            }
            double[] da = needsGrad(0) ? new double[g.length] : null;
            double[] db = needsGrad(1) ? new double[g.length] : null;
            Tensor a = saved(0);
            Tensor b = saved(1);
            double[] out = saved(2).data;
            int[] o4 = Shape.pad4(os);
            int[] sa = Shape.strides4(a.shape, o4);
            int[] sb = Shape.strides4(b.shape, o4);
            double[] ad = a.data;
            double[] bd = b.data;
            int i = 0;
            for (int d0 = 0; d0 < o4[0]; d0++) {
                for (int d1 = 0; d1 < o4[1]; d1++) {
                    for (int d2 = 0; d2 < o4[2]; d2++) {
                        for (int d3 = 0; d3 < o4[3]; d3++, i++) {
                            double x = ad[d0 * sa[0] + d1 * sa[1] + d2 * sa[2] + d3 * sa[3]];
                            double y = bd[d0 * sb[0] + d1 * sb[1] + d2 * sb[2] + d3 * sb[3]];
                            partials(opCode, g[i], x, y, out[i], da, db, i);
                        }
                    }
                }
            }
            return new Tensor[] {
                da == null ? null : Broadcast.sumTo(new Tensor(da, os), a.shape),
                db == null ? null : Broadcast.sumTo(new Tensor(db, os), b.shape)
            };
        }
    }

    private static void partials(int op, double g, double x, double y, double out, double[] da, double[] db,
            int i) {
        double ga;
        double gb;
        switch (op) {
            case MUL: ga = g * y; gb = g * x; break;
            case DIV: ga = g / y; gb = -g * x / (y * y); break;
            case POW:
                ga = y == 0 ? 0 : g * y * Math.pow(x, y - 1);
                gb = x == 0 && y >= 0 ? 0 : g * out * Math.log(x);
                break;
            case MAX:
                ga = x > y ? g : x == y ? g / 2 : 0;
                gb = y > x ? g : x == y ? g / 2 : 0;
                break;
            default:
                ga = x < y ? g : x == y ? g / 2 : 0;
                gb = y < x ? g : x == y ? g / 2 : 0;
                break;
        }
        if (da != null) {
            da[i] = ga;
        }
        if (db != null) {
            db[i] = gb;
        }
    }
}
