package org.grad4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each example prints the book's numbers and writes its picture. */
class ExamplesTest {

    @TempDir
    Path dir;

    private String run(String name, String format) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Examples.named(name).run(new ExampleContext(new PrintStream(bytes, true, StandardCharsets.UTF_8), dir, format));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Expected lines are the book's printed outputs (ch. 4), which these examples reproduce. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "gradient-1d     | numerical_diff(function_1, 5)  = 0.1999999999990898",
        "gradient-1d     | numerical_diff(function_1, 10) = 0.2999999999986347",
        "gradient-2d     | numerical_gradient(function_2, [3. 4.]) = [6. 8.]",
        "gradient-2d     | numerical_gradient(function_2, [0. 2.]) = [0. 4.]",
        "gradient-2d     | numerical_gradient(function_2, [3. 0.]) = [6. 0.]",
        "gradient-method | step_num=100) = [-6.11110793e-10  8.14814391e-10]",
        "learning-rate   | lr = 10.0   -> [-2.58983747e+13 -1.29524862e+12]     diverged (from step 1)",
        "learning-rate   | lr = 1e-10  -> [-2.99999994  3.99999992]",
        "rounding-error  | np.float32(1e-50) = 0.0",
        "rounding-error  | step h=1.0E-50 is lost at x=5.0: x + h == x",
        "gradient-simplenet | p = net.predict(x) = [1.05414809 0.63071653 1.1328074 ]",
        "gradient-simplenet | net.loss(x, t) = 0.928068538748235",
        "gradient-simplenet |   [ 0.21924763  0.14356247 -0.36281009]",
        "gradient-simplenet |   [ 0.32887144  0.2153437  -0.54421514]",
    })
    void printsTheBooksNumbers(String name, String expected) throws Exception {
        String out = run(name, "png");
        assertThat(out).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"gradient-1d, png", "gradient-2d, svg", "gradient-method, png", "learning-rate, png", "rounding-error, svg"})
    void writesItsPicture(String name, String format) throws Exception {
        String out = run(name, format);
        Path file = dir.resolve(name + "." + format);
        assertThat(out).contains("wrote " + file);
        assertThat(Files.size(file)).isGreaterThan(5_000);
    }

    @Test
    void gradientCheckIsBelowTheBooksLevel() throws Exception {
        String out = run("gradient-check", "png");
        for (String line : out.lines().filter(l -> l.matches("(W|b)\\d:.*")).toList()) {
            assertThat(Double.parseDouble(line.substring(3))).as(line).isLessThan(1e-9);
        }
        assertThat(out.lines().filter(l -> l.matches("(W|b)\\d:.*")).count()).isEqualTo(8);
    }

    @Test
    void unknownExamplesAreNamed() {
        assertThatThrownBy(() -> Examples.named("gradient-3d"))
                .hasMessageStartingWith("unknown example 'gradient-3d' (expected gradient-1d, gradient-2d,");
        assertThatThrownBy(() -> new ExampleContext(System.out, dir, "gif"))
                .hasMessage("unsupported picture format 'gif' (use png or svg)");
    }

    @Test
    void numpyFormatMatchesNumpy() {
        // print(np.array(...)) with NumPy 1.24
        assertThat(NumpyFormat.array(new double[] {-6.111107928998789e-10, 8.148143905314271e-10}))
                .isEqualTo("[-6.11110793e-10  8.14814391e-10]");
        assertThat(NumpyFormat.array(new double[] {6.00000000000378, 7.999999999999119})).isEqualTo("[6. 8.]");
        assertThat(NumpyFormat.array(new double[] {1.5, 2.25})).isEqualTo("[1.5  2.25]");
        assertThat(NumpyFormat.array(new double[] {-2.999999939999995, 3.9999999199999934})).isEqualTo("[-2.99999994  3.99999992]");
        assertThat(NumpyFormat.array(new double[] {1.05414809, 0.63071653, 1.1328074})).isEqualTo("[1.05414809 0.63071653 1.1328074 ]");
    }
}
