package org.grad4j.expr;

import java.util.List;
import java.util.Objects;
import org.grad4j.diff.MultivariateFunction;
import org.grad4j.diff.VectorFunction;

/**
 * A real function of several variables typed as text, e.g. {@code x0^2 + x1^2} or
 * {@code sin(x)*exp(-y^2/2)}, with its value and its exact gradient by reverse-mode
 * differentiation.
 *
 * <h2>Syntax</h2>
 * <ul>
 *   <li>numbers: {@code 3}, {@code 2.5}, {@code .5}, {@code 1.}, {@code 1e-3}, {@code 6.02E23};</li>
 *   <li>operators, loosest first: {@code + -}; {@code * /}; unary {@code -} and {@code +};
 *   {@code ^} (also written {@code **}, as in Python). {@code + - * /} associate to the left,
 *   {@code ^} to the right and binds tighter than unary minus: {@code -2^2 = -4},
 *   {@code 2^3^2 = 512}, {@code 2^-1 = 0.5};</li>
 *   <li>functions of one argument: {@code sin cos tan asin acos atan sinh cosh tanh exp log sqrt abs
 *   sigmoid} ({@code log} is natural, {@code sigmoid(a) = 1/(1+e^-a)}); of two:
 *   {@code pow min max};</li>
 *   <li>constants {@code pi} and {@code e};</li>
 *   <li>variables: every other identifier ({@code [A-Za-z_][A-Za-z0-9_]*}, case-sensitive);
 *   {@code x[3]} is the same variable as {@code x3}.</li>
 * </ul>
 *
 * <h2>Variables and their order</h2>
 * Only the variables that occur are arguments, ordered: first the indexed names {@code x0, x1, x2,
 * ..., x10, ...} by their number (so {@code x1 + x3} has arity 2, with x1 first), then every other
 * name alphabetically ({@code String} order, so upper case before lower case). Thus {@code y + x}
 * takes (x, y) and {@code b + x1 + a} takes (x1, a, b). Indexed names may not have leading zeros
 * ({@code x01} is an error).
 *
 * <h2>Evaluation</h2>
 * The text is compiled once into a postfix tape, with variable-free subexpressions folded into
 * constants; evaluation and differentiation run the tape in loops on an explicit stack, never by
 * recursion, using a scratch workspace per thread. Instances are immutable and every method is
 * thread-safe. Values follow IEEE arithmetic and {@link Math} (outside a function's domain the
 * result is NaN or infinite, never an exception). See {@link #gradient(double[], double[])} for
 * derivatives at kinks and singular points.
 *
 * <h2>Limits</h2>
 * At most {@link #MAX_LENGTH} characters and {@link #MAX_DEPTH} nesting levels (parentheses, unary
 * signs and exponents each count one); beyond, {@link ExpressionException}. The language has no
 * assignments, loops or calls out of the interpreter.
 */
public final class Expression {
    /** Longest accepted text, in characters. */
    public static final int MAX_LENGTH = 10_000;
    /** Deepest accepted nesting of parentheses, unary signs and exponents. */
    public static final int MAX_DEPTH = 256;

    private final String text;
    private final String canonical;
    private final List<String> variables;
    private final Tape tape;
    private final ThreadLocal<Workspace> workspace;
    private final MultivariateFunction function;

    /** Per-thread scratch arrays of the tape's sizes. */
    private static final class Workspace {
        final double[] stack;
        final double[] values;
        final double[] adjoints;

        Workspace(Tape tape) {
            stack = new double[tape.maxStack];
            values = new double[tape.size];
            adjoints = new double[tape.size];
        }
    }

    private Expression(String text, Program program) {
        this.text = text;
        this.canonical = CanonicalText.print(program);
        this.variables = program.variables;
        this.tape = new Tape(program);
        this.workspace = ThreadLocal.withInitial(() -> new Workspace(tape));
        this.function = this::value;
    }

    /**
     * Parses and compiles {@code text}.
     *
     * @throws ExpressionException on a syntax error, with a one-line message naming the column
     */
    public static Expression parse(String text) {
        Objects.requireNonNull(text, "text");
        return new Expression(text, Parser.parse(text));
    }

    /** The text as given to {@link #parse}. */
    public String text() {
        return text;
    }

    /** The variables in argument order (see the class comment); unmodifiable. */
    public List<String> variables() {
        return variables;
    }

    /** Number of variables, the length of the arrays taken by {@link #value} and {@link #gradient}. */
    public int arity() {
        return variables.size();
    }

    /**
     * f(x), with {@code x[j]} the value of {@code variables().get(j)}; {@code x} is not modified.
     *
     * @throws IllegalArgumentException if {@code x.length != arity()}
     */
    public double value(double... x) {
        checkArity(x);
        return tape.value(x, workspace.get().stack);
    }

    /**
     * Exact gradient by reverse-mode differentiation: writes {@code out[j] = df/dx_j} and returns
     * f(x). {@code x} is not modified; {@code out} is overwritten (not accumulated into).
     *
     * <p>Rules: {@code (a*b)' = a'b + ab'}, {@code (a/b)' = a'/b - a b'/b^2},
     * {@code (a^b)' = b a^(b-1) a' + a^b log(a) b'}, and the usual derivatives of the functions,
     * with {@code sigmoid' = s(1-s)}, {@code tanh' = 1 - tanh^2}. At kinks and singular points:
     * abs'(0) = 0; min and max differentiate the branch they return (the first argument on ties);
     * sqrt'(0) and log'(0) are +inf; the exponent term of {@code a^b} is skipped when b contains no
     * variable (so {@code x^2} at x &lt; 0 is fine), is 0 when a = 0, and NaN when a &lt; 0; and a
     * subexpression whose adjoint is exactly 0 contributes nothing, so a 0 factor never turns an
     * infinite local derivative into NaN.
     *
     * @throws IllegalArgumentException if {@code x.length} or {@code out.length} is not {@code arity()}
     */
    public double gradient(double[] x, double[] out) {
        checkArity(x);
        if (out.length != variables.size()) {
            throw new IllegalArgumentException("gradient output has length " + out.length
                + ", expected " + variables.size() + " " + names());
        }
        Workspace w = workspace.get();
        return tape.gradient(x, out, w.values, w.adjoints);
    }

    /** The gradient at {@code x} as a new array (see {@link #gradient(double[], double[])}). */
    public double[] gradient(double... x) {
        double[] out = new double[variables.size()];
        gradient(x, out);
        return out;
    }

    /** This expression as a {@link MultivariateFunction}; thread-safe, checks the arity. */
    public MultivariateFunction function() {
        return function;
    }

    /** The gradient as a {@link VectorFunction} (a new array per call); thread-safe. */
    public VectorFunction gradientFunction() {
        return this::gradient;
    }

    /**
     * Canonical text: single spaces around {@code +} and binary {@code -}, none around
     * {@code * / ^}, numbers in shortest form, {@code x[i]} as {@code xi}, only the parentheses the
     * structure needs. Parsing it gives an expression with the same tree and the same text.
     */
    @Override
    public String toString() {
        return canonical;
    }

    /** Structural equality: same canonical text ({@code a + b} and {@code b + a} differ). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Expression && ((Expression) o).canonical.equals(canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    private void checkArity(double[] x) {
        if (x.length != variables.size()) {
            int n = variables.size();
            throw new IllegalArgumentException("expected " + n + (n == 1 ? " value " : " values ")
                + names() + ", got " + x.length);
        }
    }

    private String names() {
        return "(" + String.join(", ", variables) + ")";
    }
}
