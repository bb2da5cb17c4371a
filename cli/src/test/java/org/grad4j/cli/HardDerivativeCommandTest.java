package org.grad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The issue's derivatives that were silently wrong: now right within their error, or flagged. */
class HardDerivativeCommandTest {
    private static final double RTOL = 1e-6;

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource(delimiter = ';', value = {
        "x^-3; 1e-3; -3e12",
        "sin(x); 1e6; 0.9367521275331447",   // cos(1e6), Java's Math.cos
        "atan(1000*x); 0.001; 500",
        "1/(x-1); 1.001; -1000000.0000000916", // -1/(1.001 - 1)^2 in double
        "1/x; 1e-150; -1e300",
        "log(x); 1e-8; 1e8",
        "sqrt(x); 1e-10; 50000",
    })
    void richardsonIsRightOnTheIssuesExamples(String expr, String at, double exact) {
        CliRun r = CliRun.of("diff", expr, "--at", at, "--json");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).endsWith("\"reliable\":true}\n");
        double d = Double.parseDouble(r.out().replaceAll(".*\"derivative\":([^,]+),.*\\s*", "$1"));
        double error = Double.parseDouble(r.out().replaceAll(".*\"error\":([^,]+),.*\\s*", "$1"));
        assertThat(Math.abs(d - exact)).as(r.out()).isLessThanOrEqualTo(RTOL * Math.abs(exact));
        assertThat(Math.abs(d - exact)).as(r.out()).isLessThanOrEqualTo(error + 2 * Math.ulp(exact));
    }

    @ParameterizedTest(name = "{0} at {1} --method {2}")
    @CsvSource(delimiter = ';', value = {
        "tan(x); 1.5707963267948966; richardson",
        "1/x^2; 0; richardson",
        "log(x); -1; exact",
        "sqrt(-1)+x; 0; exact",
        "0/0+x; 1; exact",
    })
    void noTrustworthyAnswerIsFlagged(String expr, String at, String method) {
        CliRun r = CliRun.of("diff", expr, "--at", at, "--method", method, "--json");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).endsWith("\"reliable\":false}\n").contains("cannot be trusted");
        CliRun text = CliRun.of("diff", expr, "--at", at, "--method", method);
        assertThat(text.out()).contains("NOT RELIABLE");
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource(delimiter = ';', value = {
        "sin(x0) + x1^2; 1e6,3; true",
        "1/x0 + x1; 0,1; false",
        "abs(x0) + x1; 0,1; false",
    })
    void gradSaysWhetherItIsReliable(String expr, String at, boolean reliable) {
        CliRun r = CliRun.of("grad", expr, "--at", at, "--json");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).endsWith("\"reliable\":" + reliable + "}\n");
    }
}
