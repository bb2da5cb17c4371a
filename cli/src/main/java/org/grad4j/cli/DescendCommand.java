package org.grad4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.grad4j.examples.Pictures;
import org.grad4j.expr.Expression;
import org.grad4j.optim.GradientDescent;
import org.grad4j.optim.Optimizer;
import org.grad4j.optim.Trajectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "descend", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Gradient descent on a function from a start point.", "",
            "Runs all the steps asked for (unless --stop-on-divergence) and reports the status:",
            "max-steps, converged (|grad| <= --tol) or diverged (values blew up or became non-finite).",
            "Example: grad4j descend 'x0^2 + x1^2' --from -3,4 --lr 0.1 --steps 100 --gradient book"})
final class DescendCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPR", description = "The function, e.g. 'x0^2 + x1^2'.")
    String expr;

    @Option(names = "--from", required = true, paramLabel = "X0,X1,...", description = "The start point.")
    String from;

    @Option(names = "--lr", defaultValue = "0.01", paramLabel = "LR", description = "Learning rate (default ${DEFAULT-VALUE}).")
    String lr;

    @Option(names = "--steps", defaultValue = "100", paramLabel = "N", description = "Number of steps (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--gradient", defaultValue = "exact", paramLabel = "G",
            description = "exact (default, reverse mode), book (central difference, h = 1e-4) or richardson.")
    String gradient;

    @Option(names = "--tol", paramLabel = "T", description = "Stop when the gradient norm is at most T (converged).")
    String tol;

    @Option(names = "--stop-on-divergence", description = "Stop at the first sign of divergence.")
    boolean stopOnDivergence;

    @Mixin
    OptimizerOptions optim;

    @Option(names = "--plot", paramLabel = "FILE", description = "Draw the path (PNG or SVG by extension).")
    Path plot;

    @Option(names = "--json", description = "Print one JSON object and nothing else.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Expression f = Functions.parse(expr);
        double[] x0 = Functions.point("--from", from, f);
        double rate = Numbers.parseFinite("--lr", lr);
        if (steps < 0) {
            throw new BadInputException("--steps: must be at least 0, got " + steps);
        }
        Heap.checkPath("--steps", steps, x0.length);
        double tolerance = tol == null ? 0 : Numbers.parseFinite("--tol", tol);
        if (tolerance < 0) {
            throw new BadInputException("--tol: must be at least 0, got " + tol);
        }
        if (plot != null) {
            Plots.checkFormat(plot);
        }
        GradientChoice g = new GradientChoice(f, gradient);
        Optimizer optimizer = optim.create(rate);
        GradientDescent.Options options = GradientDescent.Options.of(rate, steps).withTolerance(tolerance)
                .withStopOnDivergence(stopOnDivergence).withSchedule(optim.schedule()).withClipNorm(optim.clipNorm());
        Trajectory t = GradientDescent.run(f.function(), g, x0, options, optimizer);
        List<String> warnings = new ArrayList<>(t.warnings());
        warnings.addAll(g.warnings());
        int status = t.status() == org.grad4j.optim.Status.MAX_STEPS ? -1 : t.statusStep();
        if (plot != null) {
            Pictures.Path path = new Pictures.Path(optim.optimizer + " lr=" + Numbers.shortest(rate), t.points());
            Plots.write(Pictures.descent(f, List.of(path), List.of(t)), plot);
        }
        if (json) {
            Json j = Json.object().put("x", t.last()).put("f", t.lastValue()).put("steps", t.steps())
                    .put("status", t.status().label());
            if (status < 0) {
                j.putNull("status_step");
            } else {
                j.put("status_step", status);
            }
            j.put("history", t.points()).put("warnings", warnings);
            spec.commandLine().getOut().println(j);
        } else {
            spec.commandLine().getOut().println("f      = " + f.text() + "   (gradient: " + g.id() + ", optimizer: " + optim.optimizer
                    + ", lr = " + Numbers.shortest(rate) + ")");
            spec.commandLine().getOut().println("start  = " + Output.vector(f.variables(), x0) + "   f = " + Numbers.shortest(t.values()[0]));
            spec.commandLine().getOut().println("end    = " + Output.vector(f.variables(), t.last()) + "   f = " + Numbers.shortest(t.lastValue()));
            spec.commandLine().getOut().println("steps  = " + t.steps());
            spec.commandLine().getOut().println("status = " + t.status().label() + (status < 0 ? "" : " at step " + status));
            Output.warnings(spec.commandLine().getOut(), warnings);
            if (plot != null) {
                spec.commandLine().getOut().println("wrote " + plot);
            }
        }
        return 0;
    }
}
