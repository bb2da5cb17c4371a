package org.grad4j.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.grad4j.expr.RandomExpression.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionGradientTest {
    private static final long SEED = 20240607L;
    private static final int EXPRESSIONS = 500;
    private static final int POINTS = 3;
    /** Values: same Math calls in the same order, so at most rounding-level differences. */
    private static final double VALUE_RTOL = 1e-14;
    /** Central difference with h = 1e-5: truncation ~h^2 f''', rounding ~1e-16 |f| / h. */
    private static final double CENTRAL_H = 1e-5;
    private static final double CENTRAL_TOL = 1e-6;
    /** Richardson extrapolation of central differences, h = 2e-3 halved 3 times (error ~h^8). */
    private static final double RICHARDSON_H = 2e-3;
    private static final int RICHARDSON_LEVELS = 4;
    private static final double RICHARDSON_TOL = 1e-9;
    /** Exact gradients against 40-digit references: a few ulps of rounding in double. */
    private static final double REFERENCE_RTOL = 1e-14;
    /** Points closer than this to a kink of abs/min/max are skipped by the difference checks. */
    private static final double KINK_MARGIN = 0.02;

    /** (f(x + h e_j) - f(x - h e_j)) / 2h; x is restored. */
    static double central(ToDoubleFunction<double[]> f, double[] x, int j, double h) {
        double xj = x[j];
        x[j] = xj + h;
        double fp = f.applyAsDouble(x);
        x[j] = xj - h;
        double fm = f.applyAsDouble(x);
        x[j] = xj;
        return (fp - fm) / (2 * h);
    }

    /**
     * Richardson extrapolation (Neville tableau) of central differences with step h, h/2, ...:
     * {@code D[k][m] = D[k][m-1] + (D[k][m-1] - D[k-1][m-1]) / (4^m - 1)}.
     */
    static double richardson(ToDoubleFunction<double[]> f, double[] x, int j, double h, int levels) {
        double[][] d = new double[levels][levels];
        for (int k = 0; k < levels; k++) {
            d[k][0] = central(f, x, j, h / (1 << k));
            double factor = 1;
            for (int m = 1; m <= k; m++) {
                factor *= 4;
                d[k][m] = d[k][m - 1] + (d[k][m - 1] - d[k - 1][m - 1]) / (factor - 1);
            }
        }
        return d[levels - 1][levels - 1];
    }

    @Test
    void randomExpressionsValuesAndGradients() {
        Random random = new Random(SEED);
        RandomExpression gen = new RandomExpression(random);
        int checkedPartials = 0;
        double worstRichardson = 0;
        for (int t = 0; t < EXPRESSIONS; t++) {
            Node tree = gen.tree(1 + random.nextInt(5));
            String text = gen.text(tree);
            Expression e = Expression.parse(text);
            Expression canonical = Expression.parse(e.toString());
            assertThat(canonical.toString()).as("round trip of %s", text).isEqualTo(e.toString());
            // Map argument j of the expression to the generator's variable index.
            int[] slot = e.variables().stream().mapToInt(RandomExpression.NAMES::indexOf).toArray();
            assertThat(slot).as("variables of %s: %s", text, e.variables()).doesNotContain(-1);
            for (int p = 0; p < POINTS; p++) {
                double[] all = new double[RandomExpression.NAMES.size()];
                for (int k = 0; k < all.length; k++) {
                    all[k] = RandomExpression.DOMAIN * (2 * random.nextDouble() - 1);
                }
                double[] x = new double[slot.length];
                for (int j = 0; j < x.length; j++) {
                    x[j] = all[slot[j]];
                }
                double ref = RandomExpression.eval(tree, all);
                double scale = Math.max(1, Math.abs(ref));
                double v = e.value(x);
                assertThat(v).as("value of %s at %s", text, java.util.Arrays.toString(x))
                    .isCloseTo(ref, within(VALUE_RTOL * scale));
                assertThat(canonical.value(x)).as("canonical %s", e).isEqualTo(v);

                double[] xCopy = x.clone();
                double[] g = new double[x.length];
                double f = e.gradient(x, g);
                assertThat(x).containsExactly(xCopy);
                assertThat(f).isEqualTo(v);
                if (RandomExpression.kinkMargin(tree, all) < KINK_MARGIN) {
                    continue;
                }
                ToDoubleFunction<double[]> fn = e::value;
                for (int j = 0; j < x.length; j++) {
                    double n1 = central(fn, x, j, CENTRAL_H);
                    double n2 = richardson(fn, x, j, RICHARDSON_H, RICHARDSON_LEVELS);
                    String where = String.format("d/d%s of %s at %s: exact %s, central %s, richardson %s",
                        e.variables().get(j), text, java.util.Arrays.toString(x), g[j], n1, n2);
                    assertThat(Math.abs(g[j] - n1)).as(where).isLessThanOrEqualTo(CENTRAL_TOL * (scale + Math.abs(n1)));
                    double err = Math.abs(g[j] - n2) / (scale + Math.abs(n2));
                    assertThat(err).as(where).isLessThanOrEqualTo(RICHARDSON_TOL);
                    worstRichardson = Math.max(worstRichardson, err);
                    checkedPartials++;
                }
            }
        }
        assertThat(checkedPartials).as("partials checked (worst Richardson error %s)", worstRichardson)
            .isGreaterThan(2000);
    }

    @ParameterizedTest(name = "{0} at ({1}, {2})")
    @CsvSource(delimiter = ';', value = {
        // text; x; y; f; df/dx; df/dy   (worked by hand)
        "x*y; 3; -2; -6; -2; 3",
        "x/y; 3; -2; -1.5; -0.5; -0.75",
        "x^3 + y; 2; 5; 13; 12; 1",
        "x^y; 2; 3; 8; 12; 5.545177444479562",          // 8*log(2)
        "pow(x, y); 2; 3; 8; 12; 5.545177444479562",
        "y^2 - x; -3; -4; 19; -1; -8",                   // negative base, constant exponent
        "x^2 + 0*y; -3; 1; 9; -6; 0",
        "abs(x) + abs(y); 0; -2; 2; 0; -1",              // abs'(0) = 0
        "min(x, y); 1; 2; 1; 1; 0",
        "min(x, y); 2; 2; 2; 1; 0",                      // tie: the first argument
        "max(x, y); 1; 2; 2; 0; 1",
        "max(x, y); 2; 2; 2; 1; 0",
        "sqrt(x) + y; 0; 1; 1; Infinity; 1",             // sqrt'(0) = inf
        "x*sqrt(y); 0; 0; 0; 0; 0",                      // adjoint 0 stops 0*inf = NaN
        "x^y; 0; 2; 0; 0; 0",                            // d/dy 0^y = 0 for y > 0
        "x^y; -2; 2; 4; -4; NaN",                        // d/dy (-2)^y undefined
        "x^0 + y; 0; 1; 2; 0; 1",                        // d/dx x^0 = 0, even at 0
        "sigmoid(x) + y; 0; 0; 0.5; 0.25; 1",
        "tanh(x) + log(y); 0; 1; 0; 1; 1",
        "x*x*x + x; 2; 0; 10; 13; 0",                    // repeated variable accumulates
        "e^x + y; 0; 0; 1; 1; 1",
    })
    void handWorkedGradients(String text, double x, double y, double f, double dx, double dy) {
        Expression e = Expression.parse(text);
        double[] point = e.arity() == 2 ? new double[] {x, y} : new double[] {x};
        double[] g = new double[e.arity()];
        assertThat(e.gradient(point, g)).isCloseTo(f, within(1e-15));
        checkPartial(g[0], dx);
        if (e.arity() == 2) {
            checkPartial(g[1], dy);
        }
    }

    /**
     * Values and gradients computed once with mpmath at 40 digits, at the double points given, by
     * tools/reference/expr_gradients_mpmath.py (Debian python3-mpmath); rounded to 20 digits.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "acos(0.5*sin(tan(0.75*sin(pow(1 + (3*tanh((x^2)^3))^2, x))))); 1.1414797304739153; 0;"
            + " 1.344173222489128593; -15.260745713910740624; 0",
        "100*(y - x^2)^2 + (1 - x)^2; -1.2; 1; 24.199999999999990425; -215.59999999999994094;"
            + " -87.999999999999978684",
        "sin(x)*exp(-y^2/2) + log(1 + x^2*y^2) - sigmoid(x - y); 0.3; -0.7; -0.45659830142007202758;"
            + " 0.83271649627009450117; 0.23784734210086635954",
    })
    void mpmathReferenceGradients(String text, double x, double y, double f, double dx, double dy) {
        Expression e = Expression.parse(text);
        double[] point = e.arity() == 2 ? new double[] {x, y} : new double[] {x};
        double[] g = new double[e.arity()];
        assertThat(e.gradient(point, g)).isCloseTo(f, within(REFERENCE_RTOL * Math.abs(f)));
        assertThat(g[0]).isCloseTo(dx, within(REFERENCE_RTOL * Math.abs(dx)));
        if (e.arity() == 2) {
            assertThat(g[1]).isCloseTo(dy, within(REFERENCE_RTOL * Math.abs(dy)));
        }
    }

    private static void checkPartial(double actual, double expected) {
        if (Double.isNaN(expected)) {
            assertThat(actual).isNaN();
        } else if (Double.isInfinite(expected)) {
            assertThat(actual).isEqualTo(expected);
        } else {
            assertThat(actual).isCloseTo(expected, within(1e-14 * Math.max(1, Math.abs(expected))));
        }
    }

    @Test
    void everyFunctionAgainstItsFormula() {
        double a = 0.37;
        double[][] cases = {
            {d("sin(x)"), Math.cos(a)},
            {d("cos(x)"), -Math.sin(a)},
            {d("tan(x)"), 1 / (Math.cos(a) * Math.cos(a))},
            {d("asin(x)"), 1 / Math.sqrt(1 - a * a)},
            {d("acos(x)"), -1 / Math.sqrt(1 - a * a)},
            {d("atan(x)"), 1 / (1 + a * a)},
            {d("sinh(x)"), Math.cosh(a)},
            {d("cosh(x)"), Math.sinh(a)},
            {d("tanh(x)"), 1 - Math.tanh(a) * Math.tanh(a)},
            {d("exp(x)"), Math.exp(a)},
            {d("log(x)"), 1 / a},
            {d("sqrt(x)"), 0.5 / Math.sqrt(a)},
            {d("abs(-x)"), 1},
            {d("sigmoid(x)"), Math.exp(-a) / Math.pow(1 + Math.exp(-a), 2)},
            {d("2^x"), Math.pow(2, a) * Math.log(2)},
            {d("x^x"), Math.pow(a, a) * (Math.log(a) + 1)},
            {d("-x/(1 + x)"), -1 / Math.pow(1 + a, 2)},
        };
        for (double[] c : cases) {
            assertThat(c[0]).isCloseTo(c[1], within(1e-15 * Math.max(1, Math.abs(c[1]))));
        }
    }

    private static double d(String text) {
        return Expression.parse(text).gradient(0.37)[0];
    }

    @Test
    void sharedSubexpressionsAndLongSums() {
        // f = sum_{i<50} (x_i - i)^2: df/dx_i = 2 (x_i - i)
        StringBuilder sb = new StringBuilder();
        double[] x = new double[50];
        for (int i = 0; i < 50; i++) {
            sb.append(i == 0 ? "" : " + ").append("(x").append(i).append(" - ").append(i).append(")^2");
            x[i] = 0.5 * i + 1;
        }
        Expression e = Expression.parse(sb.toString());
        assertThat(e.arity()).isEqualTo(50);
        double[] g = e.gradient(x);
        for (int i = 0; i < 50; i++) {
            assertThat(g[i]).as("index %d", i).isEqualTo(2 * (x[i] - i));
        }
    }
}
