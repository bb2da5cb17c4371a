package org.grad4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.grad4j.data.Normalization;
import org.grad4j.data.Sampling;
import org.grad4j.data.Table;
import org.grad4j.data.Task;
import org.grad4j.io.Architecture;
import org.grad4j.io.Models;
import org.grad4j.nn.Init;
import org.grad4j.nn.loss.MSELoss;
import org.grad4j.nn.module.Sequential;
import org.grad4j.optim.Optimizers;
import org.grad4j.train.GradientMode;
import org.grad4j.train.TrainListener;
import org.grad4j.train.TrainSettings;
import org.grad4j.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The regression estimator: parity with in-process training, persistence, and a Pipeline over a CSV file. */
class Grad4jRegressorTest {
    static final int ROWS = 400;
    static final int FEATURES = 5;
    static final int STEPS = 60;
    static final int BATCH = 40;
    static final long SEED = 5;
    /** A linear target with noise of std 0.1 (variance 0.01 against about 5.3) is fitted to at least this R². */
    static final double PIPELINE_R2 = 0.9;

    /** Row {@code i}: five N(0, 1) features and the target {@code sin(x0) + x1 x2 + 0.5 x3 + 0.1 N(0, 1)}. */
    static double[][] rows(long seed) {
        Random r = new Random(seed);
        double[][] out = new double[ROWS][FEATURES + 1];
        for (double[] row : out) {
            for (int j = 0; j < FEATURES; j++) {
                row[j] = r.nextGaussian();
            }
            row[FEATURES] = Math.sin(row[0]) + row[1] * row[2] + 0.5 * row[3] + 0.1 * r.nextGaussian();
        }
        return out;
    }

    static Dataset<Row> frame(double[][] rows, int partitions) {
        List<Row> list = new ArrayList<>();
        for (double[] row : rows) {
            list.add(RowFactory.create(Vectors.dense(java.util.Arrays.copyOf(row, FEATURES)), row[FEATURES]));
        }
        StructType schema = new StructType().add("features", SQLDataTypes.VectorType()).add("label", DataTypes.DoubleType);
        return LocalSpark.session().createDataFrame(LocalSpark.context().parallelize(list, partitions), schema);
    }

    static Table table(double[][] rows) {
        double[][] x = new double[rows.length][];
        double[] y = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            x[i] = java.util.Arrays.copyOf(rows[i], FEATURES);
            y[i] = rows[i][FEATURES];
        }
        return Table.regression(x, y);
    }

    static Grad4jRegressor regressor() {
        return new Grad4jRegressor().setHidden(new int[] {16}).setActivation("tanh").setWeightInit("xavier")
                .setOptimizer("adam").setLr(0.01).setBatchSize(BATCH).setIterations(STEPS).setSeed(SEED);
    }

    /** Sync on local[2] (two partitions of 200 rows) against the Trainer on the same module, loss, optimizer and batches. */
    @Test
    void syncEqualsInProcessTrainingOfTheSameModule() throws IOException {
        double[][] data = rows(1);
        Architecture a = Architecture.feedForward(Task.REGRESSION, new int[] {FEATURES, 16, 1}, "tanh", "mse",
                Normalization.none(FEATURES));
        Sequential reference = Models.build(a, Init.XAVIER, new Random(SEED));
        double[][] initial = ModelSpec.weightsOf(reference);
        TrainSettings s = new TrainSettings(STEPS, BATCH, Sampling.SHUFFLE, SEED, GradientMode.BACKPROP, 1, 0,
                Double.POSITIVE_INFINITY, null, 0);
        new Trainer(reference, new MSELoss(), Optimizers.create("adam", 0.01), table(data), table(rows(2)), s)
                .run(TrainListener.NONE);

        Grad4jRegressionModel model = regressor().fit(frame(data, 2));
        double[][] trained = ModelSpec.weightsOf(model.module());
        assertThat(model.trainingLosses()).hasSize(STEPS);
        assertThat(SyncParityTest.maxDifference(trained, ModelSpec.weightsOf(reference)))
                .isLessThanOrEqualTo(SyncParityTest.PARITY);
        assertThat(SyncParityTest.maxDifference(trained, initial)).isGreaterThan(1e-3); // it did train
    }

    @Test
    void savedAndLoadedModelPredictsTheSame(@TempDir Path dir) throws IOException {
        Dataset<Row> train = frame(rows(3), 2);
        Grad4jRegressionModel model = regressor().setIterations(10).setMode("average").setLocalSteps(5).fit(train);
        String path = dir.resolve("model").toString();
        model.write().overwrite().save(path);
        Grad4jRegressionModel loaded = Grad4jRegressionModel.load(path);
        assertThat(loaded.uid()).isEqualTo(model.uid());
        assertThat(loaded.numFeatures()).isEqualTo(FEATURES);
        List<Row> a = model.transform(train).select("prediction").collectAsList();
        List<Row> b = loaded.transform(train).select("prediction").collectAsList();
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).getDouble(0)).isEqualTo(a.get(i).getDouble(0));
        }
        assertThat(Files.exists(dir.resolve("model/" + SavedWeights.FILE))).isTrue();
    }

    /** A CSV file read by Spark, its columns assembled into a vector, the regressor in a Pipeline. */
    @Test
    void learnsALinearTargetInAPipelineFromACsvFile(@TempDir Path dir) throws IOException {
        Random r = new Random(7);
        StringBuilder csv = new StringBuilder("a,b,c,y\n");
        for (int i = 0; i < 300; i++) {
            double x0 = r.nextGaussian();
            double x1 = r.nextGaussian();
            double x2 = r.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f%n", x0, x1, x2,
                    2 * x0 - x1 + 0.5 * x2 + 0.1 * r.nextGaussian()));
        }
        Path file = dir.resolve("linear.csv");
        Files.writeString(file, csv);
        Dataset<Row> df = LocalSpark.session().read().option("header", "true").option("inferSchema", "true")
                .csv(file.toString()).repartition(2);
        Grad4jRegressor reg = new Grad4jRegressor().setLabelCol("y").setHidden(new int[] {8}).setActivation("tanh")
                .setWeightInit("xavier").setOptimizer("adam").setLr(0.05).setBatchSize(30).setEpochs(30)
                .setMode("average").setLocalSteps(50);
        VectorAssembler assemble = new VectorAssembler().setInputCols(new String[] {"a", "b", "c"})
                .setOutputCol("features");
        PipelineModel model = new Pipeline().setStages(new PipelineStage[] {assemble, reg}).fit(df);
        Dataset<Row> out = model.transform(df);
        assertThat(out.columns()).contains("prediction");
        double sse = 0;
        double sum = 0;
        double sumSq = 0;
        List<Row> rows = out.select("y", "prediction").collectAsList();
        for (Row row : rows) {
            double y = row.getDouble(0);
            sse += (y - row.getDouble(1)) * (y - row.getDouble(1));
            sum += y;
            sumSq += y * y;
        }
        double sst = sumSq - sum * sum / rows.size();
        assertThat(1 - sse / sst).isGreaterThanOrEqualTo(PIPELINE_R2);
    }
}
