package org.grad4j.cli;

import java.util.Random;
import org.grad4j.nn.Activation;
import org.grad4j.nn.FeedForwardNet;
import org.grad4j.nn.Init;
import org.grad4j.nn.MultiLayerNet;
import org.grad4j.nn.TwoLayerNet;
import picocli.CommandLine.Option;

/** The network: {@code --model}, {@code --hidden}, {@code --activation}, {@code --weight-init}. */
final class ModelOptions {

    @Option(names = "--model", paramLabel = "M",
            description = "two-layer (the book's TwoLayerNet; the default for one hidden size) or multi-layer "
                    + "(MultiLayerNet; the default for several hidden sizes or xavier / he).")
    String model;

    /** --model as given, else multi-layer for several hidden sizes or xavier / he, else two-layer. */
    String model() {
        if (model != null) {
            return model;
        }
        boolean several = hidden.contains(",");
        boolean scaled = weightInit.equals("xavier") || weightInit.equals("he");
        return several || scaled ? "multi-layer" : "two-layer";
    }

    @Option(names = "--hidden", defaultValue = "50", paramLabel = "H[,H...]",
            description = "Hidden layer sizes (default 50; two-layer takes one).")
    String hidden;

    @Option(names = "--activation", defaultValue = "sigmoid", paramLabel = "A",
            description = "sigmoid (default, chapter 4) or relu (chapter 5).")
    String activation;

    @Option(names = "--weight-init", defaultValue = "0.01", paramLabel = "STD|xavier|he",
            description = "Initial weights: std * N(0,1) with this std (default 0.01), or xavier / he.")
    String weightInit;

    Activation activation() {
        return activation(activation);
    }

    /** {@code sigmoid} or {@code relu}, as given to {@code --activation}. */
    static Activation activation(String activation) {
        return switch (activation) {
            case "sigmoid" -> Activation.SIGMOID;
            case "relu" -> Activation.RELU;
            default -> throw new BadInputException("--activation: unknown activation '" + activation
                    + "' (expected sigmoid, relu)");
        };
    }

    int[] hiddenSizes() {
        String[] parts = hidden.split(",", -1);
        int[] h = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                h[i] = Integer.parseInt(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new BadInputException("--hidden: '" + parts[i] + "' is not a whole number");
            }
            if (h[i] < 1) {
                throw new BadInputException("--hidden: layer sizes must be at least 1, got " + h[i]);
            }
        }
        return h;
    }

    Init init() {
        return switch (weightInit) {
            case "xavier" -> Init.XAVIER;
            case "he" -> Init.HE;
            default -> {
                double std = Numbers.parseFinite("--weight-init", weightInit);
                if (std < 0) {
                    throw new BadInputException("--weight-init: std must be at least 0, got " + weightInit);
                }
                yield Init.std(std);
            }
        };
    }

    /** A new network with random weights for {@code inputs} features and {@code classes} classes. */
    FeedForwardNet create(int inputs, int classes, Random rng) {
        int[] h = hiddenSizes();
        Activation a = activation();
        Init init = init();
        return switch (model()) {
            case "two-layer" -> {
                if (h.length != 1) {
                    throw new BadInputException("--hidden: two-layer takes one hidden size, got " + hidden
                            + " (use --model multi-layer)");
                }
                if (!(init instanceof Init.Fixed f)) {
                    throw new BadInputException("--weight-init: two-layer takes a std (the book's weight_init_std); "
                            + "xavier and he need --model multi-layer");
                }
                yield new TwoLayerNet(inputs, h[0], classes, f.value(), a, rng);
            }
            case "multi-layer" -> new MultiLayerNet(inputs, h, classes, a, init, rng);
            default -> throw new BadInputException("--model: unknown model '" + model + "' (expected two-layer, multi-layer)");
        };
    }

    /** A description such as {@code two-layer 784-50-10 sigmoid}. */
    static String describe(String model, FeedForwardNet net, Activation a) {
        StringBuilder sb = new StringBuilder(model).append(' ');
        var ps = net.parameters();
        sb.append(ps.get(0).value().rows());
        for (var p : ps) {
            if (p.value().rank() == 2) {
                sb.append('-').append(p.value().cols());
            }
        }
        return sb.append(' ').append(a.name().toLowerCase(java.util.Locale.ROOT)).toString();
    }
}
