package org.grad4j.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.grad4j.data.Dataset;
import org.grad4j.data.Datasets;
import org.grad4j.diff.Gradient;
import org.grad4j.diff.Method;
import org.grad4j.diff.Numerical;
import org.grad4j.expr.Expression;
import org.grad4j.io.ModelFile;
import org.grad4j.nn.TwoLayerNet;
import org.grad4j.optim.Adam;
import org.grad4j.optim.GradientDescent;
import org.grad4j.optim.Sgd;
import org.grad4j.optim.Trajectory;
import org.grad4j.train.InputMode;
import org.grad4j.train.TrainListener;
import org.grad4j.train.TrainResult;
import org.grad4j.train.TrainSettings;
import org.grad4j.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "As a library" code, kept compiling and working (on mnist-sample instead of Fashion-MNIST). */
class ReadmeLibraryExampleTest {

    @TempDir
    Path dir;

    @Test
    void theReadmeCodeRuns() throws Exception {
        Expression f = Expression.parse("x^2/20 + y^2");
        double[] g = f.gradient(-7, 2);
        Gradient n = Numerical.gradient(f.function(), new double[] {-7, 2}, Method.RICHARDSON);
        Trajectory t = GradientDescent.run(f.function(), f::gradient, new double[] {-7, 2},
                GradientDescent.Options.of(0.3, 30), new Adam(new Adam.Options(0.3, 0.9, 0.999, 1e-8, 0, false)));
        assertThat(n.gradient()[0]).isCloseTo(g[0], org.assertj.core.data.Offset.offset(1e-12));
        assertThat(t.lastValue()).isLessThan(t.values()[0]);

        Dataset ds = Datasets.load("mnist-sample");
        TwoLayerNet net = new TwoLayerNet(784, 50, 10, new Random(1));
        TrainResult r = new Trainer(net, new Sgd(0.1), ds, TrainSettings.book().withIterations(500))
                .input(InputMode.AUTO)
                .run(TrainListener.NONE);
        ModelFile.save(dir.resolve("model.npz"), net);
        assertThat(r.testAccuracy()).isGreaterThan(0.5);
    }

    /** The README shows the calls this test makes (it runs them on mnist-sample, 500 iterations). */
    @Test
    void theReadmeShowsThisCode() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains(
                "Expression f = Expression.parse(\"x^2/20 + y^2\");",
                "double[] g = f.gradient(-7, 2);",
                "Gradient n = Numerical.gradient(f.function(), new double[] {-7, 2}, Method.RICHARDSON);",
                "Trajectory t = GradientDescent.run(f.function(), f::gradient, new double[] {-7, 2},",
                "GradientDescent.Options.of(0.3, 30), new Adam(new Adam.Options(0.3, 0.9, 0.999, 1e-8, 0, false)));",
                "TwoLayerNet net = new TwoLayerNet(784, 50, 10, new Random(1));",
                "TrainResult r = new Trainer(net, new Sgd(0.1), ds, TrainSettings.book())",
                ".input(InputMode.AUTO)",
                ".run(TrainListener.NONE);",
                "ModelFile.save(Path.of(\"model.npz\"), net);");
    }
}
