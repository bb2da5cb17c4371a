package org.grad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code train --gradient numerical} for a module that is not one of the book's networks. */
class NumericalGradientCommandTest {

    static String table() throws URISyntaxException {
        return Path.of(NumericalGradientCommandTest.class.getResource("eval/eval_classes.csv").toURI()).toString();
    }

    @Test
    void anyModuleTrainsWithTheNumericalGradient() throws Exception {
        CliRun r = CliRun.of("train", "--data", table(), "--target", "label", "--hidden", "4", "--activation", "tanh",
                "--batchnorm", "--gradient", "numerical", "--batch", "10", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("3 iterations", "step     numerical gradient (central differences, h = 1e-4");
        assertThat(r.out()).contains("\"iterations\":3", "\"task\":\"classification\"");
    }

    @Test
    void dropoutIsRefusedInOneLine() throws Exception {
        CliRun r = CliRun.of("train", "--data", table(), "--target", "label", "--hidden", "4", "--dropout", "0.2",
                "--gradient", "numerical");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("grad4j: the numerical gradient needs a deterministic forward: Dropout(0.2) "
                + "draws a new mask at every evaluation");
    }
}
