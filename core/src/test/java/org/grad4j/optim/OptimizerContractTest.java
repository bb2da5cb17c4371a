package org.grad4j.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link OptimizerContract} for every optimizer, plus the hyperparameter validation messages. */
class OptimizerContractTest {

    @Nested
    class PlainSgd extends OptimizerContract {
        Optimizer create(double lr) {
            return new Sgd(lr);
        }
    }

    @Nested
    class SgdNesterovWeightDecay extends OptimizerContract {
        Optimizer create(double lr) {
            return new Sgd(new Sgd.Options(lr, 0.9, 0, true, 0.01));
        }
    }

    @Nested
    class BookMomentum extends OptimizerContract {
        Optimizer create(double lr) {
            return new Momentum(lr);
        }
    }

    @Nested
    class BookNesterov extends OptimizerContract {
        Optimizer create(double lr) {
            return new Nesterov(new Nesterov.Options(lr, 0.9));
        }
    }

    @Nested
    class TorchAdaGrad extends OptimizerContract {
        Optimizer create(double lr) {
            return new AdaGrad(new AdaGrad.Options(lr, 0.01, 0.01, 0.1, 1e-10));
        }
    }

    @Nested
    class TheBooksAdaGrad extends OptimizerContract {
        Optimizer create(double lr) {
            return new BookAdaGrad(lr);
        }
    }

    @Nested
    class TorchRMSprop extends OptimizerContract {
        Optimizer create(double lr) {
            return new RMSprop(new RMSprop.Options(lr, 0.99, 1e-8, 0.01, 0.9, true));
        }
    }

    @Nested
    class TheBooksRMSprop extends OptimizerContract {
        Optimizer create(double lr) {
            return new BookRMSprop(new BookRMSprop.Options(lr, 0.99));
        }
    }

    @Nested
    class TorchAdam extends OptimizerContract {
        Optimizer create(double lr) {
            return new Adam(new Adam.Options(lr, 0.9, 0.999, 1e-8, 0.01, true));
        }
    }

    @Nested
    class TorchAdamW extends OptimizerContract {
        Optimizer create(double lr) {
            return new AdamW(lr);
        }
    }

    @Nested
    class TheBooksAdam extends OptimizerContract {
        Optimizer create(double lr) {
            return new BookAdam(new BookAdam.Options(lr, 0.9, 0.999));
        }
    }

    static java.util.stream.Stream<Arguments> invalid() {
        return java.util.stream.Stream.of(
                Arguments.of((ThrowingCallable) () -> new Sgd(new Sgd.Options(0.1, -1, 0, false, 0)),
                        "Invalid momentum value: -1.0"),
                Arguments.of((ThrowingCallable) () -> new Sgd(new Sgd.Options(0.1, 0.9, 0, false, -1)),
                        "Invalid weight_decay value: -1.0"),
                Arguments.of((ThrowingCallable) () -> new Sgd(new Sgd.Options(0.1, 0, 0, true, 0)),
                        "Nesterov momentum requires a momentum and zero dampening"),
                Arguments.of((ThrowingCallable) () -> new Sgd(new Sgd.Options(0.1, 0.9, 0.1, true, 0)),
                        "Nesterov momentum requires a momentum and zero dampening"),
                Arguments.of((ThrowingCallable) () -> new Adam(new Adam.Options(0.1, 1.0, 0.999, 1e-8, 0, false)),
                        "Invalid beta parameter at index 0: 1.0"),
                Arguments.of((ThrowingCallable) () -> new Adam(new Adam.Options(0.1, 0.9, Double.NaN, 1e-8, 0, false)),
                        "Invalid beta parameter at index 1: nan"),
                Arguments.of((ThrowingCallable) () -> new Adam(new Adam.Options(0.1, 0.9, 0.999, -1e-8, 0, false)),
                        "Invalid epsilon value: -1e-08"),
                Arguments.of((ThrowingCallable) () -> new AdaGrad(new AdaGrad.Options(0.1, -0.5, 0, 0, 1e-10)),
                        "Invalid lr_decay value: -0.5"),
                Arguments.of((ThrowingCallable) () -> new AdaGrad(new AdaGrad.Options(0.1, 0, 0, -1, 1e-10)),
                        "Invalid initial_accumulator_value value: -1.0"),
                Arguments.of((ThrowingCallable) () -> new RMSprop(new RMSprop.Options(0.1, -0.99, 1e-8, 0, 0, false)),
                        "Invalid alpha value: -0.99"),
                Arguments.of((ThrowingCallable) () -> new Momentum(new Momentum.Options(0.1, -0.9)),
                        "Invalid momentum value: -0.9"),
                Arguments.of((ThrowingCallable) () -> new BookAdam(new BookAdam.Options(0.1, 0.9, 1.5)),
                        "Invalid beta parameter at index 1: 1.5"),
                Arguments.of((ThrowingCallable) () -> Optimizers.create("foo", 0.1),
                        "unknown optimizer 'foo' (expected sgd, momentum, nesterov, adagrad, adagrad-book, "
                                + "rmsprop, rmsprop-book, adam, adamw, adam-book)"),
                Arguments.of((ThrowingCallable) () -> Optimizers.create("adam", Map.of("beta3", 0.5)),
                        "unknown option 'beta3' for adam (expected amsgrad, beta1, beta2, eps, lr, weight_decay)"),
                Arguments.of((ThrowingCallable) () -> Optimizers.create("sgd", Map.of("nesterov", 0.5)),
                        "sgd: option nesterov must be 0 or 1, got 0.5"),
                Arguments.of((ThrowingCallable) () -> Optimizers.create("sgd", Map.of("lr", -0.1)),
                        "Invalid learning rate: -0.1"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void invalidHyperparametersUseTorchWording(ThrowingCallable create, String message) {
        assertThatThrownBy(create).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void factoryCreatesEveryNamedOptimizerWithItsDefaults() {
        for (String name : Optimizers.NAMES) {
            assertThat(Optimizers.create(name, Map.of())).as(name).isNotNull();
        }
        assertThat(Optimizers.create("SGD", 0.5)).isInstanceOf(Sgd.class);
        assertThat(Optimizers.create("adam", Map.of()).lr()).isEqualTo(0.001);
        assertThat(((AdamW) Optimizers.create("adamw", Map.of())).options().weightDecay()).isEqualTo(0.01);
        assertThat(Optimizers.create("adam-book", 0.1)).isInstanceOf(BookAdam.class);
        assertThat(Optimizers.create("momentum", Map.of())).isInstanceOf(Momentum.class);
    }

    @Test
    void pythonReprOfFloats() {
        assertThat(Hyper.repr(-0.1)).isEqualTo("-0.1");
        assertThat(Hyper.repr(1.0)).isEqualTo("1.0");
        assertThat(Hyper.repr(-1e-8)).isEqualTo("-1e-08");
        assertThat(Hyper.repr(1e-4)).isEqualTo("0.0001");
        assertThat(Hyper.repr(1e-5)).isEqualTo("1e-05");
        assertThat(Hyper.repr(1e16)).isEqualTo("1e+16");
        assertThat(Hyper.repr(123456.789)).isEqualTo("123456.789");
        assertThat(Hyper.repr(1.5e300)).isEqualTo("1.5e+300");
        assertThat(Hyper.repr(Double.NaN)).isEqualTo("nan");
    }
}
