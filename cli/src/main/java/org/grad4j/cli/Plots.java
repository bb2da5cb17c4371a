package org.grad4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.grad4j.examples.Pictures;
import org.grad4j.plot.Chart;
import org.grad4j.plot.ImageFormat;

/** Writing pictures named by {@code --plot}. */
final class Plots {
    private Plots() {}

    /** Fails early, before any work, on an extension we cannot write. */
    static void checkFormat(Path file) {
        Outputs.check("--plot", file);
        ImageFormat.of(file);
    }

    /** Parses {@code --range XMIN,XMAX[,YMIN,YMAX]} (the y range defaults to the x range). */
    static Pictures.Window window(String option, String text) {
        double[] r = Numbers.parseFiniteList(option, text);
        if (r.length != 2 && r.length != 4) {
            throw new BadInputException(option + ": expected XMIN,XMAX or XMIN,XMAX,YMIN,YMAX, got '" + text + "'");
        }
        for (int i = 0; i + 1 < r.length; i += 2) {
            if (!Double.isFinite(r[i + 1] - r[i])) {
                throw new BadInputException(option + ": the width " + Numbers.shortest(r[i + 1]) + " - ("
                        + Numbers.shortest(r[i]) + ") overflows a double, got '" + text + "'");
            }
        }
        try {
            return r.length == 2 ? new Pictures.Window(r[0], r[1], r[0], r[1]) : new Pictures.Window(r[0], r[1], r[2], r[3]);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(option + ": " + e.getMessage());
        }
    }

    static void write(Chart chart, Path file) throws IOException {
        chart.write(file);
    }
}
