package org.grad4j.expr;

/**
 * The compiled expression: a flat postfix tape with variable-free subexpressions folded into one
 * constant each and {@code a^2} (constant exponent 2) specialised to {@code a*a}, evaluated without
 * recursion.
 *
 * <ul>
 *   <li>{@link #value} runs the tape on an explicit value stack of {@link #maxStack} slots;</li>
 *   <li>{@link #gradient} is reverse-mode differentiation: a forward sweep records the value
 *   {@code v[i]} of every instruction, then a backward sweep from {@code adj[last] = 1} visits the
 *   instructions in reverse and adds {@code adj[i] * d v[i] / d operand} into each operand's adjoint
 *   ({@code +=}, so shared subexpressions and repeated variables sum up).</li>
 * </ul>
 * Both take their scratch arrays from the caller (see {@link Workspace}) and allocate nothing.
 */
final class Tape {
    final int size;
    final int arity;
    final int[] op;
    /** Variable index for {@link Op#VAR}. */
    final int[] operand;
    /** Value for {@link Op#CONST}. */
    final double[] constant;
    /** Instruction index of the first / second operand, -1 if none. */
    final int[] left;
    final int[] right;
    /** Whether the instruction's value depends on a variable (others get no adjoint). */
    final boolean[] dependent;
    final int maxStack;

    /** Compiles a program, folding every variable-free subexpression into one constant. */
    Tape(Program p) {
        int n = p.size;
        int[] o = new int[n];
        int[] arg = new int[n];
        double[] c = new double[n];
        int[] l = new int[n];
        int[] r = new int[n];
        boolean[] dep = new boolean[n];
        int[] stack = new int[n]; // instruction index of each pending operand
        int sp = 0;
        int m = 0;
        int deepest = 0;
        for (int i = 0; i < n; i++) {
            int code = p.op[i];
            int k = Op.arity(code);
            if (k == 0) {
                o[m] = code;
                arg[m] = p.operand[i];
                c[m] = p.constant[i];
                l[m] = -1;
                r[m] = -1;
                dep[m] = code == Op.VAR;
            } else {
                int b = k == 2 ? stack[--sp] : -1;
                int a = stack[--sp];
                if (!dep[a] && (b < 0 || !dep[b])) {
                    // All operands are constants, so they are the last k instructions: fold them.
                    double v = apply(code, c[a], b < 0 ? 0 : c[b]);
                    m = a;
                    o[m] = Op.CONST;
                    c[m] = v;
                    l[m] = -1;
                    r[m] = -1;
                    dep[m] = false;
                } else if ((code == Op.POW || code == Op.POW_CALL) && !dep[b] && c[b] == 2) {
                    // a^2 -> a*a: the constant 2 is the last instruction; drop it.
                    m = b;
                    o[m] = Op.SQUARE;
                    l[m] = a;
                    r[m] = -1;
                    dep[m] = true;
                } else {
                    o[m] = code;
                    l[m] = a;
                    r[m] = b;
                    dep[m] = true;
                }
            }
            stack[sp++] = m++;
        }
        for (int i = 0, depth = 0; i < m; i++) {
            depth += 1 - Op.arity(o[i]);
            deepest = Math.max(deepest, depth);
        }
        this.size = m;
        this.arity = p.variables.size();
        this.op = java.util.Arrays.copyOf(o, m);
        this.operand = java.util.Arrays.copyOf(arg, m);
        this.constant = java.util.Arrays.copyOf(c, m);
        this.left = java.util.Arrays.copyOf(l, m);
        this.right = java.util.Arrays.copyOf(r, m);
        this.dependent = java.util.Arrays.copyOf(dep, m);
        this.maxStack = deepest;
    }

