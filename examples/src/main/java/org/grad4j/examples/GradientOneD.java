package org.grad4j.examples;

import org.grad4j.io.Repr;
import java.io.IOException;
import java.nio.file.Path;
import org.grad4j.diff.Derivative;
import org.grad4j.diff.Method;
import org.grad4j.diff.Numerical;
import org.grad4j.plot.LineChart;

/** The book's {@code gradient_1d.py}: the derivative of 0.01x^2 + 0.1x and its tangent line at x = 5. */
public final class GradientOneD implements Example {

    @Override
    public String name() {
        return "gradient-1d";
    }

    @Override
    public String description() {
        return "numerical_diff of 0.01x^2 + 0.1x at 5 and 10, the tangent line at x = 5 (gradient_1d.py)";
    }

    @Override
    public void run(ExampleContext ctx) throws IOException {
        Derivative d5 = Numerical.derivative(BookFunctions::function1, 5, Method.BOOK);
        Derivative d10 = Numerical.derivative(BookFunctions::function1, 10, Method.BOOK);
        ctx.out().println("numerical_diff(function_1, 5)  = " + Repr.of(d5.derivative()) + "   (exact: 0.2)");
        ctx.out().println("numerical_diff(function_1, 10) = " + Repr.of(d10.derivative()) + "   (exact: 0.3)");
        double slope = d5.derivative();
        double intercept = BookFunctions.function1(5) - slope * 5;
        ctx.out().println("tangent line at x = 5: y = " + Repr.of(slope) + " * x " + (intercept < 0 ? "- " : "+ ") + Repr.of(Math.abs(intercept)));

        int n = 200;
        double[] x = new double[n];
        double[] f = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.1 * i; // np.arange(0.0, 20.0, 0.1)
            f[i] = BookFunctions.function1(x[i]);
            t[i] = slope * x[i] + intercept;
        }
        LineChart chart = LineChart.titled("f(x) = 0.01x² + 0.1x and its tangent at x = 5")
                .xLabel("x").yLabel("f(x)").add("f(x)", x, f).addDashed("tangent at x = 5", x, t);
        Path file = ctx.picture(name());
        chart.write(file);
        ctx.wrote(file);
    }

    public static void main(String[] args) throws IOException {
        new GradientOneD().run(Examples.defaultContext());
    }
}
