package org.grad4j.examples;

import org.grad4j.io.Repr;
import java.io.IOException;
import java.nio.file.Path;
import org.grad4j.diff.Derivative;
import org.grad4j.diff.Method;
import org.grad4j.diff.Numerical;
import org.grad4j.plot.LineChart;

/**
 * Why the book's step is h = 1e-4 and not 1e-50: rounding error. Shows that 1e-50 vanishes in
 * float32, that x + h == x for too small a step, and the error of forward and central differences
 * against h (truncation error falls with h, rounding error grows as h shrinks).
 */
public final class RoundingError implements Example {

    @Override
    public String name() {
        return "rounding-error";
    }

    @Override
    public String description() {
        return "why h = 1e-4: float32(1e-50) is 0, x + h == x, and the error of a difference against h";
    }

    @Override
    public void run(ExampleContext ctx) throws IOException {
        ctx.out().println("np.float32(1e-50) = " + Repr.of(Numerical.float32(1e-50)));
        Derivative tiny = Numerical.derivative(BookFunctions::function1, 5, 1e-50);
        ctx.out().println("central difference of function_1 at 5 with h = 1e-50: " + Repr.of(tiny.derivative())
                + "   (exact: 0.2)");
        for (String w : tiny.warnings()) {
            ctx.out().println("  warning: " + w);
        }
        Derivative book = Numerical.derivative(BookFunctions::function1, 5, Method.BOOK);
        ctx.out().println("central difference with the book's h = 1e-4:            " + Repr.of(book.derivative()));
        Derivative rich = Numerical.derivative(BookFunctions::function1, 5, Method.RICHARDSON);
        ctx.out().println("grad4j's default (Richardson, error estimate " + Repr.of(rich.error()) + "): " + Repr.of(rich.derivative()));
        Derivative far = Numerical.derivative(x -> x * x, 1e13, Method.BOOK);
        ctx.out().println("at x = 1e13, h = 1e-4: derivative of x^2 = " + Repr.of(far.derivative()) + "   (exact: 2e13)");
        for (String w : far.warnings()) {
            ctx.out().println("  warning: " + w);
        }

        ctx.out().println();
        ctx.out().println("error of the difference quotients of exp at x = 1, against h:");
        ctx.out().println("      h     forward error     central error");
        int n = 17;
        double[] logH = new double[n];
        double[] fwd = new double[n];
        double[] cen = new double[n];
        double exact = Math.E;
        for (int i = 0; i < n; i++) {
            double h = Math.pow(10, -(i + 1));
            logH[i] = -(i + 1);
            fwd[i] = Math.max(Math.abs((Math.exp(1 + h) - Math.exp(1)) / h - exact) / exact, 1e-17);
            cen[i] = Math.max(Math.abs((Math.exp(1 + h) - Math.exp(1 - h)) / (2 * h) - exact) / exact, 1e-17);
            ctx.out().printf("  1e-%02d  %14.3e  %14.3e%n", i + 1, fwd[i], cen[i]);
        }
        LineChart chart = LineChart.titled("Relative error of difference quotients of exp at 1")
                .xLabel("log10 h").yLabel("relative error").logY(true).markers(true)
                .add("forward (f(x+h) - f(x)) / h", logH, fwd)
                .add("central (f(x+h) - f(x-h)) / 2h", logH, cen);
        Path file = ctx.picture(name());
        chart.write(file);
        ctx.wrote(file);
    }

    public static void main(String[] args) throws IOException {
        new RoundingError().run(Examples.defaultContext());
    }
}
