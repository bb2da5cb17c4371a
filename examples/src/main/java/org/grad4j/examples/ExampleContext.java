package org.grad4j.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where an example prints and writes its pictures.
 *
 * @param out    where the example prints what the book prints
 * @param outDir directory for pictures (created on first use)
 * @param format picture format, {@code png} or {@code svg}
 */
public record ExampleContext(PrintStream out, Path outDir, String format) {

    public ExampleContext {
        if (!format.equals("png") && !format.equals("svg")) {
            throw new IllegalArgumentException("unsupported picture format '" + format + "' (use png or svg)");
        }
    }

    /** The path of a picture named {@code base} (without extension); creates the directory. */
    public Path picture(String base) throws IOException {
        Files.createDirectories(outDir);
        return outDir.resolve(base + "." + format);
    }

    /** Prints where a picture was written. */
    public void wrote(Path file) {
        out.println("wrote " + file);
    }
}
