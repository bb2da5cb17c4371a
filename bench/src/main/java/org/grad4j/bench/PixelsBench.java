package org.grad4j.bench;

import java.io.IOException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.grad4j.data.Datasets;
import org.grad4j.data.Split;
import org.grad4j.tensor.Pixels;
import org.grad4j.tensor.Preload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Gathering half a training batch as a core of the two-core step does: the first 392 pixel columns
 * of 100 random training images, converted from bytes to {@code pixel / 255.0}, by the Vector API
 * kernel ({@code vector}, with the launcher's JIT hint, once {@link Preload} has seen it compiled)
 * or by the 256-entry table it replaced ({@code table}, {@code -Dgrad4j.scalarPixels=true}). The rows are read into cache first, as the step's read-ahead
 * does, so that the conversion is what is measured.
 * <pre>{@code bench/run.sh PixelsBench}</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PixelsBench {

    private static final int BATCH = 100;

    @Param({"fashion-mnist"})
    public String dataset;

    private Split train;
    private int[][] batches;
    private int next;
    private double[] x;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        train = Datasets.load(dataset).train();
        Random rng = new Random(1);
        batches = new int[64][BATCH];
        for (int[] batch : batches) {
            for (int r = 0; r < BATCH; r++) {
                batch[r] = rng.nextInt(train.size());
            }
        }
        x = new double[BATCH * train.features()];
        // the conversion takes the vector kernel once the preload has seen it compiled
        Preload.inBackground();
        long until = System.nanoTime() + 10_000_000_000L;
        while (!Boolean.getBoolean("grad4j.scalarPixels") && !Pixels.vectorInUse() && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector",
        "-XX:CompileCommand=CompileThresholdScaling,org.grad4j.tensor.PixelKernels::*,0.01"})
    public int vector() {
        return halfBatch();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dgrad4j.scalarPixels=true"})
    public int table() {
        return halfBatch();
    }

    private int halfBatch() {
        if (!Boolean.getBoolean("grad4j.scalarPixels") && !Pixels.vectorInUse()) {
            throw new IllegalStateException("the vector pixel kernel is not in use");
        }
        int[] idx = batches[next++ & 63];
        int half = train.features() / 2;
        int touched = train.touchColumns(idx, BATCH, 0, half);
        train.gatherColumns(idx, BATCH, 0, half, x);
        return touched;
    }
}
