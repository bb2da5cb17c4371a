package org.grad4j.spark;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** A bad row in one partition stops the job with one line naming it. */
class BadDataTest {

    /** 40 rows in 2 partitions of 20 (parallelize slices contiguously); row {@code bad} gets {@code x} and {@code y}. */
    static Dataset<Row> rows(int bad, double x, double y) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double label = i % 2;
            double[] f = {i % 2, 1 - i % 2};
            if (i == bad) {
                f[1] = x;
                label = y;
            }
            rows.add(RowFactory.create(Vectors.dense(f), label));
        }
        StructType schema = new StructType().add("features", SQLDataTypes.VectorType()).add("label", DataTypes.DoubleType);
        return LocalSpark.session().createDataFrame(LocalSpark.context().parallelize(rows, 2), schema);
    }

    static Grad4jClassifier classifier() {
        return new Grad4jClassifier().setHidden(new int[] {3}).setBatchSize(10).setIterations(5).setNumClasses(2);
    }

    @Test
    void nanFeature() {
        assertThatThrownBy(() -> classifier().fit(rows(27, Double.NaN, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad training row: row 27 (partition 1): feature 1 is NaN");
    }

    @Test
    void labelOutOfRange() {
        assertThatThrownBy(() -> classifier().fit(rows(3, 0, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad training row: row 3 (partition 0): label 2 is not a class index 0..1");
        assertThatThrownBy(() -> classifier().fit(rows(33, 0, 0.5)))
                .hasMessage("bad training row: row 33 (partition 1): label 0.5 is not a class index 0..1");
    }

    @Test
    void regressionTargetThatIsNotANumber() {
        assertThatThrownBy(() -> new Grad4jRegressor().setHidden(new int[] {3}).setBatchSize(10).setIterations(5)
                .fit(rows(12, 0, Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad training row: row 12 (partition 0): label NaN is not a finite number");
    }
}
