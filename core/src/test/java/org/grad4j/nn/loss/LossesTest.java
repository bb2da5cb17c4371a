package org.grad4j.nn.loss;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.grad4j.autograd.GradCheck;
import org.grad4j.autograd.Tensor;
import org.grad4j.autograd.TorchValues;
import org.junit.jupiter.api.Test;

/**
 * Losses against PyTorch 1.13 float64 ({@code torch.nn.functional.cross_entropy} with class indices and
 * with probabilities, {@code mse_loss}, {@code binary_cross_entropy_with_logits}; values printed by
 * {@code tools/reference/autograd_reference.py}) and against central differences.
 */
class LossesTest {

    private static void check(String key, Tensor loss, Tensor x) {
        TorchValues.assertClose(key + ".y", loss, TorchValues.get(key + ".y"), TorchValues.FORWARD);
        loss.backward();
        TorchValues.assertClose(key + ".dx", x.grad(), TorchValues.get(key + ".dx"), TorchValues.GRADIENT);
    }

    private static int[] labels() {
        double[] d = TorchValues.get("ce.labels").data();
        int[] t = new int[d.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = (int) d[i];
        }
        return t;
    }

    @Test
    void crossEntropyOverClassIndices() {
        Tensor x = TorchValues.leaf("ce.index.x");
        check("ce.index", new CrossEntropyLoss().forward(x, labels()), x);
        GradCheck.Result r = GradCheck.check(in -> new CrossEntropyLoss().forward(in[0], labels()), x);
        org.assertj.core.api.Assertions.assertThat(r.passed()).as(r.toString()).isTrue();
    }

    @Test
    void crossEntropyOverProbabilities() {
        Tensor x = TorchValues.leaf("ce.index.x");
        check("ce.prob", new CrossEntropyLoss().forward(x, TorchValues.get("ce.prob.t")), x);
        assertThatThrownBy(() -> new CrossEntropyLoss().forward(x, Tensor.zeros(4, 2)))
                .hasMessage("SoftmaxWithLoss: target of shape [4, 2], expected [4, 3]");
    }

    @Test
    void meanSquaredError() {
        Tensor x = TorchValues.leaf("ce.index.x");
        check("mse", new MSELoss().forward(x, TorchValues.get("mse.t")), x);
        assertThatThrownBy(() -> new MSELoss().forward(Tensor.zeros(4, 1), Tensor.zeros(4)))
                .hasMessage("MSELoss: shape mismatch [4, 1] and [4]");
    }

    @Test
    void binaryCrossEntropyWithLogits() {
        Tensor x = TorchValues.leaf("ce.index.x");
        check("bce", new BCEWithLogitsLoss().forward(x, TorchValues.get("bce.t")), x);
        Tensor big = Tensor.of(800, -800).requiresGrad(true);
        Tensor loss = new BCEWithLogitsLoss().forward(big, Tensor.of(1, 0));
        org.assertj.core.api.Assertions.assertThat(loss.item()).isEqualTo(0.0);
        assertThatThrownBy(() -> new BCEWithLogitsLoss().forward(Tensor.zeros(4, 1), Tensor.zeros(4)))
                .hasMessage("BCEWithLogitsLoss: shape mismatch [4, 1] and [4]");
    }
}
