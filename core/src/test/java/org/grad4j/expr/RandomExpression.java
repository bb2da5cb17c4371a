package org.grad4j.expr;

import java.util.List;
import java.util.Random;

/**
 * Seeded random expressions for property tests: a tree with its own reference evaluator written
 * directly on {@link Math}, printed as text in a randomly chosen spelling (spaces, redundant
 * parentheses, {@code **} for {@code ^}, {@code x[0]} for {@code x0}, several number formats).
 *
 * <p>Every operation is built on a safe, well-scaled domain for variables in [-1.5, 1.5]: log, sqrt
 * and real powers get a base {@code c + a^2} with c >= 0.5, divisions a denominator {@code c + b^2},
 * asin/acos an argument {@code 0.5*sin(a)}, and subtrees whose magnitude bound exceeds 100 are
 * squashed by tanh. abs, min and max are included; {@link #kinkMargin} tells how close a point is to
 * their kinks so that difference quotients can avoid straddling one.
 */
final class RandomExpression {
    /** Variable names; a point gives a value to each, by this index. */
    static final List<String> NAMES = List.of("x0", "x1", "x2", "x10", "y", "z");
    static final double DOMAIN = 1.5;
    private static final double BOUND = 100;

    private static final String[] SMOOTH1 = {"sin", "cos", "atan", "tanh", "sigmoid"};

    /** A node: kind is "const", "var", "+", "-", "*", "/", "^", "neg" or a function name. */
    static final class Node {
        final String kind;
        final Node a;
        final Node b;
        final double value;  // for const
        final String spelling; // for const: how it is written (null: pick a format when printing)
        final int var;       // for var: index into NAMES
        final double bound;  // upper bound of |value| over the domain

        Node(String kind, Node a, Node b, double value, String spelling, int var, double bound) {
            this.kind = kind;
            this.a = a;
            this.b = b;
            this.value = value;
            this.spelling = spelling;
            this.var = var;
            this.bound = bound;
        }
    }

    private final Random random;

    RandomExpression(Random random) {
        this.random = random;
    }

    static Node constant(double v) {
        return new Node("const", null, null, v, null, -1, Math.abs(v));
    }

    static Node op(String kind, Node a, Node b, double bound) {
        return new Node(kind, a, b, 0, null, -1, bound);
    }

    /** A random tree of at most {@code depth} levels of operations. */
    Node tree(int depth) {
        if (depth == 0 || random.nextDouble() < 0.2) {
            return leaf();
        }
        Node a = tree(depth - 1);
        Node n = compose(a, depth);
        return n.bound > BOUND ? op("tanh", n, null, 1) : n;
    }

    private Node leaf() {
        double u = random.nextDouble();
        if (u < 0.7) {
            return new Node("var", null, null, 0, null, random.nextInt(NAMES.size()), DOMAIN);
        }
        if (u < 0.78) {
            return new Node("const", null, null, Math.PI, "pi", -1, Math.PI);
        }
        if (u < 0.83) {
            return new Node("const", null, null, Math.E, "e", -1, Math.E);
        }
        return constant(0.25 * (1 + random.nextInt(12))); // 0.25 .. 3, exact in binary
    }

    private Node positiveBase(Node a) {
        double c = 0.5 + 0.25 * random.nextInt(7);
        Node sq = op("^", a, constant(2), a.bound * a.bound);
        return op("+", constant(c), sq, c + sq.bound);
    }

    private Node compose(Node a, int depth) {
        int choice = random.nextInt(19);
        switch (choice) {
            case 0:
            case 1: {
                Node b = tree(depth - 1);
                return op(random.nextBoolean() ? "+" : "-", a, b, a.bound + b.bound);
            }
            case 2:
            case 3: {
                Node b = tree(depth - 1);
                return op("*", a, b, a.bound * b.bound);
            }
            case 4: {
                Node den = positiveBase(tree(depth - 1));
                return op("/", a, den, a.bound / 0.5);
            }
            case 5:
                return op("neg", a, null, a.bound);
            case 6: {
                int k = 2 + random.nextInt(2);
                return op("^", a, constant(k), Math.pow(a.bound, k));
            }
            case 7: {
                Node base = positiveBase(squash(a, 3));
                Node exponent = squash(tree(depth - 1), 2);
                String kind = random.nextBoolean() ? "^" : "pow";
                return op(kind, base, exponent, Math.pow(Math.max(2, base.bound), exponent.bound));
            }
            case 8: {
                Node base = positiveBase(squash(a, 3));
                return op("^", base, op("neg", constant(1.5), null, 1.5), Math.pow(0.5, -1.5));
            }
            case 9:
            case 10:
                return op(SMOOTH1[random.nextInt(SMOOTH1.length)], a, null, 1.6);
            case 11: {
                Node s = squash(a, 3);
                return op(random.nextBoolean() ? "exp" : random.nextBoolean() ? "sinh" : "cosh", s, null,
                    Math.exp(s.bound));
            }
            case 12: {
                Node base = positiveBase(squash(a, 10));
                return op("log", base, null, Math.max(Math.abs(Math.log(0.5)), Math.log(base.bound)));
            }
            case 13: {
                Node base = positiveBase(a);
                return op("sqrt", base, null, Math.sqrt(base.bound));
            }
            case 14: {
                Node arg = op("*", constant(0.5), op("sin", a, null, 1), 0.5);
                return op(random.nextBoolean() ? "asin" : "acos", arg, null, Math.PI);
            }
            case 15:
                return op("tan", op("*", constant(0.75), op("sin", a, null, 1), 0.75), null, 1);
            case 16:
                return op("abs", a, null, a.bound);
            case 17:
            case 18: {
                Node b = tree(depth - 1);
                return op(random.nextBoolean() ? "min" : "max", a, b, Math.max(a.bound, b.bound));
            }
            default:
                throw new IllegalStateException();
        }
    }

