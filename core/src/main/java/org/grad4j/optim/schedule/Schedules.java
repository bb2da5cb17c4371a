package org.grad4j.optim.schedule;

import java.util.Arrays;

/**
 * Parses the CLI's schedule specifications:
 *
 * <pre>
 * step:STEP_SIZE:GAMMA            StepLr               e.g. step:30:0.1
 * multistep:M1,M2,...:GAMMA       MultiStepLr          e.g. multistep:30,80:0.1
 * exp:GAMMA                       ExponentialLr        e.g. exp:0.95
 * cosine:T_MAX[:ETA_MIN]          CosineAnnealingLr    e.g. cosine:100, cosine:100:0.001
 * cosine-restarts:T_0:T_MULT[:ETA_MIN]                 e.g. cosine-restarts:10:2
 * warmup:TOTAL_ITERS[:START_FACTOR[:END_FACTOR]]       LinearWarmup, start 1/3 and end 1 by default (torch)
 * plateau[:FACTOR[:PATIENCE]]     ReduceLrOnPlateau    e.g. plateau, plateau:0.5:5
 * </pre>
 */
public final class Schedules {

    /** The accepted forms, for error messages and help texts. */
    public static final String FORMS = "step:STEP:GAMMA, multistep:M1,M2:GAMMA, exp:GAMMA, cosine:T_MAX[:ETA_MIN], "
            + "cosine-restarts:T_0:T_MULT[:ETA_MIN], warmup:ITERS[:START[:END]], plateau[:FACTOR[:PATIENCE]]";

    private Schedules() {
    }

    /** Parses {@code spec}; throws {@link IllegalArgumentException} naming the spec and the problem. */
    public static Schedule parse(String spec) {
        String[] f = spec.trim().split(":", -1);
        String name = f[0].toLowerCase(java.util.Locale.ROOT);
        try {
            return switch (name) {
                case "step" -> {
                    arity(spec, f, 3, 3);
                    yield new StepLr(integer(spec, f[1]), number(spec, f[2]));
                }
                case "multistep" -> {
                    arity(spec, f, 3, 3);
                    String[] ms = f[1].split(",", -1);
                    int[] milestones = new int[ms.length];
                    for (int i = 0; i < ms.length; i++) {
                        milestones[i] = integer(spec, ms[i]);
                    }
                    yield new MultiStepLr(milestones, number(spec, f[2]));
                }
                case "exp" -> {
                    arity(spec, f, 2, 2);
                    yield new ExponentialLr(number(spec, f[1]));
                }
                case "cosine" -> {
                    arity(spec, f, 2, 3);
                    yield new CosineAnnealingLr(integer(spec, f[1]), f.length > 2 ? number(spec, f[2]) : 0);
                }
                case "cosine-restarts" -> {
                    arity(spec, f, 3, 4);
                    yield new CosineAnnealingWarmRestarts(integer(spec, f[1]), integer(spec, f[2]),
                            f.length > 3 ? number(spec, f[3]) : 0);
                }
                case "warmup" -> {
                    arity(spec, f, 2, 4);
                    yield new LinearWarmup(f.length > 2 ? number(spec, f[2]) : 1.0 / 3,
                            f.length > 3 ? number(spec, f[3]) : 1.0, integer(spec, f[1]));
                }
                case "plateau" -> {
                    arity(spec, f, 1, 3);
                    ReduceLrOnPlateau.Options d = ReduceLrOnPlateau.Options.defaults();
                    yield new ReduceLrOnPlateau(ReduceLrOnPlateau.Options.of(
                            f.length > 1 ? number(spec, f[1]) : d.factor(),
                            f.length > 2 ? integer(spec, f[2]) : d.patience()));
                }
                default -> throw new IllegalArgumentException(
                        "unknown schedule '" + spec + "' (expected " + FORMS + ")");
            };
        } catch (IllegalArgumentException e) {
            if (e.getMessage().startsWith("schedule '") || e.getMessage().startsWith("unknown schedule")) {
                throw e;
            }
            throw new IllegalArgumentException("schedule '" + spec + "': " + e.getMessage(), e);
        }
    }

    private static void arity(String spec, String[] f, int min, int max) {
        if (f.length < min || f.length > max) {
            throw new IllegalArgumentException("schedule '" + spec + "': expected " + (min == max ? min - 1
                    : (min - 1) + " to " + (max - 1)) + " parameter(s) after '" + f[0] + ":', got "
                    + (f.length - 1) + " " + Arrays.toString(Arrays.copyOfRange(f, 1, f.length))
                    + " (forms: " + FORMS + ")");
        }
    }

    private static int integer(String spec, String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("schedule '" + spec + "': expected an integer, got '" + s + "'");
        }
    }

    private static double number(String spec, String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("schedule '" + spec + "': expected a number, got '" + s + "'");
        }
    }
}
