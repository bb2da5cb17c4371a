package org.grad4j.cli;

import java.util.Locale;

/**
 * Memory estimates checked before allocating: a size that cannot fit in the heap
 * ({@link Runtime#maxMemory()}) or in a Java array is refused with one line naming the option or
 * file, the size asked for and what fits, instead of an {@link OutOfMemoryError} minutes later.
 * Sizes are computed in {@code long} with exact arithmetic: an overflow is bad input too.
 */
final class Heap {
    /** The longest Java array (the JDK's own limit, ArraysSupport.SOFT_MAX_ARRAY_LENGTH). */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    /** Bytes per double. */
    static final long DOUBLE = 8;

    private Heap() {
    }

    /** The heap's limit (-Xmx), in bytes. */
    static long max() {
        return Runtime.getRuntime().maxMemory();
    }

    /** Bytes that can still be allocated: the limit less what is in use now. */
    static long free() {
        Runtime r = Runtime.getRuntime();
        return r.maxMemory() - (r.totalMemory() - r.freeMemory());
    }

    /**
     * Refuses {@code bytes} when it exceeds the free heap.
     *
     * @param what names the option and value or the file, e.g. {@code "--hidden 1000000: the network"}
     */
    static void check(String what, long bytes) {
        long free = free();
        if (bytes < 0 || bytes > free) {
            throw new BadInputException(what + " needs " + (bytes < 0 ? "more than 8 EB" : bytes(bytes))
                    + ", but the Java heap has " + bytes(free) + " free of " + bytes(max())
                    + " (-Xmx; GRAD4J_JAVA_OPTS=-Xmx... raises it)");
        }
    }

    /** Refuses an array of {@code length} elements longer than a Java array can be. */
    static void checkArray(String what, long length) {
        if (length < 0 || length > MAX_ARRAY) {
            throw new BadInputException(what + " would hold " + (length < 0 ? "more than 2^63" : Long.toString(length))
                    + " values, more than a Java array holds (" + MAX_ARRAY + ")");
        }
    }

    /**
     * Refuses a descent path of {@code steps + 1} points in n dimensions that cannot fit: each point
     * is an array (16-byte header, n doubles) referenced from a list, with its value and gradient
     * norm. The path grows as the run goes, but a run may take all its steps.
     */
    static void checkPath(String flag, int steps, int n) {
        long points = steps + 1L;
        long perPoint = 16 + DOUBLE * n + 8 + 2 * DOUBLE;
        check(flag + " " + steps + ": the path (" + points + " points)", times(flag, points, perPoint));
    }

    /** {@code a * b}, or bad input naming {@code what} when it overflows a long. */
    static long times(String what, long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw new BadInputException(what + ": " + a + " x " + b + " overflows");
        }
    }

    /** {@code a + b}, or bad input naming {@code what} when it overflows a long. */
    static long plus(String what, long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new BadInputException(what + ": " + a + " + " + b + " overflows");
        }
    }

    /** A byte count as {@code 6.3 GB}, {@code 512 MB}, {@code 80 KB} or {@code 12 bytes} (powers of 1000). */
    static String bytes(long n) {
        if (n >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f GB", n / 1e9);
        }
        if (n >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.0f MB", n / 1e6);
        }
        if (n >= 1_000L) {
            return String.format(Locale.ROOT, "%.0f KB", n / 1e3);
        }
        return n + " bytes";
    }
}
