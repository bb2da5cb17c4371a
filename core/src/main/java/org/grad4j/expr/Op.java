package org.grad4j.expr;

import java.util.Map;
import java.util.TreeMap;

/**
 * Instruction codes of the expression tape, with their arity, printed name and precedence.
 *
 * <p>Plain {@code int} constants rather than an enum so that the evaluation loops switch on a
 * primitive without an ordinal lookup.
 */
final class Op {
    private Op() {
    }

    // Leaves.
    static final int CONST = 0;
    static final int VAR = 1;
    // Operators.
    static final int ADD = 2;
    static final int SUB = 3;
    static final int MUL = 4;
    static final int DIV = 5;
    static final int POW = 6;
    static final int NEG = 7;
    // One-argument functions.
    static final int SIN = 8;
    static final int COS = 9;
    static final int TAN = 10;
    static final int ASIN = 11;
    static final int ACOS = 12;
    static final int ATAN = 13;
    static final int SINH = 14;
    static final int COSH = 15;
    static final int TANH = 16;
    static final int EXP = 17;
    static final int LOG = 18;
    static final int SQRT = 19;
    static final int ABS = 20;
    static final int SIGMOID = 21;
    // Two-argument functions.
    static final int MIN = 22;
    static final int MAX = 23;
    /** {@code pow(a, b)}: the same instruction as {@code a ^ b} but printed as a call. */
    static final int POW_CALL = 24;

    /** {@code a^2} with a constant exponent 2: compiled from POW by {@link Tape}, never parsed. */
    static final int SQUARE = 25;

    static final int COUNT = 26;

    /** Printed names of the functions, indexed by opcode (null for operators and leaves). */
    private static final String[] FUNCTION_NAME = new String[COUNT];
    /** Function name -> opcode, sorted by name (used for the "known:" list in error messages). */
    static final Map<String, Integer> FUNCTIONS = new TreeMap<>();

    static {
        String[] names = {"sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh",
            "exp", "log", "sqrt", "abs", "sigmoid", "min", "max", "pow"};
        int[] codes = {SIN, COS, TAN, ASIN, ACOS, ATAN, SINH, COSH, TANH, EXP, LOG, SQRT, ABS,
            SIGMOID, MIN, MAX, POW_CALL};
        for (int i = 0; i < names.length; i++) {
            FUNCTION_NAME[codes[i]] = names[i];
            FUNCTIONS.put(names[i], codes[i]);
        }
    }

    /** Number of operands the instruction pops. */
    static int arity(int op) {
        if (op == CONST || op == VAR) {
            return 0;
        }
        if (op == NEG || op == SQUARE || (op >= SIN && op <= SIGMOID)) {
            return 1;
        }
        return 2;
    }

    /** Function name for a function opcode, null otherwise. */
    static String functionName(int op) {
        return FUNCTION_NAME[op];
    }

    /** Comma-separated sorted list of function names, for error messages. */
    static String knownFunctions() {
        return String.join(", ", FUNCTIONS.keySet());
    }

    // Precedence levels used by the canonical printer (higher binds tighter).
    static final int PREC_SUM = 1;
    static final int PREC_PRODUCT = 2;
    static final int PREC_UNARY = 3;
    static final int PREC_POWER = 4;
    static final int PREC_ATOM = 5;

    static int precedence(int op) {
        switch (op) {
            case ADD:
            case SUB:
                return PREC_SUM;
            case MUL:
            case DIV:
                return PREC_PRODUCT;
            case NEG:
                return PREC_UNARY;
            case POW:
                return PREC_POWER;
            default:
                return PREC_ATOM;
        }
    }

    /** Infix symbol of a binary operator. */
    static String symbol(int op) {
        switch (op) {
            case ADD:
                return " + ";
            case SUB:
                return " - ";
            case MUL:
                return "*";
            case DIV:
                return "/";
            case POW:
                return "^";
            default:
                throw new IllegalStateException("not an infix operator: " + op);
        }
    }
}
