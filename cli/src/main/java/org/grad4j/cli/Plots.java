package org.grad4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.grad4j.plot.Chart;
import org.grad4j.plot.ImageFormat;

/** Writing pictures named by {@code --plot}. */
final class Plots {
    private Plots() {}

    /** Fails early, before any work, on an extension we cannot write. */
    static void checkFormat(Path file) {
        ImageFormat.of(file);
    }

    static void write(Chart chart, Path file) throws IOException {
        chart.write(file);
    }
}
