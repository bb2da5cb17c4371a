package org.grad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NumbersTest {

    /** Expected strings are Python 3.11's repr() of the same doubles. */
    @ParameterizedTest
    @CsvSource({
        "0.1999999999990898, 0.1999999999990898",
        "0.2999999999986347, 0.2999999999986347",
        "6.0, 6.0",
        "-6.11110793e-10, -6.11110793e-10",
        "-2.58983747e+13, -25898374700000.0",
        "1e-10, 1e-10",
        "1e16, 1e+16",
        "123456789012345678, 1.2345678901234568e+17",
        "0.0001, 0.0001",
        "0.00001, 1e-05",
        "0.1, 0.1",
        "100, 100.0",
        "-0.0, -0.0",
        "2e-3, 0.002",
        "5e-324, 5e-324",
        "1.7976931348623157e308, 1.7976931348623157e+308",
    })
    void shortestMatchesPythonRepr(double value, String expected) {
        assertThat(Numbers.shortest(value)).isEqualTo(expected);
    }

    @Test
    void shortestRoundTripsOnRandomDoubles() {
        Random rng = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            double d = Double.longBitsToDouble(rng.nextLong());
            if (!Double.isFinite(d)) {
                continue;
            }
            String s = Numbers.shortest(d);
            assertThat(Double.parseDouble(s)).as(s).isEqualTo(d);
            assertThat(s.replaceAll("[-.]|e.*", "").replaceFirst("^0+", "").length())
                    .as("digits of %s", s).isLessThanOrEqualTo(17);
        }
    }

    @Test
    void badNumbersNameTheOption() {
        assertThatThrownBy(() -> Numbers.parseList("--from", "-3,4a"))
                .hasMessage("--from: '4a' is not a number");
        assertThatThrownBy(() -> Numbers.parseList("--from", ""))
                .hasMessage("--from: expected numbers separated by commas, got ''");
        assertThatThrownBy(() -> Numbers.parseFinite("--lr", "nan"))
                .hasMessage("--lr: 'nan' is not a finite number");
        assertThat(Numbers.parseList("--at", " -3, 4e0 ")).containsExactly(-3, 4);
    }

    @Test
    void jsonWritesNumbersShortestAndNonFiniteAsNull() {
        String s = Json.object().put("x", 0.1).put("v", new double[] {1e-10, Double.NaN})
                .put("w", java.util.List.of("a\"b")).toString();
        assertThat(s).isEqualTo("{\"x\":0.1,\"v\":[1e-10,null],\"w\":[\"a\\\"b\"]}");
    }
}
