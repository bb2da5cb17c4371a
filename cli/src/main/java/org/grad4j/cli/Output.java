package org.grad4j.cli;

import java.util.ArrayList;
import java.util.List;

/** Human-readable output shared by the commands. */
final class Output {
    private Output() {}

    /** {@code (6.0, 8.0)} with shortest round-trip numbers. */
    static String vector(double[] v) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(Numbers.shortest(v[i]));
        }
        return sb.append(')').toString();
    }

    /** {@code (x0, x1) = (3.0, 4.0)}. */
    static String vector(List<String> names, double[] v) {
        return "(" + String.join(", ", names) + ") = " + vector(v);
    }

    /** A number with 9 significant digits, as NumPy prints arrays. */
    static String g9(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return Numbers.shortest(v);
        }
        return String.format("%.8e", v);
    }

    static void warnings(java.io.PrintWriter out, List<String> warnings) {
        for (String w : warnings) {
            out.println("warning: " + w);
        }
    }

    static List<String> append(List<String> list, String item) {
        List<String> out = new ArrayList<>(list);
        out.add(item);
        return out;
    }

    /** Left-aligned columns separated by two spaces, with a header line. */
    static String table(List<String> header, List<List<String>> rows) {
        int[] width = new int[header.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = header.get(c).length();
            for (List<String> r : rows) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header, width);
        for (List<String> r : rows) {
            sb.append('\n');
            line(sb, r, width);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] width) {
        for (int c = 0; c < cells.size(); c++) {
            sb.append(cells.get(c));
            if (c < cells.size() - 1) {
                sb.append(" ".repeat(width[c] - cells.get(c).length() + 2));
            }
        }
    }
}
