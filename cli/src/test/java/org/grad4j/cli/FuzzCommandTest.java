package org.grad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.grad4j.expr.Expression;
import org.grad4j.expr.ExpressionException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input, generated: for every parser and numeric option, a few hundred seeded random invalid
 * values. Each must end with exit code 2, one line on stderr (two more, the text and a caret,
 * under an expression), no stack trace, and no output file written or replaced.
 */
class FuzzCommandTest {
    /** Cases per target. */
    private static final int CASES = 200;
    private static final long SEED = 20261204L;
    /** Characters that make up numbers, lists, expressions and the junk between them. */
    private static final String ALPHABET = "0123456789.,eE+-xXyz^*/()[]#@!~ qnaifINF:=_\t";
    private static final String[] PIECES = {"sin(", "x", "x0", "x1", "^", "*", "+", "-", "/", "(", ")", "1e308", "exp(",
        "log(", ",", "2", "..", "e", "abs(", "max(", "tanh(", "  ", "1e", "sqrt("};

    @TempDir
    static Path dir;

    /** A target: a name and, for a random source, the arguments of one invalid command line. */
    record Target(String name, Function<Random, String[]> args) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> targets() {
        List<Target> t = new ArrayList<>();
        t.add(new Target("diff EXPR", r -> new String[] {"diff", badExpression(r, 1), "--at", "1"}));
        t.add(new Target("grad EXPR", r -> new String[] {"grad", badExpression(r, 2), "--at", "1,2"}));
        t.add(new Target("diff --at", r -> new String[] {"diff", "x^2", "--at", badNumber(r)}));
        t.add(new Target("diff --method", r -> new String[] {"diff", "x^2", "--at", "1", "--method", junkWord(r)}));
        t.add(new Target("grad --at", r -> new String[] {"grad", "x0*x1", "--at", badList(r, 2)}));
        t.add(new Target("grad --threads", r -> new String[] {"grad", "x0*x1", "--at", "1,2", "--threads", badCount(r, 1)}));
        t.add(new Target("descend --from", r -> plot(r, "descend", "x0^2+x1^2", "--from", badList(r, 2))));
        t.add(new Target("descend --lr", r -> plot(r, "descend", "x^2", "--from", "1", "--lr", badNumber(r))));
        t.add(new Target("descend --steps", r -> plot(r, "descend", "x^2", "--from", "1", "--steps", badCount(r, 0))));
        t.add(new Target("descend --tol", r -> plot(r, "descend", "x^2", "--from", "1", "--tol", badNonNegative(r))));
        t.add(new Target("descend --momentum", r -> plot(r, "descend", "x^2", "--from", "1", "--optimizer", "momentum",
                "--momentum", badNonNegative(r))));
        t.add(new Target("field --range", r -> plot(r, "field", "x0^2+x1^2", "--range", badRange(r))));
        t.add(new Target("field --grid", r -> plot(r, "field", "x0^2+x1^2", "--grid", badPositive(r))));
        t.add(new Target("compare --optimizers", r -> plot(r, "compare", "x^2+y^2", "--from", "1,2", "--optimizers",
                junkWord(r) + ":" + badNumber(r))));
        t.add(new Target("lr-sweep --lrs", r -> plot(r, "lr-sweep", "x^2", "--from", "1", "--lrs", badEntry(r, 3))));
        t.add(new Target("regress --synthetic", r -> plot(r, "regress", "--synthetic", badCount(r, 1))));
        t.add(new Target("regress --iters", r -> plot(r, "regress", "--iters", badCount(r, 0))));
        t.add(new Target("regress --data CSV", r -> plot(r, "regress", "--data", badCsv(r).toString())));
        t.add(new Target("train --batch", r -> save(r, "train", "--dataset", "mnist-sample", "--batch", badCount(r, 1))));
        t.add(new Target("train --lr", r -> save(r, "train", "--dataset", "mnist-sample", "--lr", badNumber(r))));
        t.add(new Target("train --hidden", r -> save(r, "train", "--dataset", "mnist-sample", "--hidden", badHidden(r))));
        t.add(new Target("train --weight-init", r -> save(r, "train", "--dataset", "mnist-sample", "--weight-init",
                badNonNegative(r))));
        t.add(new Target("train --iters", r -> save(r, "train", "--dataset", "mnist-sample", "--iters", badCount(r, 1))));
        t.add(new Target("eval --model NPZ", r -> new String[] {"eval", "--model", badNpz(r).toString(),
            "--dataset", "mnist-sample"}));
        return t.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void badInputEndsInOneLineAndExitCode2(Target target) throws IOException {
        Random random = new Random(SEED ^ target.name().hashCode());
        Path existing = dir.resolve("existing.png");
        byte[] before = {1, 2, 3};
        Files.write(existing, before);
        for (int i = 0; i < CASES; i++) {
            String[] args = target.args().apply(random);
            CliRun r = run(args);
            String what = target.name() + " case " + i + ": " + String.join(" ", args);
            assertThat(r.exitCode()).as(what + "\n" + r.err()).isEqualTo(2);
            assertThat(r.err()).as(what).startsWith("grad4j: ").endsWith("\n")
                    .doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("internal error");
            long lines = r.err().lines().count();
            boolean expression = r.err().lines().skip(2).findFirst().map(l -> l.strip().equals("^")).orElse(false);
            assertThat(lines).as(what + "\n" + r.err()).isEqualTo(expression ? 3 : 1);
            assertThat(dir.resolve("out.png")).as(what).doesNotExist();
            assertThat(dir.resolve("out.npz")).as(what).doesNotExist();
            assertThat(existing).as(what).hasBinaryContent(before);
        }
    }

