package org.grad4j.data;

/**
 * Labels read from an IDX file (magic {@code 0x00000801}): one unsigned byte per item.
 *
 * <p>The array is shared, not copied; callers must not modify it.
 *
 * @param source file name the labels came from (used in error messages)
 * @param labels class indices 0..255
 */
public record IdxLabels(String source, int[] labels) {

    /** Number of labels. */
    public int count() {
        return labels.length;
    }

    /**
     * Checks that every label is a class index below {@code classes}.
     *
     * @throws IllegalArgumentException naming the file, the first bad label and its index
     */
    public void checkClasses(int classes) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= classes) {
                throw new IllegalArgumentException(source + ": label " + labels[i] + " at index " + i
                        + " is not a class index 0.." + (classes - 1));
            }
        }
    }
}
