package org.grad4j.data;

/**
 * Images read from an IDX file (magic {@code 0x00000803}): {@code count} images of
 * {@code rows x cols} unsigned bytes, stored row-major, image after image.
 *
 * <p>The pixel array is shared, not copied: the reader hands over the array it filled, and
 * {@link Dataset} keeps it without copying (60 000 MNIST images take 47 MB as bytes instead of
 * 376 MB as doubles). Callers must not modify it.
 *
 * @param source file name the images came from (used in error messages)
 * @param count number of images
 * @param rows rows per image
 * @param cols columns per image
 * @param pixels {@code count * rows * cols} grey levels 0..255 as unsigned bytes
 */
public record IdxImages(String source, int count, int rows, int cols, byte[] pixels) {

    public IdxImages {
        if (count < 0 || rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException(source + ": bad dimensions " + count + " images of " + rows + "x" + cols);
        }
        if (pixels.length != (long) count * rows * cols) {
            throw new IllegalArgumentException(source + ": " + pixels.length + " pixels for " + count
                    + " images of " + rows + "x" + cols);
        }
    }

    /** Pixels per image, {@code rows * cols}. */
    public int features() {
        return rows * cols;
    }

    /** Grey level 0..255 of pixel {@code (r, c)} of image {@code i}. */
    public int pixel(int i, int r, int c) {
        return pixels[(i * rows + r) * cols + c] & 0xFF;
    }
}
