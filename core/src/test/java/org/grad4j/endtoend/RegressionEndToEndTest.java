package org.grad4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.grad4j.autograd.Tensor;
import org.grad4j.nn.loss.MSELoss;
import org.grad4j.nn.module.Linear;
import org.grad4j.nn.module.Sequential;
import org.grad4j.nn.module.Tanh;
import org.grad4j.optim.Adam;
import org.grad4j.optim.ModuleOptimizer;
import org.junit.jupiter.api.Test;

/**
 * A user's regression net, {@code Linear(3, 8) - Tanh - Linear(8, 1)} with MSE, trained by Adam for 100
 * steps, against PyTorch 1.13 float64 from the same initial weights: the expected values were printed by
 * {@code tools/reference/regression_adam_reference.py} (its docstring gives the data and weights, all
 * dyadic rationals so both sides start bit-identical).
 */
class RegressionEndToEndTest {

    /** 100 Adam steps of the same double arithmetic, summed in other orders. */
    private static final double TORCH = 1e-9;

    private static final double LOSS0 = 0.187166183948802;
    private static final double LOSS99 = 0.005121290896857658;
    private static final Map<String, double[]> FINAL = Map.of(
            "0.weight", new double[] {-0.30569026795118476, -0.06902990418874215, 0.15402341514108825,
                -0.13930623657178837, -0.03550007840960005, 0.4769121202470492, -0.14734636311399743,
                0.26699527657859057, -0.42391049281728793, -0.08921663149120664, 0.43500619553650216,
                -0.32444637082069727, 0.2657637468282219, -0.5491690561111893, 0.06758412186901448,
                0.08988852955138693, -0.02573543856042434, 0.30118772038017594, 0.15398133651125237,
                0.07145435574465689, -0.027663534001125065, -0.08598227864418143, -0.23870224448074576,
                0.5580336801866201},
            "0.bias", new double[] {-0.023312894139857914, -0.006165522876112588, 0.05184877062380359,
                -0.09344327194731016, -0.052044812621271516, 0.08674779177698683, -0.12435811089690028,
                -0.06962492626414293},
            "2.weight", new double[] {-0.1638849906789704, -0.22794998451682347, 0.14211502975802015,
                0.03265622639304827, 0.02297346847507565, -0.05466414419885679, 0.2898767482286023,
                -0.613178418350197},
            "2.bias", new double[] {0.06932377797908072});

    @Test
    void hundredAdamStepsEqualPyTorch() {
        double[][] x = new double[32][3];
        double[][] y = new double[32][1];
        for (int n = 0; n < 32; n++) {
            for (int i = 0; i < 3; i++) {
                x[n][i] = ((7 * (3 * n + i)) % 17 - 8) / 8.0;
            }
            y[n][0] = x[n][0] * x[n][1] - 0.5 * x[n][2] + 0.25;
        }
        double[][] w1 = new double[3][8];
        double[] b1 = new double[8];
        double[][] w2 = new double[8][1];
        for (int j = 0; j < 8; j++) {
            for (int i = 0; i < 3; i++) {
                w1[i][j] = ((5 * (8 * i + j)) % 13 - 6) / 16.0;
            }
            b1[j] = (j % 3 - 1) / 8.0;
            w2[j][0] = ((3 * j) % 7 - 3) / 8.0;
        }
        Sequential model = new Sequential(
                new Linear(Tensor.of(w1), Tensor.of(b1)), new Tanh(), new Linear(Tensor.of(w2), Tensor.of(0.125)));
        ModuleOptimizer opt = new ModuleOptimizer(new Adam(0.01), model);
        MSELoss mse = new MSELoss();
        Tensor input = Tensor.of(x);
        Tensor target = Tensor.of(y);
        double[] losses = new double[100];
        for (int step = 0; step < 100; step++) {
            opt.zeroGrad();
            Tensor loss = mse.forward(model.forward(input), target);
            losses[step] = loss.item();
            loss.backward();
            opt.step();
        }
        assertThat(losses[0]).isCloseTo(LOSS0, within(1e-15));
        assertThat(losses[99]).isCloseTo(LOSS99, within(TORCH));
        model.namedParameters().forEach((name, p) -> {
            double[] want = FINAL.get(name);
            for (int i = 0; i < want.length; i++) {
                assertThat(p.data()[i]).as("%s[%d]", name, i).isCloseTo(want[i], within(TORCH));
            }
        });
    }
}
