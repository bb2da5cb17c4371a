package org.grad4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.grad4j.examples.Pictures;
import org.grad4j.expr.Expression;
import org.grad4j.optim.GradientDescent;
import org.grad4j.optim.Trajectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Several optimizers on one function from the same start, paths in one picture.",
        description = {"Several optimizers on one function from the same start, as the book's",
            "optimizer_compare_naive.py (ch. 6): the final point, value and status of each,",
            "and all paths over the contour of f in one picture.", "",
            "Each optimizer is NAME:LR[:KEY=VALUE...] with torch's option names (booleans",
            "0 or 1), e.g. sgd:0.1:momentum=0.9:nesterov=1. Names: sgd, momentum, nesterov,",
            "adagrad, rmsprop, adam, adamw (adagrad, rmsprop, adam, adamw as torch's),",
            "adagrad-book, rmsprop-book, adam-book (the book's).",
            "Example: grad4j compare 'x^2/20 + y^2' --from -7,2 --steps 30 \\",
            "  --optimizers sgd:0.95,momentum:0.1,adagrad-book:1.5,adam-book:0.3 --plot c.png"})
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** The book's four optimizers and learning rates (optimizer_compare_naive.py). */
    static final String BOOK = "sgd:0.95,momentum:0.1,adagrad-book:1.5,adam-book:0.3";

    @Parameters(index = "0", paramLabel = "EXPR", description = "The function, e.g. 'x^2/20 + y^2'.")
    String expr;

    @Option(names = "--from", required = true, paramLabel = "X0,X1,...", description = "The start point.")
    String from;

    @Option(names = "--steps", defaultValue = "30", paramLabel = "N", description = "Steps of each optimizer (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--optimizers", defaultValue = BOOK, paramLabel = "SPEC,...",
            description = "The optimizers, NAME:LR[:KEY=VALUE...] separated by commas (default: the book's, ${DEFAULT-VALUE}).")
    String optimizers;

    @Option(names = "--gradient", defaultValue = "exact", paramLabel = "G",
            description = "exact (default, reverse mode), book (central difference, h = 1e-4) or richardson.")
    String gradient;

    @Option(names = "--range", paramLabel = "XMIN,XMAX[,YMIN,YMAX]",
            description = "The window of the picture (default: around the paths).")
    String range;

    @Option(names = "--plot", paramLabel = "FILE", description = "Draw all paths in one picture (PNG or SVG by extension).")
    Path plot;

    @Option(names = "--json", description = "Print one JSON object and nothing else.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Expression f = Functions.parse(expr);
        double[] x0 = Functions.point("--from", from, f);
        if (steps < 0) {
            throw new BadInputException("--steps: must be at least 0, got " + steps);
        }
        Heap.checkPath("--steps", steps, x0.length);
        List<OptimizerSpec> specs = OptimizerSpec.parseList("--optimizers", optimizers);
        Pictures.Window window = range == null ? null : Plots.window("--range", range);
        if (plot != null) {
            Plots.checkFormat(plot);
        }
        new GradientChoice(f, gradient); // fails early on an unknown name
        List<Trajectory> runs = new ArrayList<>();
        List<Pictures.Path> paths = new ArrayList<>();
        List<List<String>> warnings = new ArrayList<>();
        for (OptimizerSpec s : specs) {
            GradientChoice g = new GradientChoice(f, gradient);
            Trajectory t = GradientDescent.run(f.function(), g, x0, GradientDescent.Options.of(s.lr(), steps), s.create());
            List<String> w = new ArrayList<>(t.warnings());
            w.addAll(g.warnings());
            runs.add(t);
            warnings.add(w);
            paths.add(new Pictures.Path(uniqueLabel(s.label(), paths), t.points()));
        }
        if (plot != null) {
            Plots.write(Pictures.comparison(f, window, paths, runs), plot);
        }
        if (json) {
            List<Json> results = new ArrayList<>();
            for (int k = 0; k < specs.size(); k++) {
                Trajectory t = runs.get(k);
                results.add(Json.object().put("name", specs.get(k).name()).put("lr", specs.get(k).lr())
                        .put("x", t.last()).put("f", t.lastValue()).put("status", t.status().label())
                        .put("history", t.points()).put("warnings", warnings.get(k)));
            }
            spec.commandLine().getOut().println(Json.object().putObjects("results", results));
            return 0;
        }
        spec.commandLine().getOut().println("f     = " + f.text() + "   (gradient: " + new GradientChoice(f, gradient).id() + ", "
                + steps + " steps)");
        spec.commandLine().getOut().println("start = " + Output.vector(f.variables(), x0) + "   f = " + Numbers.shortest(runs.get(0).values()[0]));
        spec.commandLine().getOut().println();
        spec.commandLine().getOut().println(Output.table(List.of("optimizer", "end", "f", "status"), rows(paths, runs)));
        for (int k = 0; k < specs.size(); k++) {
            for (String w : warnings.get(k)) {
                spec.commandLine().getOut().println("warning: " + paths.get(k).label() + ": " + w);
            }
        }
        if (plot != null) {
            spec.commandLine().getOut().println("wrote " + plot);
        }
        return 0;
    }

    private static List<List<String>> rows(List<Pictures.Path> paths, List<Trajectory> runs) {
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < runs.size(); k++) {
            Trajectory t = runs.get(k);
            rows.add(List.of(paths.get(k).label(), Output.vector(t.last()), Numbers.shortest(t.lastValue()),
                    t.status().label()));
        }
        return rows;
    }

    /** {@code label}, or {@code label (2)}, ... when the same optimizer is given twice. */
    static String uniqueLabel(String label, List<Pictures.Path> paths) {
        String l = label;
        for (int n = 2; ; n++) {
            String candidate = l;
            if (paths.stream().noneMatch(p -> p.label().equals(candidate))) {
                return l;
            }
            l = label + " (" + n + ")";
        }
    }
}
