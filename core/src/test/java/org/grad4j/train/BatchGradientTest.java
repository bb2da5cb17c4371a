package org.grad4j.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.grad4j.data.Normalization;
import org.grad4j.data.Table;
import org.grad4j.data.Task;
import org.grad4j.io.Architecture;
import org.grad4j.io.Models;
import org.grad4j.nn.Init;
import org.grad4j.nn.loss.CrossEntropyLoss;
import org.grad4j.nn.loss.MSELoss;
import org.grad4j.nn.module.Sequential;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link StepPlanner#gradient}: the book's backprop for the book's networks on a table of doubles
 * (not only on byte images), with autograd's gradients to rounding; autograd for everything else.
 */
class BatchGradientTest {
    static final double ROUNDING = 1e-12;

    static Table classes(Random r, int rows, int features, int k) {
        double[][] x = new double[rows][features];
        int[] t = new int[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < features; j++) {
                x[i][j] = r.nextGaussian();
            }
            t[i] = i % k;
        }
        return Table.classification(x, t, k);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sigmoid", "relu"})
    void theBooksBackpropOnATableEqualsAutograd(String activation) {
        Random r = new Random(3);
        Table data = classes(r, 30, 6, 3);
        Architecture a = Architecture.feedForward(Task.CLASSIFICATION, new int[] {6, 7, 5, 3}, activation,
                "cross-entropy", Normalization.none(6));
        Sequential module = Models.build(a, Init.std(0.5), new Random(4));
        BatchGradient book = StepPlanner.gradient(module, new CrossEntropyLoss(), Task.CLASSIFICATION);
        BatchGradient autograd = new BatchGradient.Autograd(module, new CrossEntropyLoss());
        assertThat(book.kind()).isEqualTo(Plan.Kind.BOOK_BACKPROP);
        int[] idx = {4, 17, 0, 29, 11, 8, 23};
        double lb = book.compute(data, idx, idx.length);
        double la = autograd.compute(data, idx, idx.length);
        assertThat(Math.abs(lb - la)).isLessThanOrEqualTo(ROUNDING);
        double[][] gb = book.grads();
        double[][] ga = autograd.grads();
        assertThat(gb.length).isEqualTo(ga.length);
        for (int i = 0; i < gb.length; i++) {
            for (int j = 0; j < gb[i].length; j++) {
                assertThat(Math.abs(gb[i][j] - ga[i][j])).as("parameter %d [%d]: %s vs %s", i, j, gb[i][j], ga[i][j])
                        .isLessThanOrEqualTo(ROUNDING);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tanh", "regression"})
    void everythingElseIsAutograd(String what) {
        boolean regression = what.equals("regression");
        Architecture a = Architecture.feedForward(regression ? Task.REGRESSION : Task.CLASSIFICATION,
                new int[] {4, 5, regression ? 1 : 3}, regression ? "sigmoid" : "tanh",
                regression ? "mse" : "cross-entropy", Normalization.none(4));
        Sequential module = Models.build(a, Init.std(0.5), new Random(4));
        BatchGradient g = StepPlanner.gradient(module, regression ? new MSELoss() : new CrossEntropyLoss(), a.task());
        assertThat(g.kind()).isEqualTo(Plan.Kind.GENERIC);
    }
}
