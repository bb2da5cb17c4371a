package org.grad4j.diff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The figures of the default method on {@link HardFunctions#cases()}: how many answers were given
 * as reliable and bounded by their error, how many were flagged, and the median and worst relative
 * error of the reliable ones. Print it with {@code mvn -B -q -pl core -am test-compile && java -cp
 * core/target/classes:core/target/test-classes org.grad4j.diff.HardFunctionsTable};
 * {@link HardFunctionsTest} checks every case.
 */
final class HardFunctionsTable {
    /** The counts and errors over the table. */
    record Summary(int cases, int withDerivative, int reliable, int bounded, int flagged, int withoutDerivative,
                   int withoutFlagged, double median, double worst, String worstCase, List<String> flaggedCases) {
    }

    private HardFunctionsTable() {
    }

    static Summary summary() {
        List<Double> relative = new ArrayList<>();
        List<String> flaggedCases = new ArrayList<>();
        int cases = 0;
        int reliable = 0;
        int bounded = 0;
        int flagged = 0;
        int without = 0;
        int withoutFlagged = 0;
        double worst = -1;
        String worstCase = "";
        for (HardFunctions.Case c : HardFunctions.cases()) {
            cases++;
            Derivative d = Numerical.derivative(c.f(), c.x(), Method.RICHARDSON);
            if (Double.isNaN(c.exact())) {
                without++;
                withoutFlagged += d.reliable() ? 0 : 1;
            } else if (!d.reliable()) {
                flagged++;
                flaggedCases.add(c.toString());
            } else {
                reliable++;
                double actual = Math.abs(d.derivative() - c.exact());
                bounded += actual <= d.error() ? 1 : 0;
                double r = c.exact() == 0 ? actual : actual / Math.abs(c.exact());
                relative.add(r);
                if (r > worst) {
                    worst = r;
                    worstCase = c.toString();
                }
            }
        }
        Collections.sort(relative);
        return new Summary(cases, reliable + flagged, reliable, bounded, flagged, without, withoutFlagged,
                relative.get(relative.size() / 2), worst, worstCase, flaggedCases);
    }

    public static void main(String[] args) {
        Summary s = summary();
        System.out.printf("%d cases, %d with a derivative: %d answered as reliable (error bound held in %d),"
                + " %d flagged reliable=false %s%n", s.cases(), s.withDerivative(), s.reliable(), s.bounded(),
                s.flagged(), s.flaggedCases());
        System.out.printf("%d without a derivative: %d flagged%n", s.withoutDerivative(), s.withoutFlagged());
        System.out.printf("relative error of the reliable answers: median %.2e, worst %.2e (%s)%n", s.median(),
                s.worst(), s.worstCase());
    }
}
