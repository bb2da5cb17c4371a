package org.grad4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void parsesEveryKindOfValue() {
        Object v = Json.parse(" {\"a\": [1, -2.5e3, 0.125], \"b\": {\"c\": \"x\\\"y\\u00e9\\n\"}, \"t\": true, \"f\": false, \"n\": null} ");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", List.of(1.0, -2500.0, 0.125));
        expected.put("b", Map.of("c", "x\"y\u00e9\n"));
        expected.put("t", true);
        expected.put("f", false);
        expected.put("n", null);
        assertThat(v).isEqualTo(expected);
        assertThat(List.copyOf(((Map<?, ?>) v).keySet())).isEqualTo(List.of("a", "b", "t", "f", "n"));
    }

    @Test
    void writesWhatItParses() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "tab\tquote\"back\\slash\u0001");
        m.put("n", List.of(784.0, 0.1, -0.0, 1e-300, 2.5));
        m.put("d", new double[] {255, 1.5});
        m.put("i", 3);
        String text = Json.toString(m);
        assertThat(text).isEqualTo("{\"s\":\"tab\\tquote\\\"back\\\\slash\\u0001\",\"n\":[784,0.1,-0.0,1.0E-300,2.5],"
                + "\"d\":[255,1.5],\"i\":3}");
        Map<?, ?> back = (Map<?, ?>) Json.parse(text);
        assertThat(back.get("s")).isEqualTo(m.get("s"));
        assertThat(back.get("n")).isEqualTo(List.of(784.0, 0.1, -0.0, 1e-300, 2.5));
        assertThatThrownBy(() -> Json.toString(List.of(Double.NaN))).hasMessage("JSON cannot hold the number NaN");
    }

    @Test
    void errorsSayWhatAndWhere() {
        assertThatThrownBy(() -> Json.parse("{\"a\": 1]")).hasMessage("JSON: expected ',' or '}', got ']' at character 8");
        assertThatThrownBy(() -> Json.parse("{\"a\": [1, 2")).hasMessage("JSON: expected ',' or ']', got end of text at character 12");
        assertThatThrownBy(() -> Json.parse("{\"a\": 1, \"a\": 2}")).hasMessage("JSON: key \"a\" appears twice at character 10");
        assertThatThrownBy(() -> Json.parse("[01]")).hasMessage("JSON: expected ',' or ']', got '1' at character 3");
        assertThatThrownBy(() -> Json.parse("[1.]")).hasMessage("JSON: bad number at character 4");
        assertThatThrownBy(() -> Json.parse("\"abc")).hasMessage("JSON: unterminated string at character 5");
        assertThatThrownBy(() -> Json.parse("nul")).hasMessage("JSON: unexpected 'n' at character 1");
        assertThatThrownBy(() -> Json.parse("{} x")).hasMessage("JSON: unexpected 'x' after the value at character 4");
        assertThatThrownBy(() -> Json.parse("")).hasMessage("JSON: unexpected end of text at character 1");
        assertThatThrownBy(() -> Json.parse("[".repeat(Json.MAX_DEPTH + 1)))
                .hasMessage("JSON: nested deeper than 64 levels at character 65");
        assertThatThrownBy(() -> Json.parse("{\"a\": }")).hasMessage("JSON: expected a value, got '}' at character 7");
    }

    @Test
    void aCallerMayLimitTheDepthFurther() {
        String ok = "[".repeat(32) + "]".repeat(32);
        assertThat(Json.parse(ok, 32)).isInstanceOf(List.class);
        assertThatThrownBy(() -> Json.parse("[" + ok + "]", 32)).hasMessage("JSON: nested deeper than 32 levels at character 33");
        assertThatThrownBy(() -> Json.parse("[]", 0)).hasMessage("maxDepth must be in 1..64, got 0");
    }

    @Test
    void reprNumbersAreTheShortestRoundTripFormAndNonFiniteOnesNull() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", new double[] {1, 0.5, Double.NaN, 1e-10, -0.0});
        m.put("b", "q\"\n");
        m.put("c", List.of(new int[] {1, 2}, Set.of(Double.NEGATIVE_INFINITY)));
        m.put("d", 3);
        m.put("e", new double[][] {{2}, {}});
        m.put("f", 0.1 + 0.2);
        assertThat(Json.toString(m, Json.Numbers.REPR)).isEqualTo(
                "{\"a\":[1.0,0.5,null,1e-10,-0.0],\"b\":\"q\\\"\\n\",\"c\":[[1,2],[null]],\"d\":3,"
                        + "\"e\":[[2.0],[]],\"f\":0.30000000000000004}");
        assertThatThrownBy(() -> Json.toString(List.of(new Object()), Json.Numbers.REPR)).hasMessage("JSON cannot hold a Object");
    }
}
