package org.grad4j.bench;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.grad4j.data.Dataset;
import org.grad4j.data.Datasets;
import org.grad4j.nn.Activation;
import org.grad4j.nn.Init;
import org.grad4j.nn.loss.CrossEntropyLoss;
import org.grad4j.nn.module.BookNetworks;
import org.grad4j.nn.module.Sequential;
import org.grad4j.optim.Adam;
import org.grad4j.optim.ModuleOptimizer;

/**
 * {@link AutogradStepBench}'s step timed one by one, as {@code bench/compare/autograd_step.py} times
 * PyTorch's: {@code warmup} steps, then the median and mean of {@code steps} steps, printed as JSON, and
 * the median CPU time of the calling thread per step (the whole step's when it runs on one thread:
 * {@code OPENBLAS_NUM_THREADS=1 GRAD4J_THREADS=1}; less disturbed by other processes than wall time).
 * <pre>{@code java -cp ... org.grad4j.bench.AutogradStepTiming [steps [warmup]]}</pre>
 */
public final class AutogradStepTiming {

    private AutogradStepTiming() {
    }

    public static void main(String[] args) throws IOException {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        org.grad4j.tensor.Preload.inBackground();          // as ./grad4j does: the pixel kernel compiled early
        Dataset data = Datasets.load("/usr/share/datasets/fashion-mnist");
        Random rng = new Random(7);
        Sequential model = BookNetworks.multiLayerNet(784, new int[] {100, 100, 100, 100}, 10, Activation.RELU,
                Init.HE, rng);
        ModuleOptimizer opt = new ModuleOptimizer(new Adam(0.001), model);
        CrossEntropyLoss loss = new CrossEntropyLoss();
        int[] rows = new int[AutogradStepBench.BATCH];
        int[] labels = new int[AutogradStepBench.BATCH];
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] t = new long[steps];
        long[] c = new long[steps];
        double l = 0;
        for (int s = 0; s < warmup + steps; s++) {
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            l = AutogradStepBench.step(data, model, opt, loss, rng, rows, labels);
            if (s >= warmup) {
                t[s - warmup] = System.nanoTime() - t0;
                c[s - warmup] = cpu.getCurrentThreadCpuTime() - c0;
            }
        }
        Arrays.sort(t);
        Arrays.sort(c);
        double mean = Arrays.stream(t).average().orElse(0) / 1e3;
        System.out.printf("{\"median_us\": %.1f, \"mean_us\": %.1f, \"median_cpu_us\": %.1f, \"loss\": %.6f}%n",
                t[steps / 2] / 1e3, mean, c[steps / 2] / 1e3, l);
    }
}
