package org.grad4j.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BehaviourTest {

    private static final double[] MINIMUM = {0, 0};

    /** f = x0^2 + x1^2 with the exact gradient: x_{t+1} = (1 - 2 lr) x_t. */
    private static Trajectory descend(double lr, int steps) {
        DifferentiableFunction f = (x, g) -> {
            g[0] = 2 * x[0];
            g[1] = 2 * x[1];
            return x[0] * x[0] + x[1] * x[1];
        };
        return GradientDescent.run(f, new double[] {-3, 4}, GradientDescent.Options.of(lr, steps));
    }

    @ParameterizedTest
    @CsvSource({
            "0.1,   converged",     // factor 0.8: 0.8^100 = 2e-10
            "0.9,   converged",     // factor -0.8: oscillates but shrinks
            "1e-4,  too-slow",      // factor 0.9998: 2 % of the way
            "1.0,   oscillating",   // factor -1: x flips between (-3, 4) and (3, -4)
            "1.05,  diverged",      // factor -1.1
            "10,    diverged"})
    void sweepOverLearningRates(double lr, String label) {
        assertThat(Behaviour.classify(descend(lr, 100), MINIMUM).label()).isEqualTo(label);
    }

    @Test
    void slowlyShrinkingOscillationIsTooSlowNotOscillating() {
        // factor -0.999: flips every step but the amplitude decreases
        assertThat(Behaviour.classify(descend(0.9995, 100), MINIMUM)).isEqualTo(Behaviour.TOO_SLOW);
    }

    @Test
    void closeFractionSetsTheBar() {
        Trajectory t = descend(0.01, 100); // 0.98^100 = 0.13 of the distance left
        assertThat(Behaviour.classify(t, MINIMUM, 0.2)).isEqualTo(Behaviour.CONVERGED);
        assertThat(Behaviour.classify(t, MINIMUM, 0.1)).isEqualTo(Behaviour.TOO_SLOW);
    }

    @Test
    void divergedStatusWins() {
        Trajectory t = new Trajectory(new double[][] {{1}, {0}}, new double[] {1, 0}, new double[] {2, 0},
                Status.DIVERGED, 1, List.of());
        assertThat(Behaviour.classify(t, new double[] {0})).isEqualTo(Behaviour.DIVERGED);
        assertThatThrownBy(() -> Behaviour.classify(t, MINIMUM))
                .hasMessage("minimum has 2 coordinates but the points have 1");
    }
}
