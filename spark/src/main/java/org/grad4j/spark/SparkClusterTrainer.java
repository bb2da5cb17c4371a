package org.grad4j.spark;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import java.util.Arrays;
import java.util.EnumMap;
import org.grad4j.data.Examples;
import org.grad4j.data.Task;
import org.grad4j.io.Models;
import org.grad4j.train.ClusterTrainer;
import org.grad4j.train.Evaluation;
import org.grad4j.train.History;
import org.grad4j.train.RegressionMetrics;
import org.grad4j.train.StepPlanner;
import org.grad4j.train.TrainListener;
import org.grad4j.train.TrainResult;
import org.grad4j.train.TrainSettings;

/**
 * {@code grad4j train --spark MASTER}: the training examples (an IDX data set's or a CSV file's) as
 * a DataFrame ({@link Frames}), the module trained by {@link DataParallel} with the command's
 * settings; train and test scores (accuracy, or R² for regression) measured on the driver at each
 * evaluation (once per epoch by default), as in-process, and for regression the test MSE, MAE and R².
 * Found by {@link java.util.ServiceLoader} through {@code META-INF/services}.
 */
public final class SparkClusterTrainer implements ClusterTrainer {

    @Override
    public Outcome train(Job job, TrainListener listener) throws IOException {
        SparkSession spark = session(job.master());
        try {
            return train(spark, job, listener);
        } finally {
            spark.stop();
        }
    }

    /** A session on {@code master}, bound to 127.0.0.1 unless configured otherwise, with grad4j's jars for remote executors. */
    static SparkSession session(String master) {
        SparkSession.Builder b = SparkSession.builder().master(master).appName("grad4j train")
                .config("spark.ui.enabled", System.getProperty("spark.ui.enabled", "false"))
                .config("spark.driver.host", System.getProperty("spark.driver.host", "127.0.0.1"))
                .config("spark.driver.bindAddress", System.getProperty("spark.driver.bindAddress", "127.0.0.1"));
        if (!master.startsWith("local")) {
            // grad4j's kernels use the Vector API and native BLAS on the executors too, single-threaded
            // BLAS as in the launcher (Spark adds its own --add-opens flags to these options)
            b.config("spark.executor.extraJavaOptions", System.getProperty("spark.executor.extraJavaOptions",
                    "--add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED"));
            b.config("spark.executorEnv.OPENBLAS_NUM_THREADS", "1");
            List<String> jars = jars();
            if (!jars.isEmpty()) {
                b.config("spark.jars", String.join(",", jars));
            }
        }
        return b.getOrCreate();
    }

