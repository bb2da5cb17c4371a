package org.grad4j.nn.module;

import org.grad4j.autograd.Tensor;
import org.grad4j.nn.functions.BatchNorm;

/**
 * Batch normalization over the rows of {@code [N, D]} inputs, as {@code torch.nn.BatchNorm1d}:
 * parameters {@code weight} (gamma, ones) and {@code bias} (beta, zeros), buffers {@code running_mean}
 * (zeros) and {@code running_var} (ones) updated in training with {@code momentum} (default 0.1; the
 * running variance is the unbiased one), {@code eps} default 1e-5. The maths is in {@link BatchNorm}.
 */
public final class BatchNorm1d extends Module {

    private final Tensor weight;
    private final Tensor bias;
    private final Tensor runningMean;
    private final Tensor runningVar;
    private final double momentum;
    private final double eps;

    /** PyTorch's defaults: momentum 0.1, eps 1e-5. */
    public BatchNorm1d(int features) {
        this(features, 1e-5, 0.1);
    }

    /** @throws IllegalArgumentException for a non-positive size, a negative eps, a momentum outside [0, 1] */
    public BatchNorm1d(int features, double eps, double momentum) {
        if (features <= 0 || !(eps >= 0) || !(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException("BatchNorm1d: invalid features " + features + ", eps " + eps
                    + ", momentum " + momentum);
        }
        this.weight = registerParameter("weight", Tensor.ones(features));
        this.bias = registerParameter("bias", Tensor.zeros(features));
        this.runningMean = registerBuffer("running_mean", Tensor.zeros(features));
        this.runningVar = registerBuffer("running_var", Tensor.ones(features));
        this.momentum = momentum;
        this.eps = eps;
    }

    public Tensor weight() {
        return weight;
    }

    public Tensor bias() {
        return bias;
    }

    public Tensor runningMean() {
        return runningMean;
    }

    public Tensor runningVar() {
        return runningVar;
    }

    @Override
    public LayerKind kind() {
        return LayerKind.BATCH_NORM;
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor y = new BatchNorm(runningMean.data(), runningVar.data(), momentum, eps, isTraining())
                .apply(x, weight, bias);
        if (isTraining()) {
            runningMean.bumpVersion();
            runningVar.bumpVersion();
        }
        return y;
    }
}
