package org.grad4j.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every optimizer, created through {@link Optimizers#create}, takes 100 steps on two problems and must
 * land where torch.optim 1.13 (float64) or the book's NumPy code lands (see {@link Reference} and
 * {@code tools/reference/optim_reference.py}, which defines the same problems).
 *
 * <ul>
 * <li>rosenbrock: f = (1 - x)^2 + 100 (y - x^2)^2 from (-1.5, 2);</li>
 * <li>lsq: f = 0.5/N ||X W + b - Y||^2 over the two arrays W (4x3, row-major) and b (3), as the
 * parameters of one affine layer of a small network: N = 5, X[n][k] = sin(0.7 (4n + k) + 0.3),
 * Y[n][j] = cos(0.5 (3n + j)), W0[k][j] = 0.1 (3k + j) - 0.5, b0[j] = 0.05 j.</li>
 * </ul>
 */
class TorchReferenceTest {

    private static final int STEPS = 100;
    /** Absolute tolerance against the reference after 100 steps. */
    private static final double TOL = 1e-10;

    static List<Reference> optimizerCases() {
        List<Reference> all = Reference.load("rosenbrock");
        all.addAll(Reference.load("lsq"));
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizerCases")
    void hundredStepsMatchTheReference(Reference ref) {
        Map<String, Double> options = new LinkedHashMap<>();
        for (String kv : ref.options().split(",")) {
            String[] p = kv.split("=");
            options.put(p[0], Double.parseDouble(p[1]));
        }
        Optimizer opt = Optimizers.create(ref.name(), options);
        double[][] params = ref.kind().equals("rosenbrock") ? new double[][] {{-1.5, 2.0}} : lsqInit();
        double[][] grads = new double[params.length][];
        for (int i = 0; i < params.length; i++) {
            grads[i] = new double[params[i].length];
        }
        for (int s = 0; s < STEPS; s++) {
            if (ref.kind().equals("rosenbrock")) {
                rosenbrockGradient(params[0], grads[0]);
            } else {
                lsqGradient(params, grads);
            }
            opt.step(params, grads);
        }
        double[] flat = ref.kind().equals("rosenbrock") ? params[0] : concat(params[0], params[1]);
        assertThat(flat).hasSameSizeAs(ref.values());
        for (int i = 0; i < flat.length; i++) {
            assertThat(Math.abs(flat[i] - ref.values()[i]))
                    .as("%s: parameter %d is %s, reference %s", ref, i, flat[i], ref.values()[i])
                    .isLessThanOrEqualTo(TOL);
        }
    }

    static void rosenbrockGradient(double[] p, double[] g) {
        double x = p[0];
        double y = p[1];
        g[0] = -2 * (1 - x) - 400 * x * (y - x * x);
        g[1] = 200 * (y - x * x);
    }

    private static final int N = 5;
    private static final int K = 4;
    private static final int J = 3;

    static double[][] lsqInit() {
        double[] w = new double[K * J];
        for (int k = 0; k < K; k++) {
            for (int j = 0; j < J; j++) {
                w[k * J + j] = 0.1 * (k * J + j) - 0.5;
            }
        }
        double[] b = new double[J];
        for (int j = 0; j < J; j++) {
            b[j] = 0.05 * j;
        }
        return new double[][] {w, b};
    }

    static void lsqGradient(double[][] params, double[][] grads) {
        double[] w = params[0];
        double[] b = params[1];
        double[] gw = grads[0];
        double[] gb = grads[1];
        java.util.Arrays.fill(gw, 0);
        java.util.Arrays.fill(gb, 0);
        for (int n = 0; n < N; n++) {
            double[] x = new double[K];
            for (int k = 0; k < K; k++) {
                x[k] = Math.sin(0.7 * (n * K + k) + 0.3);
            }
            for (int j = 0; j < J; j++) {
                double r = 0;
                for (int k = 0; k < K; k++) {
                    r += x[k] * w[k * J + j];
                }
                r = r + b[j] - Math.cos(0.5 * (n * J + j));
                for (int k = 0; k < K; k++) {
                    gw[k * J + j] += x[k] * r;
                }
                gb[j] += r;
            }
        }
        for (int i = 0; i < gw.length; i++) {
            gw[i] /= N;
        }
        for (int j = 0; j < J; j++) {
            gb[j] /= N;
        }
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
