package org.grad4j.examples;

import org.grad4j.io.Repr;
import java.io.IOException;
import java.nio.file.Path;
import org.grad4j.diff.Method;
import org.grad4j.diff.Numerical;
import org.grad4j.plot.GradientField;

/** The book's {@code gradient_2d.py}: gradients of x0^2 + x1^2 and the field of −∇f. */
public final class GradientTwoD implements Example {

    @Override
    public String name() {
        return "gradient-2d";
    }

    @Override
    public String description() {
        return "numerical_gradient of x0^2 + x1^2 at three points, the quiver of -grad f (gradient_2d.py)";
    }

    @Override
    public void run(ExampleContext ctx) throws IOException {
        for (double[] p : new double[][] {{3.0, 4.0}, {0.0, 2.0}, {3.0, 0.0}}) {
            double[] g = Numerical.gradient(BookFunctions::function2, p, Method.BOOK).gradient();
            ctx.out().println("numerical_gradient(function_2, " + NumpyFormat.array(p) + ") = " + NumpyFormat.array(g)
                    + "   (float64: " + Repr.of(g[0]) + ", " + Repr.of(g[1]) + ")");
        }
        // the book's grid: np.arange(-2, 2.5, 0.25) in both directions
        GradientField field = GradientField.of(BookFunctions::function2,
                        x -> Numerical.gradient(BookFunctions::function2, x, Method.BOOK).gradient())
                .xRange(-2, 2).yRange(-2, 2).step(0.25).title("−∇f of f(x0, x1) = x0² + x1²");
        Path file = ctx.picture(name());
        field.write(file);
        ctx.wrote(file);
    }

    public static void main(String[] args) throws IOException {
        new GradientTwoD().run(Examples.defaultContext());
    }
}
