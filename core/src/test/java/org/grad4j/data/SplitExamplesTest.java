package org.grad4j.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** IDX images through {@link SplitExamples}: the book's {@code pixel / 255.0}, one-hot targets. */
class SplitExamplesTest extends ExamplesContract {

    @Override
    Examples examples() {
        try {
            IdxImages images = Idx.readImages("i", new ByteArrayInputStream(IdxFiles.images(20, 4, 3)), -1);
            IdxLabels labels = Idx.readLabels("l", new ByteArrayInputStream(IdxFiles.labels(20, 10)), -1);
            return new SplitExamples(new Split(images, labels, 10), 10);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    double expectedFeature(int i, int j) {
        return IdxFiles.pixel(i, j) / 255.0;
    }

    @Override
    double[] expectedTargets(int i) {
        double[] t = new double[10];
        t[i % 10] = 1;
        return t;
    }

    @Override
    int expectedLabel(int i) {
        return i % 10;
    }
}
