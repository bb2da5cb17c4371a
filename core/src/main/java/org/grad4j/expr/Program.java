package org.grad4j.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed expression as written: a postfix instruction list, before constant folding.
 *
 * <p>Instruction {@code i} has opcode {@code op[i]}; for {@link Op#VAR} {@code operand[i]} is the
 * variable index, for {@link Op#CONST} {@code constant[i]} is the value and {@code constText[i]}
 * how it is printed. {@code left[i]} and {@code right[i]} are the instructions producing the
 * operands (-1 if none); the last instruction is the result. Built by {@link Parser}, printed by
 * {@link CanonicalText}, compiled by {@link Tape}.
 */
final class Program {
    int size;
    int[] op = new int[16];
    int[] operand = new int[16];
    double[] constant = new double[16];
    String[] constText = new String[16];
    int[] left;
    int[] right;
    /** Variable names in index order (after {@link #finish()}). */
    List<String> variables;

    private final Map<String, Integer> nameIds = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    void emitConst(double value, String text) {
        int i = emit(Op.CONST);
        constant[i] = value;
        constText[i] = text;
    }

    /** Emits a variable by name; its final index is assigned by {@link #finish()}. */
    void emitVar(String name) {
        Integer id = nameIds.get(name);
        if (id == null) {
            id = names.size();
            nameIds.put(name, id);
            names.add(name);
        }
        int i = emit(Op.VAR);
        operand[i] = id;
    }

    int emit(int code) {
        if (size == op.length) {
            int n = 2 * size;
            op = Arrays.copyOf(op, n);
            operand = Arrays.copyOf(operand, n);
            constant = Arrays.copyOf(constant, n);
            constText = Arrays.copyOf(constText, n);
        }
        op[size] = code;
        return size++;
    }

    /** Orders the variables (see {@link #compareNames}) and links each instruction to its operands. */
    void finish() {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(Program::compareNames);
        int[] remap = new int[names.size()];
        for (int k = 0; k < sorted.size(); k++) {
            remap[nameIds.get(sorted.get(k))] = k;
        }
        variables = List.copyOf(sorted);
        left = new int[size];
        right = new int[size];
        int[] stack = new int[size];
        int sp = 0;
        for (int i = 0; i < size; i++) {
            if (op[i] == Op.VAR) {
                operand[i] = remap[operand[i]];
            }
            left[i] = -1;
            right[i] = -1;
            int arity = Op.arity(op[i]);
            if (arity == 2) {
                right[i] = stack[--sp];
                left[i] = stack[--sp];
            } else if (arity == 1) {
                left[i] = stack[--sp];
            }
            stack[sp++] = i;
        }
        if (sp != 1) {
            throw new IllegalStateException("malformed program: " + sp + " values left on the stack");
        }
    }

    /** Whether a name is an indexed variable: {@code x} then digits, without leading zeros. */
    static boolean isIndexed(String name) {
        if (name.length() < 2 || name.charAt(0) != 'x') {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!Lexer.isDigit(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Variable order: indexed names {@code x0, x1, ..., x10, ...} first, by their index as a number
     * (any number of digits); then the other names in {@link String#compareTo} order (alphabetical,
     * upper case before lower case).
     */
    static int compareNames(String a, String b) {
        boolean ia = isIndexed(a);
        boolean ib = isIndexed(b);
        if (ia != ib) {
            return ia ? -1 : 1;
        }
        if (ia && a.length() != b.length()) {
            return Integer.compare(a.length(), b.length()); // no leading zeros: longer is larger
        }
        return a.compareTo(b);
    }
}
