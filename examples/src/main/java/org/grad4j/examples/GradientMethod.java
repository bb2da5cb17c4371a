package org.grad4j.examples;

import org.grad4j.io.Repr;
import java.io.IOException;
import java.nio.file.Path;
import org.grad4j.optim.GradientDescent;
import org.grad4j.optim.Trajectory;
import org.grad4j.plot.GradientField;

/** The book's {@code gradient_method.py}: gradient descent on x0^2 + x1^2 from (-3, 4), lr 0.1. */
public final class GradientMethod implements Example {

    @Override
    public String name() {
        return "gradient-method";
    }

    @Override
    public String description() {
        return "gradient descent on x0^2 + x1^2 from (-3, 4), lr 0.1, 20 steps, and 100 steps (gradient_method.py)";
    }

    @Override
    public void run(ExampleContext ctx) throws IOException {
        double[] init = {-3.0, 4.0};
        Trajectory path = GradientDescent.run(BookFunctions::function2, BookFunctions.bookGradient(BookFunctions::function2),
                init, GradientDescent.Options.of(0.1, 20));
        ctx.out().println("gradient_descent(function_2, init_x=[-3.0, 4.0], lr=0.1, step_num=20):");
        ctx.out().println("step  x0                      x1                      f");
        double[][] pts = path.points();
        for (int i = 0; i < pts.length; i++) {
            ctx.out().printf("%4d  %-22s  %-22s  %s%n", i, Repr.of(pts[i][0]), Repr.of(pts[i][1]), Repr.of(path.values()[i]));
        }
        Trajectory longer = GradientDescent.run(BookFunctions::function2, BookFunctions.bookGradient(BookFunctions::function2),
                init, GradientDescent.Options.of(0.1, 100));
        ctx.out().println();
        ctx.out().println("gradient_descent(function_2, init_x=[-3.0, 4.0], lr=0.1, step_num=100) = "
                + NumpyFormat.array(longer.last()));

        GradientField field = GradientField.of(BookFunctions::function2, x -> new double[] {2 * x[0], 2 * x[1]})
                .xRange(-3.5, 3.5).yRange(-4.5, 4.5).step(0.5).title("Gradient descent on x0² + x1², lr = 0.1")
                .addPath("lr = 0.1, 20 steps", pts);
        Path file = ctx.picture(name());
        field.write(file);
        ctx.wrote(file);
    }


    public static void main(String[] args) throws IOException {
        new GradientMethod().run(Examples.defaultContext());
    }
}
