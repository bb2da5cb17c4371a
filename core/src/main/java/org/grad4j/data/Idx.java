package org.grad4j.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reader of the IDX files MNIST and its relatives are distributed in
 * (<a href="http://yann.lecun.com/exdb/mnist/">LeCun et al.</a>): a big-endian header
 * {@code 0x00000803, count, rows, cols} followed by {@code count * rows * cols} unsigned bytes for
 * images, {@code 0x00000801, count} followed by {@code count} bytes for labels.
 *
 * <p>Files may be raw or gzip-compressed; compression is detected by the gzip magic bytes
 * {@code 1f 8b}, not by the file name. Every error names the file:
 * <ul>
 *   <li>{@code train-images-idx3-ubyte.gz: bad magic 0x00000000, expected 0x00000803}</li>
 *   <li>{@code ...: truncated: header says 60000 images of 28x28 (47040000 bytes) but the file ends
 *       after 1234 bytes} (for a gzip file the count is of decompressed bytes, header included)</li>
 *   <li>{@code ...: corrupt gzip data (invalid stored block lengths)}</li>
 *   <li>{@code ...: 5 bytes after the 60000 images the header announces}</li>
 * </ul>
 * A header claiming more data than the file holds never causes a large allocation: for a raw file
 * the claim is checked against the file size before allocating; for a compressed stream the buffer
 * starts at most at 4 MiB and doubles only as decompressed data actually arrives.
 *
 * <p>Malformed content raises {@link IllegalArgumentException}; failures to read the file at all
 * (missing, unreadable) raise {@link IOException}.
 */
public final class Idx {

    /** Magic number of an IDX file of unsigned-byte images (3 dimensions). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned-byte labels (1 dimension). */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int INITIAL_GZIP_BUFFER = 1 << 22;
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private Idx() {}

