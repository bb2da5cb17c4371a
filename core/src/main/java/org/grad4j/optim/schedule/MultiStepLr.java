package org.grad4j.optim.schedule;

import java.util.Arrays;
import org.grad4j.optim.Hyper;

/**
 * {@code torch.optim.lr_scheduler.MultiStepLR}: decays lr by {@code gamma} at each milestone.
 *
 * <pre>{@code lr(e) = baseLr * gamma^(number of milestones <= e)}</pre>
 *
 * <p>Milestones must be increasing and non-negative (torch counts repeated milestones twice; here they are rejected).
 */
public record MultiStepLr(int[] milestones, double gamma) implements EpochSchedule {

    public MultiStepLr {
        milestones = milestones.clone();
        for (int i = 0; i < milestones.length; i++) {
            if (milestones[i] < 0 || (i > 0 && milestones[i] <= milestones[i - 1])) {
                throw new IllegalArgumentException("Invalid milestones: " + Arrays.toString(milestones)
                        + " (expected increasing non-negative epochs)");
            }
        }
        Hyper.nonNegative("gamma", gamma);
    }

    @Override
    public int[] milestones() {
        return milestones.clone();
    }

    @Override
    public double lr(int epoch, double baseLr) {
        EpochSchedule.checkEpoch(epoch);
        int passed = 0;
        for (int m : milestones) {
            if (m <= epoch) {
                passed++;
            }
        }
        return baseLr * Math.pow(gamma, passed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultiStepLr other && Arrays.equals(milestones, other.milestones)
                && Double.compare(gamma, other.gamma) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(milestones) + Double.hashCode(gamma);
    }

    @Override
    public String toString() {
        return "MultiStepLr[milestones=" + Arrays.toString(milestones) + ", gamma=" + gamma + "]";
    }
}