    /**
     * The instruction {@code op} applied to its operand values (b is ignored for one-operand
     * instructions). The single definition of every operation's value, used by folding and both sweeps.
     */
    static double apply(int op, double a, double b) {
        switch (op) {
            case Op.ADD: return a + b;
            case Op.SUB: return a - b;
            case Op.MUL: return a * b;
            case Op.DIV: return a / b;
            case Op.POW:
            case Op.POW_CALL: return Math.pow(a, b);
            case Op.NEG: return -a;
            case Op.SQUARE: return a * a;
            case Op.SIN: return Math.sin(a);
            case Op.COS: return Math.cos(a);
            case Op.TAN: return Math.tan(a);
            case Op.ASIN: return Math.asin(a);
            case Op.ACOS: return Math.acos(a);
            case Op.ATAN: return Math.atan(a);
            case Op.SINH: return Math.sinh(a);
            case Op.COSH: return Math.cosh(a);
            case Op.TANH: return Math.tanh(a);
            case Op.EXP: return Math.exp(a);
            case Op.LOG: return Math.log(a);
            case Op.SQRT: return Math.sqrt(a);
            case Op.ABS: return Math.abs(a);
            case Op.SIGMOID: return sigmoid(a);
            case Op.MIN: return Math.min(a, b);
            case Op.MAX: return Math.max(a, b);
            default: throw new IllegalStateException("not an operation: " + op);
        }
    }

    /** sigma(a) = 1 / (1 + e^-a), computed without overflow for large |a|. */
    static double sigmoid(double a) {
        if (a >= 0) {
            return 1 / (1 + Math.exp(-a));
        }
        double z = Math.exp(a);
        return z / (1 + z);
    }

    /** f(x) with an explicit stack of at least {@link #maxStack} slots. */
    double value(double[] x, double[] stack) {
        int sp = -1; // index of the top of the stack
        for (int i = 0; i < size; i++) {
            switch (op[i]) {
                case Op.CONST: stack[++sp] = constant[i]; break;
                case Op.VAR: stack[++sp] = x[operand[i]]; break;
                case Op.ADD: sp--; stack[sp] += stack[sp + 1]; break;
                case Op.SUB: sp--; stack[sp] -= stack[sp + 1]; break;
                case Op.MUL: sp--; stack[sp] *= stack[sp + 1]; break;
                case Op.DIV: sp--; stack[sp] /= stack[sp + 1]; break;
                case Op.POW:
                case Op.POW_CALL: sp--; stack[sp] = Math.pow(stack[sp], stack[sp + 1]); break;
                case Op.MIN: sp--; stack[sp] = Math.min(stack[sp], stack[sp + 1]); break;
                case Op.MAX: sp--; stack[sp] = Math.max(stack[sp], stack[sp + 1]); break;
                case Op.NEG: stack[sp] = -stack[sp]; break;
                case Op.SQUARE: stack[sp] *= stack[sp]; break;
                case Op.SIN: stack[sp] = Math.sin(stack[sp]); break;
                case Op.COS: stack[sp] = Math.cos(stack[sp]); break;
                case Op.EXP: stack[sp] = Math.exp(stack[sp]); break;
                case Op.LOG: stack[sp] = Math.log(stack[sp]); break;
                case Op.SQRT: stack[sp] = Math.sqrt(stack[sp]); break;
                case Op.ABS: stack[sp] = Math.abs(stack[sp]); break;
                default: stack[sp] = apply(op[i], stack[sp], 0); // the rarer one-argument functions
            }
        }
        return stack[0];
    }

