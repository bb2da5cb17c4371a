package org.grad4j.optim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of {@code optim_reference.txt}, computed once with PyTorch 1.13 (float64) and NumPy 1.24 by
 * {@code tools/reference/optim_reference.py}: {@code kind|name|options|v1 v2 ...}.
 */
record Reference(String kind, String name, String options, double[] values) {

    static List<Reference> load(String kindPrefix) {
        try (InputStream in = Reference.class.getResourceAsStream("optim_reference.txt")) {
            if (in == null) {
                throw new IllegalStateException("optim_reference.txt not on the test class path");
            }
            List<Reference> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\|", -1);
                if (!f[0].startsWith(kindPrefix)) {
                    continue;
                }
                String opts = f.length == 4 ? f[2] : "";
                String[] v = f[f.length - 1].trim().split(" ");
                double[] values = new double[v.length];
                for (int i = 0; i < v.length; i++) {
                    values[i] = Double.parseDouble(v[i]);
                }
                out.add(new Reference(f[0], f[1], opts, values));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return kind + " " + name + " " + options;
    }
}
