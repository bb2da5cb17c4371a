package org.grad4j.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file into a {@link Table} with Apache Commons CSV (RFC 4180: quoted cells, embedded
 * delimiters and line breaks): one target column, chosen by name or index, and every other column a
 * numeric feature. Blank lines are skipped, cells are trimmed, a UTF-8 byte-order mark is dropped.
 *
 * <p>Bad input is an {@link IllegalArgumentException} of one line naming the file, and the line
 * and column where there is one:
 * <ul>
 *   <li>{@code data.csv:7: column 3 ('age'): 'abc' is not a number}
 *   <li>{@code data.csv: no column 'price'; the columns are a, b, c}
 *   <li>{@code data.csv:12: class label '2.5' in column 4 ('y') is not an integer}
 *   <li>{@code data.csv:5: 4 cells, expected 5 as in the header}
 *   <li>{@code data.csv:3: not valid UTF-8 (byte 0xE9 at byte 7 of the line)}
 * </ul>
 * Numbers are decimal ({@code -1.5}, {@code 2e-3}, {@code .5}); {@code NaN}, infinities, hexadecimal
 * and Java's {@code 1d}/{@code 1f} suffixes are refused.
 */
public final class CsvTable {

    /** The largest class label accepted (a label names a row and a column of a confusion matrix). */
    public static final int MAX_LABEL = 65_535;

    private CsvTable() {}

