package org.grad4j.expr;

/**
 * A syntax error in an expression's text, located by a 1-based column.
 *
 * <p>{@link #getMessage()} is one line that ends with the column, e.g.
 * {@code unexpected '^' at column 3}; {@link #display()} adds the text and a caret under the column:
 * <pre>{@code
 * unexpected '^' at column 3
 *   x*^2
 *     ^
 * }</pre>
 */
public final class ExpressionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String text;
    private final int column;

    /**
     * @param message one-line message, already naming the column
     * @param text    the whole input
     * @param column  1-based column of the offending character ({@code text.length() + 1} for the end)
     */
    public ExpressionException(String message, String text, int column) {
        super(shorten(message));
        this.text = text;
        this.column = column;
    }

    /** A message quoting a very long token keeps its start and its end (where the column is named). */
    private static String shorten(String message) {
        if (message == null || message.length() <= 3 * SHOWN) {
            return message;
        }
        return message.substring(0, 2 * SHOWN) + "..." + message.substring(message.length() - SHOWN / 2);
    }

    /** 1-based column of the error ({@code text().length() + 1} when the input ended too early). */
    public int column() {
        return column;
    }

    /** The input that failed to parse. */
    public String text() {
        return text;
    }

    /** Most characters of the text shown by {@link #display()}; longer texts are cut around the column. */
    public static final int SHOWN = 72;

    /**
     * The message, then the text indented by two spaces, then a caret under the column. Tabs and
     * line breaks of the text are shown as spaces so that the caret stays aligned. A text longer
     * than {@link #SHOWN} characters is shown as the {@code SHOWN} characters around the column,
     * with {@code ...} where it was cut.
     */
    public String display() {
        int from = 0;
        int to = text.length();
        if (to > SHOWN) {
            int at = Math.min(Math.max(column - 1, 0), text.length());
            from = Math.max(0, Math.min(at - SHOWN / 2, text.length() - SHOWN));
            to = Math.min(text.length(), from + SHOWN);
        }
        String before = from > 0 ? "..." : "";
        StringBuilder sb = new StringBuilder(getMessage()).append("\n  ").append(before);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            sb.append(Character.isWhitespace(c) || Character.isISOControl(c) ? ' ' : c);
        }
        if (to < text.length()) {
            sb.append("...");
        }
        sb.append("\n  ");
        sb.append(" ".repeat(Math.max(0, before.length() + column - 1 - from)));
        return sb.append('^').toString();
    }
}
