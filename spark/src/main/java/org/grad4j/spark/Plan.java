package org.grad4j.spark;

import org.grad4j.data.Sampling;
import org.grad4j.optim.schedule.Schedule;

/**
 * What a data-parallel run does.
 *
 * @param mode       {@link Mode#SYNC} or {@link Mode#AVERAGE}
 * @param localSteps steps per partition between two averagings (AVERAGE), at least 1
 * @param iterations global steps (batches of {@code batch} rows), at least 1
 * @param batch      global batch size, at least 1
 * @param sampling   how batches are drawn ({@link org.grad4j.data.BatchSampler} over all rows in SYNC,
 *                   over each partition's rows in AVERAGE)
 * @param seed       seed of the batch order
 * @param clipNorm   clip gradients to this global norm (+infinity: no clipping)
 * @param evalEvery  global steps between evaluations (0: none)
 * @param schedule   learning-rate schedule applied once per epoch, or null
 */
record Plan(Mode mode, int localSteps, int iterations, int batch, Sampling sampling, long seed, double clipNorm,
            int evalEvery, Schedule schedule) {

    Plan {
        if (localSteps < 1) {
            throw new IllegalArgumentException("Invalid number of local steps: " + localSteps);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("Invalid iteration count: " + iterations);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("Invalid batch size: " + batch);
        }
        if (!(clipNorm > 0)) {
            throw new IllegalArgumentException("Invalid clip norm: " + clipNorm);
        }
        if (evalEvery < 0) {
            throw new IllegalArgumentException("Invalid evaluation interval: " + evalEvery);
        }
        if (mode == null || sampling == null) {
            throw new IllegalArgumentException("mode and sampling are required");
        }
    }
}
