package org.grad4j.optim.schedule;

/**
 * A learning-rate schedule in the sense of {@code torch.optim.lr_scheduler}: the lr for each epoch
 * (or each step, when a run counts steps as epochs).
 *
 * <p>Epoch 0 is the first epoch, before any {@code scheduler.step()} in torch terms; the lr for epoch
 * {@code e} is what torch's scheduler sets after {@code e} calls of {@code step()}. Stateful schedules
 * ({@link ReduceLrOnPlateau}) must be asked for epochs 0, 1, 2, ... in order and {@link #reset()} before
 * reuse; closed-form ones ({@link EpochSchedule}) may be asked in any order.
 */
public interface Schedule {

    /**
     * The learning rate for epoch {@code epoch >= 0}.
     *
     * @param baseLr    the optimizer's initial lr (torch's {@code base_lrs})
     * @param currentLr the lr used during epoch {@code epoch - 1} ({@code baseLr} for epoch 0)
     * @param metric    the value observed at the end of epoch {@code epoch - 1} (NaN for epoch 0);
     *                  only {@link ReduceLrOnPlateau} looks at it
     */
    double lr(int epoch, double baseLr, double currentLr, double metric);

    /** Forgets any state; closed-form schedules have none. */
    default void reset() {
    }

    /**
     * What a stateful schedule needs to continue exactly where it was (a checkpoint stores it), by
     * the names of torch's {@code state_dict()}; empty for closed-form schedules. A new map each call.
     */
    default java.util.Map<String, Double> state() {
        return java.util.Map.of();
    }

    /**
     * Restores what {@link #state()} returned, so that the next {@link #lr} continues as this
     * schedule would have.
     *
     * @throws IllegalArgumentException when a name is missing or not one of this schedule's
     */
    default void loadState(java.util.Map<String, Double> state) {
        if (!state.isEmpty()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " has no state, got " + state.keySet());
        }
    }
}
