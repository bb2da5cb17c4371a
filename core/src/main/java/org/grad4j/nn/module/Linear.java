package org.grad4j.nn.module;

import java.util.Random;
import org.grad4j.autograd.Tensor;
import org.grad4j.nn.Init;
import org.grad4j.nn.functions.Affine;

/**
 * A fully connected layer, the book's {@code Affine}: {@code y = x W + b} through the {@link Affine}
 * function. Parameters {@code weight} of shape {@code [in, out]} (the book's layout: the transpose
 * of PyTorch's {@code [out, in]}) and {@code bias} of shape {@code [out]}.
 */
public final class Linear extends Module {

    private static final Affine AFFINE = new Affine();

    private final Tensor weight;
    private final Tensor bias;

    /** Weights {@code init.stdFor(in) * N(0, 1)} from {@code rng} (the book's init), bias zero. */
    public Linear(int in, int out, Init init, Random rng) {
        this(scaled(Tensor.randn(rng, positive(in), positive(out)), init.stdFor(in)), Tensor.zeros(out));
    }

    /** The given weight {@code [in, out]} and bias {@code [out]} (or null for none); used as they are. */
    public Linear(Tensor weight, Tensor bias) {
        if (weight.rank() != 2 || (bias != null && (bias.rank() != 1 || bias.dim(0) != weight.dim(1)))) {
            throw new IllegalArgumentException("Linear: weight " + weight.shapeString() + " and bias "
                    + (bias == null ? "none" : bias.shapeString()) + ", expected [in, out] and [out]");
        }
        this.weight = registerParameter("weight", weight);
        this.bias = bias == null ? null : registerParameter("bias", bias);
    }

    private static int positive(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("Linear: sizes must be positive: " + n);
        }
        return n;
    }

    private static Tensor scaled(Tensor t, double std) {
        double[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] *= std;
        }
        return t;
    }

    public Tensor weight() {
        return weight;
    }

    /** The bias, or null. */
    public Tensor bias() {
        return bias;
    }

    @Override
    public LayerKind kind() {
        return LayerKind.LINEAR;
    }

    @Override
    public Tensor forward(Tensor x) {
        return bias == null ? AFFINE.apply(x, weight) : AFFINE.apply(x, weight, bias);
    }
}
