package org.grad4j.regress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XyCsvTest {

    @Test
    void readsCommaSeparatedWithHeader() throws IOException {
        LineData d = XyCsv.read(new StringReader("x,y\n1,2\n3.5, -4e1\n\n"), "data.csv");
        assertThat(d.x()).containsExactly(1, 3.5);
        assertThat(d.y()).containsExactly(2, -40);
    }

    @Test
    void readsWhitespaceSeparatedWithoutHeader() throws IOException {
        LineData d = XyCsv.read(new StringReader("# comment\n1 2\n  3\t4  \n"), "data.txt");
        assertThat(d.x()).containsExactly(1, 3);
        assertThat(d.y()).containsExactly(2, 4);
    }

    @Test
    void badLineNamesFileLineAndContent(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("data.csv");
        Files.writeString(f, "x,y\n1,2\n2,3\n3,4\n4,5\n5,6\nabc, 3\n");
        assertThatThrownBy(() -> XyCsv.read(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data.csv:7: expected 2 numbers, got 'abc, 3'");
    }

    @Test
    void wrongNumberOfColumnsAndEmptyFilesAreErrors() {
        assertThatThrownBy(() -> XyCsv.read(new StringReader("1,2\n1,2,3\n"), "d.csv"))
                .hasMessage("d.csv:2: expected 2 numbers, got '1,2,3'");
        assertThatThrownBy(() -> XyCsv.read(new StringReader("x,y\n"), "d.csv")).hasMessage("d.csv: no data lines");
        assertThatThrownBy(() -> XyCsv.read(new StringReader("1,2\n3,NaN\n"), "d.csv"))
                .hasMessage("d.csv:2: expected 2 numbers, got '3,NaN'");
    }
}
