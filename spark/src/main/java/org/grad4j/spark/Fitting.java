package org.grad4j.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.grad4j.data.Normalization;
import org.grad4j.data.Sampling;
import org.grad4j.data.Task;
import org.grad4j.io.Architecture;
import org.grad4j.io.Models;
import org.grad4j.nn.Init;
import org.grad4j.nn.module.Sequential;

/**
 * What {@code fit} does for both estimators: the training rows as cached blocks, a feed-forward
 * module of {@code [features, hidden..., outputs]} ({@link Architecture#feedForward}, features used
 * as they are), trained by {@link DataParallel} with the estimator's params.
 */
final class Fitting {
    private Fitting() {}

    /**
     * Trains on {@code dataset}'s {@code featuresCol} (vectors) and {@code labelCol} (class indices, or targets).
     *
     * @param classes the number of classes (0: the largest label plus one); ignored for regression
     * @param loss    the architecture's loss name ({@code cross-entropy}, {@code mse})
     */
    static Trained fit(TrainingParams<?> p, Dataset<?> dataset, String featuresCol, String labelCol, Task task,
                      int classes, String loss) {
        TrainingData data = TrainingData.of(dataset.toDF(), featuresCol, labelCol, p.getPartitions(), task, classes);
        try {
            int[] h = p.getHidden();
            int[] sizes = new int[h.length + 2];
            sizes[0] = data.features;
            System.arraycopy(h, 0, sizes, 1, h.length);
            sizes[h.length + 1] = task == Task.REGRESSION ? 1 : data.classes;
            Architecture a = Architecture.feedForward(task, sizes, p.getActivation(), loss,
                    Normalization.none(data.features));
            Sequential module = Models.build(a, init(p.getWeightInit()), new Random(p.getSeed()));
            double[][] weights = ModelSpec.arraysOf(module);
            int perEpoch = (int) Math.max(data.rows / p.getBatchSize(), 1);
            int steps = p.getEpochs() > 0 ? Math.multiplyExact(p.getEpochs(), perEpoch) : p.getIterations();
            Plan plan = new Plan(Mode.parse(p.getMode()), p.getLocalSteps(), steps, p.getBatchSize(),
                    Sampling.parse(p.getSampling()), p.getSeed(),
                    p.getClipNorm() == 0 ? Double.POSITIVE_INFINITY : p.getClipNorm(), 0, null);
            OptimizerSpec opt = new OptimizerSpec(p.getOptimizer(), optimizerSettings(p.getLr(), p.getOptimizerOptions()));
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext());
            ModelSpec spec = ModelSpec.of(a, module);
            DataParallel.Result run = DataParallel.train(sc, data, spec, weights, opt, plan, (it, total, l) -> { });
            return new Trained(new SavedWeights(spec, weights), run);
        } finally {
            data.close();
        }
    }

    /** {@code lr} and {@code key=value,...} options as {@link org.grad4j.optim.Optimizers#create} takes them. */
    static Map<String, Double> optimizerSettings(double lr, String options) {
        Map<String, Double> o = new LinkedHashMap<>();
        o.put("lr", lr);
        if (options == null || options.isBlank()) {
            return o;
        }
        for (String kv : options.split(",")) {
            String[] p = kv.split("=", 2);
            if (p.length != 2) {
                throw new IllegalArgumentException("optimizerOptions: expected key=value, got '" + kv.strip() + "'");
            }
            try {
                o.put(p[0].strip(), Double.parseDouble(p[1].strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("optimizerOptions: '" + p[1].strip() + "' is not a number (in '"
                        + kv.strip() + "')");
            }
        }
        return o;
    }

    static Init init(String spec) {
        return switch (spec) {
            case "xavier" -> Init.XAVIER;
            case "he" -> Init.HE;
            default -> {
                try {
                    yield Init.std(Double.parseDouble(spec));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("weightInit: expected xavier, he or a number, got '" + spec + "'");
                }
            }
        };
    }
}
