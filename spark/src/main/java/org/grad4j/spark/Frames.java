package org.grad4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.grad4j.data.Split;
import org.grad4j.tensor.Pixels;

/**
 * A grad4j {@link Split} as a DataFrame with columns {@code features} (a vector of the normalised
 * pixels, {@code pixel / 255}) and {@code label} (a double), in the split's order, in
 * {@code partitions} contiguous slices. The pixels travel once to every executor as a broadcast
 * of their bytes (47 MB for MNIST's training set), and each partition expands its own rows, so
 * no task carries its rows and the driver holds no rows.
 */
final class Frames {
    private Frames() {}

    /** The schema of {@link #of}. */
    static final StructType SCHEMA = new StructType().add("features", SQLDataTypes.VectorType(), false)
            .add("label", DataTypes.DoubleType, false);

    /** A split's pixels as bytes and its labels. */
    record Images(byte[] pixels, int[] labels, int features) implements Serializable {}

    /** The DataFrame and the broadcast it reads, to be destroyed once the DataFrame is no longer used. */
    record Frame(Dataset<Row> df, Broadcast<Images> images) implements AutoCloseable {
        @Override
        public void close() {
            images.destroy();
        }
    }

    static Frame of(SparkSession spark, Split split, int partitions) {
        int n = split.size();
        int d = split.features();
        byte[] px = new byte[Math.multiplyExact(n, d)];
        double[] levels = Pixels.levels();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                px[i * d + j] = code(levels, split.x(i, j));
            }
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<Images> b = sc.broadcast(new Images(px, split.labels(), d));
        int p = Math.max(1, Math.min(partitions, n));
        List<long[]> ranges = new ArrayList<>();
        for (int k = 0; k < p; k++) {
            ranges.add(new long[] {(long) n * k / p, (long) n * (k + 1) / p});
        }
        JavaRDD<Row> rows = sc.parallelize(ranges, p).flatMap(r -> rows(b.value(), (int) r[0], (int) r[1]));
        return new Frame(spark.createDataFrame(rows, SCHEMA), b);
    }

    private static Iterator<Row> rows(Images im, int from, int to) {
        double[] levels = Pixels.levels();
        int d = im.features();
        return new Iterator<>() {
            int i = from;

            @Override
            public boolean hasNext() {
                return i < to;
            }

            @Override
            public Row next() {
                double[] x = new double[d];
                for (int j = 0; j < d; j++) {
                    x[j] = levels[im.pixels()[i * d + j] & 0xFF];
                }
                Row r = RowFactory.create(Vectors.dense(x), (double) im.labels()[i]);
                i++;
                return r;
            }
        };
    }

    /** The byte whose level is {@code x}. */
    private static byte code(double[] levels, double x) {
        int c = (int) Math.round(x * 255);
        if (c < 0 || c > 255 || levels[c] != x) {
            throw new IllegalStateException("pixel value " + x + " is not a level k/255");
        }
        return (byte) c;
    }
}
