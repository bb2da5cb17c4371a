package org.grad4j.expr;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Prints a {@link Program} as canonical text: {@code a + b}, {@code a - b}, {@code a*b}, {@code a/b},
 * {@code a^b}, {@code -a}, {@code f(a)}, {@code pow(a, b)}; numbers in shortest round-trip form
 * ({@code 2}, {@code 0.5}, {@code 1.0e-5}), constants as {@code pi} and {@code e}, variables by their
 * canonical name ({@code x[0]} prints as {@code x0}), and only the parentheses the tree needs, so
 * that parsing the canonical text gives the same tree (and the same text again).
 *
 * <p>Iterative (explicit work stack), so even a 10 000-character chain prints without recursion.
 */
final class CanonicalText {
    private CanonicalText() {
    }

    /** Shortest text that parses back to {@code v} (v is finite and non-negative). */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v).replace('E', 'e');
    }

    static String print(Program p) {
        StringBuilder sb = new StringBuilder();
        Deque<Object> work = new ArrayDeque<>(); // Integer = instruction to print, String = literal
        work.push(p.size - 1);
        while (!work.isEmpty()) {
            Object item = work.pop();
            if (item instanceof String) {
                sb.append((String) item);
                continue;
            }
            int i = (Integer) item;
            int op = p.op[i];
            String function = Op.functionName(op);
            if (op == Op.CONST) {
                sb.append(p.constText[i]);
            } else if (op == Op.VAR) {
                sb.append(p.variables.get(p.operand[i]));
            } else if (function != null) {
                work.push(")");
                if (p.right[i] >= 0) {
                    work.push(p.right[i]);
                    work.push(", ");
                }
                work.push(p.left[i]);
                work.push(function + "(");
            } else if (op == Op.NEG) {
                push(work, p.left[i], Op.precedence(p.op[p.left[i]]) < Op.PREC_POWER);
                work.push("-");
            } else {
                int prec = Op.precedence(op);
                int l = Op.precedence(p.op[p.left[i]]);
                int r = Op.precedence(p.op[p.right[i]]);
                boolean leftParens;
                boolean rightParens;
                if (op == Op.POW) {
                    leftParens = l <= Op.PREC_POWER;  // (a^b)^c, (-a)^b
                    rightParens = r < Op.PREC_UNARY;  // a^-b and a^b^c need none
                } else {
                    leftParens = l < prec;
                    rightParens = r <= prec;          // keeps a - (b - c) and a + (b + c) as trees
                }
                push(work, p.right[i], rightParens);
                work.push(Op.symbol(op));
                push(work, p.left[i], leftParens);
            }
        }
        return sb.toString();
    }

    private static void push(Deque<Object> work, int child, boolean parens) {
        if (parens) {
            work.push(")");
            work.push(child);
            work.push("(");
        } else {
            work.push(child);
        }
    }
}
