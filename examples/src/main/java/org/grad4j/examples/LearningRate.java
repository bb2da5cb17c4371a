package org.grad4j.examples;

import org.grad4j.io.Repr;
import java.io.IOException;
import java.nio.file.Path;
import org.grad4j.optim.GradientDescent;
import org.grad4j.optim.Trajectory;
import org.grad4j.plot.Chart;
import org.grad4j.plot.Figure;
import org.grad4j.plot.GradientField;

/** The lesson of the learning rate: 0.1 works, 10 diverges, 1e-10 never moves (the book, ch. 4.4.1). */
public final class LearningRate implements Example {
    static final double[] RATES = {0.1, 10, 1e-10};

    @Override
    public String name() {
        return "learning-rate";
    }

    @Override
    public String description() {
        return "gradient descent with lr 0.1, 10 and 1e-10 side by side: works, diverges, never moves";
    }

    @Override
    public void run(ExampleContext ctx) throws IOException {
        double[] init = {-3.0, 4.0};
        Chart[] panels = new Chart[RATES.length];
        for (int k = 0; k < RATES.length; k++) {
            double lr = RATES[k];
            Trajectory t = GradientDescent.run(BookFunctions::function2, BookFunctions.bookGradient(BookFunctions::function2),
                    init, GradientDescent.Options.of(lr, 100));
            ctx.out().printf("lr = %-6s -> %-36s  %s%n", Repr.of(lr), NumpyFormat.array(t.last()), verdict(t));
            panels[k] = GradientField.of(BookFunctions::function2, x -> new double[] {2 * x[0], 2 * x[1]})
                    .xRange(-4.5, 4.5).yRange(-5, 5).step(0.75).title("lr = " + Repr.of(lr) + ": " + verdict(t))
                    .addPath("lr = " + Repr.of(lr), t.points());
        }
        Figure fig = Figure.of(3, panels).title("Gradient descent on x0² + x1² from (-3, 4), 100 steps");
        Path file = ctx.picture(name());
        fig.write(file, 1500, 560);
        ctx.wrote(file);
    }

    static String verdict(Trajectory t) {
        return switch (t.status()) {
            case DIVERGED -> "diverged (from step " + t.statusStep() + ")";
            case CONVERGED -> "converged at step " + t.statusStep();
            case MAX_STEPS -> {
                double[] x = t.last();
                double moved = Math.hypot(x[0] - t.points()[0][0], x[1] - t.points()[0][1]);
                yield Math.hypot(x[0], x[1]) < 1e-6 ? "reached the minimum" : moved < 1e-3 ? "hardly moved" : "still on its way";
            }
        };
    }

    public static void main(String[] args) throws IOException {
        new LearningRate().run(Examples.defaultContext());
    }
}
