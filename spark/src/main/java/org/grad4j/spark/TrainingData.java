package org.grad4j.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.grad4j.data.Table;
import org.grad4j.data.Task;

/**
 * Training rows as cached {@link Block}s, one per partition, checked row by row: the features of a
 * row must be finite and as many as the first row's, its label a class index (classification) or a
 * finite number (regression). Rows are numbered in
 * the data set's order (partition by partition), the order in which {@link org.grad4j.data.BatchSampler}
 * indices address them.
 */
final class TrainingData implements AutoCloseable {
    final JavaRDD<Block> blocks;
    final long[] starts;
    final int[] counts;
    final long rows;
    final int features;
    final Task task;
    /** The number of classes; 0 for regression. */
    final int classes;

    private TrainingData(JavaRDD<Block> blocks, long[] starts, int[] counts, int features, Task task, int classes) {
        this.blocks = blocks;
        this.starts = starts;
        this.counts = counts;
        long n = 0;
        for (int c : counts) {
            n += c;
        }
        this.rows = n;
        this.features = features;
        this.task = task;
        this.classes = classes;
    }

    int partitions() {
        return counts.length;
    }

    /**
     * Reads column {@code featuresCol} (vectors) and {@code labelCol} (numbers) of {@code df} into
     * {@code partitions} blocks (0: as many as {@code df} has; fewer are made by merging neighbouring
     * partitions, which keeps the order; more by Spark's round-robin repartitioning).
     *
     * @param task    classification (labels are class indices) or regression (labels are targets)
     * @param classes the number of classes, or 0 to take the largest label plus one (ignored for regression)
     * @throws IllegalArgumentException with one line naming the first bad row found, or when there are no rows
     */
    static TrainingData of(Dataset<Row> df, String featuresCol, String labelCol, int partitions, Task task,
                           int classes) {
        Dataset<Row> selected = df.select(df.col(featuresCol), df.col(labelCol).cast("double"));
        int have = selected.rdd().getNumPartitions();
        if (partitions > 0 && partitions < have) {
            selected = selected.coalesce(partitions);
        } else if (partitions > have) {
            // the DataFrame's round-robin repartitioning sorts locally first, so that a retried task
            // gives its rows in the same order (an RDD's would not)
            selected = selected.repartition(partitions);
        }
        JavaRDD<Row> rdd = selected.javaRDD();
        // first pass: rows per partition, the first row's width and the largest whole label
        List<long[]> stats;
        try {
            stats = rdd.mapPartitions(TrainingData::stats).collect();
        } catch (Exception e) {
            throw Jobs.unwrap(e);
        }
        int p = stats.size();
        long[] starts = new long[p];
        int[] counts = new int[p];
        long n = 0;
        int width = -1;
        long maxLabel = -1;
        for (int i = 0; i < p; i++) {
            long[] s = stats.get(i);
            if (s[0] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("partition " + i + " holds " + s[0] + " rows, more than "
                        + Integer.MAX_VALUE + ": use more partitions");
            }
            starts[i] = n;
            counts[i] = (int) s[0];
            n += s[0];
            if (width < 0 && s[0] > 0) {
                width = (int) s[1];
            }
            maxLabel = Math.max(maxLabel, s[2]);
        }
        if (n == 0) {
            throw new IllegalArgumentException("no training rows");
        }
        int k = task == Task.REGRESSION ? 0 : classes > 0 ? classes : (int) Math.max(maxLabel + 1, 2);
        int w = width;
        JavaRDD<Block> blocks = rdd.mapPartitionsWithIndex(
                (Integer part, Iterator<Row> it) -> List.of(block(part, starts[part], counts[part], w, task, k,
                        featuresCol, it)).iterator(), true);
        blocks.persist(StorageLevel.MEMORY_ONLY());
        try {
            blocks.count();
        } catch (Exception e) {
            blocks.unpersist(false);
            throw Jobs.unwrap(e);
        }
        return new TrainingData(blocks, starts, counts, w, task, k);
    }

    private static Iterator<long[]> stats(Iterator<Row> it) {
        long count = 0;
        long width = -1;
        long max = -1;
        while (it.hasNext()) {
            Row r = it.next();
            if (count == 0 && !r.isNullAt(0)) {
                width = ((Vector) r.get(0)).size();
            }
            if (!r.isNullAt(1)) {
                double y = r.getDouble(1);
                if (y >= 0 && y == Math.rint(y) && y < Integer.MAX_VALUE) {
                    max = Math.max(max, (long) y);
                }
            }
            count++;
        }
        return List.of(new long[] {count, width, max}).iterator();
    }

    private static Block block(int part, long start, int count, int width, Task task, int classes,
                               String featuresCol, Iterator<Row> it) {
        double[] x = new double[Math.multiplyExact(count, Math.max(width, 0))];
        boolean regression = task == Task.REGRESSION;
        int[] t = regression ? null : new int[count];
        double[] targets = regression ? new double[count] : null;
        int i = 0;
        while (it.hasNext()) {
            Row r = it.next();
            long row = start + i;
            if (i >= count) {
                throw new IllegalStateException("partition " + part + " changed between two passes: more than "
                        + count + " rows (the data must be deterministic)");
            }
            if (r.isNullAt(0)) {
                throw new BadRowException("row " + row + " (partition " + part + "): column '" + featuresCol
                        + "' is null");
            }
            Vector v = (Vector) r.get(0);
            if (v.size() != width) {
                throw new BadRowException("row " + row + " (partition " + part + "): " + v.size()
                        + " features, expected " + width + " as in row 0");
            }
            int base = i * width;
            for (int j = 0; j < width; j++) {
                double f = v.apply(j);
                if (!Double.isFinite(f)) {
                    throw new BadRowException("row " + row + " (partition " + part + "): feature " + j + " is "
                            + Jobs.number(f));
                }
                x[base + j] = f;
            }
            double y = r.isNullAt(1) ? Double.NaN : r.getDouble(1);
            if (regression) {
                if (!Double.isFinite(y)) {
                    throw new BadRowException("row " + row + " (partition " + part + "): label " + Jobs.number(y)
                            + " is not a finite number");
                }
                targets[i] = y;
            } else if (!(y >= 0 && y < classes && y == Math.rint(y))) {
                throw new BadRowException("row " + row + " (partition " + part + "): label " + Jobs.number(y)
                        + " is not a class index 0.." + (classes - 1));
            } else {
                t[i] = (int) y;
            }
            i++;
        }
        if (i != count) {
            throw new IllegalStateException("partition " + part + " changed between two passes: " + i + " rows, "
                    + count + " before (the data must be deterministic)");
        }
        int d = Math.max(width, 1);
        return new Block(part, start, regression ? Table.ofRows(x, d, targets, 1) : Table.ofRows(x, d, t, classes));
    }

    /** Sizes of the partitions, for messages. */
    List<Integer> sizes() {
        List<Integer> s = new ArrayList<>();
        for (int c : counts) {
            s.add(c);
        }
        return s;
    }

    @Override
    public void close() {
        blocks.unpersist(false);
    }
}
