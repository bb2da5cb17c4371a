package org.grad4j.optim.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plateau schedule's state: a copy loaded with it continues as the original does. */
class ReduceLrOnPlateauStateTest {

    /** Epoch losses that stall, so that the lr is reduced (twice) after epoch 5. */
    static final double[] METRIC = {1.0, 0.8, 0.7, 0.7, 0.71, 0.72, 0.7, 0.69, 0.7, 0.71, 0.72, 0.73};

    @Test
    void aCopyLoadedWithTheStateContinuesExactly() {
        ReduceLrOnPlateau.Options o = new ReduceLrOnPlateau.Options(ReduceLrOnPlateau.Mode.MIN, 0.5, 1, 1e-4, true, 1, 0);
        ReduceLrOnPlateau straight = new ReduceLrOnPlateau(o);
        ReduceLrOnPlateau first = new ReduceLrOnPlateau(o);
        double lrA = 0.1;
        double lrB = 0.1;
        for (int e = 1; e <= 5; e++) {
            lrA = straight.lr(e, 0.1, lrA, METRIC[e - 1]);
            lrB = first.lr(e, 0.1, lrB, METRIC[e - 1]);
        }
        Map<String, Double> state = first.state();
        assertThat(state).containsOnlyKeys("best", "num_bad_epochs", "cooldown_counter", "last_epoch", "last_lr")
                .containsEntry("best", 0.7).containsEntry("last_epoch", 5.0).containsEntry("last_lr", lrB);
        ReduceLrOnPlateau resumed = new ReduceLrOnPlateau(o);
        resumed.loadState(state);
        for (int e = 6; e <= METRIC.length; e++) {
            lrA = straight.lr(e, 0.1, lrA, METRIC[e - 1]);
            lrB = resumed.lr(e, 0.1, lrB, METRIC[e - 1]);
            assertThat(lrB).as("epoch %d", e).isEqualTo(lrA);
        }
        assertThat(lrA).as("reduced in the resumed part").isLessThan(state.get("last_lr"));
        assertThat(resumed.state()).isEqualTo(straight.state());
    }

    @Test
    void badStateIsRefusedNamingTheEntry() {
        ReduceLrOnPlateau p = new ReduceLrOnPlateau();
        Map<String, Double> state = new HashMap<>(p.state());
        state.put("patience", 3.0);
        assertThatThrownBy(() -> p.loadState(state)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ReduceLROnPlateau state: unknown entry 'patience'");
        state.remove("patience");
        state.put("num_bad_epochs", 1.5);
        assertThatThrownBy(() -> p.loadState(state))
                .hasMessage("ReduceLROnPlateau state: num_bad_epochs = 1.5, expected a whole number >= 0");
        state.remove("best");
        assertThatThrownBy(() -> p.loadState(state)).hasMessageStartingWith("ReduceLROnPlateau state: no entry 'best'");
        assertThatThrownBy(() -> new StepLr(2, 0.5).loadState(Map.of("best", 1.0)))
                .hasMessage("StepLr has no state, got [best]");
    }
}