    /** Reads an images file (raw or gzip). */
    public static IdxImages readImages(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readImages(file.getFileName().toString(), in, Files.size(file));
        }
    }

    /** Reads a labels file (raw or gzip). */
    public static IdxLabels readLabels(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readLabels(file.getFileName().toString(), in, Files.size(file));
        }
    }

    /**
     * Reads images from a stream (raw or gzip), for example a class-path resource.
     *
     * @param name file name used in error messages
     * @param fileSize size of the stream in bytes if known, else {@code -1}
     */
    public static IdxImages readImages(String name, InputStream in, long fileSize) throws IOException {
        Stream s = open(name, in, fileSize);
        try {
            int[] h = s.header(IMAGES_MAGIC, 4);
            int count = h[1], rows = h[2], cols = h[3];
            if (count < 0 || rows <= 0 || cols <= 0) {
                throw new IllegalArgumentException(name + ": bad dimensions in header: " + count + " images of "
                        + rows + "x" + cols);
            }
            long bytes = (long) count * rows * cols;
            String claim = "header says " + count + " images of " + rows + "x" + cols + " (" + bytes + " bytes)";
            byte[] pixels = s.payload(bytes, claim, count + " images");
            return new IdxImages(name, count, rows, cols, pixels);
        } catch (ZipException e) {
            throw corrupt(name, e);
        }
    }

    /** Reads labels from a stream (raw or gzip); see {@link #readImages(String, InputStream, long)}. */
    public static IdxLabels readLabels(String name, InputStream in, long fileSize) throws IOException {
        Stream s = open(name, in, fileSize);
        try {
            int[] h = s.header(LABELS_MAGIC, 2);
            int count = h[1];
            if (count < 0) {
                throw new IllegalArgumentException(name + ": bad dimensions in header: " + count + " labels");
            }
            String claim = "header says " + count + " labels (" + count + " bytes)";
            byte[] bytes = s.payload(count, claim, count + " labels");
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = bytes[i] & 0xFF;
            }
            return new IdxLabels(name, labels);
        } catch (ZipException e) {
            throw corrupt(name, e);
        }
    }

    /**
     * Checks that a labels file goes with an images file:
     * {@code t10k-labels-idx1-ubyte.gz: 9999 labels but t10k-images-idx3-ubyte.gz has 10000 images}.
     */
    public static void checkPair(IdxImages images, IdxLabels labels) {
        if (images.count() != labels.count()) {
            throw new IllegalArgumentException(labels.source() + ": " + labels.count() + " labels but "
                    + images.source() + " has " + images.count() + " images");
        }
    }

    private static IllegalArgumentException corrupt(String name, ZipException e) {
        return new IllegalArgumentException(name + ": corrupt gzip data (" + e.getMessage() + ")", e);
    }

    private static Stream open(String name, InputStream in, long fileSize) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            try {
                return new Stream(name, new GZIPInputStream(buffered, 1 << 16), -1);
            } catch (ZipException e) {
                throw corrupt(name, e);
            } catch (EOFException e) {
                throw new IllegalArgumentException(name + ": corrupt gzip data (truncated gzip header)", e);
            }
        }
        return new Stream(name, buffered, fileSize);
    }

    /** An IDX byte stream with a count of the bytes consumed so far. */
    private static final class Stream {
        private final String name;
        private final InputStream in;
        private final long size;
        private long consumed;

        Stream(String name, InputStream in, long size) {
            this.name = name;
            this.in = in;
            this.size = size;
        }

        int[] header(int magic, int ints) throws IOException {
            byte[] b = new byte[4 * ints];
            int got = fill(b, 0, b.length);
            if (got >= 4) {
                int m = bigEndian(b, 0);
                if (m != magic) {
                    throw new IllegalArgumentException(String.format("%s: bad magic 0x%08X, expected 0x%08X", name, m, magic));
                }
            }
            if (got < b.length) {
                throw new IllegalArgumentException(name + ": truncated: the file ends after " + consumed
                        + " bytes, inside the " + b.length + "-byte IDX header");
            }
            int[] h = new int[ints];
            for (int i = 0; i < ints; i++) {
                h[i] = bigEndian(b, 4 * i);
            }
            return h;
        }

        byte[] payload(long bytes, String claim, String what) throws IOException {
            if (bytes > MAX_ARRAY) {
                throw new IllegalArgumentException(name + ": " + claim + ", more than a Java array holds");
            }
            if (size >= 0 && size - consumed < bytes) {
                throw truncated(claim, size);
            }
            int n = (int) bytes;
            byte[] data = new byte[size >= 0 ? n : Math.min(n, INITIAL_GZIP_BUFFER)];
            int filled = 0;
            while (filled < n) {
                if (filled == data.length) {
                    data = Arrays.copyOf(data, (int) Math.min(n, 2L * data.length));
                }
                int got = fill(data, filled, data.length - filled);
                filled += got;
                if (filled < data.length) {
                    throw truncated(claim, consumed);
                }
            }
            long extra = 0;
            byte[] probe = new byte[4096];
            int r;
            while ((r = in.read(probe)) > 0) {
                extra += r;
            }
            if (extra > 0) {
                throw new IllegalArgumentException(name + ": " + extra + " bytes after the " + what
                        + " the header announces");
            }
            return data;
        }

        private IllegalArgumentException truncated(String claim, long endsAfter) {
            return new IllegalArgumentException(name + ": truncated: " + claim + " but the file ends after "
                    + endsAfter + " bytes");
        }

        /** Reads up to {@code len} bytes; returns fewer only at the end of the data. */
        private int fill(byte[] b, int off, int len) throws IOException {
            int total = 0;
            while (total < len) {
                int r;
                try {
                    r = in.read(b, off + total, len - total);
                } catch (EOFException e) {
                    r = -1; // a gzip stream cut short: report it as the end of the data
                }
                if (r < 0) {
                    break;
                }
                total += r;
                consumed += r;
            }
            return total;
        }

        private static int bigEndian(byte[] b, int i) {
            return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
        }
    }
}
