package org.grad4j.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingRunTest {

    private static TrainingRun run() {
        return new TrainingRun("run-t", TrainRequest.of(Map.of(), DatasetCache.available(), Limits.defaults()));
    }

    @Test
    void aViewerWhoseQueueIsFullIsDroppedAndTheOthersKeepTheirEvents() {
        TrainingRun r = run();
        TrainingRun.Viewer slow = r.join(3, 8);
        TrainingRun.Viewer fast = r.join(100, 8);
        for (int k = 0; k < 5; k++) {
            r.publish("progress", Map.of("iteration", k));
        }
        assertThat(slow.overflowed).isTrue();
        assertThat(slow.queue).hasSize(3);
        assertThat(fast.overflowed).isFalse();
        assertThat(fast.queue).hasSize(5);
    }

    @Test
    void aLateViewerGetsTheStartThenTheLatestEventsItHasRoomFor() {
        TrainingRun r = run();
        r.publish("start", Map.of("iterations", 10));
        for (int k = 1; k <= 10; k++) {
            r.publish("progress", Map.of("iteration", k));
        }
        TrainingRun.Viewer v = r.join(4, 8);
        assertThat(v.queue).extracting(TrainingRun.Event::data)
                .containsExactly("{\"iterations\":10}", "{\"iteration\":8}", "{\"iteration\":9}", "{\"iteration\":10}");
    }

    @Test
    void viewersPastTheLimitAreRefusedAndTheLastEventEndsTheRun() {
        TrainingRun r = run();
        assertThat(r.join(10, 1)).isNotNull();
        assertThat(r.join(10, 1)).isNull();
        r.publish("done", Map.of("stopped", false));
        assertThat(r.finished()).isTrue();
    }
}
