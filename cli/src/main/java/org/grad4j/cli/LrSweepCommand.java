package org.grad4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.grad4j.examples.Pictures;
import org.grad4j.expr.Expression;
import org.grad4j.optim.Behaviour;
import org.grad4j.optim.GradientDescent;
import org.grad4j.optim.Status;
import org.grad4j.optim.Trajectory;
import org.grad4j.plot.Chart;
import org.grad4j.plot.Figure;
import org.grad4j.plot.LineChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "lr-sweep", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Gradient descent from one start with several learning rates, side by side.",
        description = {"Gradient descent from one start with several learning rates: the final",
            "point, value and status of each, and how it behaved (by the distance d to the",
            "minimum x*, org.grad4j.optim.Behaviour): diverged (ended farther than it",
            "started), converged (d below 0.1%% of the start's), oscillating (the steps keep",
            "reversing without shrinking) or too-slow (the rest).", "",
            "The minimum x*: --minimum when you know it. Otherwise it is searched for: the",
            "run that ended lowest without diverging is continued from its best point for",
            "max(1000, 10 N) more steps with the exact gradient, and x* is the point with",
            "the lowest f seen (printed; when every run fails or f has no minimum this is a",
            "poor stand-in, so give --minimum).",
            "Example: grad4j lr-sweep 'x0^2 + x1^2' --from -3,4 --lrs 1e-10,1e-3,0.1,0.9,1.0,10"})