    /** The jar files that hold grad4j's classes (the core's and this module's), for executors on other JVMs. */
    private static List<String> jars() {
        List<String> out = new ArrayList<>();
        for (Class<?> c : new Class<?>[] {Models.class, SparkClusterTrainer.class}) {
            try {
                Path p = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isRegularFile(p) && !out.contains(p.toString())) {
                    out.add(p.toString());
                }
            } catch (URISyntaxException | SecurityException | NullPointerException e) {
                // no jar to ship: the executors must have grad4j on their class path
            }
        }
        return out;
    }

    /** Trains {@code job} on an existing session (left running). */
    public static Outcome train(SparkSession spark, Job job, TrainListener listener) {
        Examples train = job.train();
        Examples test = job.test();
        TrainSettings s = job.settings();
        if (job.loss().kind() != Models.loss(job.architecture().loss()).kind()) {
            throw new IllegalArgumentException("the loss " + job.loss().getClass().getSimpleName()
                    + " is not the architecture's " + job.architecture().loss());
        }
        ModelSpec spec = ModelSpec.of(job.architecture(), job.module());
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int partitions = job.partitions() > 0 ? job.partitions() : sc.defaultParallelism();
        Mode mode = Mode.parse(job.mode());
        int perEpoch = Math.max(train.size() / s.batch(), 1);
        Plan plan = new Plan(mode, job.localSteps(), s.iterations(), s.batch(), s.sampling(), s.seed(), s.clipNorm(),
                s.evalEvery() > 0 ? s.evalEvery() : perEpoch, job.schedule());
        OptimizerSpec opt = new OptimizerSpec(job.optimizer(), job.optimizerOptions());
        Evaluation eval = new Evaluation(StepPlanner.predictor(job.module(), job.loss(), train, false));
        boolean regression = train.task() == Task.REGRESSION;
        int[] evalAt = new int[s.iterations() / Math.max(plan.evalEvery(), 1) + 2];
        double[] trainScore = new double[evalAt.length];
        double[] testScore = new double[evalAt.length];
        // a regression run records MSE, MAE and R² of both splits, as in-process
        Map<History.Metric, double[]> metrics = new EnumMap<>(History.Metric.class);
        for (History.Metric m : History.Metric.of(train.task())) {
            metrics.put(m, new double[evalAt.length]);
        }
        int[] evaluations = {0};
        long[] evalNanos = {0};
        DataParallel.Result r;
        long t0;
        int used; // fewer than asked for when there are fewer rows
        try (Frames.Frame frame = Frames.of(spark, train, partitions);
             TrainingData data = TrainingData.of(frame.df(), "features", "label", 0, train.task(), train.classes())) {
            used = data.partitions();
            t0 = System.nanoTime();
            r = DataParallel.train(sc, data, spec, ModelSpec.arraysOf(job.module()), opt, plan,
                    new DataParallel.Listener() {
                @Override
                public void step(int iteration, int total, double loss) {
                    listener.iteration(iteration, total, loss);
                }

                @Override
                public void evaluate(int done) {
                    long e0 = System.nanoTime();
                    int k = evaluations[0]++;
                    evalAt[k] = done;
                    if (regression) {
                        record(metrics, k, eval, train, History.Metric.TRAIN_MSE, History.Metric.TRAIN_MAE,
                                History.Metric.TRAIN_R2);
                        record(metrics, k, eval, test, History.Metric.TEST_MSE, History.Metric.TEST_MAE,
                                History.Metric.TEST_R2);
                        trainScore[k] = metrics.get(History.Metric.TRAIN_R2)[k];
                        testScore[k] = metrics.get(History.Metric.TEST_R2)[k];
                    } else {
                        trainScore[k] = score(eval, train);
                        testScore[k] = score(eval, test);
                        metrics.get(History.Metric.TRAIN_ACCURACY)[k] = trainScore[k];
                        metrics.get(History.Metric.TEST_ACCURACY)[k] = testScore[k];
                    }
                    evalNanos[0] += System.nanoTime() - e0;
                    listener.evaluated(done, (done + perEpoch - 1) / perEpoch, trainScore[k], testScore[k]);
                }
            });
        }
        double seconds = (System.nanoTime() - t0 - evalNanos[0]) / 1e9;
        int k = evaluations[0];
        Map<History.Metric, double[]> recorded = new EnumMap<>(History.Metric.class);
        metrics.forEach((m, v) -> recorded.put(m, Arrays.copyOf(v, k)));
        History h = History.of(train.task(), r.losses(), Arrays.copyOf(evalAt, k), recorded);
        RegressionMetrics reg = regression && test.size() > 0 ? eval.regression(test) : null;
        TrainResult result = new TrainResult(s.iterations(), seconds, evalNanos[0] / 1e9, trainScore[k - 1],
                testScore[k - 1], r.losses()[r.losses().length - 1], h, train.task(), reg);
        StepTimes t = r.times();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("master", job.master());
        details.put("mode", mode.id());
        details.put("partitions", used);
        if (mode == Mode.AVERAGE) {
            details.put("local_steps", job.localSteps());
        }
        details.put("jobs", t.jobs());
        details.put("job_seconds", t.wallSeconds());
        details.put("compute_seconds", t.computeSeconds());
        details.put("communication_seconds", t.communicationSeconds());
        details.put("driver_seconds", t.driverSeconds());
        details.put("communication_share", t.communicationShare());
        details.put("summary", t.summary());
        return new Outcome(result, details);
    }

    /** MSE, MAE and R² of {@code data} as evaluation {@code k} of the three metrics (NaN without rows). */
    private static void record(Map<History.Metric, double[]> metrics, int k, Evaluation eval, Examples data,
                               History.Metric mse, History.Metric mae, History.Metric r2) {
        RegressionMetrics m = data.size() == 0 ? null : eval.regression(data);
        metrics.get(mse)[k] = m == null ? Double.NaN : m.mse();
        metrics.get(mae)[k] = m == null ? Double.NaN : m.mae();
        metrics.get(r2)[k] = m == null ? Double.NaN : m.r2();
    }

    /** What in-process training records: accuracy for classification, R² for regression (NaN without rows). */
    private static double score(Evaluation eval, Examples data) {
        if (data.size() == 0) {
            return Double.NaN;
        }
        return data.task() == Task.REGRESSION ? eval.regression(data).r2() : eval.accuracy(data);
    }
}
