package org.grad4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.grad4j.examples.Pictures;
import org.grad4j.expr.Expression;
import org.grad4j.plot.GradientField;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "field", mixinStandardHelpOptions = true, sortOptions = false,
        header = "The gradient field of a function of two variables, drawn as arrows over f.",
        description = {"The gradient field of a function of two variables: arrows of -grad f over a",
            "heatmap (or filled contour) of f, as the book's gradient_2d.py.", "",
            "Example: grad4j field 'x0^2 + x1^2' --range -2,2 --grid 0.25 --plot field.png"})
final class FieldCommand implements Callable<Integer> {

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

    @Option(names = "--plot", required = true, paramLabel = "FILE", description = "The picture (PNG or SVG by extension).")
    Path plot;

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
        Plots.checkFormat(plot);
        Plots.write(Pictures.field(f, w, step, List.of()).background(bg), plot);
        System.out.println("wrote " + plot);
        if (nonFinite != null) {
            Output.warnings(List.of(nonFinite));
        }
        return 0;
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
