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
        description = {"The gradient field of a function of two variables: arrows of -grad f over a",
            "heatmap (or filled contour) of f, as the book's gradient_2d.py.", "",
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

    @Option(names = "--plot", required = true, paramLabel = "FILE", description = "The picture (PNG or SVG by extension).")
    Path plot;

    @Override
    public Integer call() throws Exception {
        Expression f = Functions.parse(expr, 2, false, "field");
        Pictures.Window w = Plots.window("--range", range);
        double step = Numbers.parseFinite("--grid", grid);
        if (!(step > 0)) {
            throw new BadInputException("--grid: must be positive, got " + grid);
        }
        GradientField.Background bg = switch (background) {
            case "heatmap" -> GradientField.Background.HEATMAP;
            case "contour" -> GradientField.Background.CONTOUR;
            case "none" -> GradientField.Background.NONE;
            default -> throw new BadInputException("--background: unknown background '" + background
                    + "' (expected heatmap, contour, none)");
        };
        Plots.checkFormat(plot);
        Plots.write(Pictures.field(f, w, step, List.of()).background(bg), plot);
        spec.commandLine().getOut().println("wrote " + plot);
        return 0;
    }
}
