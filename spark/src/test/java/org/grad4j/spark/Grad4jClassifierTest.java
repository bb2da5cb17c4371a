package org.grad4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.grad4j.data.Normalization;
import org.grad4j.data.Task;
import org.grad4j.io.Architecture;
import org.grad4j.io.ArchitectureFile;
import org.grad4j.io.Models;
import org.grad4j.io.Npz;
import org.grad4j.nn.module.Sequential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The estimator as Spark ML users meet it: columns, a Pipeline with VectorAssembler, save and load. */
class Grad4jClassifierTest {
    /** Three well separated Gaussian blobs are learnt to at least this accuracy. */
    static final double BLOB_ACCURACY = 0.95;
    static final double SAME = 1e-15;

    /** {@code n} rows of columns a, b, c, d (blob centre per class plus N(0, 0.5)) and label 0..2. */
    static Dataset<Row> blobs(SparkSession spark, int n, long seed, int partitions) {
        Random r = new Random(seed);
        double[][] centres = {{2, 0, 0, 1}, {0, 2, 0, -1}, {0, 0, 2, 0}};
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            rows.add(RowFactory.create(centres[c][0] + 0.5 * r.nextGaussian(), centres[c][1] + 0.5 * r.nextGaussian(),
                    centres[c][2] + 0.5 * r.nextGaussian(), centres[c][3] + 0.5 * r.nextGaussian(), (double) c));
        }
        StructType schema = new StructType().add("a", DataTypes.DoubleType).add("b", DataTypes.DoubleType)
                .add("c", DataTypes.DoubleType).add("d", DataTypes.DoubleType).add("label", DataTypes.DoubleType);
        return spark.createDataFrame(rows, schema).repartition(partitions);
    }

    static double accuracy(Dataset<Row> predicted) {
        long right = predicted.filter("prediction = label").count();
        return (double) right / predicted.count();
    }

    static Pipeline pipeline(Grad4jClassifier clf) {
        VectorAssembler assemble = new VectorAssembler().setInputCols(new String[] {"a", "b", "c", "d"})
                .setOutputCol("features");
        return new Pipeline().setStages(new PipelineStage[] {assemble, clf});
    }

    @Test
    void learnsBlobsInAPipelineAndSavesAndLoads(@TempDir Path dir) throws Exception {
        SparkSession spark = LocalSpark.session();
        Dataset<Row> train = blobs(spark, 600, 1, 2);
        Dataset<Row> test = blobs(spark, 300, 2, 2);
        Grad4jClassifier clf = new Grad4jClassifier().setHidden(new int[] {8}).setActivation("relu")
                .setWeightInit("he").setOptimizer("momentum").setLr(0.05).setBatchSize(30).setEpochs(3).setSeed(5);
        PipelineModel model = pipeline(clf).fit(train);
        Dataset<Row> out = model.transform(test);
        assertThat(out.columns()).contains("rawPrediction", "probability", "prediction");
        assertThat(accuracy(out)).isGreaterThanOrEqualTo(BLOB_ACCURACY);
        Row first = out.select("probability").first();
        double sum = 0;
        for (double p : ((Vector) first.get(0)).toArray()) {
            sum += p;
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));

        Grad4jClassificationModel fitted = (Grad4jClassificationModel) model.stages()[1];
        assertThat(fitted.numClasses()).isEqualTo(3);
        assertThat(fitted.numFeatures()).isEqualTo(4);
        assertThat(fitted.architecture().toJson()).isEqualTo(Architecture.feedForward(Task.CLASSIFICATION,
                new int[] {4, 8, 3}, "relu", "cross-entropy", Normalization.none(4)).toJson());
        assertThat(fitted.trainingLosses()).hasSize(3 * (600 / 30));
        assertThat(fitted.trainingTimes()).contains("Spark jobs");
        assertThat(fitted.getProbabilityCol()).isEqualTo("probability");

        String path = dir.resolve("pipeline").toString();
        model.write().overwrite().save(path);
        // the weights are grad4j's model file, with the architecture, readable without Spark
        Path file = dir.resolve("pipeline/stages/1_" + fitted.uid() + "/weights.npz");
        Architecture stored = ArchitectureFile.read(file).orElseThrow();
        Sequential module = Models.load(stored, Npz.read(file));
        assertThat(SyncParityTest.maxDifference(ModelSpec.weightsOf(module), ModelSpec.weightsOf(fitted.module())))
                .isZero();
        PipelineModel loaded = PipelineModel.load(path);
        List<Row> a = out.select("prediction", "probability").collectAsList();
        List<Row> b = loaded.transform(test).select("prediction", "probability").collectAsList();
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).getDouble(0)).isEqualTo(a.get(i).getDouble(0));
            double[] pa = ((Vector) a.get(i).get(1)).toArray();
            double[] pb = ((Vector) b.get(i).get(1)).toArray();
            for (int j = 0; j < pa.length; j++) {
                assertThat(Math.abs(pa[j] - pb[j])).isLessThanOrEqualTo(SAME);
            }
        }
        // the estimator itself saves and loads with its params
        String est = dir.resolve("estimator").toString();
        clf.write().overwrite().save(est);
        Grad4jClassifier back = Grad4jClassifier.load(est);
        assertThat(back.getHidden()).containsExactly(8);
        assertThat(back.getOptimizer()).isEqualTo("momentum");
        assertThat(back.getEpochs()).isEqualTo(3);
        assertThat(Files.exists(dir.resolve("estimator/metadata"))).isTrue();
    }

    @Test
    void averageModeWithAdamLearnsToo() {
        SparkSession spark = LocalSpark.session();
        Dataset<Row> train = blobs(spark, 600, 3, 2);
        Grad4jClassifier clf = new Grad4jClassifier().setHidden(new int[] {8}).setActivation("relu")
                .setWeightInit("he").setOptimizer("adam").setLr(0.01).setBatchSize(30).setIterations(120)
                .setMode("average").setLocalSteps(10).setSeed(5);
        PipelineModel model = pipeline(clf).fit(train);
        Grad4jClassificationModel fitted = (Grad4jClassificationModel) model.stages()[1];
        assertThat(fitted.trainingLosses()).hasSize(120);
        assertThat(fitted.trainingTimes()).startsWith("12 Spark jobs");
        assertThat(accuracy(model.transform(blobs(spark, 300, 4, 2)))).isGreaterThanOrEqualTo(BLOB_ACCURACY);
    }

    @Test
    void badParamsAreRefusedWithSparksWording() {
        assertThatThrownBy(() -> new Grad4jClassifier().setMode("async"))
                .hasMessageContaining("mode").hasMessageContaining("async");
        assertThatThrownBy(() -> new Grad4jClassifier().setBatchSize(0)).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> Fitting.optimizerSettings(0.1, "momentum"))
                .hasMessage("optimizerOptions: expected key=value, got 'momentum'");
    }
}
