package org.grad4j.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.grad4j.io.Json;
import org.junit.jupiter.api.Test;

class CliArgumentsTest {
    private static final Limits LIMITS = Limits.defaults();

    @SuppressWarnings("unchecked")
    private static List<String> args(String command, String json) {
        return CliArguments.of(command, (Map<String, Object>) Json.parse(json), LIMITS);
    }

    @Test
    void keysBecomeLongOptionsAndExprThePositionalAfterTheEndOfOptions() {
        assertThat(args("compare", "{\"expr\": \"-x^2/20 + y^2\", \"from\": [-7, 2], \"steps\": 30, "
                + "\"optimizers\": \"sgd:0.95,adam:0.3\", \"lr\": 1e-10}"))
                .containsExactly("--from=-7,2", "--steps=30", "--optimizers=sgd:0.95,adam:0.3", "--lr=1.0E-10", "--json",
                        "--", "-x^2/20 + y^2");
    }

    @Test
    void stringsPassUnchangedAndBooleansAreFlags() {
        assertThat(args("descend", "{\"from\": \"-7,2\", \"stop-on-divergence\": true, \"nesterov\": false, \"tol\": null}"))
                .containsExactly("--from=-7,2", "--stop-on-divergence", "--json");
    }

    @Test
    void optionsThatTouchFilesAreRefused() {
        for (String key : List.of("plot", "save", "report", "init", "checkpoint", "json")) {
            assertThatThrownBy(() -> args("compare", "{\"" + key + "\": \"/tmp/x.png\"}"))
                    .isInstanceOf(ApiException.class).hasMessage(key + ": not available through the web API");
        }
        assertThatThrownBy(() -> args("compare", "{\"--from\": 1}")).hasMessageStartingWith("unknown option '--from'");
        assertThatThrownBy(() -> args("compare", "{\"from\": {\"a\": 1}}"))
                .hasMessage("from: expected a number, a string, a boolean or an array, got {\"a\":1.0}");
    }

    @Test
    void limitsNameTheValueAskedAndTheLimit() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("expr", "x".repeat(LIMITS.exprLength() + 1));
        assertThatThrownBy(() -> CliArguments.of("diff", body, LIMITS))
                .hasMessage("expr: " + (LIMITS.exprLength() + 1) + " characters, the limit is " + LIMITS.exprLength());
        body.put("expr", "(".repeat(40) + "x" + ")".repeat(40));
        assertThatThrownBy(() -> CliArguments.of("diff", body, LIMITS))
                .hasMessage("expr: parentheses nested 40 deep, the limit is " + LIMITS.exprNesting());
        assertThatThrownBy(() -> args("descend", "{\"steps\": 1e6}")).hasMessage("steps: 1000000 asked, the limit is 10000");
        assertThatThrownBy(() -> args("descend", "{\"steps\": \"20000\"}")).hasMessage("steps: 20000 asked, the limit is 10000");
        assertThatThrownBy(() -> args("field", "{\"range\": [-100, 100], \"grid\": 0.1}"))
                .hasMessage("grid: 4004001 points asked, the limit is 40000");
        assertThatThrownBy(() -> args("compare", "{\"optimizers\": \"sgd:1,sgd:1,sgd:1,sgd:1,sgd:1,sgd:1,sgd:1,sgd:1,sgd:1\"}"))
                .hasMessage("optimizers: 9 runs asked, the limit is 8");
    }
}
