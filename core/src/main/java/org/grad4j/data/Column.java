package org.grad4j.data;

import java.util.List;

/**
 * Which column of a CSV file is meant: by its header name, or by its 0-based index (negative
 * counts from the end, as in Python: {@code -1} is the last column).
 *
 * @param name the header name, or null when chosen by index only
 * @param index the index, or {@link #NO_INDEX} when chosen by name only
 */
public record Column(String name, int index) {

    /** The {@code index} of a column chosen by name only. */
    public static final int NO_INDEX = Integer.MIN_VALUE;

    /** The column with this header name. */
    public static Column named(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("Invalid column name: '" + name + "'");
        }
        return new Column(name, NO_INDEX);
    }

    /** The column at this 0-based index ({@code -1}: the last). */
    public static Column at(int index) {
        if (index == NO_INDEX) {
            throw new IllegalArgumentException("Invalid column index: " + index);
        }
        return new Column(null, index);
    }

    /**
     * The command line's {@code NAME|INDEX}: an integer is an index, anything else a name. (A header
     * name that is itself an integer is still found: {@link #resolve} looks it up by name first.)
     */
    public static Column parse(String s) {
        if (s.matches("[+-]?\\d{1,9}")) {
            return new Column(s, Integer.parseInt(s));
        }
        return named(s);
    }

    /**
     * The index of this column among {@code width} columns named {@code header} (null when the
     * file has none).
     *
     * @param file used in error messages
     * @throws IllegalArgumentException {@code data.csv: no column 'price'; the columns are a, b, c},
     *     or an index outside the columns
     */
    public int resolve(String file, List<String> header, int width) {
        if (name != null && header != null) {
            int at = header.indexOf(name);
            if (at >= 0) {
                return at;
            }
        }
        if (index == NO_INDEX) {
            if (header == null) {
                throw new IllegalArgumentException(file + ": column '" + name
                        + "' is a name, but the file has no header; give its index 0.." + (width - 1));
            }
            throw new IllegalArgumentException(file + ": no column '" + name + "'; the columns are "
                    + String.join(", ", header));
        }
        int i = index < 0 ? width + index : index;
        if (i < 0 || i >= width) {
            throw new IllegalArgumentException(file + ": column index " + index + " is outside 0.." + (width - 1)
                    + " (" + width + " columns" + (header == null ? "" : ": " + String.join(", ", header)) + ")");
        }
        return i;
    }

    @Override
    public String toString() {
        return name != null ? name : Integer.toString(index);
    }
}
