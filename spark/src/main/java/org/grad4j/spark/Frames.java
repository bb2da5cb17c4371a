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
import org.grad4j.data.Examples;
import org.grad4j.data.Split;
import org.grad4j.data.Task;
import org.grad4j.tensor.Pixels;

/**
 * grad4j {@link Examples} as a DataFrame with columns {@code features} (a vector) and {@code label}
 * (a double: the class index, or the regression target), in the examples' order, in
 * {@code partitions} contiguous slices. The rows travel once to every executor as a broadcast, and
 * each partition expands its own rows, so that no task carries its rows: IDX images as their bytes
 * (47 MB for MNIST's training set, features {@code pixel / 255}), tables as their doubles.
 */
final class Frames {
    private Frames() {}

    /** The schema of {@link #of}. */
    static final StructType SCHEMA = new StructType().add("features", SQLDataTypes.VectorType(), false)
            .add("label", DataTypes.DoubleType, false);

    /** Rows {@code from..to} as DataFrame rows. */
    private interface Source extends Serializable {
        Iterator<Row> rows(int from, int to);
    }

    /** A split's pixels as bytes and its labels. */
    record Images(byte[] pixels, int[] labels, int features) implements Source {
        @Override
        public Iterator<Row> rows(int from, int to) {
            return Frames.rows(this, from, to);
        }
    }

    /** A table's features (row-major) and labels or single targets. */
    record Doubles(double[] x, double[] labels, int features) implements Source {
        @Override
        public Iterator<Row> rows(int from, int to) {
            List<Row> out = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                out.add(RowFactory.create(Vectors.dense(java.util.Arrays.copyOfRange(x, i * features,
                        (i + 1) * features)), labels[i]));
            }
            return out.iterator();
        }
    }

    /** The DataFrame and the broadcast it reads, to be destroyed once the DataFrame is no longer used. */
    record Frame(Dataset<Row> df, Broadcast<? extends Source> source) implements AutoCloseable {
        @Override
        public void close() {
            source.destroy();
        }
    }

    /**
     * The examples as a DataFrame.
     *
     * @throws IllegalArgumentException for regression examples of more than one target
     */
    static Frame of(SparkSession spark, Examples examples, int partitions) {
        if (examples.images() != null) {
            return of(spark, examples.images(), partitions);
        }
        int n = examples.size();
        int d = examples.features();
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        double[] x = new double[Math.multiplyExact(n, d)];
        examples.gatherFeatures(all, 0, n, x);
        double[] labels = new double[n];
        if (examples.task() == Task.CLASSIFICATION) {
            int[] t = new int[n];
            examples.gatherLabels(all, 0, n, t);
            for (int i = 0; i < n; i++) {
                labels[i] = t[i];
            }
        } else if (examples.targetWidth() != 1) {
            throw new IllegalArgumentException("Spark trains regression on one target column, the data have "
                    + examples.targetWidth());
        } else {
            examples.gatherTargets(all, 0, n, labels);
        }
        return frame(spark, new Doubles(x, labels, d), n, partitions);
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
        return frame(spark, new Images(px, split.labels(), d), n, partitions);
    }

    private static Frame frame(SparkSession spark, Source source, int n, int partitions) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<Source> b = sc.broadcast(source);
        int p = Math.max(1, Math.min(partitions, n));
        List<long[]> ranges = new ArrayList<>();
        for (int k = 0; k < p; k++) {
            ranges.add(new long[] {(long) n * k / p, (long) n * (k + 1) / p});
        }
        JavaRDD<Row> rows = sc.parallelize(ranges, p).flatMap(r -> b.value().rows((int) r[0], (int) r[1]));
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
