package org.grad4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.grad4j.examples.Pictures;
import org.grad4j.expr.Expression;
import org.grad4j.plot.GradientField;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "field", mixinStandardHelpOptions = true, sortOptions = false,
        header = "The gradient field of a function of two variables, drawn as arrows over f.",
        description = {"The gradient field of a function of two variables: arrows of -grad f over a",
            "heatmap (or filled contour) of f, as the book's gradient_2d.py.", "",
            "With --json, the grid's points, f and the exact gradient (reverse mode) at each, for a page to draw.",
            "Example: grad4j field 'x0^2 + x1^2' --range -2,2 --grid 0.25 --plot field.png"})
final class FieldCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPR", description = "A function of two variables.")
    String expr;

    @Option(names = "--range", defaultValue = "-2,2", paramLabel = "XMIN,XMAX[,YMIN,YMAX]",
            description = "The window (default -2,2; the y range defaults to the x range).")
    String range;

    @Option(names = "--grid", defaultValue = "0.25", paramLabel = "STEP", description = "Spacing of the arrows (default 0.25).")
    String grid;

    @Option(names = "--background", defaultValue = "heatmap", paramLabel = "B",
            description = "heatmap (default), contour or none.")
    String background;

    @Option(names = "--plot", paramLabel = "FILE", description = "The picture (PNG or SVG by extension; needed unless --json).")
    Path plot;

    @Option(names = "--json", description = "Print one JSON object: the grid (x, y), f and the gradient at each point.")
    boolean json;

    /** Most arrows per side of the picture. */
    static final int MAX_ARROWS = 1000;

    @Override
    public Integer call() throws Exception {
        Expression f = Functions.parse(expr, 2, false, "field");
        Pictures.Window w = Plots.window("--range", range);
        double step = Numbers.parseFinite("--grid", grid);
        if (!(step > 0)) {
            throw new BadInputException("--grid: must be positive, got " + grid);
        }
        double across = Math.floor((w.xMax() - w.xMin()) / step) + 1;
        double down = Math.floor((w.yMax() - w.yMin()) / step) + 1;
        if (!(across <= MAX_ARROWS && down <= MAX_ARROWS)) {
            throw new BadInputException("--grid " + grid + ": " + String.format(java.util.Locale.ROOT, "%.3g x %.3g",
                    across, down) + " arrows on --range " + range
                    + "; at most " + MAX_ARROWS + " per side fit in a picture");
        }
        String nonFinite = nonFinite(f, w, step, (long) across, (long) down);
        GradientField.Background bg = switch (background) {
            case "heatmap" -> GradientField.Background.HEATMAP;
            case "contour" -> GradientField.Background.CONTOUR;
            case "none" -> GradientField.Background.NONE;
            default -> throw new BadInputException("--background: unknown background '" + background
                    + "' (expected heatmap, contour, none)");
        };
        if (plot == null && !json) {
            throw new BadInputException("field: give --plot FILE or --json");
        }
        if (plot != null) {
            Plots.checkFormat(plot);
            Plots.write(Pictures.field(f, w, step, List.of()).background(bg), plot);
        }
        List<String> warnings = nonFinite == null ? List.of() : List.of(nonFinite);
        if (json) {
            spec.commandLine().getOut().println(json(f, w, step).put("warnings", warnings));
        } else {
            spec.commandLine().getOut().println("wrote " + plot);
            Output.warnings(spec.commandLine().getOut(), warnings);
        }
        return 0;
    }

    /** Grid points {@code xMin + i * step} up to {@code xMax} (and the same in y); rows of f are rows of y. */
    static Json json(Expression f, Pictures.Window w, double step) {
        double[] xs = axis(w.xMin(), w.xMax(), step);
        double[] ys = axis(w.yMin(), w.yMax(), step);
        double[][] value = new double[ys.length][xs.length];
        double[][] gx = new double[ys.length][xs.length];
        double[][] gy = new double[ys.length][xs.length];
        double[] g = new double[2];
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                value[j][i] = f.gradient(new double[] {xs[i], ys[j]}, g);
                gx[j][i] = g[0];
                gy[j][i] = g[1];
            }
        }
        return Json.object().put("variables", f.variables())
                .put("range", new double[] {w.xMin(), w.xMax(), w.yMin(), w.yMax()}).put("grid", step)
                .put("x", xs).put("y", ys).put("f", value).put("gradient_x", gx).put("gradient_y", gy);
    }

    private static double[] axis(double min, double max, double step) {
        int n = (int) Math.floor((max - min) / step * (1 + 1e-12)) + 1;
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = min + i * step;
        }
        return a;
    }

    /** A warning when f or its gradient is not finite at some grid points, else null. */
    private static String nonFinite(Expression f, Pictures.Window w, double step, long columns, long rows) {
        long bad = 0;
        double[] first = null;
        double[] g = new double[2];
        for (long i = 0; i < columns; i++) {
            for (long j = 0; j < rows; j++) {
                double[] p = {w.xMin() + i * step, w.yMin() + j * step};
                double v = f.gradient(p, g);
                if (!Double.isFinite(v) || !Double.isFinite(g[0]) || !Double.isFinite(g[1])) {
                    bad++;
                    if (first == null) {
                        first = p;
                    }
                }
            }
        }
        if (bad == 0) {
            return null;
        }
        return "f or its gradient is not finite at " + bad + " of " + columns * rows + " grid points (first at ("
                + Numbers.shortest(first[0]) + ", " + Numbers.shortest(first[1]) + ")); those arrows and colours are missing";
    }
}
