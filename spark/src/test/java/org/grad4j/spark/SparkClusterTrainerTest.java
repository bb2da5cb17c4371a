package org.grad4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import org.grad4j.data.Sampling;
import org.grad4j.data.SplitExamples;
import org.grad4j.nn.loss.CrossEntropyLoss;
import org.grad4j.nn.Activation;
import org.grad4j.nn.FeedForwardNet;
import org.grad4j.nn.Init;
import org.grad4j.nn.MultiLayerNet;
import org.grad4j.train.ClusterTrainer;
import org.grad4j.train.GradientMode;
import org.grad4j.train.TrainListener;
import org.grad4j.train.TrainSettings;
import org.junit.jupiter.api.Test;

/** The engine behind {@code grad4j train --spark}, as the command line finds and calls it. */
class SparkClusterTrainerTest {
    /** Two epochs of average mode on the MNIST sample reach this test accuracy (in-process SGD: about 0.88). */
    static final double TEST_ACCURACY = 0.8;

    @Test
    void isFoundByServiceLoaderAndTrainsInAverageModeWithPerEpochEvaluations() throws Exception {
        assertThat(ServiceLoader.load(ClusterTrainer.class).findFirst()).get().isInstanceOf(SparkClusterTrainer.class);
        FeedForwardNet net = new MultiLayerNet(784, new int[] {50}, 10, Activation.RELU, Init.HE, new Random(1));
        TrainSettings s = new TrainSettings(160, 100, Sampling.SHUFFLE, 1, GradientMode.BACKPROP, 1, 0,
                Double.POSITIVE_INFINITY, null, 0);
        ModelSpec spec = SyncParityTest.spec(net);
        ClusterTrainer.Job job = new ClusterTrainer.Job("local[2]", "average", 20, 2, spec.parsed(), net.asModule(),
                new CrossEntropyLoss(), "sgd", Map.of("lr", 0.1), null, SplitExamples.train(SyncParityTest.sample()),
                SplitExamples.test(SyncParityTest.sample()), s);
        int[] evaluated = {0};
        ClusterTrainer.Outcome o = SparkClusterTrainer.train(LocalSpark.session(), job, new TrainListener() {
            @Override
            public void evaluated(int iteration, int epoch, double trainAccuracy, double testAccuracy) {
                evaluated[0]++;
            }
        });
        assertThat(o.result().iterations()).isEqualTo(160);
        assertThat(o.result().history().loss()).hasSize(160);
        assertThat(o.result().history().evalIterations()).containsExactly(80, 160);
        assertThat(evaluated[0]).isEqualTo(2);
        assertThat(o.result().testAccuracy()).isGreaterThanOrEqualTo(TEST_ACCURACY);
        assertThat(o.details()).containsEntry("master", "local[2]").containsEntry("mode", "average")
                .containsEntry("partitions", 2).containsEntry("local_steps", 20).containsEntry("jobs", 8)
                .containsKeys("compute_seconds", "communication_seconds", "communication_share");
    }
}
