package org.grad4j.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The closing note's accuracy table: the ordering it shows holds. */
class AccuracyTableTest {
    @Test
    void richardsonBeatsCentralWhichBeatsTheBook() {
        AccuracyTable.Row book = AccuracyTable.of(Method.BOOK);
        AccuracyTable.Row central = AccuracyTable.of(Method.CENTRAL);
        AccuracyTable.Row richardson = AccuracyTable.of(Method.RICHARDSON);
        assertThat(richardson.median()).isLessThan(central.median());
        assertThat(central.median()).isLessThan(book.median());
        assertThat(richardson.worst()).isLessThan(1e-11);
        assertThat(richardson.bounded()).isEqualTo(richardson.cases());
        assertThat(AccuracyTable.lines()).hasSize(Method.values().length + 1);
    }
}
