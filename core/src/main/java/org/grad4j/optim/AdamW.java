package org.grad4j.optim;

/**
 * AdamW with the semantics of {@code torch.optim.AdamW} (PyTorch 1.13); Loshchilov and Hutter (2019).
 * Adam ({@link Adam}) whose weight decay shrinks the parameters directly instead of entering the gradient:
 *
 * <pre>{@code
 * p = p * (1 - lr * weightDecay)
 * then the Adam update with g unchanged
 * }</pre>
 *
 * <p>The book has no AdamW. Defaults as torch: lr 0.001, betas (0.9, 0.999), eps 1e-8, weight decay 0.01.
 */
public final class AdamW implements Optimizer {

    /** torch's default weight decay for AdamW. */
    public static final double DEFAULT_WEIGHT_DECAY = 1e-2;

    private final Adam adam;

    public AdamW(double lr) {
        this(new Adam.Options(lr, 0.9, 0.999, 1e-8, DEFAULT_WEIGHT_DECAY, false));
    }

    /** Uses {@code options.weightDecay()} as the decoupled decay rate. */
    public AdamW(Adam.Options options) {
        this.adam = new Adam(options, true);
    }

    public Adam.Options options() {
        return adam.options();
    }

    @Override
    public void step(double[][] params, double[][] grads) {
        adam.step(params, grads);
    }

    @Override
    public double lr() {
        return adam.lr();
    }

    @Override
    public void setLr(double lr) {
        adam.setLr(lr);
    }

    @Override
    public java.util.Map<String, double[][]> state() {
        return adam.state();
    }

    @Override
    public void loadState(java.util.Map<String, double[][]> state) {
        adam.loadState(state);
    }

    @Override
    public void reset() {
        adam.reset();
    }
}
