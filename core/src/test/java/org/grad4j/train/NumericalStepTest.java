package org.grad4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.grad4j.autograd.Tensor;
import org.grad4j.data.Examples;
import org.grad4j.data.Table;
import org.grad4j.nn.Init;
import org.grad4j.nn.loss.CrossEntropyLoss;
import org.grad4j.nn.loss.Loss;
import org.grad4j.nn.loss.MSELoss;
import org.grad4j.nn.module.BatchNorm1d;
import org.grad4j.nn.module.Dropout;
import org.grad4j.nn.module.Linear;
import org.grad4j.nn.module.Module;
import org.grad4j.nn.module.Relu;
import org.grad4j.nn.module.Sequential;
import org.grad4j.nn.module.Tanh;
import org.grad4j.optim.Sgd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The numerical gradient over any module against autograd's: central differences with the book's
 * h = 1e-4 err by O(h²) times the loss's third derivative plus rounding of about eps·L/h, so both
 * agree to {@code |a - n| <= ATOL + RTOL |n|}.
 */
class NumericalStepTest {

    /** Central differences' truncation (h² = 1e-8 times third derivatives of order 1) and rounding (1e-12). */
    static final double ATOL = 1e-7;
    static final double RTOL = 1e-5;

    static Examples regression() {
        Random rng = new Random(31);
        double[][] x = new double[24][3];
        double[][] y = new double[24][2];
        for (int n = 0; n < 24; n++) {
            for (int i = 0; i < 3; i++) {
                x[n][i] = rng.nextGaussian();
            }
            y[n][0] = Math.sin(x[n][0]) + x[n][1] * x[n][2];
            y[n][1] = x[n][0] - x[n][2];
        }
        return Table.regression(x, y);
    }

    static Examples classes() {
        Random rng = new Random(32);
        double[][] x = new double[24][3];
        int[] t = new int[24];
        for (int n = 0; n < 24; n++) {
            for (int i = 0; i < 3; i++) {
                x[n][i] = rng.nextGaussian();
            }
            t[n] = x[n][0] + x[n][1] > 0 ? (x[n][2] > 0 ? 2 : 1) : 0;
        }
        return Table.classification(x, t, 3);
    }

    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of("Linear Tanh Linear + MSE", (Supplier<Module>) () -> {
                    Random rng = new Random(1);
                    return Sequential.book(new Linear(3, 5, Init.XAVIER, rng), new Tanh(), new Linear(5, 2, Init.XAVIER, rng));
                }, new MSELoss(), regression()),
                Arguments.of("Linear BatchNorm Relu Linear + cross-entropy", (Supplier<Module>) () -> {
                    Random rng = new Random(2);
                    return Sequential.book(new Linear(3, 6, Init.HE, rng), new BatchNorm1d(6), new Relu(),
                            new Linear(6, 3, Init.XAVIER, rng));
                }, new CrossEntropyLoss(), classes()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void equalsTheAutogradGradientAndAdvancesRunningStatisticsOnce(String name, Supplier<Module> model, Loss loss,
            Examples data) {
        int[] idx = {3, 1, 4, 15, 9, 2, 6, 5};
        Module numeric = model.get();
        NumericalStep step = new NumericalStep(numeric, loss, new Sgd(0.1), data, Double.POSITIVE_INFINITY);
        double value = step.gradient(idx, idx.length);
        double[][] n = step.gradients();

        Module auto = model.get();
        auto.train();
        double[] xb = new double[idx.length * data.features()];
        data.gatherFeatures(idx, 0, idx.length, xb);
        Tensor out = auto.forward(Tensor.wrap(xb, idx.length, data.features()));
        Tensor l;
        if (loss.takesClassIndices()) {
            int[] t = new int[idx.length];
            data.gatherLabels(idx, 0, idx.length, t);
            l = loss.forward(out, t);
        } else {
            double[] y = new double[idx.length * data.targetWidth()];
            data.gatherTargets(idx, 0, idx.length, y);
            l = loss.forward(out, Tensor.wrap(y, out.shape()));
        }
        assertThat(value).isEqualTo(l.item());
        l.backward();
        List<Tensor> ps = auto.parameters();
        for (int k = 0; k < ps.size(); k++) {
            double[] a = ps.get(k).grad().data();
            for (int i = 0; i < a.length; i++) {
                assertThat(Math.abs(a[i] - n[k][i])).as("parameter %d [%d]: autograd %s, numerical %s", k, i, a[i], n[k][i])
                        .isLessThanOrEqualTo(ATOL + RTOL * Math.abs(n[k][i]));
            }
        }
        var buffersAfterOneForward = auto.namedBuffers();
        numeric.namedBuffers().forEach((b, t) -> assertThat(t.data()).as(b)
                .containsExactly(buffersAfterOneForward.get(b).data()));
        assertThat(step.unfilledGradients()).containsExactlyElementsOf(numeric.namedParameters().keySet());
    }

    /** Five SGD steps with either gradient reach the same weights, to the gradients' agreement times lr and steps. */
    @Test
    void thePlannerTakesItForAnyModuleAndTrainsAsAutogradDoes() throws Exception {
        Examples data = regression();
        TrainSettings s = TrainSettings.book().withIterations(5).withBatch(8);
        Module numeric = models().findFirst().map(a -> ((Supplier<Module>) a.get()[1]).get()).orElseThrow();
        Module generic = models().findFirst().map(a -> ((Supplier<Module>) a.get()[1]).get()).orElseThrow();
        Trainer t = new Trainer(numeric, new MSELoss(), new Sgd(0.1), data, data,
                s.withGradient(GradientMode.NUMERICAL, 1));
        assertThat(t.plan().kind()).isEqualTo(Plan.Kind.NUMERICAL);
        t.run(TrainListener.NONE);
        new Trainer(generic, new MSELoss(), new Sgd(0.1), data, data, s).run(TrainListener.NONE);
        List<Tensor> a = numeric.parameters();
        List<Tensor> b = generic.parameters();
        for (int k = 0; k < a.size(); k++) {
            for (int i = 0; i < a.get(k).size(); i++) {
                assertThat(a.get(k).data()[i]).as("parameter %d [%d]", k, i)
                        .isCloseTo(b.get(k).data()[i], org.assertj.core.data.Offset.offset(5 * 0.1 * ATOL));
            }
        }
    }

    @Test
    void dropoutIsRefusedAsItsForwardIsNotDeterministic() {
        Random rng = new Random(3);
        Sequential net = Sequential.book(new Linear(3, 4, Init.XAVIER, rng), new Relu(), new Dropout(0.5, rng),
                new Linear(4, 2, Init.XAVIER, rng));
        assertThatThrownBy(() -> StepPlanner.plan(net, new MSELoss(), new Sgd(0.1), regression(),
                TrainSettings.book().withGradient(GradientMode.NUMERICAL, 1), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the numerical gradient needs a deterministic forward: Dropout(0.5) draws a new mask at every "
                        + "evaluation");
    }
}
