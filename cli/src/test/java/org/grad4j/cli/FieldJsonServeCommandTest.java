package org.grad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldJsonServeCommandTest {

    @Test
    void fieldJsonGivesTheGridTheValuesAndTheExactGradient() {
        CliRun r = CliRun.of("field", "x0^2 + 3*x1", "--range", "-1,1,0,1", "--grid", "1", "--json");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("{\"variables\":[\"x0\",\"x1\"],\"range\":[-1.0,1.0,0.0,1.0],\"grid\":1.0,"
                + "\"x\":[-1.0,0.0,1.0],\"y\":[0.0,1.0],\"f\":[[1.0,0.0,1.0],[4.0,3.0,4.0]],"
                + "\"gradient_x\":[[-2.0,0.0,2.0],[-2.0,0.0,2.0]],\"gradient_y\":[[3.0,3.0,3.0],[3.0,3.0,3.0]],\"warnings\":[]}\n");
    }

    @Test
    void fieldNeedsAPictureOrJson() {
        CliRun r = CliRun.of("field", "x0^2 + x1^2");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("grad4j: field: give --plot FILE or --json\n");
    }

    @Test
    void serveRefusesAPortOutOfRange() {
        CliRun r = CliRun.of("serve", "--port", "70000");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("grad4j: --port: expected 0..65535, got 70000\n");
    }
}
