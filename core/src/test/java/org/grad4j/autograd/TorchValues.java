package org.grad4j.autograd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The values printed once by {@code tools/reference/autograd_reference.py} (PyTorch 1.13, float64) into
 * {@code torch_values.txt}: inputs, weights {@code w}, outputs and the gradients of {@code sum(w * f)}.
 */
public final class TorchValues {

    /** Forward values: relative to 1e-12 (absolute below magnitude 1). */
    public static final double FORWARD = 1e-12;

    /** Gradients: relative to 1e-10 (absolute below magnitude 1). */
    public static final double GRADIENT = 1e-10;

    private static final Map<String, Tensor> VALUES = load();

    private TorchValues() {
    }

    private static Map<String, Tensor> load() {
        Map<String, Tensor> m = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                TorchValues.class.getResourceAsStream("torch_values.txt"), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split(" ");
                int[] shape = f[1].equals("-") ? new int[0]
                        : java.util.Arrays.stream(f[1].split(",")).mapToInt(Integer::parseInt).toArray();
                double[] v = new double[f.length - 2];
                for (int i = 0; i < v.length; i++) {
                    v[i] = Double.parseDouble(f[i + 2]);
                }
                m.put(f[0], Tensor.wrap(v, shape));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    /** A fresh copy of the value named {@code key}, as a leaf that does not require grad. */
    public static Tensor get(String key) {
        Tensor t = VALUES.get(key);
        if (t == null) {
            throw new IllegalArgumentException("no reference value " + key);
        }
        return t.copy();
    }

    /** {@code get(key)} as a leaf that requires grad. */
    public static Tensor leaf(String key) {
        return get(key).requiresGrad(true);
    }

    /** Asserts shape equality and {@code |a - e| <= tol * max(|e|, 1)} element-wise, naming the index. */
    public static void assertClose(String what, Tensor actual, Tensor expected, double tol) {
        assertThat(actual.shape()).as(what + " shape").containsExactly(expected.shape());
        double[] a = actual.data();
        double[] e = expected.data();
        for (int i = 0; i < a.length; i++) {
            double bound = tol * Math.max(Math.abs(e[i]), 1);
            assertThat(Math.abs(a[i] - e[i])).as("%s[%d]: %s, expected %s", what, i, a[i], e[i])
                    .isLessThanOrEqualTo(bound);
        }
    }

    /**
     * Runs {@code f} on the inputs {@code prefix.name} (leaves requiring grad), backward from
     * {@code prefix.w}, and checks the output and every gradient {@code prefix.dname} against PyTorch.
     */
    public static void check(String prefix, Function<Tensor[], Tensor> f, String... names) {
        Tensor[] in = new Tensor[names.length];
        for (int i = 0; i < names.length; i++) {
            in[i] = leaf(prefix + "." + names[i]);
        }
        Tensor y = f.apply(in);
        assertClose(prefix + ".y", y, get(prefix + ".y"), FORWARD);
        y.backward(get(prefix + ".w"));
        for (int i = 0; i < names.length; i++) {
            Tensor g = in[i].grad() == null ? Tensor.zeros(in[i].shape()) : in[i].grad();
            assertClose(prefix + ".d" + names[i], g, get(prefix + ".d" + names[i]), GRADIENT);
        }
    }

    /** Asserts that {@link GradCheck} passes for {@code f} at the inputs {@code prefix.name}. */
    public static void gradcheck(String prefix, Function<Tensor[], Tensor> f, String... names) {
        Tensor[] in = new Tensor[names.length];
        for (int i = 0; i < names.length; i++) {
            in[i] = leaf(prefix + "." + names[i]);
        }
        GradCheck.Result r = GradCheck.check(new GradCheck.Options(1e-6, 1e-7, 1e-5), f, in);
        assertThat(r.passed()).as(prefix + ": " + r).isTrue();
    }
}
