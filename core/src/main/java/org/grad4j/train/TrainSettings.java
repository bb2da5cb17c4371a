package org.grad4j.train;

import java.nio.file.Path;
import org.grad4j.data.Sampling;

/**
 * What the training loop does, with the book's defaults ({@link #book()}: 10 000 iterations, batch
 * 100, shuffled batches, backprop).
 *
 * @param iterations      number of SGD steps
 * @param batch           mini-batch size
 * @param sampling        how batches are drawn
 * @param seed            seed of the batch sampler
 * @param gradient        backprop or the book's numerical gradient
 * @param threads         threads for the numerical gradient
 * @param evalEvery       iterations between accuracy evaluations (0: once per epoch, as the book)
 * @param clipNorm        clip gradients to this global norm (+infinity: no clipping)
 * @param checkpoint      file for checkpoints, or null
 * @param checkpointEvery iterations between checkpoints (0: only at the end)
 */
public record TrainSettings(int iterations, int batch, Sampling sampling, long seed, GradientMode gradient, int threads,
                            int evalEvery, double clipNorm, Path checkpoint, int checkpointEvery) {

    public TrainSettings {
        if (iterations < 0) {
            throw new IllegalArgumentException("Invalid iteration count: " + iterations);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("Invalid batch size: " + batch);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("Invalid thread count: " + threads);
        }
        if (evalEvery < 0) {
            throw new IllegalArgumentException("Invalid evaluation interval: " + evalEvery);
        }
        if (!(clipNorm > 0)) {
            throw new IllegalArgumentException("Invalid clip norm: " + clipNorm);
        }
        if (checkpointEvery < 0) {
            throw new IllegalArgumentException("Invalid checkpoint interval: " + checkpointEvery);
        }
        if (sampling == null || gradient == null) {
            throw new IllegalArgumentException("sampling and gradient are required");
        }
    }

    /** The book's settings: 10 000 iterations of batch 100, shuffled, backprop, evaluation every epoch. */
    public static TrainSettings book() {
        return new TrainSettings(10_000, 100, Sampling.SHUFFLE, 0, GradientMode.BACKPROP, 1, 0,
                Double.POSITIVE_INFINITY, null, 0);
    }

    public TrainSettings withIterations(int n) {
        return new TrainSettings(n, batch, sampling, seed, gradient, threads, evalEvery, clipNorm, checkpoint, checkpointEvery);
    }

    public TrainSettings withBatch(int b) {
        return new TrainSettings(iterations, b, sampling, seed, gradient, threads, evalEvery, clipNorm, checkpoint, checkpointEvery);
    }

    public TrainSettings withSampling(Sampling s) {
        return new TrainSettings(iterations, batch, s, seed, gradient, threads, evalEvery, clipNorm, checkpoint, checkpointEvery);
    }

    public TrainSettings withSeed(long s) {
        return new TrainSettings(iterations, batch, sampling, s, gradient, threads, evalEvery, clipNorm, checkpoint, checkpointEvery);
    }

    public TrainSettings withGradient(GradientMode g, int t) {
        return new TrainSettings(iterations, batch, sampling, seed, g, t, evalEvery, clipNorm, checkpoint, checkpointEvery);
    }

    public TrainSettings withEvalEvery(int e) {
        return new TrainSettings(iterations, batch, sampling, seed, gradient, threads, e, clipNorm, checkpoint, checkpointEvery);
    }

    public TrainSettings withClipNorm(double c) {
        return new TrainSettings(iterations, batch, sampling, seed, gradient, threads, evalEvery, c, checkpoint, checkpointEvery);
    }

    public TrainSettings withCheckpoint(Path file, int every) {
        return new TrainSettings(iterations, batch, sampling, seed, gradient, threads, evalEvery, clipNorm, file, every);
    }
}
