package org.grad4j.expr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TapeTest {
    @Test
    void variableFreeSubexpressionsAreFolded() {
        Tape t = new Tape(Parser.parse("sin(pi/2)*x + 2^3*(1 + e)"));
        // x, 1.0 (folded), MUL, 8*(1+e) (folded), ADD
        assertThat(t.size).isEqualTo(5);
        assertThat(t.op).containsExactly(Op.CONST, Op.VAR, Op.MUL, Op.CONST, Op.ADD);
        assertThat(t.constant[0]).isEqualTo(1.0);
        assertThat(t.constant[3]).isEqualTo(8 * (1 + Math.E));
        assertThat(t.maxStack).isEqualTo(2);
    }

    @Test
    void squaresAreSpecialised() {
        Tape t = new Tape(Parser.parse("x^2 + pow(y, 1 + 1)"));
        assertThat(t.op).containsExactly(Op.VAR, Op.SQUARE, Op.VAR, Op.SQUARE, Op.ADD);
        double[] g = new double[2];
        double f = t.gradient(new double[] {3, -1.5}, g, new double[t.size], new double[t.size]);
        assertThat(f).isEqualTo(11.25);
        assertThat(g).containsExactly(6, -3);
    }

    @Test
    void wholeConstantExpressionIsOneInstruction() {
        Tape t = new Tape(Parser.parse("-(2 + 3)*max(1, 4)"));
        assertThat(t.size).isEqualTo(1);
        assertThat(t.value(new double[0], new double[t.maxStack])).isEqualTo(-20);
    }

    @Test
    void stackDepthIsTheDeepestPendingOperandCount() {
        // a + (b + (c + d)): four operands pending before the first addition.
        Tape t = new Tape(Parser.parse("a + (b + (c + d))"));
        assertThat(t.maxStack).isEqualTo(4);
        assertThat(t.value(new double[] {1, 2, 3, 4}, new double[4])).isEqualTo(10);
    }
}
