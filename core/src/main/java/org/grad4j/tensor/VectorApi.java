package org.grad4j.tensor;

/**
 * Whether the incubating Vector API (module {@code jdk.incubator.vector}) is present in this JVM.
 * Code that uses it lives in classes loaded only when it is ({@code SparseKernels}, {@code WideSparseKernels});
 * {@code ./grad4j} and the tests pass {@code --add-modules jdk.incubator.vector}, an embedding program
 * may not.
 */
public final class VectorApi {

    private static final boolean PRESENT = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private VectorApi() {
    }

    /** True when {@code --add-modules jdk.incubator.vector} (or an equivalent) was given. */
    public static boolean present() {
        return PRESENT;
    }
}
