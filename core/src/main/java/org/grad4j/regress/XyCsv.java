package org.grad4j.regress;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads two numeric columns (x, y) separated by a comma and/or whitespace. Blank lines and lines starting
 * with {@code #} are skipped; the first non-blank line may be a header (it is skipped if it is not two
 * numbers). Any other line that is not exactly two numbers is an error naming the file, the line number
 * and its content: {@code data.csv:7: expected 2 numbers, got 'abc, 3'}.
 */
public final class XyCsv {

    private XyCsv() {
    }

    /** Reads {@code file}; errors name it by its file name. */
    public static LineData read(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, String.valueOf(file.getFileName()));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": not UTF-8 text (a malformed byte sequence); save it as UTF-8 or ASCII", e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Reads from {@code reader}; {@code name} is used in error messages. The reader is not closed. */
    public static LineData read(Reader reader, String name) throws IOException {
        BufferedReader r = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        double[] x = new double[16];
        double[] y = new double[16];
        int n = 0;
        int lineNo = 0;
        boolean first = true;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            lineNo++;
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            double[] xy = parse(s);
            if (xy == null) {
                if (first) {
                    first = false;
                    continue;
                }
                throw new IllegalArgumentException(name + ":" + lineNo + ": expected 2 numbers, got '" + s + "'");
            }
            first = false;
            if (n == x.length) {
                x = Arrays.copyOf(x, 2 * n);
                y = Arrays.copyOf(y, 2 * n);
            }
            x[n] = xy[0];
            y[n] = xy[1];
            n++;
        }
        if (n == 0) {
            throw new IllegalArgumentException(name + ": no data lines");
        }
        return new LineData(Arrays.copyOf(x, n), Arrays.copyOf(y, n));
    }

    /** The two numbers of a line, or null. */
    private static double[] parse(String s) {
        String[] f = s.split("\\s*,\\s*|\\s+");
        if (f.length != 2) {
            return null;
        }
        try {
            double a = Double.parseDouble(f[0]);
            double b = Double.parseDouble(f[1]);
            if (!Double.isFinite(a) || !Double.isFinite(b)) {
                return null;
            }
            return new double[] {a, b};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
