package org.grad4j.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TwoLayerNetTest {

    /** Agreement with PyTorch float64: both compute the same formulas in double. */
    private static final double TORCH = 1e-14;

    /** The book reports 1e-10 .. 1e-13 for its 784-50-10 check; we require below this. */
    private static final double GRADIENT_CHECK = 1e-9;

    // 4-5-3 network of tools/reference/two_layer_net.py (weights from closed formulas, mirrored here).
    private static TwoLayerNet small(Activation activation) {
        Tensor w1 = Tensor.zeros(4, 5);
        Tensor b1 = Tensor.zeros(5);
        Tensor w2 = Tensor.zeros(5, 3);
        Tensor b2 = Tensor.zeros(3);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 5; j++) {
                w1.set(i, j, 0.5 * Math.sin(5 * i + j + 1));
            }
        }
        for (int j = 0; j < 5; j++) {
            b1.data()[j] = 0.1 * Math.cos(j + 1);
        }
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 3; j++) {
                w2.set(i, j, 0.5 * Math.cos(3 * i + j + 1));
            }
        }
        for (int j = 0; j < 3; j++) {
            b2.data()[j] = 0.05 * (j - 1);
        }
        return new TwoLayerNet(w1, b1, w2, b2, activation);
    }

    private static final Tensor X = smallX();
    private static final int[] T = {2, 0};

    private static Tensor smallX() {
        Tensor x = Tensor.zeros(2, 4);
        for (int n = 0; n < 2; n++) {
            for (int i = 0; i < 4; i++) {
                x.set(n, i, 0.25 * (n + 1) * Math.sin(4 * n + i + 2));
            }
        }
        return x;
    }

    // Values printed by tools/reference/two_layer_net.py (PyTorch 1.13, float64).
    private static final double[] SIGMOID_SCORES = {0.12194285816718627, -0.044219221229904494,
        -0.16972635255560786, 0.1280763522005473, -0.02224745912395444, -0.1521170591293068};
    private static final double SIGMOID_LOSS = 1.1032566081545898;
    private static final double[][] SIGMOID_GRADS = {
        {0.017271596940821202, -0.01848186768428168, 0.019442288199668745, -0.019403328805594408,
            0.019375807610839332, -0.013441770601017136, 0.013860418878358469, -0.013955271849715551,
            0.013289887792469026, -0.01280912997860828, -0.031796836242181464, 0.03345950024483243,
            -0.034522419318504846, 0.03376444284359412, -0.03321741253805287, -0.02091803728090742,
            0.022296071392598628, -0.023349813674154413, 0.023196124857024797, -0.023085759199958162},
        {0.0016418958364370628, -0.004169552594627465, 0.00726984637202549, -0.010194267285544525,
            0.01230955300515725},
        {-0.019866523016427554, 0.1616059290285331, -0.14173940601210555, -0.02897379290153066,
            0.16419719422777534, -0.1352234013262447, -0.06498086558343266, 0.16652303246949562,
            -0.10154216688606299, -0.09449080613684376, 0.16633740280089804, -0.07184659666405428,
            -0.09060505128392726, 0.16391680865362818, -0.07331175736970091},
        {-0.11611527683909736, 0.32769951053983803, -0.21158423370074073}};
    private static final double[] RELU_SCORES = {-0.05423492119913911, -0.02303788164795972,
        0.029340080045719263, -0.03382127065633249, 0.01270186482324521, 0.04754696436198209};
    private static final double RELU_LOSS = 1.0978441151966192;
    private static final double[][] RELU_GRADS = {
        {0.03867253109741763, -0.04212436960545753, 0.030645457050113106, -0.03020884002188967,
            0.029167592855234913, 0.006001851252581708, -0.00653756538055024, -0.07205632730938452,
            0.07102971447593676, -0.06858144142431433, -0.03218690295492267, 0.03505984630570749,
            -0.10850985664541284, 0.1069638770548981, -0.10327701473787049, -0.04078316702317923,
            0.04442339698526292, -0.04519992420049116, 0.044555944358778535, -0.04302017698778422},
        {0.17012049064043558, -0.18530513058862114, -0.21935402472410825, 0.21622880775484343,
            -0.20877576972820214},
        {0.04390293727779562, 0.04529416724326421, -0.08919710452105983, 0.03836754780313693,
            0.039583368099339954, -0.07795091590247688, -0.027295475108244312, 0.0134099832232579,
            0.013885491884986417, -0.10743967649385958, 0.052783996379669, 0.0546556801141906,
            -0.08880433479447428, 0.0436286466904835, 0.0451756881039908},
        {-0.1800623900555173, 0.33261938959779014, -0.1525569995422728}};

    @ParameterizedTest
    @EnumSource(Activation.class)
    void matchesPyTorch(Activation activation) {
        boolean sigmoid = activation == Activation.SIGMOID;
        TwoLayerNet net = small(activation);
        assertThat(net.predict(X).data()).containsExactly(sigmoid ? SIGMOID_SCORES : RELU_SCORES, within(TORCH));
        assertThat(net.loss(X, T)).isCloseTo(sigmoid ? SIGMOID_LOSS : RELU_LOSS, within(TORCH));
        assertThat(net.gradient(X, T)).isCloseTo(sigmoid ? SIGMOID_LOSS : RELU_LOSS, within(TORCH));
        double[][] expected = sigmoid ? SIGMOID_GRADS : RELU_GRADS;
        for (int p = 0; p < 4; p++) {
            assertThat(net.gradArrays()[p]).as(net.parameters().get(p).name())
                    .containsExactly(expected[p], within(TORCH));
        }
    }

    @Test
    void parametersAreNamedAndShapedLikeTheBook() {
        TwoLayerNet net = new TwoLayerNet(784, 50, 10, new Random(1));
        List<Parameter> ps = net.parameters();
        assertThat(ps).extracting(Parameter::name).containsExactly("W1", "b1", "W2", "b2");
        assertThat(ps.get(0).value().shape()).containsExactly(784, 50);
        assertThat(ps.get(1).value().shape()).containsExactly(50);
        assertThat(ps.get(2).value().shape()).containsExactly(50, 10);
        assertThat(ps.get(3).value().shape()).containsExactly(10);
        assertThat(net.paramArrays()).isSameAs(net.paramArrays());
        assertThat(net.paramArrays()[0]).isSameAs(ps.get(0).value().data());
        assertThat(net.gradArrays()[3]).isSameAs(ps.get(3).grad().data());
        assertThat(ps.get(1).value().data()).containsOnly(0.0);
        double[] w1 = ps.get(0).value().data();
        double sq = 0;
        for (double v : w1) {
            sq += v * v;
        }
        // std 0.01 over 39200 draws: the sample std is within 2% of it
        assertThat(Math.sqrt(sq / w1.length)).isCloseTo(0.01, within(0.0002));
    }

    @Test
    void givenWeightsAreShapeChecked() {
        Tensor w1 = Tensor.zeros(784, 50);
        assertThatThrownBy(() -> new TwoLayerNet(w1, Tensor.zeros(40), Tensor.zeros(50, 10), Tensor.zeros(10),
                Activation.SIGMOID)).hasMessage("b1: shape [40], expected [50]");
        assertThatThrownBy(() -> new TwoLayerNet(w1, Tensor.zeros(50), Tensor.zeros(40, 10), Tensor.zeros(10),
                Activation.SIGMOID)).hasMessage("W2: shape [40, 10], expected [50, 10]");
        assertThatThrownBy(() -> new TwoLayerNet(w1, Tensor.zeros(50), Tensor.zeros(50, 10), Tensor.zeros(9),
                Activation.RELU)).hasMessage("b2: shape [9], expected [10]");
        TwoLayerNet net = new TwoLayerNet(w1, Tensor.zeros(50), Tensor.zeros(50, 10), Tensor.zeros(10),
                Activation.RELU);
        assertThatThrownBy(() -> net.predict(Tensor.zeros(3, 783)))
                .hasMessage("network input shape [3, 783], expected [*, 784]");
        assertThatThrownBy(() -> net.loss(Tensor.zeros(3, 784), new int[2])).hasMessage("2 labels for 3 rows");
    }

    @Test
    void gradientCheckOnTheBookNetwork() {
        Random rng = new Random(2024);
        TwoLayerNet net = new TwoLayerNet(784, 50, 10, rng);
        Tensor x = Tensor.zeros(3, 784);
        for (int i = 0; i < x.size(); i++) {
            x.data()[i] = rng.nextDouble();
        }
        int[] t = {rng.nextInt(10), rng.nextInt(10), rng.nextInt(10)};
        double[][] before = copy(net.paramArrays());
        Map<String, Double> diff = GradientCheck.meanAbsoluteDifference(net, x, t, 2);
        assertThat(diff.keySet()).containsExactly("W1", "b1", "W2", "b2");
        diff.forEach((name, d) -> assertThat(d).as(name).isLessThan(GRADIENT_CHECK));
        for (int p = 0; p < before.length; p++) {
            assertThat(net.paramArrays()[p]).containsExactly(before[p]);
        }
    }

    @Test
    void numericalGradientIsTheSameWithAnyThreadCountAndRestoresWeights() {
        Random rng = new Random(3);
        TwoLayerNet net = new TwoLayerNet(6, 4, 3, 0.5, Activation.RELU, rng);
        Tensor x = Tensor.randn(5, 6, 1.0, rng);
        int[] t = {0, 1, 2, 1, 0};
        double[][] before = copy(net.paramArrays());
        net.numericalGradient(x, t, 1);
        double[][] single = copy(net.gradArrays());
        net.numericalGradient(x, t, 3);
        for (int p = 0; p < before.length; p++) {
            assertThat(net.gradArrays()[p]).containsExactly(single[p]);
            assertThat(net.paramArrays()[p]).containsExactly(before[p]);
        }
        assertThatThrownBy(() -> net.numericalGradient(x, t, 0))
                .hasMessage("numericalGradient: threads must be positive: 0");
    }

    @Test
    void chunkedAccuracyLossAndPredictAgreeWithOneShot() {
        Random rng = new Random(4);
        TwoLayerNet net = new TwoLayerNet(8, 6, 4, 1.0, Activation.SIGMOID, rng);
        int n = FeedForwardNet.CHUNK * 2 + 37;
        Tensor x = Tensor.randn(n, 8, 1.0, rng);
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = rng.nextInt(4);
        }
        Tensor scores = net.predict(x);
        int[] best = org.grad4j.tensor.Ops.argmaxRows(scores, null);
        int correct = 0;
        for (int i = 0; i < n; i++) {
            correct += best[i] == t[i] ? 1 : 0;
        }
        assertThat(net.accuracy(x, t)).isEqualTo((double) correct / n);
        SoftmaxWithLoss oneShot = new SoftmaxWithLoss();
        assertThat(net.loss(x, t)).isCloseTo(oneShot.forward(scores, t), within(1e-13));
    }

    static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
