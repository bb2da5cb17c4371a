package org.grad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiffGradCommandTest {

    @Test
    void diffBookReproducesTheBooksPrintedDerivatives() {
        // The book (ch. 4.3.2) prints 0.1999999999990898 and 0.2999999999986347.
        CliRun r = CliRun.of("diff", "0.01*x^2 + 0.1*x", "--at", "5", "--method", "book", "--json");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("{\"x\":5.0,\"derivative\":0.1999999999990898,\"error\":")
                .endsWith(",\"method\":\"book\",\"warnings\":[],\"reliable\":true}\n");
        r = CliRun.of("diff", "0.01*x^2 + 0.1*x", "--at", "10", "--method", "book", "--json");
        assertThat(r.out()).contains("\"derivative\":0.2999999999986347");
    }

    @Test
    void diffExactAndRichardsonAgree() {
        CliRun exact = CliRun.of("diff", "exp(x)", "--at", "1", "--method", "exact", "--json");
        assertThat(exact.out()).isEqualTo("{\"x\":1.0,\"derivative\":2.718281828459045,\"error\":0.0,\"method\":\"exact\",\"warnings\":[],\"reliable\":true}\n");
        CliRun rich = CliRun.of("diff", "exp(x)", "--at", "1", "--json");
        assertThat(rich.out()).contains("\"method\":\"richardson\"");
        double d = Double.parseDouble(rich.out().replaceAll(".*\"derivative\":([^,]+),.*\\s*", "$1"));
        assertThat(d).isCloseTo(Math.E, org.assertj.core.data.Offset.offset(1e-11));
    }

    @Test
    void diffWarnsWhenTheStepIsLost() {
        CliRun r = CliRun.of("diff", "x^2", "--at", "1e13", "--method", "book", "--json");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("x + h == x");
    }

    @Test
    void gradBookReproducesTheBooksArithmetic() {
        // The book prints array([6., 8.]); its float64 values (NumPy 1.24, the book's
        // numerical_gradient on x[0]**2 + x[1]**2) are 6.00000000000378 and 7.999999999999119.
        CliRun r = CliRun.of("grad", "x0^2 + x1^2", "--at", "3,4", "--method", "book", "--json");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("{\"x\":[3.0,4.0],\"gradient\":[6.00000000000378,7.999999999999119],\"error\":[")
                .endsWith("],\"method\":\"book\",\"warnings\":[],\"reliable\":true}\n");
    }

    @Test
    void gradExact() {
        // reverse mode computes d(x^2/20)/dx as (2x)(1/20): -14 * 0.05 = -0.7000000000000001
        CliRun r = CliRun.of("grad", "x^2/20 + y^2", "--at", "-7,2", "--method", "exact", "--json");
        assertThat(r.out()).isEqualTo("{\"x\":[-7.0,2.0],\"gradient\":[-0.7000000000000001,4.0],\"error\":[0.0,0.0],\"method\":\"exact\",\"warnings\":[],\"reliable\":true}\n");
    }

    @Test
    void parseErrorsAreOneLineWithACaretAndExitCode2() {
        CliRun r = CliRun.of("grad", "x*^2", "--at", "1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("grad4j: unexpected '^' at column 3\n  x*^2\n    ^\n");
    }

    @Test
    void badPointsAndMethodsAreBadInput() {
        CliRun r = CliRun.of("grad", "x^2 + y", "--at", "1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("grad4j: --at: expected 2 values [x, y], got 1\n");
        r = CliRun.of("diff", "x^2", "--at", "abc");
        assertThat(r.err()).isEqualTo("grad4j: --at: 'abc' is not a number\n");
        r = CliRun.of("diff", "x^2", "--at", "1", "--method", "magic");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("grad4j: unknown method 'magic'");
        r = CliRun.of("diff", "x*y", "--at", "1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("grad4j: diff: 'x*y' has 2 variables [x, y], expected at most 1\n");
        r = CliRun.of("diff", "x^2");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("grad4j: Missing required option: '--at=X'");
    }
}
