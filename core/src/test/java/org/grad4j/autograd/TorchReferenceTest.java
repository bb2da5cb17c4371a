package org.grad4j.autograd;

import static org.grad4j.autograd.TorchValues.check;
import static org.grad4j.autograd.TorchValues.gradcheck;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every operation's forward value and gradient against PyTorch 1.13 float64 (values printed by
 * {@code tools/reference/autograd_reference.py} into {@code torch_values.txt}), and its gradient
 * against central differences ({@link GradCheck}).
 */
class TorchReferenceTest {

    private static final Map<String, Function<Tensor, Tensor>> UNARY = Map.ofEntries(
            Map.entry("exp", Tensor::exp), Map.entry("log", Tensor::log), Map.entry("sqrt", Tensor::sqrt),
            Map.entry("abs", Tensor::abs), Map.entry("tanh", Tensor::tanh), Map.entry("sigmoid", Tensor::sigmoid),
            Map.entry("relu", Tensor::relu), Map.entry("pow3", x -> x.pow(3)), Map.entry("powHalf", x -> x.pow(0.5)),
            Map.entry("neg", Tensor::neg), Map.entry("mul", x -> x.mul(2.5)), Map.entry("addScalar", x -> x.add(2.5)));

    private static final Map<String, java.util.function.BinaryOperator<Tensor>> BINARY = Map.of(
            "add", Tensor::add, "sub", Tensor::sub, "mul", Tensor::mul, "div", Tensor::div, "pow", Tensor::pow,
            "maximum", Tensor::maximum, "minimum", Tensor::minimum);

    @ParameterizedTest
    @ValueSource(strings = {"exp", "log", "sqrt", "abs", "tanh", "sigmoid", "relu", "pow3", "powHalf", "neg", "mul",
        "addScalar"})
    void unary(String op) {
        Function<Tensor[], Tensor> f = in -> UNARY.get(op).apply(in[0]);
        check("unary." + op, f, "x");
        gradcheck("unary." + op, f, "x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"add", "sub", "mul", "div", "pow", "maximum", "minimum"})
    void binary(String op) {
        Function<Tensor[], Tensor> f = in -> BINARY.get(op).apply(in[0], in[1]);
        check("binary." + op, f, "a", "b");
        gradcheck("binary." + op, f, "a", "b");
    }

    static Stream<Arguments> rankPairs() {
        return IntStream.range(0, 25).mapToObj(i -> Arguments.of(i / 5, i % 5));
    }

    @ParameterizedTest(name = "rank {0} with rank {1}")
    @MethodSource("rankPairs")
    void broadcastingBackwardOverEveryPairOfRanks(int ra, int rb) {
        String key = "" + ra + rb;
        check("broadcast.mul." + key, in -> in[0].mul(in[1]), "a", "b");
        check("broadcast.add." + key, in -> in[0].add(in[1]), "a", "b");
        gradcheck("broadcast.mul." + key, in -> in[0].mul(in[1]), "a", "b");
    }

    @Test
    void aReusedNodeGetsEveryContribution() {
        Function<Tensor[], Tensor> f = in -> {
            Tensor h = in[0].tanh();
            return h.mul(h).add(h).add(h.exp()).mul(in[0]);
        };
        check("reuse", f, "x");
        gradcheck("reuse", f, "x");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void reductionsOverEachAxis(int axis) {
        for (boolean keep : new boolean[] {false, true}) {
            String k = axis + (keep ? "k" : "n");
            check("reduce.sum." + k, in -> in[0].sum(axis, keep), "x");
            check("reduce.mean." + k, in -> in[0].mean(axis, keep), "x");
            check("reduce.max." + k, in -> in[0].max(axis, keep), "x");
            TorchValues.assertClose("argmax." + k, TorchValues.get("reduce.sum." + k + ".x").argmax(axis, keep),
                    TorchValues.get("reduce.argmax." + k + ".y"), 0);
            gradcheck("reduce.mean." + k, in -> in[0].mean(axis, keep), "x");
            gradcheck("reduce.max." + k, in -> in[0].max(axis, keep), "x");
        }
    }

    @Test
    void reductionsOverAll() {
        check("reduce.sumAll", in -> in[0].sum(), "x");
        check("reduce.meanAll", in -> in[0].mean(), "x");
        check("reduce.maxAll", in -> in[0].max(), "x");
        gradcheck("reduce.meanAll", in -> in[0].mean(), "x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2d", "batched", "folded", "rank4"})
    void matmul(String kind) {
        check("matmul." + kind, in -> in[0].matmul(in[1]), "a", "b");
        gradcheck("matmul." + kind, in -> in[0].matmul(in[1]), "a", "b");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void softmaxAndLogSoftmax(int axis) {
        check("softmax." + axis, in -> in[0].softmax(axis), "x");
        check("logSoftmax." + axis, in -> in[0].logSoftmax(axis), "x");
        gradcheck("softmax." + axis, in -> in[0].softmax(axis), "x");
        gradcheck("logSoftmax." + axis, in -> in[0].logSoftmax(axis), "x");
    }

    @Test
    void layoutAndSelection() {
        check("transpose", in -> in[0].transpose(0, 2), "x");
        check("reshape", in -> in[0].reshape(4, -1).exp(), "x");
        check("slice", in -> in[0].slice(1, 3).tanh(), "x");
        int[] classes = {2, 0, 1, 2};
        check("gather", in -> in[0].gather(classes), "x");
        Tensor c = TorchValues.get("where.c");
        check("where", in -> Tensor.where(c, in[0], in[1]), "a", "b");
        check("concat.0", in -> Tensor.concat(0, in[0], in[1]), "a", "b");
        check("concat.1", in -> Tensor.concat(1, in[0], in[1]), "a", "b");
        gradcheck("transpose", in -> in[0].transpose(0, 2).mul(in[0].transpose(0, 2)), "x");
        gradcheck("slice", in -> in[0].slice(1, 3).tanh(), "x");
        gradcheck("gather", in -> in[0].gather(classes).exp(), "x");
        gradcheck("where", in -> Tensor.where(c, in[0], in[1]).pow(2), "a", "b");
        gradcheck("concat.1", in -> Tensor.concat(1, in[0], in[1]).pow(3), "a", "b");
    }
}
