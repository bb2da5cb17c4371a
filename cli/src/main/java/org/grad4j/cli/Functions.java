package org.grad4j.cli;

import org.grad4j.expr.Expression;

/** Parsing of the functions users type on the command line. */
final class Functions {
    private Functions() {}

    /** Parses EXPR; a syntax error reaches the user as one line with a caret under the column. */
    static Expression parse(String text) {
        return Expression.parse(text);
    }

    /** Parses EXPR and checks it has exactly {@code n} variables (or fewer, when {@code atMost}). */
    static Expression parse(String text, int n, boolean atMost, String command) {
        Expression e = parse(text);
        if (e.arity() > n || (!atMost && e.arity() != n)) {
            throw new BadInputException(command + ": '" + text + "' has " + e.arity() + " variable"
                    + (e.arity() == 1 ? "" : "s") + " " + e.variables() + ", expected " + (atMost ? "at most " : "") + n);
        }
        return e;
    }

    /** Checks a point has one value per variable, in the order of {@link Expression#variables()}. */
    static double[] point(String option, String text, Expression e) {
        double[] x = Numbers.parseFiniteList(option, text);
        if (x.length != e.arity()) {
            throw new BadInputException(option + ": expected " + e.arity() + " value" + (e.arity() == 1 ? "" : "s")
                    + " " + e.variables() + ", got " + x.length);
        }
        return x;
    }
}
