package org.grad4j.data;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An MNIST-format data set that can be downloaded: its four gzip IDX files, their SHA-256 and the
 * mirrors serving them, plus directories where a system package may have installed it.
 *
 * <p>Resolution order in {@link #load}: the first installed directory holding the four files (used
 * as is: Debian's {@code dataset-fashion-mnist} recompresses the files, so their checksums differ
 * from upstream; the IDX reader still validates their content), then the cache directory, then a
 * download into the cache. Files in the cache got there only through a verified download renamed
 * into place, so they are not hashed again on every load.
 *
 * @param name data set name, also the name of its cache sub-directory
 * @param classes number of classes
 * @param mirrors base URIs ending in {@code /}, tried in order
 * @param sha256 expected SHA-256 (lower-case hex) of each of the four {@link Datasets#FILES}
 * @param installed directories where the files may already be installed
 */
public record RemoteDataset(String name, int classes, List<URI> mirrors, Map<String, String> sha256, List<Path> installed) {

    public RemoteDataset {
        mirrors = List.copyOf(mirrors);
        sha256 = Map.copyOf(sha256);
        installed = List.copyOf(installed);
        for (String f : Datasets.FILES) {
            if (!sha256.containsKey(f)) {
                throw new IllegalArgumentException(name + ": no SHA-256 given for " + f);
            }
        }
    }

    /** MNIST (LeCun, Cortes, Burges), from the mirrors torchvision and TensorFlow use. */
    public static final RemoteDataset MNIST = new RemoteDataset("mnist", 10,
            List.of(URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
                    URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/")),
            // SHA-256 of the standard files (train-images 9912422 bytes, train-labels 28881,
            // t10k-images 1648877, t10k-labels 4542), as listed by many independent projects
            // (e.g. torch.rb's MNIST resources, tensorflow_datasets' url_checksums); torchvision
            // lists the MD5s f68b3c2d..., d53e105e..., 9fb629c4..., ec29112d... of the same files.
            Map.of("train-images-idx3-ubyte.gz", "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
                    "train-labels-idx1-ubyte.gz", "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
                    "t10k-images-idx3-ubyte.gz", "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
                    "t10k-labels-idx1-ubyte.gz", "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"),
            List.of());

    /** Fashion-MNIST (Xiao, Rasul, Vollgraf, Zalando Research, MIT licence). */
    public static final RemoteDataset FASHION_MNIST = new RemoteDataset("fashion-mnist", 10,
            List.of(URI.create("https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/"),
                    URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/")),
            // SHA-256 of the upstream files (train-images 26421880 bytes, train-labels 29515,
            // t10k-images 4422102, t10k-labels 5148), as listed by tensorflow_datasets and others;
            // the upstream README lists the MD5s 8d4fb7e6..., 25c81989..., bef4ecab..., bb300cfd....
            Map.of("train-images-idx3-ubyte.gz", "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
                    "train-labels-idx1-ubyte.gz", "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
                    "t10k-images-idx3-ubyte.gz", "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
                    "t10k-labels-idx1-ubyte.gz", "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5"),
            List.of(Path.of("/usr/share/datasets/fashion-mnist")));

    /**
     * Loads the data set from an installed directory, the cache {@code cacheRoot/name}, or the network.
     *
     * @throws DatasetUnavailableException if it must be downloaded and cannot be
     */
    public Dataset load(Path cacheRoot, Downloader downloader, Datasets.Listener listener) throws IOException {
        for (Path dir : installed) {
            if (Datasets.hasIdxFiles(dir)) {
                listener.event(name + ": using installed files in " + dir);
                return Datasets.readDirectory(name, dir, classes);
            }
        }
        Path cache = cacheRoot.resolve(name);
        for (String f : Datasets.FILES) {
            if (!Files.isRegularFile(cache.resolve(f))) {
                downloader.fetch(name, f, mirrors, sha256.get(f), cache, listener);
            }
        }
        return Datasets.readDirectory(name, cache, classes);
    }
}
