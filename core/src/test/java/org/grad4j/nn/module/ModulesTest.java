package org.grad4j.nn.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Random;
import org.grad4j.autograd.GradCheck;
import org.grad4j.autograd.Tensor;
import org.grad4j.autograd.TorchValues;
import org.grad4j.nn.Init;
import org.junit.jupiter.api.Test;

class ModulesTest {

    @Test
    void batchNorm1dMatchesPyTorchInTrainingThenEvaluation() {
        // Values from tools/reference/autograd_reference.py (torch.nn.BatchNorm1d(3), PyTorch 1.13 float64).
        BatchNorm1d bn = new BatchNorm1d(3);
        System.arraycopy(TorchValues.get("bn.gamma").data(), 0, bn.weight().data(), 0, 3);
        System.arraycopy(TorchValues.get("bn.beta").data(), 0, bn.bias().data(), 0, 3);
        for (String mode : new String[] {"train", "eval"}) {
            if (mode.equals("train")) {
                bn.train();
            } else {
                bn.eval();
            }
            bn.zeroGrad();
            Tensor x = TorchValues.leaf("bn." + mode + ".x");
            Tensor y = bn.forward(x);
            TorchValues.assertClose(mode + " y", y, TorchValues.get("bn." + mode + ".y"), TorchValues.FORWARD);
            y.backward(TorchValues.get("bn." + mode + ".w"));
            TorchValues.assertClose(mode + " dx", x.grad(), TorchValues.get("bn." + mode + ".dx"), TorchValues.GRADIENT);
            TorchValues.assertClose(mode + " dgamma", bn.weight().grad(), TorchValues.get("bn." + mode + ".dgamma"),
                    TorchValues.GRADIENT);
            TorchValues.assertClose(mode + " dbeta", bn.bias().grad(), TorchValues.get("bn." + mode + ".dbeta"),
                    TorchValues.GRADIENT);
            TorchValues.assertClose(mode + " running_mean", bn.runningMean(),
                    TorchValues.get("bn." + mode + ".running_mean"), TorchValues.FORWARD);
            TorchValues.assertClose(mode + " running_var", bn.runningVar(),
                    TorchValues.get("bn." + mode + ".running_var"), TorchValues.FORWARD);
        }
        assertThat(bn.namedParameters().keySet()).containsExactly("weight", "bias");
        assertThat(bn.namedBuffers().keySet()).containsExactly("running_mean", "running_var");
    }

    @Test
    void namesAreDottedAsAStateDictOrTheBooks() {
        Random rng = new Random(1);
        Sequential torchNames = new Sequential(new Linear(4, 3, Init.HE, rng), new Relu(), new BatchNorm1d(3),
                new Linear(3, 2, Init.HE, rng));
        assertThat(torchNames.namedParameters().keySet())
                .containsExactly("0.weight", "0.bias", "2.weight", "2.bias", "3.weight", "3.bias");
        assertThat(torchNames.stateDict().keySet()).containsExactly("0.weight", "0.bias", "2.weight", "2.bias",
                "3.weight", "3.bias", "2.running_mean", "2.running_var");
        Sequential book = Sequential.book(new Linear(4, 3, Init.HE, rng), new BatchNorm1d(3), new Relu(),
                new Dropout(0.5, rng), new Linear(3, 2, Init.HE, rng));
        assertThat(book.namedParameters().keySet()).containsExactly("W1", "b1", "gamma1", "beta1", "W2", "b2");
        assertThat(book.namedBuffers().keySet()).containsExactly("running_mean1", "running_var1");
        Sequential nested = new Sequential(torchNames, new Tanh());
        assertThat(nested.namedParameters().keySet()).startsWith("0.0.weight", "0.0.bias");
    }

    @Test
    void trainAndEvalReachEveryChild() {
        Random rng = new Random(2);
        Dropout drop = new Dropout(0.5, rng);
        Sequential net = new Sequential(new Linear(3, 3, Init.XAVIER, rng), drop);
        Tensor x = Tensor.ones(4, 3);
        net.eval();
        assertThat(drop.isTraining()).isFalse();
        assertThat(drop.forward(x)).isSameAs(x);
        net.train();
        assertThat(drop.forward(x).data()).contains(0.0, 2.0);
    }

    @Test
    void loadStateDictCopiesByName() {
        Random rng = new Random(3);
        Sequential a = Sequential.book(new Linear(2, 3, Init.HE, rng), new Sigmoid(), new Linear(3, 1, Init.HE, rng));
        Sequential b = Sequential.book(new Linear(2, 3, Init.HE, rng), new Sigmoid(), new Linear(3, 1, Init.HE, rng));
        b.loadStateDict(a.stateDict());
        Tensor x = Tensor.randn(rng, 5, 2);
        assertThat(b.forward(x).data()).containsExactly(a.forward(x).data());
        Map<String, Tensor> missing = a.stateDict();
        missing.remove("b2");
        assertThatThrownBy(() -> b.loadStateDict(missing)).hasMessage("loadStateDict: missing b2");
        Map<String, Tensor> wrong = a.stateDict();
        wrong.put("W2", Tensor.zeros(1, 3));
        assertThatThrownBy(() -> b.loadStateDict(wrong)).hasMessage("loadStateDict: W2 has shape [1, 3], expected [3, 1]");
    }

    @Test
    void everyModulePassesGradCheck() {
        Random rng = new Random(4);
        Tensor x = Tensor.randn(rng, 5, 4).requiresGrad(true);
        Module[] modules = {new Linear(4, 3, Init.XAVIER, rng), new Sigmoid(), new Relu(), new Tanh(),
            new BatchNorm1d(4)};
        for (Module m : modules) {
            GradCheck.Result r = GradCheck.check(new GradCheck.Options(1e-6, 1e-8, 1e-6),
                    in -> m.forward(in[0]).pow(2), x);
            assertThat(r.passed()).as(m.getClass().getSimpleName() + ": " + r).isTrue();
        }
        Linear lin = new Linear(4, 2, Init.XAVIER, rng);
        GradCheck.Result r = GradCheck.check(in -> new Linear(in[1], in[2]).forward(in[0]).tanh(), x, lin.weight(),
                lin.bias());
        assertThat(r.passed()).as(r.toString()).isTrue();
    }
}
