package org.grad4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.grad4j.optim.Optimizer;
import org.grad4j.optim.Optimizers;
import org.grad4j.optim.schedule.Schedule;
import org.grad4j.optim.schedule.Schedules;
import picocli.CommandLine.Option;

/** The optimizer options shared by {@code descend}, {@code train} and {@code regress}. */
final class OptimizerOptions {

    @Option(names = "--optimizer", paramLabel = "NAME",
            description = "sgd (default; torch's SGD with --momentum/--dampening/--nesterov/--weight-decay), "
                    + "momentum and nesterov (the book's classes), adagrad, rmsprop, adam, adamw "
                    + "(torch's), adagrad-book, rmsprop-book, adam-book (the book's variants).")
    String optimizer = "sgd";

    @Option(names = "--momentum", paramLabel = "M", description = "Momentum factor (sgd, momentum, nesterov, rmsprop).")
    String momentum;

    @Option(names = "--dampening", paramLabel = "D", description = "Dampening for momentum (sgd).")
    String dampening;

    @Option(names = "--nesterov", description = "Nesterov momentum (sgd).")
    boolean nesterov;

    @Option(names = "--beta1", paramLabel = "B1", description = "Adam's first-moment decay (default 0.9).")
    String beta1;

    @Option(names = "--beta2", paramLabel = "B2", description = "Adam's second-moment decay (default 0.999).")
    String beta2;

    @Option(names = "--eps", paramLabel = "E", description = "Term added to the denominator (adagrad, rmsprop, adam, adamw).")
    String eps;

    @Option(names = "--amsgrad", description = "AMSGrad variant (adam, adamw).")
    boolean amsgrad;

    @Option(names = "--weight-decay", paramLabel = "W", description = "L2 penalty (decoupled for adamw).")
    String weightDecay;

    @Option(names = "--alpha", paramLabel = "A", description = "Smoothing constant (rmsprop, default 0.99).")
    String alpha;

    @Option(names = "--centered", description = "Centered RMSprop.")
    boolean centered;

    @Option(names = "--schedule", paramLabel = "SPEC",
            description = "Learning-rate schedule: step:SIZE:GAMMA, multistep:M1,M2:GAMMA, exp:GAMMA, "
                    + "cosine:TMAX[:MIN], cosine-restarts:T0:TMULT[:MIN], warmup:N[:START[:END]], "
                    + "plateau[:FACTOR[:PATIENCE]].")
    String schedule;

    @Option(names = "--clip-norm", paramLabel = "C", description = "Clip gradients to this global L2 norm.")
    String clipNorm;

    /** The optimizer named by {@code --optimizer} with learning rate {@code lr} and the options given. */
    Optimizer create(double lr) {
        return Optimizers.create(optimizer, settings(lr));
    }

    /** The settings given on the command line, with torch's option names. */
    Map<String, Double> settings(double lr) {
        Map<String, Double> o = new LinkedHashMap<>();
        o.put("lr", lr);
        put(o, "momentum", "--momentum", momentum);
        put(o, "dampening", "--dampening", dampening);
        if (nesterov) {
            o.put("nesterov", 1.0);
        }
        put(o, "beta1", "--beta1", beta1);
        put(o, "beta2", "--beta2", beta2);
        put(o, "eps", "--eps", eps);
        if (amsgrad) {
            o.put("amsgrad", 1.0);
        }
        put(o, "weight_decay", "--weight-decay", weightDecay);
        put(o, "alpha", "--alpha", alpha);
        if (centered) {
            o.put("centered", 1.0);
        }
        return o;
    }

    /** The schedule, or null. */
    Schedule schedule() {
        return schedule == null ? null : Schedules.parse(schedule);
    }

    /** The clipping norm, or +infinity for none. */
    double clipNorm() {
        if (clipNorm == null) {
            return Double.POSITIVE_INFINITY;
        }
        double c = Numbers.parseFinite("--clip-norm", clipNorm);
        if (!(c > 0)) {
            throw new BadInputException("--clip-norm: must be positive, got " + clipNorm);
        }
        return c;
    }

    private static void put(Map<String, Double> o, String key, String option, String text) {
        if (text != null) {
            o.put(key, Numbers.parseFinite(option, text));
        }
    }
}
