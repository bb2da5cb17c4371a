package org.grad4j.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;

/**
 * For tests: two CSV tables of 200 rows drawn from one seeded generator. {@code reg.csv} has features
 * {@code a..e ~ N(0, 1)} and {@code y = sin(a) + b^2 / 2 - c d + 0.3 e + 0.1 N(0, 1)}; {@code cls.csv}
 * has {@code p, q} (the rows' {@code a, b}) and the class {@code label(p, q)}.
 */
record GeneratedTables(Path regression, Path classes) {

    static GeneratedTables write(Path dir, long seed, DoubleBinaryOperator label) throws IOException {
        Random rng = new Random(seed);
        StringBuilder reg = new StringBuilder("a,b,c,d,e,y\n");
        StringBuilder cls = new StringBuilder("p,q,label\n");
        for (int i = 0; i < 200; i++) {
            double[] x = new double[5];
            for (int j = 0; j < 5; j++) {
                x[j] = rng.nextGaussian();
            }
            double y = Math.sin(x[0]) + 0.5 * x[1] * x[1] - x[2] * x[3] + 0.3 * x[4] + 0.1 * rng.nextGaussian();
            reg.append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f,%.6f,%.6f%n", x[0], x[1], x[2], x[3], x[4], y));
            cls.append(String.format(Locale.ROOT, "%.6f,%.6f,%d%n", x[0], x[1], (int) label.applyAsDouble(x[0], x[1])));
        }
        Path r = dir.resolve("reg.csv");
        Files.writeString(r, reg, StandardCharsets.UTF_8);
        Path c = dir.resolve("cls.csv");
        Files.writeString(c, cls, StandardCharsets.UTF_8);
        return new GeneratedTables(r, c);
    }
}
