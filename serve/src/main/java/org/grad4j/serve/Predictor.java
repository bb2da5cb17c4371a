package org.grad4j.serve;

import java.util.LinkedHashMap;
import java.util.Map;
import org.grad4j.nn.FeedForwardNet;
import org.grad4j.tensor.Tensor;

/** The model {@code POST /api/predict} uses: the last trained one, or one loaded at start. */
final class Predictor {
    private FeedForwardNet model;
    private String description;

    synchronized void set(FeedForwardNet net, String description) {
        this.model = net.copy();
        this.description = description;
    }

    synchronized String description() {
        return description;
    }

    /**
     * {@code {"class": k, "probabilities": [...]}}: the softmax of the model's scores,
     * {@code p_i = exp(s_i - max s) / sum_j exp(s_j - max s)}, and its arg max.
     */
    synchronized Map<String, Object> predict(double[] pixels) {
        if (model == null) {
            throw new ApiException(409, "no model yet: train one on this page (or start serve with --model FILE.npz)");
        }
        if (pixels.length != model.inputSize()) {
            throw ApiException.bad("pixels: expected " + model.inputSize() + " values, got " + pixels.length);
        }
        double[] s = model.predict(Tensor.of(pixels.clone(), 1, pixels.length)).data();
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            max = Math.max(max, v);
        }
        double[] p = new double[s.length];
        double sum = 0;
        for (int k = 0; k < s.length; k++) {
            p[k] = Math.exp(s[k] - max);
            sum += p[k];
        }
        int best = 0;
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
            if (p[k] > p[best]) {
                best = k;
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("class", best);
        out.put("probabilities", p);
        out.put("model", description);
        return out;
    }
}
