package org.grad4j.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.grad4j.io.Repr;
import org.grad4j.optim.BookAdaGrad;
import org.grad4j.optim.BookAdam;
import org.grad4j.optim.DifferentiableFunction;
import org.grad4j.optim.GradientDescent;
import org.grad4j.optim.Momentum;
import org.grad4j.optim.Optimizer;
import org.grad4j.optim.Sgd;
import org.grad4j.optim.Trajectory;
import org.grad4j.plot.Chart;
import org.grad4j.plot.Figure;
import org.grad4j.plot.GradientField;

/**
 * The book's {@code optimizer_compare_naive.py} (ch. 6, Fig. 6-8): SGD, Momentum, AdaGrad and Adam on
 * {@code f(x, y) = x²/20 + y²} from (−7, 2), 30 updates each, with the book's classes of
 * {@code common/optimizer.py}: {@link Sgd} (lr 0.95), {@link Momentum} (lr 0.1, momentum 0.9),
 * {@link BookAdaGrad} (lr 1.5, {@code h += g²; p -= lr g / (sqrt(h) + 1e-7)}) and {@link BookAdam}
 * (lr 0.3, beta1 0.9, beta2 0.999, bias correction folded into lr). The gradient is the book's
 * {@code df(x, y) = (x / 10, 2 y)}, so the points agree bit for bit with the book's NumPy run
 * (tools/reference/optimizer_compare_naive.py).
 *
 * <p>Each panel shows f's contour and the path; the book draws the 30 points before each update,
 * we also draw the point after the last one (31 points), whose coordinates are printed.
 */
public final class OptimizerCompare implements Example {

    /** The book's optimizers in its order, with its names and learning rates. */
    record Entry(String name, Optimizer optimizer, double lr) {}

    static final double[] START = {-7.0, 2.0};
    static final int STEPS = 30;

    static List<Entry> entries() {
        return List.of(new Entry("SGD", new Sgd(0.95), 0.95), new Entry("Momentum", new Momentum(0.1), 0.1),
                new Entry("AdaGrad", new BookAdaGrad(1.5), 1.5),
                new Entry("Adam", new BookAdam(new BookAdam.Options(0.3, 0.9, 0.999)), 0.3));
    }

    /** f(x, y) = x²/20 + y² */
    static double f(double[] p) {
        return p[0] * p[0] / 20.0 + p[1] * p[1];
    }

    /** The book's {@code df}: (x / 10, 2 y). */
    static double[] df(double[] p) {
        return new double[] {p[0] / 10.0, 2.0 * p[1]};
    }

    static final DifferentiableFunction F = (p, grad) -> {
        double[] g = df(p);
        grad[0] = g[0];
        grad[1] = g[1];
        return f(p);
    };

    /** The 30-step run of each optimizer, in the book's order. */
    static List<Trajectory> runs() {
        return entries().stream()
                .map(e -> GradientDescent.run(F, START, GradientDescent.Options.of(e.lr(), STEPS), e.optimizer()))
                .toList();
    }

    @Override
    public String name() {
        return "optimizer-compare";
    }

    @Override
    public String description() {
        return "SGD, Momentum, AdaGrad, Adam on x^2/20 + y^2 from (-7, 2), 30 steps (optimizer_compare_naive.py)";
    }

    @Override
    public void run(ExampleContext ctx) throws IOException {
        List<Entry> entries = entries();
        List<Trajectory> runs = runs();
        ctx.out().println("f(x, y) = x**2 / 20 + y**2 from (-7.0, 2.0), " + STEPS + " updates each:");
        Chart[] panels = new Chart[entries.size()];
        for (int k = 0; k < entries.size(); k++) {
            Entry e = entries.get(k);
            Trajectory t = runs.get(k);
            double[] x = t.last();
            ctx.out().printf("%-9s lr = %-5s  x = %-22s  y = %-23s  f = %s%n", e.name() + ":", Repr.of(e.lr()),
                    Repr.of(x[0]), Repr.of(x[1]), Repr.of(t.lastValue()));
            panels[k] = GradientField.of(OptimizerCompare::f, OptimizerCompare::df)
                    .xRange(-10, 10).yRange(-5, 5).step(1).background(GradientField.Background.CONTOUR).levels(14)
                    .title(e.name() + " (lr = " + Repr.of(e.lr()) + ")").xLabel("x").yLabel("y")
                    .addPath(e.name(), t.points());
        }
        Figure fig = Figure.of(2, panels).title("Optimizers on f(x, y) = x²/20 + y² from (−7, 2), 30 steps");
        Path file = ctx.picture(name());
        fig.write(file, 1300, 1000);
        ctx.wrote(file);
    }

    public static void main(String[] args) throws IOException {
        new OptimizerCompare().run(Examples.defaultContext());
    }
}