    /**
     * Reads {@code file}; errors name it by its file name.
     *
     * @throws IllegalArgumentException on bad content, or when the file does not exist
     * @throws IOException when it cannot be read
     */
    public static Table read(Path file, CsvOptions options) throws IOException {
        String name = String.valueOf(file.getFileName());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file", e);
        }
        return read(name, bytes, options);
    }

    /** Reads CSV content; {@code name} is used in error messages and as the table's name. */
    public static Table read(String name, byte[] bytes, CsvOptions options) {
        String text = decode(name, bytes, options);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        int[] lineStarts = lineStarts(text);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(options.delimiter())
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            return read(name, text, parser.iterator(), lineStarts, options);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(name + ": " + e.getCause().getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private static Table read(String name, String text, Iterator<CSVRecord> records, int[] lineStarts, CsvOptions o) {
        if (!records.hasNext()) {
            throw new IllegalArgumentException(name + ": no data rows (the file is empty)");
        }
        List<String> header = null;
        CSVRecord first = records.next();
        int width = first.size();
        String widthFrom;
        if (o.header()) {
            header = first.toList();
            checkHeader(name, header, line(first, lineStarts, text));
            widthFrom = "as in the header";
            first = records.hasNext() ? records.next() : null;
        } else {
            widthFrom = "as in line " + line(first, lineStarts, text);
        }
        if (width < 2) {
            throw new IllegalArgumentException(name + ":" + line(first, lineStarts, text)
                    + ": " + width + " column" + (width == 1 ? "" : "s")
                    + "; a table needs a target column and at least one feature column");
        }
        int t = o.target().resolve(name, header, width);
        int features = width - 1;
        List<String> featureNames = new ArrayList<>(features);
        for (int j = 0; j < width; j++) {
            if (j != t) {
                featureNames.add(header != null ? header.get(j) : Integer.toString(j));
            }
        }
        String targetName = header != null ? header.get(t) : Integer.toString(t);
        boolean classification = o.task() == Task.CLASSIFICATION;

        double[] x = new double[Math.max(16, features * 64)];
        double[] y = classification ? null : new double[64];
        int[] labels = classification ? new int[64] : null;
        int n = 0;
        int maxLabel = -1;
        for (CSVRecord r = first; r != null; r = records.hasNext() ? records.next() : null) {
            int line = line(r, lineStarts, text);
            if (r.size() != width) {
                throw new IllegalArgumentException(name + ":" + line + ": " + r.size() + " cells, expected " + width
                        + " " + widthFrom);
            }
            if ((long) (n + 1) * features > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(name + ":" + line + ": more than " + n + " rows of " + features
                        + " features do not fit in one array");
            }
            if ((n + 1) * features > x.length) {
                x = Arrays.copyOf(x, (int) Math.min(Integer.MAX_VALUE - 8, 2L * x.length));
            }
            int k = n * features;
            for (int j = 0; j < width; j++) {
                if (j != t) {
                    x[k++] = number(name, line, j, header, r.get(j), "");
                }
            }
            if (classification) {
                if (n == labels.length) {
                    labels = Arrays.copyOf(labels, 2 * n);
                }
                labels[n] = label(name, line, t, header, r.get(t));
                maxLabel = Math.max(maxLabel, labels[n]);
            } else {
                if (n == y.length) {
                    y = Arrays.copyOf(y, 2 * n);
                }
                y[n] = number(name, line, t, header, r.get(t), " (a regression target must be a number)");
            }
            n++;
        }
        if (n == 0) {
            throw new IllegalArgumentException(name + ": no data rows (only the header)");
        }
        double[] xs = Arrays.copyOf(x, n * features);
        if (classification) {
            return new Table(name, featureNames, List.of(targetName), xs, features, Arrays.copyOf(labels, n),
                    maxLabel + 1, null, 0);
        }
        return new Table(name, featureNames, List.of(targetName), xs, features, null, 0, Arrays.copyOf(y, n), 1);
    }

    private static void checkHeader(String name, List<String> header, int line) {
        for (int j = 0; j < header.size(); j++) {
            if (header.get(j).isEmpty()) {
                throw new IllegalArgumentException(name + ":" + line + ": column " + j + " of the header has no name");
            }
            int other = header.indexOf(header.get(j));
            if (other < j) {
                throw new IllegalArgumentException(name + ":" + line + ": column name '" + header.get(j)
                        + "' appears twice (columns " + other + " and " + j + ")");
            }
        }
    }

    /** {@code column 3 ('age')}, or {@code column 3} without a header. */
    private static String column(int j, List<String> header) {
        return "column " + j + (header != null ? " ('" + header.get(j) + "')" : "");
    }

    private static double number(String name, int line, int j, List<String> header, String cell, String hint) {
        if (cell.isEmpty()) {
            throw new IllegalArgumentException(name + ":" + line + ": " + column(j, header) + " is empty" + hint);
        }
        if (decimal(cell)) {
            try {
                double v = Double.parseDouble(cell);
                if (Double.isFinite(v)) {
                    return v;
                }
                throw new IllegalArgumentException(name + ":" + line + ": " + column(j, header) + ": '" + cell
                        + "' is too large for a double");
            } catch (NumberFormatException e) {
                // not a number after all: reported below
            }
        }
        throw new IllegalArgumentException(name + ":" + line + ": " + column(j, header) + ": '" + cell
                + "' is not a number" + hint);
    }

    private static int label(String name, int line, int j, List<String> header, String cell) {
        double v = number(name, line, j, header, cell, " (a class label must be an integer)");
        if (v != Math.rint(v)) {
            throw new IllegalArgumentException(name + ":" + line + ": class label '" + cell + "' in " + column(j, header)
                    + " is not an integer");
        }
        if (v < 0 || v > MAX_LABEL) {
            throw new IllegalArgumentException(name + ":" + line + ": class label '" + cell + "' in " + column(j, header)
                    + " is outside 0.." + MAX_LABEL);
        }
        return (int) v;
    }

    /** Digits with at most a sign, a point and an exponent: what {@link Double#parseDouble} should see. */
    private static boolean decimal(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return false;
            }
        }
        return true;
    }

    private static String decode(String name, byte[] bytes, CsvOptions o) {
        CharsetDecoder dec = o.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8,
                (long) Math.ceil(bytes.length * (double) dec.maxCharsPerByte()) + 16));
        CoderResult r = dec.decode(in, out, true);
        if (!r.isError()) {
            r = dec.flush(out);
        }
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new IllegalArgumentException(name + ":" + line + ": not valid " + o.charset().name() + " (byte 0x"
                    + String.format("%02X", bytes[at] & 0xff) + " at byte " + (at - lineStart + 1)
                    + " of the line); save the file as " + o.charset().name() + " or read it with its encoding");
        }
        out.flip();
        return out.toString();
    }

    /** The offset of the first character of each line (after {@code \n}, {@code \r\n} or a lone {@code \r}). */
    private static int[] lineStarts(String text) {
        int[] starts = new int[64];
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean end = c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
            if (end) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, 2 * n);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    /**
     * The 1-based line on which a record starts. (Commons CSV gives the position where it started
     * reading the record, before the empty lines it skips: those line breaks are passed over.)
     */
    private static int line(CSVRecord r, int[] lineStarts, String text) {
        if (r == null) {
            return lineStarts.length;
        }
        int p = (int) r.getCharacterPosition();
        while (p < text.length() && (text.charAt(p) == '\n' || text.charAt(p) == '\r')) {
            p++;
        }
        int at = Arrays.binarySearch(lineStarts, p);
        return at >= 0 ? at + 1 : -at - 1;
    }
}
