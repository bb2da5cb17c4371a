package org.grad4j.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Median and worst relative error of each {@link Method} against the exact derivative over
 * {@link SmoothFunctions#cases()}, for the closing note. Print it with
 * {@code mvn -B -q -pl core test-compile && java -cp core/target/classes:core/target/test-classes
 * org.grad4j.diff.AccuracyTable}; {@link AccuracyTableTest} checks the ordering it shows.
 */
final class AccuracyTable {
    /** Median and worst relative error, and how often the error estimate bounded the actual error. */
    record Row(Method method, double median, double worst, String worstCase, int bounded, int cases) {
    }

    private AccuracyTable() {
    }

    static Row of(Method method) {
        List<SmoothFunctions.Case> cases = SmoothFunctions.cases();
        double[] relative = new double[cases.size()];
        double worst = -1;
        String worstCase = "";
        int bounded = 0;
        for (int c = 0; c < cases.size(); c++) {
            SmoothFunctions.Case fc = cases.get(c);
            Derivative d = Numerical.derivative(fc.f(), fc.x(), method);
            double exact = fc.exact().applyAsDouble(fc.x());
            double actual = Math.abs(d.derivative() - exact);
            relative[c] = actual / Math.abs(exact);
            if (relative[c] > worst) {
                worst = relative[c];
                worstCase = fc.toString();
            }
            if (actual <= d.error()) {
                bounded++;
            }
        }
        Arrays.sort(relative);
        int n = relative.length;
        double median = n % 2 == 1 ? relative[n / 2] : (relative[n / 2 - 1] + relative[n / 2]) / 2;
        return new Row(method, median, worst, worstCase, bounded, n);
    }

    static List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-11s %12s %12s  %-22s %s", "method", "median rel", "worst rel", "worst at",
                "error estimate >= actual"));
        for (Method m : Method.values()) {
            Row r = of(m);
            lines.add(String.format("%-11s %12.2e %12.2e  %-22s %d/%d", m.id(), r.median(), r.worst(), r.worstCase(),
                    r.bounded(), r.cases()));
        }
        return lines;
    }

    public static void main(String[] args) {
        lines().forEach(System.out::println);
    }
}
