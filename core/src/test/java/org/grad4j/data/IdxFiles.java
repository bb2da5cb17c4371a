package org.grad4j.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Builds small synthetic IDX files for tests. Image {@code i}, pixel {@code j} has grey level {@code (7 i + j) mod 256}. */
final class IdxFiles {

    private IdxFiles() {}

    static int pixel(int i, int j) {
        return (7 * i + j) % 256;
    }

    static byte[] images(int count, int rows, int cols) {
        ByteBuffer b = ByteBuffer.allocate(16 + count * rows * cols);
        b.putInt(Idx.IMAGES_MAGIC).putInt(count).putInt(rows).putInt(cols);
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < rows * cols; j++) {
                b.put((byte) pixel(i, j));
            }
        }
        return b.array();
    }

    /** Labels {@code i mod classes}. */
    static byte[] labels(int count, int classes) {
        ByteBuffer b = ByteBuffer.allocate(8 + count);
        b.putInt(Idx.LABELS_MAGIC).putInt(count);
        for (int i = 0; i < count; i++) {
            b.put((byte) (i % classes));
        }
        return b.array();
    }

    static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    /** Writes the four standard files (gzip) into {@code dir}: {@code train} and {@code test} images of 4x3. */
    static void writeSet(Path dir, int train, int test) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), gzip(images(train, 4, 3)));
        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), gzip(labels(train, 10)));
        Files.write(dir.resolve("t10k-images-idx3-ubyte.gz"), gzip(images(test, 4, 3)));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), gzip(labels(test, 10)));
    }
}
