package org.grad4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The compute / communication split of Spark jobs, and when communication is said to dominate. */
class StepTimesTest {
    static final double EXACT = 1e-12;

    @Test
    void splitsWallTimeIntoComputeAndTheRestAfterTheWarmUp() {
        StepTimes t = new StepTimes();
        for (int j = 0; j < StepTimes.WARM_UP_JOBS; j++) {
            t.add(100_000_000, 1_000_000); // warm-up jobs: 100 ms, 1 ms of computing
        }
        for (int j = 0; j < 2 * StepTimes.WARM_UP_JOBS; j++) {
            t.add(10_000_000, 8_000_000); // then 10 ms, 8 of them computing
        }
        t.addDriver(3_000_000);
        assertThat(t.jobs()).isEqualTo(15);
        assertThat(t.wallSeconds()).isCloseTo(0.6, within(EXACT));
        assertThat(t.computeSeconds()).isCloseTo(0.085, within(EXACT));
        assertThat(t.communicationSeconds()).isCloseTo(0.515, within(EXACT));
        assertThat(t.driverSeconds()).isCloseTo(0.003, within(EXACT));
        assertThat(t.communicationShare()).isCloseTo(0.2, within(EXACT)); // the warm-up is left out
        assertThat(t.communicationDominates()).isFalse();
        assertThat(t.summary()).isEqualTo("15 Spark jobs in 0.60 s: 0.09 s computing on executors (5.67 ms a job), "
                + "0.52 s scheduling and communication (34.33 ms a job, 20 % of the time after the first 5 jobs), "
                + "0.00 s on the driver between jobs");
        assertThat(t.line(14, "step 15")).isEqualTo("step 15: 10.00 ms, of which 8.00 ms computing on executors "
                + "(slowest task) and 2.00 ms scheduling and communication");
    }

    @Test
    void communicationDominatesWhenTasksComputeLessThanHalfOfEachJob() {
        StepTimes t = new StepTimes();
        for (int j = 0; j < 3 * StepTimes.WARM_UP_JOBS; j++) {
            t.add(50_000_000, 5_000_000);
        }
        assertThat(t.communicationShare()).isCloseTo(0.9, within(EXACT));
        assertThat(t.communicationDominates()).isTrue();
        // a task's own time never exceeds its job's
        StepTimes u = new StepTimes();
        u.add(1_000, 2_000);
        assertThat(u.computeSeconds()).isEqualTo(u.wallSeconds());
    }
}
