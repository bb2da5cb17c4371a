package org.grad4j.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.grad4j.tensor.Tensor;

/**
 * The book's gradient check (ch. 5.7.3): backpropagation against the numerical gradient, reported as
 * the mean absolute difference per parameter, {@code mean_k |backprop_k - numerical_k|}.
 */
public final class GradientCheck {

    private GradientCheck() {
    }

    /**
     * Mean absolute difference per parameter name, in {@link Network#parameters()} order. On return the
     * gradients hold the backprop values; the parameters are unchanged.
     */
    public static Map<String, Double> meanAbsoluteDifference(Network net, Tensor x, int[] t, int threads) {
        net.gradient(x, t);
        List<Parameter> ps = net.parameters();
        double[][] backprop = new double[ps.size()][];
        for (int i = 0; i < ps.size(); i++) {
            backprop[i] = ps.get(i).grad().data().clone();
        }
        net.numericalGradient(x, t, threads);
        Map<String, Double> diff = new LinkedHashMap<>();
        for (int i = 0; i < ps.size(); i++) {
            double[] numerical = ps.get(i).grad().data();
            double sum = 0.0;
            for (int k = 0; k < numerical.length; k++) {
                sum += Math.abs(backprop[i][k] - numerical[k]);
            }
            diff.put(ps.get(i).name(), sum / numerical.length);
            System.arraycopy(backprop[i], 0, numerical, 0, numerical.length);
        }
        return diff;
    }
}