    /** a itself if |a| <= limit on the domain, else limit*tanh(a). */
    private static Node squash(Node a, double limit) {
        if (a.bound <= limit) {
            return a;
        }
        return op("*", constant(limit), op("tanh", a, null, 1), limit);
    }

    /** Reference value on Math, with the same operation order as the tree. */
    static double eval(Node n, double[] x) {
        switch (n.kind) {
            case "const": return n.value;
            case "var": return x[n.var];
            case "neg": return -eval(n.a, x);
            default:
                break;
        }
        double a = eval(n.a, x);
        double b = n.b == null ? 0 : eval(n.b, x);
        switch (n.kind) {
            case "+": return a + b;
            case "-": return a - b;
            case "*": return a * b;
            case "/": return a / b;
            case "^":
            case "pow": return Math.pow(a, b);
            case "sin": return Math.sin(a);
            case "cos": return Math.cos(a);
            case "tan": return Math.tan(a);
            case "asin": return Math.asin(a);
            case "acos": return Math.acos(a);
            case "atan": return Math.atan(a);
            case "sinh": return Math.sinh(a);
            case "cosh": return Math.cosh(a);
            case "tanh": return Math.tanh(a);
            case "exp": return Math.exp(a);
            case "log": return Math.log(a);
            case "sqrt": return Math.sqrt(a);
            case "abs": return Math.abs(a);
            case "sigmoid": return a >= 0 ? 1 / (1 + Math.exp(-a)) : Math.exp(a) / (1 + Math.exp(a));
            case "min": return Math.min(a, b);
            case "max": return Math.max(a, b);
            default: throw new IllegalStateException(n.kind);
        }
    }

    /** Smallest distance to a kink (|a| under abs, |a - b| under min/max) at x; +inf if none. */
    static double kinkMargin(Node n, double[] x) {
        if (n.a == null) {
            return Double.POSITIVE_INFINITY;
        }
        double m = Math.min(kinkMargin(n.a, x), n.b == null ? Double.POSITIVE_INFINITY : kinkMargin(n.b, x));
        switch (n.kind) {
            case "abs": return Math.min(m, Math.abs(eval(n.a, x)));
            case "min":
            case "max": return Math.min(m, Math.abs(eval(n.a, x) - eval(n.b, x)));
            default: return m;
        }
    }

    private static int precedence(Node n) {
        switch (n.kind) {
            case "+":
            case "-": return 1;
            case "*":
            case "/": return 2;
            case "neg": return 3;
            case "^": return 4;
            default: return 5;
        }
    }

    /** The tree as text, in a random spelling that must parse back to the same tree. */
    String text(Node n) {
        String s = print(n);
        return random.nextInt(10) == 0 ? "(" + s + ")" : s;
    }

    private String print(Node n) {
        switch (n.kind) {
            case "const":
                return number(n);
            case "var": {
                String name = NAMES.get(n.var);
                return name.startsWith("x") && random.nextBoolean() ? "x[" + name.substring(1) + "]" : name;
            }
            case "neg":
                return "-" + (precedence(n.a) < 3 ? "(" + print(n.a) + ")" : maybeParens(n.a));
            case "+":
            case "-":
            case "*":
            case "/": {
                int p = precedence(n);
                String l = precedence(n.a) < p ? "(" + print(n.a) + ")" : maybeParens(n.a);
                String r = precedence(n.b) <= p ? "(" + print(n.b) + ")" : maybeParens(n.b);
                return l + space() + n.kind + space() + r;
            }
            case "^": {
                String l = precedence(n.a) <= 4 ? "(" + print(n.a) + ")" : maybeParens(n.a);
                String r = precedence(n.b) < 3 ? "(" + print(n.b) + ")" : maybeParens(n.b);
                return l + space() + (random.nextInt(4) == 0 ? "**" : "^") + space() + r;
            }
            default: {
                String args = print(n.a) + (n.b == null ? "" : "," + space() + print(n.b));
                return n.kind + "(" + space() + args + space() + ")";
            }
        }
    }

    private String maybeParens(Node n) {
        return random.nextInt(8) == 0 ? "(" + print(n) + ")" : print(n);
    }

    private String space() {
        return random.nextInt(3) == 0 ? " " : "";
    }

    private String number(Node n) {
        if (n.spelling != null) {
            return n.spelling;
        }
        double v = n.value;
        switch (random.nextInt(4)) {
            case 0: return Double.toString(v);                    // 0.75, 2.0
            case 1: return Double.toString(v * 10) + "e-1";       // 7.5e-1
            case 2: return Double.toString(v / 10).replace("0.", ".") + "E1"; // .075E1
            default: return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
    }
}