final class LrSweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** The most decades the log chart shows (so its labels stay readable). */
    static final int DECADES = 24;

    /** At least this many steps continue the best run when searching for the minimum. */
    static final int REFERENCE_STEPS = 1000;

    @Parameters(index = "0", paramLabel = "EXPR", description = "The function, e.g. 'x0^2 + x1^2'.")
    String expr;

    @Option(names = "--from", required = true, paramLabel = "X0,X1,...", description = "The start point.")
    String from;

    @Option(names = "--lrs", defaultValue = "1e-10,1e-3,0.1,0.9,1.0,10", paramLabel = "LR,...",
            description = "The learning rates (default ${DEFAULT-VALUE}).")
    String lrs;

    @Option(names = "--steps", defaultValue = "100", paramLabel = "N", description = "Steps per run (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--gradient", defaultValue = "exact", paramLabel = "G",
            description = "exact (default, reverse mode), book (central difference, h = 1e-4) or richardson.")
    String gradient;

    @Option(names = "--minimum", paramLabel = "X0,X1,...",
            description = "The minimiser x* (default: the best point visited by the runs).")
    String minimum;

    @Mixin
    OptimizerOptions optim;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "f per step for each lr on a log axis (and, for 2 variables, the paths over the contour of f).")
    Path plot;

    @Option(names = "--json", description = "Print one JSON object and nothing else.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Expression f = Functions.parse(expr);
        double[] x0 = Functions.point("--from", from, f);
        double[] rates = Numbers.parseFiniteList("--lrs", lrs);
        for (double r : rates) {
            if (!(r >= 0)) {
                throw new BadInputException("--lrs: learning rates must be at least 0, got " + Numbers.shortest(r));
            }
        }
        if (steps < 0) {
            throw new BadInputException("--steps: must be at least 0, got " + steps);
        }
        Heap.checkPath("--steps", steps, x0.length);
        double[] given = minimum == null ? null : Functions.point("--minimum", minimum, f);
        if (plot != null) {
            Plots.checkFormat(plot);
        }
        new GradientChoice(f, gradient); // fails early on an unknown name
        optim.create(rates[0]); // and on bad optimizer options
        List<Trajectory> runs = new ArrayList<>();
        List<Pictures.Path> paths = new ArrayList<>();
        List<List<String>> warnings = new ArrayList<>();
        for (double rate : rates) {
            GradientChoice g = new GradientChoice(f, gradient);
            GradientDescent.Options options = GradientDescent.Options.of(rate, steps).withSchedule(optim.schedule())
                    .withClipNorm(optim.clipNorm());
            Trajectory t = GradientDescent.run(f.function(), g, x0, options, optim.create(rate));
            List<String> w = new ArrayList<>(t.warnings());
            w.addAll(g.warnings());
            runs.add(t);
            warnings.add(w);
            paths.add(new Pictures.Path(CompareCommand.uniqueLabel("lr=" + Numbers.shortest(rate), paths), t.points()));
        }
        double[] xStar = given;
        String source = "--minimum";
        if (given == null) {
            int best = bestRun(runs);
            int more = (int) Math.min(Math.max(REFERENCE_STEPS, 10L * steps), Integer.MAX_VALUE - 1);
            Heap.check("--steps " + steps + ": the reference run's path (" + (more + 1L) + " points)",
                    Heap.times("--steps", more + 1L, 16 + Heap.DOUBLE * x0.length + 8 + 2 * Heap.DOUBLE));
            List<Trajectory> all = new ArrayList<>(runs);
            if (rates[best] > 0) {
                GradientDescent.Options options = GradientDescent.Options.of(rates[best], more);
                all.add(GradientDescent.run(f.function(), new GradientChoice(f, "exact"), bestPoint(runs), options,
                        optim.create(rates[best])));
            }
            xStar = bestPoint(all);
            source = "lowest f visited by the runs and by " + more + " more exact-gradient steps with lr="
                    + Numbers.shortest(rates[best]) + " from there";
        }
        List<Behaviour> behaviours = new ArrayList<>();
        for (Trajectory t : runs) {
            behaviours.add(Behaviour.classify(t, xStar));
        }
        if (plot != null) {
            Plots.write(picture(f, paths, runs), plot);
        }
        if (json) {
            List<Json> results = new ArrayList<>();
            for (int k = 0; k < rates.length; k++) {
                Trajectory t = runs.get(k);
                results.add(Json.object().put("lr", rates[k]).put("x", t.last()).put("f", t.lastValue())
                        .put("status", t.status().label()).put("behaviour", behaviours.get(k).label())
                        .put("warnings", warnings.get(k)));
            }
            spec.commandLine().getOut().println(Json.object().put("minimum", xStar).put("minimum_source", source)
                    .putObjects("results", results));
            return 0;
        }
        spec.commandLine().getOut().println("f       = " + f.text() + "   (gradient: " + new GradientChoice(f, gradient).id()
                + ", optimizer: " + optim.optimizer + ", " + steps + " steps)");
        spec.commandLine().getOut().println("start   = " + Output.vector(f.variables(), x0) + "   f = " + Numbers.shortest(runs.get(0).values()[0]));
        spec.commandLine().getOut().println("minimum = " + Output.vector(f.variables(), xStar) + "   f = " + Numbers.shortest(f.value(xStar))
                + "   (" + source + ")");
        spec.commandLine().getOut().println();
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < rates.length; k++) {
            Trajectory t = runs.get(k);
            rows.add(List.of(Numbers.shortest(rates[k]), Output.vector(t.last()), Numbers.shortest(t.lastValue()),
                    t.status().label(), behaviours.get(k).label()));
        }
        spec.commandLine().getOut().println(Output.table(List.of("lr", "end", "f", "status", "behaviour"), rows));
        for (int k = 0; k < rates.length; k++) {
            for (String w : warnings.get(k)) {
                spec.commandLine().getOut().println("warning: " + paths.get(k).label() + ": " + w);
            }
        }
        if (plot != null) {
            spec.commandLine().getOut().println("wrote " + plot);
        }
        return 0;
    }

    /** The run that ended lowest without diverging (the first run when all diverged). */
    static int bestRun(List<Trajectory> runs) {
        int best = 0;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int k = 0; k < runs.size(); k++) {
            Trajectory t = runs.get(k);
            if (t.status() != Status.DIVERGED && t.lastValue() < bestValue) {
                best = k;
                bestValue = t.lastValue();
            }
        }
        return best;
    }

    /** The finite point with the lowest finite f over all runs (the first one on ties). */
    static double[] bestPoint(List<Trajectory> runs) {
        double[] best = runs.get(0).points()[0];
        double bestValue = Double.POSITIVE_INFINITY;
        for (Trajectory t : runs) {
            for (int i = 0; i < t.values().length; i++) {
                double v = t.values()[i];
                if (Double.isFinite(v) && v < bestValue && finite(t.points()[i])) {
                    bestValue = v;
                    best = t.points()[i];
                }
            }
        }
        return best.clone();
    }

    private static boolean finite(double[] x) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The y range of the log chart: whole decades from the smallest positive value to two decades above
     * the largest value of the runs that did not diverge (diverged runs leave the chart), at most
     * {@link #DECADES} decades (the lowest are cut).
     */
    private static double[] logRange(List<Trajectory> runs, double shift) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        double hiAll = 0;
        for (Trajectory t : runs) {
            for (double v : t.values()) {
                double s = v - shift;
                if (Double.isFinite(s) && s > 0) {
                    lo = Math.min(lo, s);
                    hiAll = Math.max(hiAll, s);
                    if (t.status() != Status.DIVERGED) {
                        hi = Math.max(hi, s);
                    }
                }
            }
        }
        if (hi == 0) {
            hi = hiAll;
        }
        if (!(lo <= hi)) {
            return new double[] {0.1, 10};
        }
        double top = Math.ceil(Math.log10(hi)) + (hi < hiAll ? 2 : 0);
        double bottom = Math.max(Math.floor(Math.log10(lo)), top - DECADES);
        if (bottom >= top) {
            bottom = top - 1;
        }
        return new double[] {Math.pow(10, bottom), Math.pow(10, top)};
    }

    /** f per step on a log axis (f - min f when some value is not positive), with the paths for 2 variables. */
    private static Chart picture(Expression f, List<Pictures.Path> paths, List<Trajectory> runs) {
        double lowest = Double.POSITIVE_INFINITY;
        for (Trajectory t : runs) {
            for (double v : t.values()) {
                if (Double.isFinite(v)) {
                    lowest = Math.min(lowest, v);
                }
            }
        }
        LineChart values;
        double[] logRange = logRange(runs, lowest > 0 ? 0 : lowest);
        if (lowest > 0) {
            values = Pictures.valuesPerStep("f per step", paths, runs);
        } else {
            List<Trajectory> shifted = new ArrayList<>();
            for (Trajectory t : runs) {
                double[] v = t.values().clone();
                for (int i = 0; i < v.length; i++) {
                    v[i] -= lowest;
                }
                shifted.add(new Trajectory(t.points(), v, t.gradNorms(), t.status(), t.statusStep(), t.warnings()));
            }
            values = Pictures.valuesPerStep("f - min f per step (min f = " + Numbers.shortest(lowest) + ")", paths,
                    shifted).yLabel("f(x) - min f");
        }
        values.yRange(logRange[0], logRange[1]);
        if (f.arity() != 2) {
            return values;
        }
        List<Pictures.Path> kept = new ArrayList<>();
        for (int k = 0; k < runs.size(); k++) {
            if (runs.get(k).status() != Status.DIVERGED) {
                kept.add(paths.get(k));
            }
        }
        Pictures.Window w = Pictures.Window.around(kept.isEmpty() ? paths : kept);
        return Figure.of(2, values, Pictures.comparison(f, w, paths, runs)).title("f = " + f.text());
    }
}
