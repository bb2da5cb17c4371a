package org.grad4j.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ExpressionTest {
    /** Values are computed by the same Math calls in the same order: equal up to rounding noise. */
    private static final double VALUE_RTOL = 1e-15;

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {
        "-2^2; -4",
        "2^3^2; 512",
        "(2^3)^2; 64",
        "2**3**2; 512",
        "2*3+4; 10",
        "2+3*4; 14",
        "8/2/2; 2",
        "8/(2/2); 8",
        "10-4-3; 3",
        "10-(4-3); 9",
        "2^-1; 0.5",
        "-2^-2; -0.25",
        "2^-1^2; 0.5",
        "(-2)^2; 4",
        "--3; 3",
        "-+-3; 3",
        "+3; 3",
        "-3*2; -6",
        "2*-3; -6",
        "6/-3; -2",
        "2-(-3); 5",
        "2 - -3; 5",
        "3^2/20 + 4^2; 16.45",
        "1e-3*1000; 1",
        ".5 + 1.; 1.5",
        "2E+2; 200",
        "pow(2, 10); 1024",
        "min(3, -1) + max(3, -1); 2",
        "abs(-2.5); 2.5",
        "sqrt(16)^2; 16",
        "e^0 + pi*0; 1",
        "4*atan(1) - pi; 0",
        "log(e); 1",
        "sigmoid(0); 0.5",
        "((((1)))); 1",
    })
    void precedenceAndLiterals(String text, double expected) {
        assertThat(Expression.parse(text).value()).isCloseTo(expected, within(1e-15));
    }

    @Test
    void whitespaceSeparatesTokens() {
        assertThat(Expression.parse("  1\t+\n2 \r").value()).isEqualTo(3);
    }

    static Stream<Arguments> functionsAgainstMath() {
        return Stream.of(
            of("sin(x)", v -> Math.sin(v[0])),
            of("cos(x)", v -> Math.cos(v[0])),
            of("tan(x)", v -> Math.tan(v[0])),
            of("asin(x)", v -> Math.asin(v[0])),
            of("acos(x)", v -> Math.acos(v[0])),
            of("atan(y)", v -> Math.atan(v[1])),
            of("sinh(y)", v -> Math.sinh(v[1])),
            of("cosh(y)", v -> Math.cosh(v[1])),
            of("tanh(y)", v -> Math.tanh(v[1])),
            of("exp(y)", v -> Math.exp(v[1])),
            of("log(x)", v -> Math.log(v[0])),
            of("sqrt(x)", v -> Math.sqrt(v[0])),
            of("abs(y)", v -> Math.abs(v[1])),
            of("sigmoid(y)", v -> 1 / (1 + Math.exp(-v[1]))),
            of("pow(x, y)", v -> Math.pow(v[0], v[1])),
            of("x^y", v -> Math.pow(v[0], v[1])),
            of("min(x, y)", v -> Math.min(v[0], v[1])),
            of("max(x, y)", v -> Math.max(v[0], v[1])),
            of("x^2/20 + y^2", v -> Math.pow(v[0], 2) / 20 + Math.pow(v[1], 2)),
            of("sin(x)*exp(-y^2/2)", v -> Math.sin(v[0]) * Math.exp(-Math.pow(v[1], 2) / 2)),
            of("x*y - y/x + pi", v -> v[0] * v[1] - v[1] / v[0] + Math.PI),
            of("log(sigmoid(x - y)) + tanh(x*y)",
                v -> Math.log(1 / (1 + Math.exp(-(v[0] - v[1])))) + Math.tanh(v[0] * v[1])),
            of("sqrt(x^2 + y^2)", v -> Math.sqrt(Math.pow(v[0], 2) + Math.pow(v[1], 2))),
            of("100*(y - x^2)^2 + (1 - x)^2",
                v -> 100 * Math.pow(v[1] - Math.pow(v[0], 2), 2) + Math.pow(1 - v[0], 2)),
            of("e^x + cosh(y) - sinh(y)", v -> Math.pow(Math.E, v[0]) + Math.cosh(v[1]) - Math.sinh(v[1])));
    }

    private static Arguments of(String text, ToDoubleFunction<double[]> f) {
        return Arguments.of(text, f);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functionsAgainstMath")
    void valuesAgreeWithJavaMath(String text, ToDoubleFunction<double[]> f) {
        double[] xy = {0.3, -1.7};
        Expression e = Expression.parse(text);
        double[] args = e.variables().stream().mapToDouble(name -> name.equals("x") ? xy[0] : xy[1]).toArray();
        double expected = f.applyAsDouble(xy);
        assertThat(e.value(args)).isCloseTo(expected, within(VALUE_RTOL * Math.max(1, Math.abs(expected))));
        assertThat(e.function().value(args)).isEqualTo(e.value(args));
    }

    @Test
    void variablesAreOrderedByIndexThenAlphabetically() {
        assertThat(Expression.parse("x10 + x2 + x1").variables()).containsExactly("x1", "x2", "x10");
        assertThat(Expression.parse("z*y + x").variables()).containsExactly("x", "y", "z");
        assertThat(Expression.parse("b + x1 + a + x0").variables()).containsExactly("x0", "x1", "a", "b");
        assertThat(Expression.parse("x1 + x3").arity()).isEqualTo(2);
        assertThat(Expression.parse("Y + y + _t + x").variables()).containsExactly("Y", "_t", "x", "y");
        assertThat(Expression.parse("x100000000000000000000 + x99999999999999999999").variables())
            .containsExactly("x99999999999999999999", "x100000000000000000000");
        assertThat(Expression.parse("x*x + x").variables()).containsExactly("x");
        assertThat(Expression.parse("sin(pi/2) + e").variables()).isEmpty();
    }

    @Test
    void variablesBindToArgumentsInThatOrder() {
        Expression f = Expression.parse("y - x");
        assertThat(f.value(1, 10)).isEqualTo(9);
        Expression g = Expression.parse("x10 - x2");
        assertThat(g.value(1, 10)).isEqualTo(9);
    }

    @Test
    void indexedSyntaxIsTheSameVariable() {
        Expression e = Expression.parse("x[0]*x0 + x[12] - x[1]");
        assertThat(e.variables()).containsExactly("x0", "x1", "x12");
        assertThat(e.value(3, 1, 2)).isEqualTo(10);
        assertThat(e).hasToString("x0*x0 + x12 - x1");
        assertThat(Expression.parse("x[ 3 ]").variables()).containsExactly("x3");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "x^2/20+y^2; x^2/20 + y^2",
        "((x)); x",
        "-2^2; -2^2",
        "(-2)^2; (-2)^2",
        "2^3^2; 2^3^2",
        "(2^3)^2; (2^3)^2",
        "2**-1; 2^-1",
        "a-(b-c); a - (b - c)",
        "(a-b)-c; a - b - c",
        "a+(b+c); a + (b + c)",
        "a/(b*c); a/(b*c)",
        "(a*b)/c; a*b/c",
        "-(a*b); -(a*b)",
        "(-a)*b; -a*b",
        "- - a; -(-a)",
        "+a; a",
        "a*-b; a*-b",
        "a - -b; a - -b",
        "-(a^2); -a^2",
        "SIN*x; SIN*x",
        "pow( x ,y ); pow(x, y)",
        "max(a,b)*min(a , b); max(a, b)*min(a, b)",
        "1e-3 + 2.50 + .5 + 1e20 + 1E-7; 0.001 + 2.5 + 0.5 + 1.0e20 + 1.0e-7",
        "PI + pi + e; PI + pi + e",
        "x[2]; x2",
    })
    void canonicalText(String text, String canonical) {
        Expression e = Expression.parse(text);
        assertThat(e).hasToString(canonical);
        assertThat(e.text()).isEqualTo(text);
        Expression again = Expression.parse(e.toString());
        assertThat(again).hasToString(canonical).isEqualTo(e);
    }

    @Test
    void arityIsChecked() {
        Expression e = Expression.parse("x0 + x1");
        assertThatThrownBy(() -> e.value(1, 2, 3)).isExactlyInstanceOf(IllegalArgumentException.class)
            .hasMessage("expected 2 values (x0, x1), got 3");
        assertThatThrownBy(() -> e.function().value(new double[1]))
            .hasMessage("expected 2 values (x0, x1), got 1");
        assertThatThrownBy(() -> e.gradient(new double[] {1, 2}, new double[3]))
            .hasMessage("gradient output has length 3, expected 2 (x0, x1)");
        assertThatThrownBy(() -> Expression.parse("sin(t)").value())
            .hasMessage("expected 1 value (t), got 0");
        assertThatThrownBy(() -> Expression.parse("2").value(1))
            .hasMessage("expected 0 values (), got 1");
    }

    @Test
    void constantExpressionsHaveNoVariables() {
        Expression e = Expression.parse("2*pi - sqrt(4)");
        assertThat(e.arity()).isZero();
        assertThat(e.value()).isEqualTo(2 * Math.PI - 2);
        assertThat(e.gradient()).isEmpty();
    }

    @Test
    void domainErrorsGiveNanOrInfinityNotExceptions() {
        assertThat(Expression.parse("log(x)").value(-1)).isNaN();
        assertThat(Expression.parse("sqrt(x)").value(-1)).isNaN();
        assertThat(Expression.parse("1/x").value(0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Expression.parse("log(0)").value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Expression.parse("sigmoid(x)").value(-800)).isEqualTo(0);
        assertThat(Expression.parse("sigmoid(x)").value(800)).isEqualTo(1);
    }

    @Test
    void inputIsNotModified() {
        Expression e = Expression.parse("x*y + sin(x)");
        double[] x = {0.5, -2};
        double[] out = {Double.NaN, 7};
        e.value(x);
        e.gradient(x, out);
        assertThat(x).containsExactly(0.5, -2);
        assertThat(out[0]).isEqualTo(-2 + Math.cos(0.5));
        assertThat(out[1]).isEqualTo(0.5);
    }

    @Test
    void longFlatChainsAreFine() {
        // 4 999 additions: a flat chain, no nesting; evaluation and printing do not recurse.
        String text = "1" + "+1".repeat(4999);
        Expression e = Expression.parse(text);
        assertThat(e.value()).isEqualTo(5000);
        assertThat(e.toString()).hasSize(1 + 4 * 4999);
        String sum = "x" + "+x".repeat(4999);
        assertThat(Expression.parse(sum).gradient(1.0)).containsExactly(5000);
    }

    @Test
    void deepButAllowedNesting() {
        int depth = Expression.MAX_DEPTH - 1;
        String text = "(".repeat(depth) + "x" + ")".repeat(depth);
        assertThat(Expression.parse(text).value(2)).isEqualTo(2);
        String exps = "x" + "^x".repeat(Expression.MAX_DEPTH - 1);
        assertThat(Expression.parse(exps).value(1)).isEqualTo(1);
    }

    @Test
    void functionViewIsThreadSafe() throws Exception {
        Expression e = Expression.parse("sin(x0)*x1 + exp(-x0^2) - x1^3/7");
        int threads = 4;
        int n = 20_000;
        double[][] expected = new double[n][];
        for (int i = 0; i < n; i++) {
            double a = Math.sin(i);
            double b = Math.cos(i * 0.7);
            expected[i] = new double[] {a, b, e.value(a, b)};
        }
        List<Thread> ts = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger wrong = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                for (int i = 0; i < n; i++) {
                    double[] r = expected[i];
                    if (e.function().value(new double[] {r[0], r[1]}) != r[2]) {
                        wrong.incrementAndGet();
                    }
                    if (e.gradient(new double[] {r[0], r[1]}, new double[2]) != r[2]) {
                        wrong.incrementAndGet();
                    }
                }
            });
            ts.add(th);
            th.start();
        }
        for (Thread th : ts) {
            th.join();
        }
        assertThat(wrong.get()).isZero();
    }
}
