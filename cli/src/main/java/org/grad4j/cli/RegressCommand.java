package org.grad4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.grad4j.diff.Method;
import org.grad4j.diff.MultivariateFunction;
import org.grad4j.diff.Numerical;
import org.grad4j.examples.Pictures;
import org.grad4j.optim.DifferentiableFunction;
import org.grad4j.optim.GradientDescent;
import org.grad4j.optim.Status;
import org.grad4j.optim.Trajectory;
import org.grad4j.regress.LeastSquares;
import org.grad4j.regress.Line;
import org.grad4j.regress.LineData;
import org.grad4j.regress.LinearRegression;
import org.grad4j.regress.SyntheticLine;
import org.grad4j.regress.XyCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "regress", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Fits a line y = w x + b by gradient descent on the mean squared error.",
        description = {"Fits the line y = w x + b by gradient descent on the mean squared error",
            "E(b, w) = (1/N) sum (y_i - (w x_i + b))^2 from b = w = 0, as the linear-",
            "regression tutorial (mattnedrich/GradientDescentExample), and compares with the",
            "exact least-squares line.", "",
            "Data: --data FILE (two columns x, y separated by a comma or blanks; '#' comments",
            "and a header line are skipped) or --synthetic N points on the tutorial's line",
            "y = 1.477 x + 0.089 + eps, eps ~ N(0.01, 1), x uniform in --range (with fresh",
            "noise per point). Default: --synthetic 100.",
            "Example: grad4j regress --data data.csv --lr 1e-4 --iters 1000 --plot fit.png"})
final class RegressCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "FILE.csv", description = "Points x, y, one per line.")
    Path data;

    @Option(names = "--synthetic", paramLabel = "N", description = "N random points on the tutorial's line (default 100).")
    Integer synthetic;

    @Option(names = "--range", paramLabel = "XMIN,XMAX", description = "x range of the synthetic points (default 0,15).")
    String range;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed of the synthetic points (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--lr", defaultValue = "1e-4", paramLabel = "LR", description = "Learning rate (default ${DEFAULT-VALUE}, the tutorial's).")
    String lr;

    @Option(names = "--iters", defaultValue = "1000", paramLabel = "N", description = "Iterations (default ${DEFAULT-VALUE}).")
    int iters;

    @Option(names = "--gradient", defaultValue = "exact", paramLabel = "G",
            description = "exact (default: the tutorial's formulas) or book (central difference, h = 1e-4).")
    String gradient;

    @Mixin
    OptimizerOptions optim;

    @Option(names = "--plot", paramLabel = "FILE", description = "The points with both lines, and the error per iteration.")
    Path plot;

    @Option(names = "--json", description = "Print one JSON object and nothing else.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (data != null && synthetic != null) {
            throw new BadInputException("--data and --synthetic: give one of them, not both");
        }
        if (data != null && range != null) {
            throw new BadInputException("--range: only for --synthetic points");
        }
        double rate = Numbers.parseFinite("--lr", lr);
        if (iters < 0) {
            throw new BadInputException("--iters: must be at least 0, got " + iters);
        }
        Heap.checkPath("--iters", iters, 2);
        if (!gradient.equals("exact") && !gradient.equals("book")) {
            throw new BadInputException("--gradient: unknown gradient '" + gradient + "' (expected exact, book)");
        }
        if (plot != null) {
            Plots.checkFormat(plot);
        }
        String source;
        LineData points;
        if (data != null) {
            if (!java.nio.file.Files.isRegularFile(data)) {
                throw new BadInputException("--data: no such file: " + data);
            }
            points = XyCsv.read(data);
            source = points.size() + " points from " + data;
        } else {
            int n = synthetic == null ? 100 : synthetic;
            double[] r = range == null ? new double[] {0, 15} : Numbers.parseFiniteList("--range", range);
            if (r.length != 2) {
                throw new BadInputException("--range: expected XMIN,XMAX, got '" + range + "'");
            }
            SyntheticLine line = SyntheticLine.tutorial();
            line = new SyntheticLine(r[0], r[1], line.w(), line.b(), line.noiseMean(), line.noiseStd());
            if (n < 1) {
                throw new BadInputException("--synthetic: must be at least 1, got " + n);
            }
            Heap.check("--synthetic " + n + ": the data (" + n + " x and y values)", 2 * Heap.DOUBLE * n);
            points = line.sample(n, seed);
            source = n + " synthetic points y = 1.477 x + 0.089 + N(0.01, 1), x ~ U[" + Numbers.shortest(r[0]) + ", "
                    + Numbers.shortest(r[1]) + "), seed " + seed;
        }
        Line exact = LeastSquares.fit(points);
        double exactError = points.mse(exact.b(), exact.w());
        GradientDescent.Options options = GradientDescent.Options.of(rate, iters).withSchedule(optim.schedule())
                .withClipNorm(optim.clipNorm());
        Trajectory t = GradientDescent.run(objective(points, gradient), new double[] {0, 0}, options, optim.create(rate));
        double b = t.last()[0];
        double w = t.last()[1];
        double error = t.lastValue();
        if (plot != null) {
            Plots.write(Pictures.regression(points, new Line(b, w), exact, t.values()), plot);
        }
        if (json) {
            Json j = Json.object().put("b", b).put("w", w).put("error_start", t.values()[0]).put("error", error)
                    .put("lstsq", Json.object().put("b", exact.b()).put("w", exact.w()).put("error", exactError))
                    .put("gap", error - exactError).put("iterations", t.steps()).put("status", t.status().label())
                    .put("history", t.values()).put("warnings", t.warnings());
            spec.commandLine().getOut().println(j);
            return 0;
        }
        spec.commandLine().getOut().println("data: " + source);
        spec.commandLine().getOut().println("Starting gradient descent at b = 0, m = 0, error = " + Numbers.shortest(t.values()[0]));
        spec.commandLine().getOut().println("Running...   (optimizer: " + optim.optimizer + ", lr = " + Numbers.shortest(rate)
                + ", gradient: " + gradient + ")");
        spec.commandLine().getOut().println("After " + t.steps() + " iterations b = " + Numbers.shortest(b) + ", m = " + Numbers.shortest(w)
                + ", error = " + Numbers.shortest(error));
        spec.commandLine().getOut().println("Least squares:        b = " + Numbers.shortest(exact.b()) + ", m = "
                + Numbers.shortest(exact.w()) + ", error = " + Numbers.shortest(exactError));
        spec.commandLine().getOut().println("gap: error - least-squares error = " + Numbers.shortest(error - exactError));
        if (t.status() == Status.DIVERGED) {
            spec.commandLine().getOut().println("status: diverged (from iteration " + t.statusStep() + "; try a smaller --lr)");
        }
        Output.warnings(spec.commandLine().getOut(), t.warnings());
        if (plot != null) {
            spec.commandLine().getOut().println("wrote " + plot);
        }
        return 0;
    }

    /** E(b, w) with the exact gradient, or with the book's central difference. */
    private static DifferentiableFunction objective(LineData points, String gradient) {
        if (gradient.equals("exact")) {
            return LinearRegression.objective(points);
        }
        MultivariateFunction e = LinearRegression.mse(points);
        return GradientDescent.combine(e, (x, out) ->
                System.arraycopy(Numerical.gradient(e, x, Method.BOOK).gradient(), 0, out, 0, out.length));
    }
}
