package org.grad4j.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.grad4j.io.Repr;
import org.grad4j.train.TrainListener;

/**
 * Training progress: a bar redrawn in place on a terminal, plain periodic lines otherwise (logs
 * and pipes get no carriage returns).
 */
final class Progress implements TrainListener {
    private static final int BAR = 30;
    private final PrintStream out;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private long lastDraw;
    private final int lineEvery;
    private double smoothed = Double.NaN;

    Progress(PrintStream out, boolean terminal, int total) {
        this.out = out;
        this.terminal = terminal;
        this.lineEvery = Math.max(1, total / 20);
    }

    static boolean isTerminal() {
        return System.console() != null && System.getenv("GRAD4J_NO_BAR") == null;
    }

    @Override
    public void iteration(int iteration, int total, double loss) {
        smoothed = Double.isNaN(smoothed) ? loss : 0.98 * smoothed + 0.02 * loss;
        int done = iteration + 1;
        long now = System.nanoTime();
        double seconds = (now - startNanos) / 1e9;
        double rate = done / Math.max(seconds, 1e-9);
        if (terminal) {
            if (now - lastDraw < 100_000_000L && done != total) {
                return;
            }
            lastDraw = now;
            int filled = (int) ((long) BAR * done / total);
            out.printf("\r[%s%s] %d/%d  loss %.4f  %.0f it/s  eta %s ", "#".repeat(filled), ".".repeat(BAR - filled),
                    done, total, smoothed, rate, duration((total - done) / rate));
            if (done == total) {
                out.println();
            }
            out.flush();
        } else if (done % lineEvery == 0 || done == total || done == 1) {
            out.printf("iteration %d/%d  loss %.4f  %.0f it/s  elapsed %s%n", done, total, loss, rate, duration(seconds));
        }
    }

    @Override
    public void evaluated(int iteration, int epoch, double trainAccuracy, double testAccuracy) {
        if (terminal) {
            out.print("\r" + " ".repeat(BAR + 60) + "\r");
        }
        out.printf("epoch %d (iteration %d): train acc %.4f, test acc %.4f%n", epoch, iteration, trainAccuracy, testAccuracy);
    }

    @Override
    public void checkpointed(int iteration, Path file) {
        if (!terminal) {
            out.println("checkpoint at iteration " + iteration + ": " + file);
        }
    }

    static String duration(double s) {
        if (!Double.isFinite(s)) {
            return "?";
        }
        if (s < 60) {
            return Repr.of(Math.round(s * 10) / 10.0) + " s";
        }
        if (s < 3600) {
            return String.format("%dm%02ds", (long) s / 60, (long) s % 60);
        }
        if (s < 172800) {
            return String.format("%dh%02dm", (long) s / 3600, ((long) s % 3600) / 60);
        }
        return String.format("%.1f days", s / 86400);
    }
}
