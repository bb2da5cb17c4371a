package org.grad4j.expr;

/**
 * Splits an expression's text into tokens, one at a time (so that the first error from the left is
 * the one reported).
 *
 * <p>Tokens: numbers ({@code 12}, {@code 1.5}, {@code .5}, {@code 1.}, {@code 1e-3}, {@code 2E+8}),
 * identifiers ({@code [A-Za-z_][A-Za-z0-9_]*}), the operators {@code + - * / ^} and {@code **}
 * (a synonym of {@code ^}), and {@code ( ) , [ ]}. Whitespace separates tokens.
 */
final class Lexer {
    static final int NUMBER = 0;
    static final int IDENT = 1;
    static final int PLUS = 2;
    static final int MINUS = 3;
    static final int STAR = 4;
    static final int SLASH = 5;
    static final int CARET = 6;
    static final int LPAREN = 7;
    static final int RPAREN = 8;
    static final int COMMA = 9;
    static final int LBRACKET = 10;
    static final int RBRACKET = 11;
    static final int END = 12;

    /** One token: its kind, its text, its 1-based column and, for numbers, its value. */
    record Token(int kind, String text, int column, double number) {
        /** The token as shown in messages: {@code 'x'}, or {@code end of input}. */
        String quoted() {
            return kind == END ? "end of input" : "'" + text + "'";
        }

        boolean startsOperand() {
            return kind == NUMBER || kind == IDENT || kind == LPAREN;
        }
    }

    private final String text;
    private int pos;

    Lexer(String text) {
        this.text = text;
    }

    /** Reads the next token; throws {@link ExpressionException} for a bad number or character. */
    Token next() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        int start = pos;
        if (pos >= text.length()) {
            return new Token(END, "", start + 1, 0);
        }
        char c = text.charAt(pos);
        if (isDigit(c) || c == '.') {
            return number();
        }
        if (isIdentStart(c)) {
            while (pos < text.length() && isIdentPart(text.charAt(pos))) {
                pos++;
            }
            return new Token(IDENT, text.substring(start, pos), start + 1, 0);
        }
        pos++;
        switch (c) {
            case '+':
                return new Token(PLUS, "+", start + 1, 0);
            case '-':
                return new Token(MINUS, "-", start + 1, 0);
            case '*':
                if (pos < text.length() && text.charAt(pos) == '*') {
                    pos++;
                    return new Token(CARET, "**", start + 1, 0);
                }
                return new Token(STAR, "*", start + 1, 0);
            case '/':
                return new Token(SLASH, "/", start + 1, 0);
            case '^':
                return new Token(CARET, "^", start + 1, 0);
            case '(':
                return new Token(LPAREN, "(", start + 1, 0);
            case ')':
                return new Token(RPAREN, ")", start + 1, 0);
            case ',':
                return new Token(COMMA, ",", start + 1, 0);
            case '[':
                return new Token(LBRACKET, "[", start + 1, 0);
            case ']':
                return new Token(RBRACKET, "]", start + 1, 0);
            default:
                throw new ExpressionException("unexpected " + quoteChar(c) + " at column " + (start + 1),
                    text, start + 1);
        }
    }

    /** Digits and dots greedily (so that {@code 1.2.3} is one bad number), then an optional exponent. */
    private Token number() {
        int start = pos;
        int dots = 0;
        int digits = 0;
        while (pos < text.length() && (isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            if (text.charAt(pos) == '.') {
                dots++;
            } else {
                digits++;
            }
            pos++;
        }
        String problem = null;
        if (digits == 0) {
            problem = "";
        } else if (dots > 1) {
            problem = " (more than one '.')";
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            int expDigits = 0;
            while (pos < text.length() && isDigit(text.charAt(pos))) {
                pos++;
                expDigits++;
            }
            if (expDigits == 0 && problem == null) {
                problem = " (missing exponent digits)";
            }
        }
        String s = text.substring(start, pos);
        if (problem != null) {
            throw new ExpressionException("bad number '" + s + "' at column " + (start + 1) + problem,
                text, start + 1);
        }
        double v = Double.parseDouble(s);
        if (Double.isInfinite(v)) {
            throw new ExpressionException("bad number '" + s + "' at column " + (start + 1)
                + " (larger than " + Double.MAX_VALUE + ")", text, start + 1);
        }
        return new Token(NUMBER, s, start + 1, v);
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isIdentPart(char c) {
        return isIdentStart(c) || isDigit(c);
    }

    /** A character for a message: printable ones quoted, others as a Unicode escape. */
    static String quoteChar(char c) {
        if (c >= 0x20 && c < 0x7f || Character.isLetterOrDigit(c)) {
            return "'" + c + "'";
        }
        return String.format("'\\u%04x'", (int) c);
    }
}
