package org.grad4j.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The registry of examples, in the book's order. */
public final class Examples {
    private static final List<Example> ALL = new ArrayList<>(List.of(
            new GradientOneD(), new GradientTwoD(), new GradientMethod(), new LearningRate(), new RoundingError(),
            new GradientSimpleNet(), new TwoLayerNetExample(), new TrainNeuralnet(), new GradientCheckExample(),
            new OptimizerCompare(), new OptimizerCompareMnist()));

    private Examples() {}

    /** All examples, in the book's order. */
    public static List<Example> all() {
        return List.copyOf(ALL);
    }

    /** The example called {@code name}. */
    public static Example named(String name) {
        for (Example e : ALL) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        ALL.forEach(e -> names.add(e.name()));
        throw new IllegalArgumentException("unknown example '" + name + "' (expected " + String.join(", ", names) + ")");
    }

    /** Prints to standard output and writes pictures to {@code grad4j-out/}. */
    public static ExampleContext defaultContext() {
        return new ExampleContext(System.out, Path.of("grad4j-out"), "png");
    }
}