    /**
     * One command line through the CLI's own {@code CommandLine} and error handlers
     * ({@link Cli#commandLine}), built once (picocli resets every option before each parse, and
     * building it costs more than most of these runs). stdout and stderr go to per-run buffers
     * through streams installed before it is built, which its writers keep.
     */
    private static synchronized CliRun run(String... args) {
        java.io.PrintStream oldOut = System.out;
        java.io.PrintStream oldErr = System.err;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        OUT.target = out;
        ERR.target = err;
        try {
            System.setOut(OUT_STREAM);
            System.setErr(ERR_STREAM);
            if (shared == null) {
                shared = Cli.commandLine(new Main());
            }
            int code = shared.execute(args);
            shared.getErr().flush();
            System.out.flush();
            System.err.flush();
            return new CliRun(code, out.toString(java.nio.charset.StandardCharsets.UTF_8),
                    err.toString(java.nio.charset.StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** An output stream writing to a target that can be switched. */
    private static final class Sink extends java.io.OutputStream {
        volatile java.io.OutputStream target = java.io.OutputStream.nullOutputStream();

        @Override
        public void write(int b) throws IOException {
            target.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target.write(b, off, len);
        }
    }

    private static final Sink OUT = new Sink();
    private static final Sink ERR = new Sink();
    private static final java.io.PrintStream OUT_STREAM = new java.io.PrintStream(OUT, true, java.nio.charset.StandardCharsets.UTF_8);
    private static final java.io.PrintStream ERR_STREAM = new java.io.PrintStream(ERR, true, java.nio.charset.StandardCharsets.UTF_8);
    private static picocli.CommandLine shared;

    // ---- generators: each returns only values its option must refuse ----

    private static String[] plot(Random r, String... args) {
        return append(args, "--plot", dir.resolve(r.nextBoolean() ? "out.png" : "existing.png").toString());
    }

    private static String[] save(Random r, String... args) {
        return append(args, "--save", dir.resolve("out.npz").toString(), "--plot", dir.resolve("existing.png").toString());
    }

    private static String[] append(String[] a, String... more) {
        String[] out = java.util.Arrays.copyOf(a, a.length + more.length);
        System.arraycopy(more, 0, out, a.length, more.length);
        return out;
    }

    private static String junk(Random r, int maxLength) {
        int n = 1 + r.nextInt(maxLength);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** A word that is no method, optimizer or gradient name. */
    private static String junkWord(Random r) {
        return "q" + junk(r, 8).replace(":", "").replace(",", "");
    }

    /** Text that is not a finite number. */
    private static String badNumber(Random r) {
        while (true) {
            String s = switch (r.nextInt(4)) {
                case 0 -> junk(r, 10);
                case 1 -> r.nextBoolean() ? "nan" : (r.nextBoolean() ? "-" : "") + "inf";
                case 2 -> "1e" + (309 + r.nextInt(1000));
                default -> Double.toString(r.nextGaussian()) + junk(r, 3);
            };
            if (!finite(s)) {
                return s;
            }
        }
    }

    private static boolean finite(String s) {
        try {
            return Double.isFinite(Numbers.parse("x", s));
        } catch (BadInputException e) {
            return false;
        }
    }

    /** A negative, non-finite or non-numeric value. */
    private static String badNonNegative(Random r) {
        return r.nextBoolean() ? badNumber(r) : Double.toString(-Math.abs(r.nextGaussian()) * Math.pow(10, r.nextInt(20) - 10) - 1e-300);
    }

    private static String badPositive(Random r) {
        return r.nextInt(3) == 0 ? "0" : badNonNegative(r);
    }

    /** A whole number below {@code min}, one that overflows an int, or no whole number at all. */
    private static String badCount(Random r, int min) {
        return switch (r.nextInt(4)) {
            case 0 -> Integer.toString(min - 1 - r.nextInt(1000));
            case 1 -> Long.toString(Integer.MAX_VALUE + 1L + (r.nextLong() >>> 2));
            case 2 -> r.nextInt(100) + "." + (1 + r.nextInt(9));
            default -> "q" + junk(r, 6);
        };
    }

    /** A comma-separated list with the wrong count or a bad entry. */
    private static String badList(Random r, int count) {
        List<String> parts = new ArrayList<>();
        int n = r.nextBoolean() ? count + 1 + r.nextInt(3) : count;
        int bad = n == count || r.nextBoolean() ? r.nextInt(n) : -1;
        for (int i = 0; i < n; i++) {
            parts.add(i == bad ? badNumber(r).replace(",", ";") : Double.toString(r.nextGaussian()));
        }
        return String.join(",", parts);
    }

    /** A comma-separated list with one bad entry. */
    private static String badEntry(Random r, int count) {
        List<String> parts = new ArrayList<>();
        int bad = r.nextInt(count);
        for (int i = 0; i < count; i++) {
            parts.add(i == bad ? (r.nextBoolean() ? badNumber(r).replace(",", ";") : "-" + (1 + r.nextInt(9)))
                    : Double.toString(Math.abs(r.nextGaussian())));
        }
        return String.join(",", parts);
    }

    private static String badRange(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> "3,1";
            case 1 -> "-1e308,1e308";
            default -> badList(r, r.nextBoolean() ? 2 : 4);
        };
    }

    private static String badHidden(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> Integer.toString(-r.nextInt(100));
            case 1 -> "50," + "q" + junk(r, 4);
            case 2 -> Long.toString(3_000_000_000L + r.nextInt(1000));
            default -> "1000000" + r.nextInt(10);
        };
    }

    /** Text that does not parse as an expression (checked against the parser itself). */
    private static String badExpression(Random r, int variables) {
        while (true) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + r.nextInt(8);
            for (int i = 0; i < n; i++) {
                sb.append(r.nextInt(3) == 0 ? junk(r, 3) : PIECES[r.nextInt(PIECES.length)]);
            }
            String s = sb.toString();
            try {
                Expression.parse(s);
            } catch (ExpressionException e) {
                return s.startsWith("-") ? " " + s : s;
            } catch (IllegalArgumentException e) {
                continue;
            }
        }
    }

    private static int files;

    /** A CSV with a line that is not two numbers, or bytes that are not UTF-8. */
    private static Path badCsv(Random r) {
        try {
            Path p = dir.resolve("bad" + files++ + ".csv");
            if (r.nextBoolean()) {
                byte[] b = new byte[1 + r.nextInt(200)];
                r.nextBytes(b);
                b[0] = (byte) 0xff; // never UTF-8
                Files.write(p, b);
            } else {
                Files.writeString(p, "x,y\n1,2\n3,4\n" + "q" + junk(r, 10).replace("\n", "") + "\n");
            }
            return p;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Random bytes, a zip of random bytes, or a zip with a random npy header. */
    private static Path badNpz(Random r) {
        try {
            Path p = dir.resolve("bad" + files++ + ".npz");
            int kind = r.nextInt(3);
            if (kind == 0) {
                byte[] b = new byte[r.nextInt(300)];
                r.nextBytes(b);
                Files.write(p, b);
                return p;
            }
            try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(p))) {
                zip.putNextEntry(new java.util.zip.ZipEntry(r.nextBoolean() ? "W1.npy" : junk(r, 5) + ".npy"));
                if (kind == 1) {
                    byte[] b = new byte[r.nextInt(300)];
                    r.nextBytes(b);
                    zip.write(b);
                } else {
                    String dict = "{'descr': '" + (r.nextBoolean() ? "<f8" : junk(r, 4)) + "', 'fortran_order': "
                            + (r.nextBoolean() ? "False" : junk(r, 5)) + ", 'shape': (" + (r.nextInt(100000) - 10) + ", "
                            + (r.nextBoolean() ? junk(r, 4) : Integer.toString(r.nextInt(100000))) + "), }";
                    byte[] h = dict.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                    zip.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) h.length, 0});
                    zip.write(h);
                    byte[] b = new byte[r.nextInt(100)];
                    r.nextBytes(b);
                    zip.write(b);
                }
                zip.closeEntry();
            }
            return p;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
