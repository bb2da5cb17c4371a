package org.grad4j.optim.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * lr of epochs 0..29 (base lr 0.1) against torch.optim.lr_scheduler 1.13, from the {@code schedule|...}
 * lines of {@code org/grad4j/optim/optim_reference.txt} (tools/reference/optim_reference.py).
 */
class ScheduleReferenceTest {

    private static final double BASE_LR = 0.1;
    /** Closed forms versus torch's recursive forms differ by rounding only. */
    private static final double TOL = 1e-12;

    static List<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = ScheduleReferenceTest.class.getResourceAsStream("/org/grad4j/optim/optim_reference.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("schedule|")) {
                    continue;
                }
                String[] f = line.split("\\|");
                String[] v = f[2].trim().split(" ");
                double[] lrs = new double[v.length];
                for (int i = 0; i < v.length; i++) {
                    lrs[i] = Double.parseDouble(v[i]);
                }
                out.add(Arguments.of(f[1], lrs));
            }
        }
        assertThat(out).hasSizeGreaterThanOrEqualTo(12);
        return out;
    }

    /** The metric sequence of the script: 1/(1+e) for e < 8, then tiny improvements, then 0.01 from e = 20. */
    static double metric(int e) {
        return e < 8 ? 1.0 / (1 + e) : (e < 20 ? 0.125 - 1e-7 * e : 0.01);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void thirtyEpochsMatchTorch(String spec, double[] torch) {
        Schedule s = spec.equals("plateau-cooldown")
                ? new ReduceLrOnPlateau(new ReduceLrOnPlateau.Options(ReduceLrOnPlateau.Mode.MIN, 0.5, 2, 1e-4,
                        true, 3, 0.02))
                : Schedules.parse(spec);
        double lr = BASE_LR;
        for (int e = 0; e < torch.length; e++) {
            lr = s.lr(e, BASE_LR, lr, e == 0 ? Double.NaN : metric(e - 1));
            assertThat(Math.abs(lr - torch[e])).as("%s epoch %d: %s vs torch %s", spec, e, lr, torch[e])
                    .isLessThanOrEqualTo(TOL);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "step:30;                schedule 'step:30': expected 2 parameter(s) after 'step:', got 1 [30]",
            "step:x:0.1;             schedule 'step:x:0.1': expected an integer, got 'x'",
            "exp:fast;               schedule 'exp:fast': expected a number, got 'fast'",
            "multistep:30,20:0.1;    schedule 'multistep:30,20:0.1': Invalid milestones: [30, 20] (expected increasing non-negative epochs)",
            "cosine:0;               schedule 'cosine:0': Invalid T_max value: 0",
            "exp:-0.5;               schedule 'exp:-0.5': Invalid gamma value: -0.5",
            "plateau:2;              schedule 'plateau:2': Factor should be < 1.0, got 2.0"})
    void badSpecsAreRejectedWithTheSpecInTheMessage(String spec, String message) {
        assertThatThrownBy(() -> Schedules.parse(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void unknownScheduleListsTheForms() {
        assertThatThrownBy(() -> Schedules.parse("linear:3"))
                .hasMessage("unknown schedule 'linear:3' (expected " + Schedules.FORMS + ")");
    }

    @Test
    void parsedSchedulesAreTheRecords() {
        assertThat(Schedules.parse("step:30:0.1")).isEqualTo(new StepLr(30, 0.1));
        assertThat(Schedules.parse("multistep:30,80:0.1")).isEqualTo(new MultiStepLr(new int[] {30, 80}, 0.1));
        assertThat(Schedules.parse("cosine:100")).isEqualTo(new CosineAnnealingLr(100, 0));
        assertThat(Schedules.parse("cosine-restarts:10:2")).isEqualTo(new CosineAnnealingWarmRestarts(10, 2, 0));
        assertThat(Schedules.parse("warmup:5:0.1")).isEqualTo(new LinearWarmup(0.1, 1, 5));
        assertThat(((ReduceLrOnPlateau) Schedules.parse("plateau")).options())
                .isEqualTo(ReduceLrOnPlateau.Options.defaults());
    }

    @Test
    void plateauResetForgetsTheBestValue() {
        ReduceLrOnPlateau p = new ReduceLrOnPlateau(ReduceLrOnPlateau.Options.of(0.5, 0));
        assertThat(p.lr(0, 1, 1, Double.NaN)).isEqualTo(1);
        assertThat(p.lr(1, 1, 1, 1.0)).isEqualTo(1);
        assertThat(p.lr(2, 1, 1, 1.0)).isEqualTo(0.5);
        p.reset();
        assertThat(p.lr(0, 1, 1, Double.NaN)).isEqualTo(1);
        assertThat(p.lr(1, 1, 1, 5.0)).isEqualTo(1);
    }
}
