package org.grad4j.data;

/**
 * A classification data set of images: a train and a test {@link Split}, the number of classes,
 * and where it came from.
 *
 * @param name short name ({@code mnist}, {@code fashion-mnist}, {@code mnist-sample}, or a directory)
 * @param source where the files were read from (a directory, a cache, or a class-path resource)
 * @param rows image rows
 * @param cols image columns
 * @param classes number of classes; every label is in {@code 0..classes-1}
 * @param train training split
 * @param test test split
 */
public record Dataset(String name, String source, int rows, int cols, int classes, Split train, Split test) {

    public Dataset {
        if (classes < 1) {
            throw new IllegalArgumentException("Invalid number of classes: " + classes);
        }
        if (train.features() != rows * cols || test.features() != rows * cols) {
            throw new IllegalArgumentException(name + ": train has " + train.features() + " pixels per image, test has "
                    + test.features() + ", expected " + rows + "x" + cols);
        }
    }

    /**
     * Builds a data set from the four IDX files, checking each pair and the labels.
     *
     * @throws IllegalArgumentException on a count mismatch, a label {@code >= classes}, or train and
     *     test images of different sizes ({@code t10k-images-idx3-ubyte.gz: images are 28x28 but
     *     train-images-idx3-ubyte.gz has 32x32})
     */
    public static Dataset of(String name, String source, int classes, IdxImages trainImages, IdxLabels trainLabels,
                             IdxImages testImages, IdxLabels testLabels) {
        if (trainImages.rows() != testImages.rows() || trainImages.cols() != testImages.cols()) {
            throw new IllegalArgumentException(testImages.source() + ": images are " + testImages.rows() + "x"
                    + testImages.cols() + " but " + trainImages.source() + " has " + trainImages.rows() + "x"
                    + trainImages.cols());
        }
        return new Dataset(name, source, trainImages.rows(), trainImages.cols(), classes,
                new Split(trainImages, trainLabels, classes), new Split(testImages, testLabels, classes));
    }

    /** Pixels per image, {@code rows * cols}. */
    public int features() {
        return rows * cols;
    }

    /**
     * One-hot encoding, the book's {@code one_hot_label=True}: a new {@code labels.length x classes}
     * row-major array with {@code t[i][labels[i]] = 1} and 0 elsewhere. The input is not modified.
     *
     * @throws IllegalArgumentException if a label is outside {@code 0..classes-1}
     */
    public static double[] oneHot(int[] labels, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("Invalid number of classes: " + classes);
        }
        double[] t = new double[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            int c = labels[i];
            if (c < 0 || c >= classes) {
                throw new IllegalArgumentException("oneHot: label " + c + " at index " + i + " is not a class index 0.."
                        + (classes - 1));
            }
            t[i * classes + c] = 1.0;
        }
        return t;
    }

    @Override
    public String toString() {
        return name + " (" + train.size() + " train, " + test.size() + " test, " + rows + "x" + cols + ", "
                + classes + " classes, from " + source + ")";
    }
}
