package org.grad4j.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Data sets by name:
 * <ul>
 *   <li>{@code mnist}: the four standard files from the cache ({@code ~/.cache/grad4j/mnist}),
 *       downloaded with SHA-256 verification on first use ({@link RemoteDataset#MNIST});</li>
 *   <li>{@code fashion-mnist}: installed by Debian's {@code dataset-fashion-mnist} under
 *       {@code /usr/share/datasets/fashion-mnist}, else cached, else downloaded;</li>
 *   <li>{@code mnist-sample}: 10 000 real MNIST digits (8 000 train, 2 000 test) shipped inside
 *       grad4j, always available (see {@code tools/mnist-sample/README.md});</li>
 *   <li>any directory holding {@code train-images-idx3-ubyte[.gz]}, {@code train-labels-idx1-ubyte[.gz]},
 *       {@code t10k-images-idx3-ubyte[.gz]} and {@code t10k-labels-idx1-ubyte[.gz]}.</li>
 * </ul>
 * The cache root defaults to {@code $GRAD4J_CACHE} if set, else {@code ~/.cache/grad4j}.
 */
public final class Datasets {

    /** Receives progress messages (downloads, retries); the library never prints. */
    @FunctionalInterface
    public interface Listener {
        void event(String message);

        /** A listener that ignores everything. */
        Listener NONE = message -> {};
    }

    /** The four standard file names, gzip-compressed, in the order train images, train labels, test images, test labels. */
    public static final List<String> FILES = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

    /** Name of the data set shipped inside grad4j. */
    public static final String SAMPLE = "mnist-sample";

    private static final String SAMPLE_RESOURCE = "/org/grad4j/data/mnist-sample/";
    private static final int MNIST_CLASSES = 10;

    private Datasets() {}

    /**
     * What a data set known by name looks like before it is loaded: features per example, classes,
     * training examples, and the fraction of its training pixels that are nonzero (measured once with
     * {@link Split#density()}: 0.498 for Fashion-MNIST, 0.192 for the MNIST sample; MNIST's 60 000
     * are 0.19 too). Used to warm up the training code while the data loads.
     */
    public record Profile(int features, int classes, int trainSize, double density) {}

    /** The {@link Profile} of {@code mnist}, {@code fashion-mnist} or {@code mnist-sample}; empty for anything else. */
    public static Optional<Profile> profile(String spec) {
        return switch (spec) {
            case "mnist" -> Optional.of(new Profile(28 * 28, MNIST_CLASSES, 60_000, 0.19));
            case SAMPLE -> Optional.of(new Profile(28 * 28, MNIST_CLASSES, 8_000, 0.19));
            case "fashion-mnist" -> Optional.of(new Profile(28 * 28, MNIST_CLASSES, 60_000, 0.5));
            default -> Optional.empty();
        };
    }

    /** {@link #load(String, Path, Listener)} with the default cache and no listener. */
    public static Dataset load(String spec) throws IOException {
        return load(spec, null, Listener.NONE);
    }

    /**
     * Loads a data set by name or directory.
     *
     * @param cacheRoot cache root ({@code null}: {@link #defaultCacheRoot()}); {@code mnist} lives in {@code cacheRoot/mnist}
     * @throws DatasetUnavailableException if the data set must be downloaded and cannot be
     * @throws IllegalArgumentException for an unknown name, a directory without IDX files, or malformed files
     * @throws IOException if files cannot be read or the cache cannot be written
     */
    public static Dataset load(String spec, Path cacheRoot, Listener listener) throws IOException {
        return load(spec, cacheRoot, listener, Downloader.standard());
    }

    /** As {@link #load(String, Path, Listener)} with a given downloader. */
    public static Dataset load(String spec, Path cacheRoot, Listener listener, Downloader downloader) throws IOException {
        Path root = cacheRoot != null ? cacheRoot : defaultCacheRoot();
        switch (spec) {
            case "mnist":
                return RemoteDataset.MNIST.load(root, downloader, listener);
            case "fashion-mnist":
                return RemoteDataset.FASHION_MNIST.load(root, downloader, listener);
            case SAMPLE:
                return sample();
            default:
                Path dir = Path.of(spec);
                if (Files.isDirectory(dir)) {
                    if (!hasIdxFiles(dir)) {
                        throw new IllegalArgumentException(spec + ": no MNIST-format files (expected "
                                + "train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz], "
                                + "t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz])");
                    }
                    return readDirectory(dir.getFileName() == null ? spec : dir.getFileName().toString(), dir, MNIST_CLASSES);
                }
                throw new IllegalArgumentException("Unknown dataset '" + spec
                        + "': expected mnist, fashion-mnist, mnist-sample or a directory of MNIST-format files");
        }
    }

    /**
     * {@link #load(String, Path, Listener)}, except that {@code mnist}, when it cannot be had
     * (offline, mirrors down), falls back to {@link #sample()}, saying why through the listener: so
     * that the book's experiments always run.
     */
    public static Dataset loadOrSample(String spec, Path cacheRoot, Listener listener) throws IOException {
        try {
            return load(spec, cacheRoot, listener);
        } catch (DatasetUnavailableException e) {
            if (!spec.equals("mnist")) {
                throw e;
            }
            listener.event("grad4j: " + e.getMessage().strip());
            listener.event("grad4j: falling back to mnist-sample (10 000 MNIST digits shipped with grad4j)");
            return sample();
        }
    }

    /** {@code $GRAD4J_CACHE} if set, else {@code ~/.cache/grad4j}. */
    public static Path defaultCacheRoot() {
        String env = System.getenv("GRAD4J_CACHE");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "grad4j");
    }

    /** The 10 000 MNIST digits shipped as class-path resources (8 000 train, 2 000 test). */
    public static Dataset sample() throws IOException {
        IdxImages[] images = new IdxImages[2];
        IdxLabels[] labels = new IdxLabels[2];
        for (int k = 0; k < 2; k++) {
            images[k] = resourceImages(FILES.get(2 * k));
            labels[k] = resourceLabels(FILES.get(2 * k + 1));
        }
        return Dataset.of(SAMPLE, "grad4j resource " + SAMPLE_RESOURCE, MNIST_CLASSES,
                images[0], labels[0], images[1], labels[1]);
    }

    /** True if {@code dir} holds the four standard files, each raw or gzip. */
    public static boolean hasIdxFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        for (String f : FILES) {
            if (find(dir, f) == null) {
                return false;
            }
        }
        return true;
    }

    /** Reads the four standard files (each raw or gzip) from a directory. */
    public static Dataset readDirectory(String name, Path dir, int classes) throws IOException {
        Path[] p = new Path[4];
        for (int k = 0; k < 4; k++) {
            p[k] = find(dir, FILES.get(k));
            if (p[k] == null) {
                throw new IllegalArgumentException(dir + ": missing " + FILES.get(k) + " (or "
                        + strip(FILES.get(k)) + ")");
            }
        }
        IdxImages trainImages = Idx.readImages(p[0]);
        IdxImages testImages = Idx.readImages(p[2]);
        for (int k : new int[] {0, 2}) {
            if ((k == 0 ? trainImages : testImages).count() == 0) {
                throw new IllegalArgumentException(p[k] + ": holds 0 images; the " + (k == 0 ? "training" : "test")
                        + " split must not be empty");
            }
        }
        return Dataset.of(name, dir.toString(), classes, trainImages, Idx.readLabels(p[1]),
                testImages, Idx.readLabels(p[3]));
    }

    /** {@code dir/name.gz} if present, else {@code dir/name} without {@code .gz}, else null. */
    private static Path find(Path dir, String gzName) {
        Path gz = dir.resolve(gzName);
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path raw = dir.resolve(strip(gzName));
        return Files.isRegularFile(raw) ? raw : null;
    }

    private static String strip(String gzName) {
        return gzName.substring(0, gzName.length() - ".gz".length());
    }

    private static IdxImages resourceImages(String file) throws IOException {
        try (InputStream in = resource(file)) {
            return Idx.readImages(file, in, -1);
        }
    }

    private static IdxLabels resourceLabels(String file) throws IOException {
        try (InputStream in = resource(file)) {
            return Idx.readLabels(file, in, -1);
        }
    }

    private static InputStream resource(String file) throws IOException {
        InputStream in = Datasets.class.getResourceAsStream(SAMPLE_RESOURCE + file);
        if (in == null) {
            throw new IOException(SAMPLE + ": resource " + SAMPLE_RESOURCE + file + " missing from the class path");
        }
        return in;
    }
}
