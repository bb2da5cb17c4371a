package org.grad4j.data;

/**
 * A {@link Split} of IDX images seen as {@link Examples} of a classification task: the features
 * are the pixels as {@code pixel / 255.0} (the book's normalisation, see {@link Split}), the labels
 * the split's. The split is shared, not copied, and is used through its own gather methods
 * unchanged.
 *
 * @param split the images and labels
 * @param classes number of classes, every label below it
 */
public record SplitExamples(Split split, int classes) implements Examples {

    public SplitExamples {
        if (classes < 1) {
            throw new IllegalArgumentException("Invalid number of classes: " + classes);
        }
    }

    /** The training images of {@code ds}. */
    public static SplitExamples train(Dataset ds) {
        return new SplitExamples(ds.train(), ds.classes());
    }

    /** The test images of {@code ds}. */
    public static SplitExamples test(Dataset ds) {
        return new SplitExamples(ds.test(), ds.classes());
    }

    @Override
    public Split images() {
        return split;
    }

    @Override
    public int size() {
        return split.size();
    }

    @Override
    public int features() {
        return split.features();
    }

    @Override
    public Task task() {
        return Task.CLASSIFICATION;
    }

    @Override
    public int targetWidth() {
        return classes;
    }

    @Override
    public void gatherFeatures(int[] idx, int from, int count, double[] out) {
        split.gatherRows(idx, from, count, out);
    }

    @Override
    public void gatherLabels(int[] idx, int from, int count, int[] out) {
        split.gatherLabels(idx, from, count, out);
    }

    @Override
    public void gatherTargets(int[] idx, int from, int count, double[] out) {
        split.gatherOneHot(idx, from, count, classes, out);
    }
}
