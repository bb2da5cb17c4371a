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
 * {@code partitions} contiguous slices. Each slice is a broadcast of its own, read by its partition
 * only, so that an executor fetches the rows of the partitions it computes (once: the frame is
 * cached by its users) and no task carries rows: IDX images as their bytes (features
 * {@code pixel / 255}), tables as their doubles. A slice is one Java array, so a partition holds at
 * most 2^31 - 1 bytes of pixels or doubles; more partitions lift that limit.
 */
final class Frames {
    private Frames() {}

    /** The schema of {@link #of}. */
    static final StructType SCHEMA = new StructType().add("features", SQLDataTypes.VectorType(), false)
            .add("label", DataTypes.DoubleType, false);

    /** Rows {@code from..to} as DataFrame rows. */
    private interface Source extends Serializable {
        Iterator<Row> rows(int from, int to);

        /** The number of rows. */
        int size();
    }

    /** A split's pixels as bytes and its labels. */
    record Images(byte[] pixels, int[] labels, int features) implements Source {
        @Override
        public Iterator<Row> rows(int from, int to) {
            return Frames.rows(this, from, to);
        }

        @Override
        public int size() {
            return labels.length;
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

        @Override
        public int size() {
            return labels.length;
        }
    }

    /** The DataFrame and the broadcasts it reads (one a partition), destroyed once the DataFrame is no longer used. */
    record Frame(Dataset<Row> df, List<Broadcast<Source>> slices) implements AutoCloseable {
        @Override
        public void close() {
            for (Broadcast<Source> b : slices) {
                b.destroy();
            }
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
        if (examples.task() == Task.REGRESSION && examples.targetWidth() != 1) {
            throw new IllegalArgumentException("Spark trains regression on one target column, the data have "
                    + examples.targetWidth());
        }
        return frame(spark, examples.size(), partitions, (from, to) -> doubles(examples, from, to));
    }

    static Frame of(SparkSession spark, Split split, int partitions) {
        return frame(spark, split.size(), partitions, (from, to) -> images(split, from, to));
    }

    /** Rows {@code from..to} of a table. */
    private static Doubles doubles(Examples examples, int from, int to) {
        int n = to - from;
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = from + i;
        }
        double[] x = new double[Math.multiplyExact(n, examples.features())];
        examples.gatherFeatures(rows, 0, n, x);
        double[] labels = new double[n];
        if (examples.task() == Task.CLASSIFICATION) {
            int[] t = new int[n];
            examples.gatherLabels(rows, 0, n, t);
            for (int i = 0; i < n; i++) {
                labels[i] = t[i];
            }
        } else {
            examples.gatherTargets(rows, 0, n, labels);
        }
        return new Doubles(x, labels, examples.features());
    }

    /** Rows {@code from..to} of an IDX split, its pixels as bytes. */
    private static Images images(Split split, int from, int to) {
        int d = split.features();
        byte[] px = new byte[Math.multiplyExact(to - from, d)];
        double[] levels = Pixels.levels();
        for (int i = from; i < to; i++) {
            for (int j = 0; j < d; j++) {
                px[(i - from) * d + j] = code(levels, split.x(i, j));
            }
        }
        return new Images(px, java.util.Arrays.copyOfRange(split.labels(), from, to), d);
    }

    /** Rows {@code from..to} as a source, made for one partition. */
    private interface Slicer {
        Source rows(int from, int to);
    }

    private static Frame frame(SparkSession spark, int n, int partitions, Slicer slicer) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int p = Math.max(1, Math.min(partitions, n));
        List<Broadcast<Source>> slices = new ArrayList<>(p);
        List<Integer> parts = new ArrayList<>(p);
        for (int k = 0; k < p; k++) {
            int from = (int) ((long) n * k / p);
            int to = (int) ((long) n * (k + 1) / p);
            slices.add(sc.broadcast(slicer.rows(from, to)));
            parts.add(k);
        }
        List<Broadcast<Source>> handles = List.copyOf(slices);
        JavaRDD<Row> rows = sc.parallelize(parts, p).flatMap(k -> {
            Source slice = handles.get(k).value();
            return slice.rows(0, slice.size());
        });
        return new Frame(spark.createDataFrame(rows, SCHEMA), handles);
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
