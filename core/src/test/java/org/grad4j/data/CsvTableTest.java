package org.grad4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {

    @TempDir
    Path dir;

    private static Table read(String text, CsvOptions o) {
        return CsvTable.read("data.csv", text.getBytes(StandardCharsets.UTF_8), o);
    }

    private static CsvOptions classes(String target) {
        return CsvOptions.of(Column.parse(target), Task.CLASSIFICATION);
    }

    private static CsvOptions values(String target) {
        return CsvOptions.of(Column.parse(target), Task.REGRESSION);
    }

    @Test
    void readsAHeaderAndTakesTheTargetByName() throws Exception {
        Path file = dir.resolve("iris.csv");
        Files.writeString(file, "\uFEFFsepal,petal, species\r\n5.1,1.4,0\r\n\r\n4.9,\"1.5\",2\r\n6.3,-2e-1,1\r\n");
        Table t = CsvTable.read(file, classes("species"));

        assertThat(t.name()).isEqualTo("iris.csv");
        assertThat(t.task()).isEqualTo(Task.CLASSIFICATION);
        assertThat(t.featureNames()).containsExactly("sepal", "petal");
        assertThat(t.targetNames()).containsExactly("species");
        assertThat(t.featureArray()).containsExactly(5.1, 1.4, 4.9, 1.5, 6.3, -0.2);
        assertThat(t.labels()).containsExactly(0, 2, 1);
        assertThat(t.classes()).isEqualTo(3);
    }

    @Test
    void withoutAHeaderTheTargetIsAnIndexCountedFromEitherEnd() {
        String csv = "1,2,3.5\n4,5,6.5\n";
        Table last = read(csv, values("-1").withoutHeader());
        Table first = read(csv, values("0").withoutHeader());

        assertThat(last.featureArray()).containsExactly(1, 2, 4, 5);
        assertThat(last.targetArray()).containsExactly(3.5, 6.5);
        assertThat(last.featureNames()).containsExactly("0", "1");
        assertThat(first.featureArray()).containsExactly(2, 3.5, 5, 6.5);
        assertThat(first.targetArray()).containsExactly(1, 4);
        assertThat(first.targetWidth()).isEqualTo(1);
    }

    @Test
    void aHeaderNameThatIsANumberIsFoundByName() {
        Table t = read("a,7,b\n1,2,3\n", values("7"));
        assertThat(t.targetArray()).containsExactly(2);
        assertThat(t.featureNames()).containsExactly("a", "b");
    }

    @Test
    void otherDelimitersAndQuotedCells() {
        Table t = read("x;\"y;z\"\n1.5;\" 2 \"\n", values("y;z").withDelimiter(';'));
        assertThat(t.featureArray()).containsExactly(1.5);
        assertThat(t.targetArray()).containsExactly(2);
        // without a header the first line is data, and its cells are not numbers
        assertThatThrownBy(() -> read("x;y\n1;2\n", values("1").withDelimiter(';').withoutHeader()))
                .hasMessage("data.csv:1: column 0: 'x' is not a number");
    }

    @Test
    void aNonNumericCellNamesTheLineAndTheColumn() {
        assertThatThrownBy(() -> read("age,height,y\n31,1.8,0\n\n27,tall,1\n", classes("y")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data.csv:4: column 1 ('height'): 'tall' is not a number");
        assertThatThrownBy(() -> read("age,y\n31,0\n,1\n", classes("y")))
                .hasMessage("data.csv:3: column 0 ('age') is empty");
        assertThatThrownBy(() -> read("a,y\n1d,0\n", classes("y")))
                .hasMessage("data.csv:2: column 0 ('a'): '1d' is not a number");
        assertThatThrownBy(() -> read("a,y\nNaN,0\n", classes("y")))
                .hasMessage("data.csv:2: column 0 ('a'): 'NaN' is not a number");
        assertThatThrownBy(() -> read("a,y\n1e999,0\n", classes("y")))
                .hasMessage("data.csv:2: column 0 ('a'): '1e999' is too large for a double");
    }

    @Test
    void aLineOfAMultiLineRecordIsWhereTheRecordStarts() {
        assertThatThrownBy(() -> read("a,y\n1,0\n\"2\n\",x\n3,1\n", values("y")))
                .hasMessage("data.csv:3: column 1 ('y'): 'x' is not a number (a regression target must be a number)");
    }

    @Test
    void aMissingTargetColumnListsTheColumns() {
        assertThatThrownBy(() -> read("age,height,species\n1,2,0\n", classes("price")))
                .hasMessage("data.csv: no column 'price'; the columns are age, height, species");
        assertThatThrownBy(() -> read("age,height,species\n1,2,0\n", classes("3")))
                .hasMessage("data.csv: column index 3 is outside 0..2 (3 columns: age, height, species)");
        assertThatThrownBy(() -> read("1,2,0\n", classes("species").withoutHeader()))
                .hasMessage("data.csv: column 'species' is a name, but the file has no header; give its index 0..2");
    }

    @Test
    void classLabelsMustBeNonNegativeIntegers() {
        assertThat(read("a,y\n1,3.0\n2,1\n", classes("y")).labels()).containsExactly(3, 1);
        assertThatThrownBy(() -> read("a,y\n1,0\n2,2.5\n", classes("y")))
                .hasMessage("data.csv:3: class label '2.5' in column 1 ('y') is not an integer");
        assertThatThrownBy(() -> read("a,y\n1,-1\n", classes("y")))
                .hasMessage("data.csv:2: class label '-1' in column 1 ('y') is outside 0..65535");
        assertThatThrownBy(() -> read("a,y\n1,cat\n", classes("y")))
                .hasMessage("data.csv:2: column 1 ('y'): 'cat' is not a number (a class label must be an integer)");
    }

    @Test
    void aClassNameInARegressionTaskIsRefused() {
        assertThatThrownBy(() -> read("a,species\n1,setosa\n", values("species")))
                .hasMessage("data.csv:2: column 1 ('species'): 'setosa' is not a number (a regression target must be a number)");
    }

    @Test
    void raggedRowsBadHeadersAndEmptyFiles() {
        assertThatThrownBy(() -> read("a,b,y\n1,2,3\n4,5\n", values("y")))
                .hasMessage("data.csv:3: 2 cells, expected 3 as in the header");
        assertThatThrownBy(() -> read("1,2,3\n4,5\n", values("0").withoutHeader()))
                .hasMessage("data.csv:2: 2 cells, expected 3 as in line 1");
        assertThatThrownBy(() -> read("a,b,a\n1,2,3\n", values("b")))
                .hasMessage("data.csv:1: column name 'a' appears twice (columns 0 and 2)");
        assertThatThrownBy(() -> read("a,b,y\n", values("y")))
                .hasMessage("data.csv: no data rows (only the header)");
        assertThatThrownBy(() -> read("\n\n", values("y")))
                .hasMessage("data.csv: no data rows (the file is empty)");
        assertThatThrownBy(() -> read("y\n1\n", values("y")))
                .hasMessageContaining("1 column; a table needs a target column and at least one feature column");
        assertThatThrownBy(() -> read("a,y\n\"1,0\n", values("y")))
                .hasMessageStartingWith("data.csv: ")
                .hasMessageContaining("EOF");
    }

    @Test
    void undecodableBytesAreNamedWithTheLine() {
        byte[] latin1 = "name,y\n1,0\n2,1\n3\u00e9,1\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> CsvTable.read("latin1.csv", latin1, values("y")))
                .hasMessage("latin1.csv:4: not valid UTF-8 (byte 0xE9 at byte 2 of the line); save the file as UTF-8"
                        + " or read it with its encoding");
        // read with its encoding, the cell is read, and is not a number
        assertThatThrownBy(() -> CsvTable.read("latin1.csv", latin1, values("y").withCharset(StandardCharsets.ISO_8859_1)))
                .hasMessage("latin1.csv:4: column 0 ('name'): '3\u00e9' is not a number");
    }

    @Test
    void aMissingFileIsBadInput() {
        Path missing = dir.resolve("missing.csv");
        assertThatThrownBy(() -> CsvTable.read(missing, values("y")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(missing + ": no such file");
    }
}
