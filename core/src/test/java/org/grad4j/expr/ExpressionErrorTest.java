package org.grad4j.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExpressionErrorTest {
    private static final String KNOWN = "abs, acos, asin, atan, cos, cosh, exp, log, max, min, pow, "
        + "sigmoid, sin, sinh, sqrt, tan, tanh";

    static Stream<Arguments> badInputs() {
        return Stream.of(
            // text, exact message, column
            Arguments.of("x*^2", "unexpected '^' at column 3", 3),
            Arguments.of("x * ^2", "unexpected '^' at column 5", 5),
            Arguments.of("x +", "unexpected end of input at column 4", 4),
            Arguments.of("2^", "unexpected end of input at column 3", 3),
            Arguments.of("-", "unexpected end of input at column 2", 2),
            Arguments.of("()", "unexpected ')' at column 2", 2),
            Arguments.of("(x + 1", "missing ')' at column 7 for '(' opened at column 1", 7),
            Arguments.of("2*((x + 1)", "missing ')' at column 11 for '(' opened at column 3", 11),
            Arguments.of("sin(x", "missing ')' at column 6 for '(' opened at column 4", 6),
            Arguments.of("(x + 1))", "unmatched ')' at column 8", 8),
            Arguments.of("x)", "unmatched ')' at column 2", 2),
            Arguments.of("(x 2)", "unexpected '2' at column 4 (missing operator?)", 4),
            Arguments.of("(x,2)", "unexpected ',' at column 3 (expected ')' for '(' opened at column 1)", 3),
            Arguments.of("2x", "unexpected 'x' at column 2 (missing operator?)", 2),
            Arguments.of("x y", "unexpected 'y' at column 3 (missing operator?)", 3),
            Arguments.of("x (y)", "unknown function 'x' at column 1 (known: " + KNOWN + ")", 1),
            Arguments.of("(x) (y)", "unexpected '(' at column 5 (missing operator?)", 5),
            Arguments.of("x, y", "unexpected ',' at column 2", 2),
            Arguments.of("x ]", "unexpected ']' at column 3", 3),
            Arguments.of("sinn(x)", "unknown function 'sinn' at column 1 (known: " + KNOWN + ")", 1),
            Arguments.of("2*SIN(x)", "unknown function 'SIN' at column 3 (known: " + KNOWN + ")", 3),
            Arguments.of("x(2)", "unknown function 'x' at column 1 (known: " + KNOWN + ")", 1),
            Arguments.of("pi(2)", "constant 'pi' cannot be called at column 1", 1),
            Arguments.of("sin", "expected '(' after 'sin' at column 4, got end of input", 4),
            Arguments.of("sin x", "expected '(' after 'sin' at column 5, got 'x'", 5),
            Arguments.of("1 + exp * 2", "expected '(' after 'exp' at column 9, got '*'", 9),
            Arguments.of("pow(x)", "pow takes 2 arguments, got 1 at column 1", 1),
            Arguments.of("1 + max(1, 2, 3)", "max takes 2 arguments, got 3 at column 5", 5),
            Arguments.of("sin(x, y)", "sin takes 1 argument, got 2 at column 1", 1),
            Arguments.of("sin()", "sin takes 1 argument, got 0 at column 1", 1),
            Arguments.of("pow(x,)", "unexpected ')' at column 7", 7),
            Arguments.of("pow(,x)", "unexpected ',' at column 5", 5),
            Arguments.of("x[a]", "expected an integer index in x[...] at column 3, got 'a'", 3),
            Arguments.of("x[1.5]", "expected an integer index in x[...] at column 3, got '1.5'", 3),
            Arguments.of("x[1e2]", "expected an integer index in x[...] at column 3, got '1e2'", 3),
            Arguments.of("x[]", "expected an integer index in x[...] at column 3, got ']'", 3),
            Arguments.of("x[-1]", "expected an integer index in x[...] at column 3, got '-'", 3),
            Arguments.of("x[01]", "bad index '01' at column 3 (leading zero)", 3),
            Arguments.of("x[1", "missing ']' at column 4 for '[' opened at column 2", 4),
            Arguments.of("x[1)", "unexpected ')' at column 4 (expected ']' for '[' opened at column 2)", 4),
            Arguments.of("y[0]", "unexpected '[' at column 2 (only x can be indexed, as x[0])", 2),
            Arguments.of("x01 + 1", "bad variable name 'x01' at column 1 (leading zero; write x1)", 1),
            Arguments.of("x00", "bad variable name 'x00' at column 1 (leading zero; write x0)", 1),
            Arguments.of("", "empty expression at column 1", 1),
            Arguments.of("   \t ", "empty expression at column 1", 1),
            Arguments.of("1e", "bad number '1e' at column 1 (missing exponent digits)", 1),
            Arguments.of("2*1e+", "bad number '1e+' at column 3 (missing exponent digits)", 3),
            Arguments.of("1.2.3", "bad number '1.2.3' at column 1 (more than one '.')", 1),
            Arguments.of("x + .", "bad number '.' at column 5", 5),
            Arguments.of("1e999", "bad number '1e999' at column 1 (larger than 1.7976931348623157E308)", 1),
            Arguments.of("x # 2", "unexpected '#' at column 3", 3),
            Arguments.of("x = 2", "unexpected '=' at column 3", 3),
            Arguments.of("x;", "unexpected ';' at column 2", 2),
            Arguments.of("2 ^^ 3", "unexpected '^' at column 4", 4),
            Arguments.of("2 *** 3", "unexpected '*' at column 5", 5),
            Arguments.of("x \u00e9", "unexpected '\u00e9' at column 3", 3),
            Arguments.of("x\u00a0+ 1", "unexpected '\\u00a0' at column 2", 2), // no-break space
            Arguments.of("x + \u0007", "unexpected '\\u0007' at column 5", 5));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("badInputs")
    void messageNamesTheColumn(String text, String message, int column) {
        ExpressionException e = catchThrowableOfType(() -> Expression.parse(text), ExpressionException.class);
        assertThat(e).as("no exception for %s", text).isNotNull();
        assertThat(e.getMessage()).isEqualTo(message).doesNotContain("\n");
        assertThat(e.column()).isEqualTo(column);
        assertThat(e.text()).isEqualTo(text);
        assertThat(e).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void displayPutsACaretUnderTheColumn() {
        ExpressionException e = catchThrowableOfType(() -> Expression.parse("x*^2"), ExpressionException.class);
        assertThat(e.display()).isEqualTo("unexpected '^' at column 3\n  x*^2\n    ^");
        ExpressionException end = catchThrowableOfType(() -> Expression.parse("(x\t+"), ExpressionException.class);
        assertThat(end.display()).isEqualTo("unexpected end of input at column 5\n  (x +\n      ^");
    }

    @Test
    void tooLong() {
        String text = "x" + "+x".repeat(5000); // 10 001 characters
        ExpressionException e = catchThrowableOfType(() -> Expression.parse(text), ExpressionException.class);
        assertThat(e.getMessage()).isEqualTo("expression too long: 10001 characters (limit 10000) at column 10001");
        assertThat(e.column()).isEqualTo(10001);
        assertThat(Expression.parse(text.substring(0, 9999)).value(1)).isEqualTo(5000);
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        // The length limit catches 100 000 parentheses first; 9 000 fit within it.
        assertThat(catchThrowableOfType(() -> Expression.parse("(".repeat(100_000)), ExpressionException.class)
            .getMessage()).startsWith("expression too long");
        ExpressionException e = catchThrowableOfType(() -> Expression.parse("(".repeat(9_000) + "x"),
            ExpressionException.class);
        assertThat(e.getMessage()).isEqualTo("nesting deeper than 256 levels at column 257");
        assertThat(e.column()).isEqualTo(257);
        assertThat(catchThrowableOfType(() -> Expression.parse("-".repeat(300) + "x"), ExpressionException.class)
            .getMessage()).isEqualTo("nesting deeper than 256 levels at column 257");
        assertThat(catchThrowableOfType(() -> Expression.parse("x" + "^x".repeat(256)), ExpressionException.class)
            .getMessage()).isEqualTo("nesting deeper than 256 levels at column 513");
        assertThat(catchThrowableOfType(() -> Expression.parse("sin(".repeat(300) + "x"), ExpressionException.class)
            .getMessage()).isEqualTo("nesting deeper than 256 levels at column 1025");
    }

    @Test
    void deepNestingOnASmallStack() throws Exception {
        // 256 levels must parse even on a thread with a small stack (512 KiB, half the default -Xss).
        Throwable[] failure = new Throwable[1];
        double[] value = new double[1];
        Thread t = new Thread(null, () -> {
            try {
                int depth = Expression.MAX_DEPTH - 1;
                value[0] = Expression.parse("(".repeat(depth) + "x" + ")".repeat(depth)).value(3);
                Expression.parse("(".repeat(9_000));
            } catch (ExpressionException ex) {
                failure[0] = ex;
            } catch (StackOverflowError ex) {
                failure[0] = ex;
            }
        }, "small-stack", 512 * 1024);
        t.start();
        t.join();
        assertThat(value[0]).as("failure: %s", failure[0] == null ? null : java.util.Arrays.toString(java.util.Arrays.copyOf(failure[0].getStackTrace(), 12))).isEqualTo(3);
        assertThat(failure[0]).isInstanceOf(ExpressionException.class)
            .hasMessage("nesting deeper than 256 levels at column 257");
    }

    @Test
    void tinyStackGivesAnExpressionExceptionNotAStackOverflow() throws Exception {
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                Expression.parse("sin(".repeat(250) + "x" + ")".repeat(250));
            } catch (Throwable ex) {
                failure[0] = ex;
            }
        }, "tiny-stack", 16 * 1024);
        t.start();
        t.join();
        assertThat(failure[0]).isInstanceOf(ExpressionException.class)
            .hasMessageStartingWith("expression nested too deeply for this thread's stack at column ");
    }

    @Test
    void nullTextIsRejected() {
        assertThat(catchThrowableOfType(() -> Expression.parse(null), NullPointerException.class))
            .hasMessage("text");
    }
}
