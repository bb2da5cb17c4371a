package org.grad4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.grad4j.autograd.NoGrad;
import org.grad4j.autograd.Tensor;
import org.grad4j.nn.Init;
import org.grad4j.nn.loss.BCEWithLogitsLoss;
import org.grad4j.nn.module.Linear;
import org.grad4j.optim.ModuleOptimizer;
import org.grad4j.optim.Sgd;
import org.junit.jupiter.api.Test;

/**
 * Logistic regression as a user would write it: two Gaussian classes in the plane centred at (-1, -1)
 * and (1, 1) (standard deviation 0.7), one {@code Linear(2, 1)} and {@code BCEWithLogitsLoss}, plain SGD.
 */
class LogisticRegressionEndToEndTest {

    @Test
    void separatesTwoGaussianClasses() {
        Random rng = new Random(2024);
        int n = 400;
        double[][] x = new double[n][2];
        double[][] t = new double[n][1];
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            double centre = label == 1 ? 1 : -1;
            x[i][0] = centre + 0.7 * rng.nextGaussian();
            x[i][1] = centre + 0.7 * rng.nextGaussian();
            t[i][0] = label;
        }
        Tensor input = Tensor.of(x);
        Tensor target = Tensor.of(t);
        Linear model = new Linear(2, 1, Init.XAVIER, rng);
        ModuleOptimizer opt = new ModuleOptimizer(new Sgd(0.5), model);
        BCEWithLogitsLoss bce = new BCEWithLogitsLoss();
        double first = 0;
        double last = 0;
        for (int step = 0; step < 200; step++) {
            opt.zeroGrad();
            Tensor loss = bce.forward(model.forward(input), target);
            first = step == 0 ? loss.item() : first;
            last = loss.item();
            loss.backward();
            opt.step();
        }
        int correct = 0;
        try (NoGrad off = new NoGrad()) {
            Tensor p = model.forward(input).sigmoid();
            for (int i = 0; i < n; i++) {
                correct += (p.get(i, 0) > 0.5) == (t[i][0] == 1) ? 1 : 0;
            }
        }
        // The Bayes classifier x0 + x1 > 0 errs with probability Phi(-sqrt(2) / 0.7) = 2.2 %.
        assertThat(correct / (double) n).isGreaterThan(0.95);
        assertThat(last).isLessThan(first / 3);
        // the learnt boundary is close to the symmetric one: both weights positive and about equal
        double[] w = model.weight().data();
        assertThat(w[0]).isPositive();
        assertThat(w[1] / w[0]).isBetween(0.7, 1.4);
    }
}