    /**
     * Reverse mode: fills {@code out[j] = d f / d x_j} (overwriting it) and returns f(x).
     * {@code v} and {@code adj} need {@link #size} slots; {@code x} is not modified.
     *
     * <p>Conventions where the derivative is not defined, or is defined only as a limit:
     * <ul>
     *   <li>an instruction whose adjoint is exactly 0 propagates nothing, so {@code 0 * inf} never
     *   makes a NaN (e.g. the losing branch of min/max, or {@code 0*sqrt(x)} at x = 0);</li>
     *   <li>abs'(0) = 0; min/max send the adjoint to the winner, the first operand on ties;</li>
     *   <li>sqrt'(0) = +inf, log'(0) = +inf (IEEE division);</li>
     *   <li>{@code a^b}: da = b * a^(b-1) (0 when b = 0); db = a^b * log(a) only if b depends on a
     *   variable, 0 when a = 0 (and b &gt; 0, where a^b = 0 near b), and NaN when a &lt; 0 (a^b is
     *   not differentiable in b there).</li>
     * </ul>
     */
    double gradient(double[] x, double[] out, double[] v, double[] adj) {
        for (int i = 0; i < size; i++) {
            int a = left[i];
            int b = right[i];
            switch (op[i]) {
                case Op.CONST: v[i] = constant[i]; break;
                case Op.VAR: v[i] = x[operand[i]]; break;
                case Op.ADD: v[i] = v[a] + v[b]; break;
                case Op.SUB: v[i] = v[a] - v[b]; break;
                case Op.MUL: v[i] = v[a] * v[b]; break;
                case Op.DIV: v[i] = v[a] / v[b]; break;
                case Op.NEG: v[i] = -v[a]; break;
                case Op.SQUARE: v[i] = v[a] * v[a]; break;
                default: v[i] = apply(op[i], v[a], b >= 0 ? v[b] : 0);
            }
            adj[i] = 0;
        }
        java.util.Arrays.fill(out, 0);
        int last = size - 1;
        adj[last] = 1;
        for (int i = last; i >= 0; i--) {
            double g = adj[i];
            if (g == 0 || !dependent[i]) {
                continue;
            }
            int code = op[i];
            int a = left[i];
            int b = right[i];
            double va = a >= 0 ? v[a] : 0;
            double vb = b >= 0 ? v[b] : 0;
            double vi = v[i];
            switch (code) {
                case Op.VAR: out[operand[i]] += g; break;
                case Op.ADD: adj[a] += g; adj[b] += g; break;
                case Op.SUB: adj[a] += g; adj[b] -= g; break;
                case Op.MUL: adj[a] += g * vb; adj[b] += g * va; break;
                case Op.DIV: adj[a] += g / vb; adj[b] -= g * vi / vb; break;
                case Op.POW:
                case Op.POW_CALL:
                    if (dependent[a] && vb != 0) {
                        adj[a] += g * vb * Math.pow(va, vb - 1);
                    }
                    if (dependent[b]) {
                        adj[b] += va == 0 ? 0 : g * vi * Math.log(va);
                    }
                    break;
                case Op.NEG: adj[a] -= g; break;
                case Op.SQUARE: adj[a] += 2 * g * va; break;
                case Op.SIN: adj[a] += g * Math.cos(va); break;
                case Op.COS: adj[a] -= g * Math.sin(va); break;
                case Op.TAN: adj[a] += g * (1 + vi * vi); break;
                case Op.ASIN: adj[a] += g / Math.sqrt(1 - va * va); break;
                case Op.ACOS: adj[a] -= g / Math.sqrt(1 - va * va); break;
                case Op.ATAN: adj[a] += g / (1 + va * va); break;
                case Op.SINH: adj[a] += g * Math.cosh(va); break;
                case Op.COSH: adj[a] += g * Math.sinh(va); break;
                case Op.TANH: adj[a] += g * (1 - vi * vi); break;
                case Op.EXP: adj[a] += g * vi; break;
                case Op.LOG: adj[a] += g / va; break;
                case Op.SQRT: adj[a] += g * 0.5 / vi; break;
                case Op.ABS: adj[a] += va > 0 ? g : va < 0 ? -g : 0; break;
                case Op.SIGMOID: adj[a] += g * vi * (1 - vi); break;
                case Op.MIN:
                    if (va <= vb) {
                        adj[a] += g;
                    } else {
                        adj[b] += g;
                    }
                    break;
                case Op.MAX:
                    if (va >= vb) {
                        adj[a] += g;
                    } else {
                        adj[b] += g;
                    }
                    break;
                default:
                    throw new IllegalStateException("not an operation: " + code);
            }
        }
        return v[last];
    }
}
