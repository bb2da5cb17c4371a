package org.grad4j.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The autograd engine's contract: accumulation, scopes, deep graphs, and refusals with clear messages. */
class EngineTest {

    private static final double EXACT = 0;

    @Test
    void gradientsAccumulateUntilZeroGrad() {
        Tensor x = Tensor.of(1, 2, 3).requiresGrad(true);
        x.mul(x).sum().backward();
        assertThat(x.grad().data()).containsExactly(2, 4, 6);
        x.mul(x).sum().backward();
        assertThat(x.grad().data()).containsExactly(4, 8, 12);
        x.zeroGrad();
        assertThat(x.grad().data()).containsExactly(0, 0, 0);
        x.mul(3).sum().backward();
        assertThat(x.grad().data()).containsExactly(3, 3, 3);
    }

    @Test
    void nonScalarBackwardNeedsAGradient() {
        Tensor x = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}}).requiresGrad(true);
        Tensor y = x.exp();
        assertThatThrownBy(y::backward).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("backward: gradient can be implicitly created only for scalar outputs, got shape [2, 3];"
                        + " pass backward(gradOutput)");
        assertThatThrownBy(() -> y.backward(Tensor.ones(3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("backward: gradOutput shape [3] differs from output shape [2, 3]");
        y.backward(Tensor.ones(2, 3));
        assertThat(x.grad().data()[5]).isCloseTo(Math.exp(6), within(EXACT));
        assertThatThrownBy(() -> Tensor.of(1, 2).sum().backward()).isInstanceOf(IllegalStateException.class)
                .hasMessage("backward: tensor of shape [] does not require grad and has no gradFn");
    }

    @Test
    void noGradAndDetachRecordNothing() {
        Tensor x = Tensor.of(1, 2).requiresGrad(true);
        try (NoGrad off = new NoGrad()) {
            assertThat(NoGrad.gradEnabled()).isFalse();
            Tensor y = x.mul(x);
            assertThat(y.requiresGrad()).isFalse();
            try (NoGrad nested = new NoGrad()) {
                assertThat(x.exp().gradFn()).isNull();
            }
            assertThat(NoGrad.gradEnabled()).isFalse();
        }
        assertThat(NoGrad.gradEnabled()).isTrue();
        Tensor d = x.detach();
        assertThat(d.requiresGrad()).isFalse();
        assertThat(d.data()).isSameAs(x.data());
        Tensor y = x.mul(d).sum();
        y.backward();
        assertThat(x.grad().data()).containsExactly(1, 2);
    }

    @Test
    void aChainOf100000OperationsDoesNotOverflowTheStack() {
        Tensor x = Tensor.scalar(0.5).requiresGrad(true);
        Tensor y = x;
        for (int i = 0; i < 100_000; i++) {
            y = y.mul(1.0);
        }
        y.add(y).backward();
        assertThat(x.grad().item()).isEqualTo(2.0);
    }

    @Test
    void inPlaceChangeOfASavedTensorIsRefused() {
        Tensor x = Tensor.of(1, 2, 3).requiresGrad(true);
        Tensor h = x.mul(2);
        Tensor y = h.mul(h).sum();
        try (NoGrad off = new NoGrad()) {
            h.fill_(0);
        }
        assertThatThrownBy(y::backward).isInstanceOf(IllegalStateException.class)
                .hasMessage("backward: a tensor of shape [3] saved by mul was modified in place (version 1, saved at"
                        + " version 0); modify a copy, or modify it after backward");
        assertThatThrownBy(() -> x.fill_(1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("fill_: a leaf tensor of shape [3] that requires grad cannot be modified in place while"
                        + " recording (use NoGrad)");
        Tensor view = x.detach().reshape(3, 1);
        Tensor z = x.exp().sum();
        Tensor w = x.log().sum();
        view.addInPlace_(Tensor.ones(3, 1), 1.0);
        z.backward();                        // exp saved its output, not x: unaffected
        assertThatThrownBy(w::backward).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("saved by log was modified in place");
    }

    @Test
    void backwardTwiceThroughAFreedGraphIsRefusedUnlessRetained() {
        Tensor x = Tensor.of(1, 2).requiresGrad(true);
        Tensor y = x.exp().sum();
        y.backward();
        assertThatThrownBy(y::backward).isInstanceOf(IllegalStateException.class)
                .hasMessage("backward: trying to backward through the graph a second time (at sum): its saved tensors"
                        + " were freed by the first backward; pass retainGraph = true to the first backward to keep them");
        Tensor z = x.exp().sum();
        x.zeroGrad();
        z.backward(Tensor.scalar(1), true);
        z.backward();
        assertThat(x.grad().data()).containsExactly(2 * Math.exp(1), 2 * Math.exp(2));
    }

    @Test
    void anomalyModeNamesTheOperationThatMadeNaN() {
        Tensor x = Tensor.of(1, -1, 4).requiresGrad(true);
        assertThat(x.log().data()[1]).isNaN();
        try (Anomaly on = new Anomaly()) {
            assertThatThrownBy(x::log).isInstanceOf(IllegalStateException.class)
                    .hasMessage("anomaly: log produced NaN at index 1 of a result of shape [3] from inputs of shapes [3]");
            assertThatThrownBy(() -> x.sqrt().mul(Tensor.of(1, 2, 3)))
                    .hasMessage("anomaly: sqrt produced NaN at index 1 of a result of shape [3] from inputs of shapes [3]");
        }
        assertThat(Anomaly.enabled()).isFalse();
    }

    @Test
    void shapeErrorsNameTheOperationAndBothShapes() {
        Tensor a = Tensor.zeros(2, 3);
        assertThatThrownBy(() -> a.add(Tensor.zeros(2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("add: cannot broadcast shapes [2, 3] and [2]");
        assertThatThrownBy(() -> a.matmul(Tensor.zeros(2, 3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("matmul: shape mismatch [2, 3] x [2, 3]");
        assertThatThrownBy(() -> a.reshape(4, 2)).hasMessage(
                "reshape: shape [4, 2] is invalid for a tensor of shape [2, 3] (6 elements)");
        assertThatThrownBy(() -> a.sum(2, false)).hasMessage("sum: axis 2 out of range for shape [2, 3]");
        assertThatThrownBy(() -> a.gather(new int[] {0, 3})).hasMessage(
                "gather: class index 3 at row 1 out of range for shape [2, 3]");
        assertThatThrownBy(() -> Tensor.concat(0, a, Tensor.zeros(2, 2))).hasMessage(
                "concat: shapes [2, 3] and [2, 2] differ outside axis 0");
        assertThatThrownBy(() -> Tensor.zeros(1, 1, 1, 1, 1)).hasMessage(
                "zeros: rank 5 of shape [1, 1, 1, 1, 1], at most 4 supported");
        assertThatThrownBy(() -> a.slice(1, 3)).hasMessage("slice: rows 1..3 of a tensor of shape [2, 3]");
    }

    @Test
    void creation() {
        assertThat(Tensor.arange(5).data()).containsExactly(0, 1, 2, 3, 4);
        assertThat(Tensor.arange(1, 2, 0.25).data()).containsExactly(1, 1.25, 1.5, 1.75);
        assertThat(Tensor.full(2.5, 2, 2).data()).containsOnly(2.5);
        assertThat(Tensor.ones(3).sum().item()).isEqualTo(3);
        assertThat(Tensor.scalar(4).rank()).isZero();
        assertThat(Tensor.of(new double[][] {{1, 5}, {7, 2}}).argmax().item()).isEqualTo(2);
        Tensor r = Tensor.randn(new Random(7), 2, 3);
        assertThat(r.data()[0]).isEqualTo(new Random(7).nextGaussian());
        assertThat(Tensor.of(new double[][] {{1, 2}, {3, 4}}).get(1, 0)).isEqualTo(3);
        assertThat(Tensor.of(new double[][] {{1, 2}, {3, 4}}).t().toArray()).isEqualTo(new double[][] {{1, 3}, {2, 4}});
    }

    /** A custom function whose backward is wrong by a factor: GradCheck must catch it and say where. */
    @Test
    void gradCheckReportsAWrongBackward() {
        Function wrong = new Function() {
            @Override
            protected Tensor forward(Context ctx, Tensor... in) {
                ctx.saveForBackward(in[0]);
                return in[0].mul(in[0]);
            }

            @Override
            protected Tensor[] backward(Context ctx, Tensor g) {
                return new Tensor[] {g.mul(ctx.saved(0)).mul(2.1)};
            }
        };
        Tensor x = Tensor.of(1, 2, 3).requiresGrad(true);
        GradCheck.Result r = GradCheck.check(in -> wrong.apply(in[0]).sum(), x);
        assertThat(r.passed()).isFalse();
        assertThat(r.input()).isZero();
        assertThat(r.index()).isEqualTo(2);
        assertThat(r.analytic()).isCloseTo(6.3, within(1e-12));
        assertThat(r.numerical()).isCloseTo(6, within(1e-6));
        assertThat(r.toString()).startsWith("FAILED, worst at input 0 index 2: autograd 6.3");
        assertThat(x.grad()).isNull();
    }
}
