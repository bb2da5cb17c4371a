package org.grad4j.nn;

/**
 * Weight initialization scale of {@link MultiLayerNet}, as in the book's {@code multi_layer_net.py}:
 * each weight is {@code std * N(0, 1)} with
 * <ul>
 *   <li>{@link #std(double)}: a fixed {@code std};</li>
 *   <li>{@link #XAVIER}: {@code std = sqrt(1 / n_in)} (Glorot &amp; Bengio 2010, for sigmoid);</li>
 *   <li>{@link #HE}: {@code std = sqrt(2 / n_in)} (He et al. 2015, for ReLU);</li>
 * </ul>
 * where {@code n_in} is the number of inputs of the layer. Biases start at zero.
 */
public sealed interface Init {

    /** Xavier/Glorot scale {@code sqrt(1 / n_in)}. */
    Init XAVIER = new Xavier();

    /** He scale {@code sqrt(2 / n_in)}. */
    Init HE = new He();

    /** The standard deviation for a layer with {@code fanIn} inputs. */
    double stdFor(int fanIn);

    /** A fixed standard deviation; must be finite and non-negative. */
    static Init std(double value) {
        return new Fixed(value);
    }

    /** A fixed standard deviation. */
    record Fixed(double value) implements Init {
        public Fixed {
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("Invalid weight init std: " + value);
            }
        }

        @Override
        public double stdFor(int fanIn) {
            return value;
        }
    }

    /** {@code sqrt(1 / n_in)}. */
    record Xavier() implements Init {
        @Override
        public double stdFor(int fanIn) {
            return Math.sqrt(1.0 / fanIn);
        }
    }

    /** {@code sqrt(2 / n_in)}. */
    record He() implements Init {
        @Override
        public double stdFor(int fanIn) {
            return Math.sqrt(2.0 / fanIn);
        }
    }
}
