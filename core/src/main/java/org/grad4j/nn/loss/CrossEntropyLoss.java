package org.grad4j.nn.loss;

import org.grad4j.autograd.Tensor;
import org.grad4j.nn.functions.SoftmaxWithLoss;

/**
 * Softmax cross-entropy averaged over the batch, as {@code torch.nn.CrossEntropyLoss} (mean reduction),
 * through the book's {@link SoftmaxWithLoss}: over class indices ({@link #forward(Tensor, int[])}) or
 * over one-hot or probability targets of the scores' shape ({@link #forward(Tensor, Tensor)}).
 * <pre>{@code
 * L = (1/N) sum_n [ logsumexp(x_n) - sum_c t_nc x_nc ]       dL/dx = (softmax(x) * sum_c t - t) / N
 * }</pre>
 */
public final class CrossEntropyLoss implements Loss {

    private static final SoftmaxWithLoss SOFT = new SoftmaxWithLoss();

    @Override
    public Kind kind() {
        return Kind.CROSS_ENTROPY;
    }

    @Override
    public boolean takesClassIndices() {
        return true;
    }

    /** Against class indices: {@code scores [N, C]}, {@code classes[n]} in {@code [0, C)}. */
    @Override
    public Tensor forward(Tensor scores, int[] classes) {
        return new SoftmaxWithLoss(classes).apply(scores);
    }

    /** Against one-hot or probability targets {@code [N, C]} (the target gets no gradient). */
    @Override
    public Tensor forward(Tensor scores, Tensor target) {
        return SOFT.apply(scores, target);
    }
}
