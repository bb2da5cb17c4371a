package org.grad4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.grad4j.nn.Activation;
import org.grad4j.nn.FeedForwardNet;
import org.grad4j.nn.Parameter;
import org.grad4j.tensor.Tensor;

/**
 * The architecture of a feed-forward network, small enough to ship with every task: layer sizes
 * {@code [inputs, hidden..., classes]} and the activation between layers. With a set of weights it
 * builds a {@link Replica} on an executor or a {@link FeedForwardNet} on the driver.
 *
 * @param sizes      {@code [inputs, h1, ..., classes]}, at least two entries, each at least 1
 * @param activation {@code sigmoid} or {@code relu}
 */
record NetSpec(int[] sizes, String activation) implements Serializable {

    NetSpec {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("NetSpec: need at least input and output sizes, got "
                    + Arrays.toString(sizes));
        }
        for (int s : sizes) {
            if (s < 1) {
                throw new IllegalArgumentException("NetSpec: layer sizes must be at least 1, got " + Arrays.toString(sizes));
            }
        }
        activationOf(activation);
        sizes = sizes.clone();
    }

    /** The architecture of {@code net} (weights {@code W1, b1, W2, b2, ...}). */
    static NetSpec of(FeedForwardNet net) {
        List<Integer> s = new ArrayList<>();
        s.add(net.inputSize());
        for (Parameter p : net.parameters()) {
            if (p.value().rank() == 2) {
                s.add(p.value().cols());
            }
        }
        Activation a = net.activation() == null ? Activation.SIGMOID : net.activation();
        return new NetSpec(s.stream().mapToInt(Integer::intValue).toArray(), a.name().toLowerCase(Locale.ROOT));
    }

    static Activation activationOf(String name) {
        return switch (name) {
            case "sigmoid" -> Activation.SIGMOID;
            case "relu" -> Activation.RELU;
            default -> throw new IllegalArgumentException("unknown activation '" + name + "' (expected sigmoid, relu)");
        };
    }

    int inputs() {
        return sizes[0];
    }

    int classes() {
        return sizes[sizes.length - 1];
    }

    /** A network with these weights ({@code W1, b1, W2, b2, ...} flat, row-major), copied. */
    FeedForwardNet net(double[][] weights) {
        int layers = sizes.length - 1;
        if (weights.length != 2 * layers) {
            throw new IllegalArgumentException("NetSpec " + this + ": " + weights.length + " arrays, expected " + 2 * layers);
        }
        List<Tensor> ws = new ArrayList<>();
        List<Tensor> bs = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            ws.add(Tensor.of(weights[2 * i], sizes[i], sizes[i + 1]));
            bs.add(Tensor.of(weights[2 * i + 1]));
        }
        return new FeedForwardNet(ws, bs, activationOf(activation));
    }

    /** A replica with a copy of these weights. */
    Replica replica(double[][] weights) {
        return new NetReplica(net(weights));
    }

    /** A copy of the network's parameter arrays. */
    static double[][] weightsOf(FeedForwardNet net) {
        double[][] p = net.paramArrays();
        double[][] out = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i].clone();
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetSpec n && Arrays.equals(sizes, n.sizes) && activation.equals(n.activation);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(sizes) + activation.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sizes.length; i++) {
            sb.append(i == 0 ? "" : "-").append(sizes[i]);
        }
        return sb.append(' ').append(activation).toString();
    }

    /** {@link Replica} over a {@link FeedForwardNet}. */
    private static final class NetReplica implements Replica {
        private final FeedForwardNet net;
        private Tensor x;
        private int[] t;

        NetReplica(FeedForwardNet net) {
            this.net = net;
        }

        @Override
        public double[][] params() {
            return net.paramArrays();
        }

        @Override
        public double[][] grads() {
            return net.gradArrays();
        }

        @Override
        public double gradient(double[] rows, int count, int[] labels) {
            if (x == null || x.rows() != count) {
                x = Tensor.zeros(count, net.inputSize());
                t = new int[count];
            }
            System.arraycopy(rows, 0, x.data(), 0, count * net.inputSize());
            System.arraycopy(labels, 0, t, 0, count);
            return net.gradient(x, t);
        }

        @Override
        public double[] scores(double[] row) {
            return net.predict(Tensor.of(row, 1, row.length)).data().clone();
        }
    }
}
