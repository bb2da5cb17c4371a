package org.grad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sizes that cannot fit are refused before anything is allocated: one line naming the option,
 * the size asked for and what the heap holds, exit code 2 (the examples, each of which
 * used to end in an OutOfMemoryError, an overflow or a misleading message).
 */
class SizesCommandTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "--hidden 1000000; grad4j: --hidden 1000000: the network (795000010 parameters, with gradients and optimizer state) needs 25.4 GB, but the Java heap has ",
        "--hidden 100000000; grad4j: --hidden 100000000: W1 (784 x 100000000) would hold 78400000000 values, more than a Java array holds (2147483639)",
        "--batch 1000000000; grad4j: --batch 1000000000: a batch of 1000000000 x 784 inputs would hold 784000000000 values",
        "--iters 2147483647; grad4j: --iters 2147483647: the loss history (2147483647 values) needs 17.2 GB, but the Java heap has ",
        "--epochs 2147483647; grad4j: --epochs 2147483647: 2147483647 x 80 iterations per epoch = 171798691760 iterations, more than 2147483647",
        "--model multi-layer --hidden 50,3000000000; grad4j: --hidden: '3000000000' is not a whole number",
    })
    void trainRefusesSizesThatCannotFit(String options, String message) {
        CliRun r = CliRun.of(("train --dataset mnist-sample " + options).split(" "));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith(message).doesNotContain("\tat ").endsWith("\n");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void severalHiddenSizesMeanMultiLayer() {
        CliRun r = CliRun.of("train", "--dataset", "mnist-sample", "--hidden", "20,10", "--iters", "5", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"model\":\"multi-layer\"", "\"architecture\":\"multi-layer 784-20-10-10 sigmoid\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "descend x^2 --from 1 --steps 2147483647; grad4j: --steps 2147483647: the path (2147483648 points) needs ",
        "lr-sweep x^2 --from 1 --steps 2147483647; grad4j: --steps 2147483647: the path (2147483648 points) needs ",
        "compare x^2 --from 1 --steps 2147483647; grad4j: --steps 2147483647: the path (2147483648 points) needs ",
        "regress --iters 2147483647; grad4j: --iters 2147483647: the path (2147483648 points) needs ",
        "regress --synthetic 2147483647; grad4j: --synthetic 2147483647: the data (2147483647 x and y values) needs ",
    })
    void pathsAndDataThatCannotFitAreRefused(String command, String message) {
        CliRun r = CliRun.of(command.split(" "));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith(message).contains("but the Java heap has ");
        assertThat(r.err().lines()).hasSize(1);
    }
}
