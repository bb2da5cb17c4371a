package org.grad4j.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.grad4j.autograd.Tensor;
import org.grad4j.nn.Init;
import org.grad4j.nn.module.Linear;
import org.grad4j.nn.module.Sequential;
import org.grad4j.nn.module.Tanh;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class ModuleOptimizerTest {

    /** Every optimizer grad4j has, through the adapter, equals itself on the raw arrays (bit for bit). */
    @ParameterizedTest
    @FieldSource("org.grad4j.optim.Optimizers#NAMES")
    void stepsTheParametersInNameOrderAsTheArrayOptimizerWould(String name) {
        Random rng = new Random(1);
        Sequential net = Sequential.book(new Linear(3, 4, Init.XAVIER, rng), new Tanh(), new Linear(4, 2, Init.XAVIER, rng));
        double[][] params = net.parameters().stream().map(p -> p.data().clone()).toArray(double[][]::new);
        ModuleOptimizer opt = new ModuleOptimizer(Optimizers.create(name, 0.01), net);
        assertThat(opt.names()).containsExactly("W1", "b1", "W2", "b2");
        Optimizer plain = Optimizers.create(name, 0.01);
        Tensor x = Tensor.randn(rng, 5, 3);
        for (int step = 0; step < 3; step++) {
            opt.zeroGrad();
            net.forward(x).pow(2).mean().backward();
            double[][] grads = net.parameters().stream().map(p -> p.grad().data().clone()).toArray(double[][]::new);
            opt.step();
            plain.step(params, grads);
        }
        for (int i = 0; i < params.length; i++) {
            assertThat(net.parameters().get(i).data()).containsExactly(params[i]);
        }
    }

    @Test
    void unreachedParametersGetZeroGradientsAndSteppedOnesAGraphRefusal() {
        Tensor a = Tensor.of(1, 2).requiresGrad(true);
        Tensor b = Tensor.of(3).requiresGrad(true);
        Map<String, Tensor> named = new LinkedHashMap<>();
        named.put("a", a);
        named.put("b", b);
        ModuleOptimizer opt = new ModuleOptimizer(new Sgd(0.5), named);
        Tensor loss = a.mul(a).sum();
        Tensor kept = a.pow(3).sum();
        loss.backward();
        opt.step();
        assertThat(a.data()).containsExactly(0, 0);
        assertThat(b.data()).containsExactly(3);
        assertThat(a.version()).isEqualTo(1);
        assertThatThrownBy(kept::backward).hasMessageContaining("was modified in place");
        assertThatThrownBy(() -> new ModuleOptimizer(new Sgd(0.1), Map.of("y", a.mul(2))))
                .hasMessage("optimizer: parameter y of shape [2] is not a leaf that requires grad");
        assertThatThrownBy(() -> new ModuleOptimizer(new Sgd(0.1), Map.of()))
                .hasMessage("optimizer got an empty parameter list");
    }
}
