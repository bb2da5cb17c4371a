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
        super(message);
        this.text = text;
        this.column = column;
    }

    /** 1-based column of the error ({@code text().length() + 1} when the input ended too early). */
    public int column() {
        return column;
    }

    /** The input that failed to parse. */
    public String text() {
        return text;
    }

    /**
     * The message, then the text indented by two spaces, then a caret under the column. Tabs and
     * line breaks of the text are shown as spaces so that the caret stays aligned.
     */
    public String display() {
        StringBuilder sb = new StringBuilder(getMessage()).append("\n  ");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(Character.isWhitespace(c) || Character.isISOControl(c) ? ' ' : c);
        }
        sb.append("\n  ");
        sb.append(" ".repeat(Math.max(0, column - 1)));
        return sb.append('^').toString();
    }
}
