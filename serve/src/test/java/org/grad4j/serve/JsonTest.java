package org.grad4j.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readsObjectsArraysNumbersStringsAndLiterals() {
        Object v = Json.read(" {\"expr\": \"x^2\", \"from\": [-7, 2.5e0], \"nesterov\": true, \"x\": null, \"s\": \"a\\\"b\\u0041\"} ");
        assertThat(v).isEqualTo(new LinkedHashMap<>(Map.of("expr", "x^2", "from", List.of(-7.0, 2.5),
                "nesterov", true, "s", "a\"bA")) {{ put("x", null); }});
    }

    @Test
    void badTextNamesTheOffset() {
        assertThatThrownBy(() -> Json.read("{\"a\": }")).hasMessage("bad JSON body: expected a value at offset 6");
        assertThatThrownBy(() -> Json.read("[1, 2] x")).hasMessage("bad JSON body: unexpected text after the JSON value at offset 7");
        assertThatThrownBy(() -> Json.read("\"abc")).hasMessage("bad JSON body: unterminated string at offset 4");
    }

    @Test
    void deepNestingIsRefusedBeforeTheStackOverflows() {
        String deep = "[".repeat(Json.MAX_DEPTH + 2) + "]".repeat(Json.MAX_DEPTH + 2);
        assertThatThrownBy(() -> Json.read(deep)).hasMessageContaining("nesting deeper than " + Json.MAX_DEPTH);
    }

    @Test
    void writesNonFiniteNumbersAsNullAndEscapesStrings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", new double[] {1, 0.5, Double.NaN});
        m.put("b", "q\"\n");
        m.put("c", List.of(new int[] {1, 2}));
        m.put("d", 3);
        assertThat(Json.write(m)).isEqualTo("{\"a\":[1.0,0.5,null],\"b\":\"q\\\"\\n\",\"c\":[[1,2]],\"d\":3}");
    }
}
