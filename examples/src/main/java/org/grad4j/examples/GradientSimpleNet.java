package org.grad4j.examples;

import java.io.IOException;
import org.grad4j.io.Repr;
import org.grad4j.nn.SimpleNet;
import org.grad4j.tensor.Ops;
import org.grad4j.tensor.Tensor;

/** The book's {@code gradient_simplenet.py}: a 2x3 network, its loss and the numerical gradient dW. */
public final class GradientSimpleNet implements Example {
    /** The weights the book prints (ch. 4.4.2). */
    static final double[][] BOOK_W = {{0.47355232, 0.9977393, 0.84668094}, {0.85557411, 0.03563661, 0.69422093}};

    @Override
    public String name() {
        return "gradient-simplenet";
    }

    @Override
    public String description() {
        return "simpleNet (2x3): predict, loss and the numerical gradient dW with the book's W (gradient_simplenet.py)";
    }

    @Override
    public void run(ExampleContext ctx) {
        SimpleNet net = new SimpleNet(Tensor.of(BOOK_W));
        Tensor x = Tensor.of(new double[][] {{0.6, 0.9}});
        int[] t = {2}; // t = [0, 0, 1]
        ctx.out().println("W =");
        print(ctx, net.parameters().get(0).value());
        Tensor p = net.predict(x);
        ctx.out().println("p = net.predict(x) = " + NumpyFormat.array(p.data()));
        ctx.out().println("np.argmax(p) = " + Ops.argmaxRows(p, new int[1])[0]);
        ctx.out().println("net.loss(x, t) = " + Repr.of(net.loss(x, t))
                + "   (exact log-sum-exp; the book prints 0.92806853663411326 with its unrounded W and 1e-7 in the log)");
        net.numericalGradient(x, t, 1);
        ctx.out().println("dW (numerical, h = 1e-4) =");
        print(ctx, net.parameters().get(0).grad());
        net.gradient(x, t);
        ctx.out().println("dW (backprop) =");
        print(ctx, net.parameters().get(0).grad());
    }

    private static void print(ExampleContext ctx, Tensor m) {
        for (int i = 0; i < m.rows(); i++) {
            ctx.out().println("  " + NumpyFormat.array(m.row(i)));
        }
    }

    public static void main(String[] args) throws IOException {
        new GradientSimpleNet().run(Examples.defaultContext());
    }
}
