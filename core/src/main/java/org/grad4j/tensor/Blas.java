package org.grad4j.tensor;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The BLAS implementation grad4j uses, chosen once per JVM.
 *
 * <p>{@code dev.ludovic.netlib.blas.BLAS.getInstance()} takes any native {@code libblas.so.3} it
 * can load, even the slow reference BLAS, which is slower than netlib's own Vector-API kernel. So the
 * choice is made here deliberately:
 * <ol>
 *   <li>{@code -Dgrad4j.blas=java|native} or the environment variable {@code GRAD4J_BLAS=java|native}
 *       forces a choice ({@code native} fails if no native library loads);</li>
 *   <li>otherwise the native library is used only if, once loaded, the process maps an optimized
 *       BLAS (OpenBLAS, MKL or BLIS, read from {@code /proc/self/maps});</li>
 *   <li>otherwise netlib's pure-Java kernel ({@code VectorBLAS} when {@code jdk.incubator.vector}
 *       is available).</li>
 * </ol>
 */
public final class Blas {

    private static final List<String> OPTIMIZED = List.of("openblas", "mkl_rt", "libmkl", "blis");

    /**
     * netlib logs its own choice at INFO on first use; the library never prints, so that logger is
     * held (a strong reference keeps the level) at WARNING.
     */
    private static final Logger NETLIB_LOG = Logger.getLogger("dev.ludovic.netlib.blas.InstanceBuilder");

    private static final BLAS INSTANCE;
    private static final String DESCRIPTION;
    private static final boolean NATIVE;

    static {
        NETLIB_LOG.setLevel(Level.WARNING);
        String forced = System.getProperty("grad4j.blas", System.getenv("GRAD4J_BLAS"));
        forced = forced == null ? "" : forced.trim().toLowerCase(Locale.ROOT);
        if (!forced.isEmpty() && !forced.equals("java") && !forced.equals("native")) {
            throw new IllegalArgumentException("grad4j.blas / GRAD4J_BLAS must be java or native: " + forced);
        }
        BLAS chosen = null;
        String description = null;
        if (!forced.equals("java")) {
            NativeBLAS nat = null;
            Throwable failure = null;
            String wanted = System.getProperty("dev.ludovic.netlib.blas.nativeLib", "libblas.so.3");
            if (forced.equals("native") || findable(wanted)) {
                try {
                    nat = NativeBLAS.getInstance();
                } catch (RuntimeException | LinkageError e) {
                    failure = e;
                }
            } else {
                // netlib's JNI_OnLoad would print "dlopen(libblas.so.3) failed" on stderr: not tried
                failure = new UnsatisfiedLinkError(wanted + " not found");
            }
            String library = nat == null ? null : optimizedLibrary();
            if (nat != null && (library != null || forced.equals("native"))) {
                chosen = nat;
                description = (library != null ? vendor(library) : "unrecognized BLAS")
                        + " (native, " + (library != null ? library : nativeLibraryPath()) + ")";
            } else if (forced.equals("native")) {
                throw new IllegalStateException("GRAD4J_BLAS=native but no native BLAS loads: " + failure);
            }
        }
        if (chosen == null) {
            chosen = javaBlas();
            description = "Java (netlib " + chosen.getClass().getSimpleName() + ")";
        }
        INSTANCE = chosen;
        DESCRIPTION = description;
        NATIVE = chosen instanceof NativeBLAS;
    }

    private Blas() {
    }

    /** The BLAS all grad4j kernels call. */
    public static BLAS instance() {
        return INSTANCE;
    }

    /**
     * What {@link #instance()} is, e.g.
     * {@code OpenBLAS (native, /usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblasp-r0.3.21.so)} or
     * {@code Java (netlib VectorBLAS)}.
     */
    public static String description() {
        return DESCRIPTION;
    }

    /** True when {@link #instance()} is a native library reached through JNI. */
    public static boolean isNative() {
        return NATIVE;
    }

    /**
     * netlib's pure-Java BLAS as {@code JavaBLAS.getInstance()} picks it (VectorBLAS when
     * jdk.incubator.vector is there, else Java11BLAS), but without netlib's InstanceBuilder, which
     * also tries the native library and so prints its failed-dlopen line.
     */
    private static BLAS javaBlas() {
        for (String name : new String[] {"dev.ludovic.netlib.blas.VectorBLAS", "dev.ludovic.netlib.blas.Java11BLAS"}) {
            try {
                java.lang.reflect.Method m = Class.forName(name).getMethod("getInstance");
                m.setAccessible(true);
                Object b = m.invoke(null);
                if (b instanceof BLAS blas) {
                    return blas;
                }
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                // not available here: the next one
            }
        }
        return JavaBLAS.getInstance();
    }

    /**
     * Whether the dynamic linker can find {@code library}: an existing absolute path, or a file of
     * that name in LD_LIBRARY_PATH, the directories of /etc/ld.so.conf.d or the usual library
     * directories. Only a guess (the linker's cache is not read), used to avoid netlib's
     * failed-dlopen line on machines without a native BLAS.
     */
    static boolean findable(String library) {
        if (library.contains("/")) {
            return Files.exists(Path.of(library));
        }
        java.util.Set<String> dirs = new java.util.LinkedHashSet<>();
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) {
            dirs.addAll(List.of(ld.split(":")));
        }
        try (var confs = Files.newDirectoryStream(Path.of("/etc/ld.so.conf.d"), "*.conf")) {
            for (Path conf : confs) {
                for (String line : Files.readAllLines(conf)) {
                    String d = line.strip();
                    if (d.startsWith("/")) {
                        dirs.add(d);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // no such directory: the usual ones below
        }
        dirs.addAll(List.of("/lib", "/usr/lib", "/lib64", "/usr/lib64", "/usr/local/lib",
                "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu"));
        for (String d : dirs) {
            if (!d.isEmpty() && Files.exists(Path.of(d, library))) {
                return true;
            }
        }
        return false;
    }

    /** The path of an optimized BLAS mapped into this process, or null. */
    private static String optimizedLibrary() {
        for (String line : maps()) {
            int slash = line.indexOf('/');
            if (slash < 0) {
                continue;
            }
            String path = line.substring(slash);
            String file = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            for (String name : OPTIMIZED) {
                if (file.contains(name)) {
                    return path;
                }
            }
        }
        return null;
    }

    private static String nativeLibraryPath() {
        for (String line : maps()) {
            int slash = line.indexOf('/');
            if (slash >= 0 && line.contains("libblas")) {
                return line.substring(slash);
            }
        }
        return System.getProperty("dev.ludovic.netlib.blas.nativeLib", "libblas.so.3");
    }

    private static List<String> maps() {
        try {
            return Files.readAllLines(Path.of("/proc/self/maps"));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static String vendor(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (file.contains("openblas")) {
            return "OpenBLAS";
        }
        if (file.contains("mkl")) {
            return "MKL";
        }
        return "BLIS";
    }
}
