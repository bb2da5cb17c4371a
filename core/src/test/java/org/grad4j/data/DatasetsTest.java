package org.grad4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {

    @TempDir
    Path dir;

    @Test
    void mnistSampleShipsWithGrad4j() throws Exception {
        Dataset d = Datasets.load("mnist-sample", dir, Datasets.Listener.NONE);
        assertThat(d.name()).isEqualTo("mnist-sample");
        assertThat(d.train().size()).isEqualTo(8000);
        assertThat(d.test().size()).isEqualTo(2000);
        assertThat(d.features()).isEqualTo(784);
        assertThat(d.classes()).isEqualTo(10);
        // class counts written by tools/mnist-sample/convert.py (numpy.bincount of the labels)
        int[] counts = new int[10];
        for (int t : d.train().labels()) {
            counts[t]++;
        }
        assertThat(counts).containsExactly(802, 897, 806, 842, 782, 667, 794, 878, 757, 775);
        // first labels of the shuffled train file, and the pixel sum of image 0 (13673 grey levels)
        assertThat(java.util.Arrays.copyOf(d.train().labels(), 10)).containsExactly(7, 2, 3, 7, 2, 7, 8, 7, 3, 2);
        double sum = 0;
        for (int j = 0; j < 784; j++) {
            sum += d.train().x(0, j);
        }
        assertThat(sum * 255).isCloseTo(13673, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(Files.list(dir)).as("no cache use").isEmpty();
    }

    @Test
    void directoryWithGzipOrRawFiles() throws Exception {
        IdxFiles.writeSet(dir, 6, 3);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxFiles.labels(3, 10)); // raw, no .gz
        Dataset d = Datasets.load(dir.toString(), dir.resolve("cache"), Datasets.Listener.NONE);
        assertThat(d.rows()).isEqualTo(4);
        assertThat(d.cols()).isEqualTo(3);
        assertThat(d.train().size()).isEqualTo(6);
        assertThat(d.test().labels()).containsExactly(0, 1, 2);
        assertThat(d.source()).isEqualTo(dir.toString());
    }

    @Test
    void directoryWithoutIdxFiles() {
        assertThatThrownBy(() -> Datasets.load(dir.toString(), dir, Datasets.Listener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .isNotInstanceOf(DatasetUnavailableException.class)
                .hasMessage(dir + ": no MNIST-format files (expected train-images-idx3-ubyte[.gz], "
                        + "train-labels-idx1-ubyte[.gz], t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz])");
    }

    @Test
    void onlyMnistFallsBackToTheSample() throws Exception {
        assertThat(Datasets.loadOrSample("mnist-sample", dir, Datasets.Listener.NONE).train().size()).isEqualTo(8000);
        assertThatThrownBy(() -> Datasets.loadOrSample("cifar", dir, Datasets.Listener.NONE))
                .hasMessageStartingWith("Unknown dataset 'cifar'");
    }

    @Test
    void unknownName() {
        assertThatThrownBy(() -> Datasets.load("cifar", dir, Datasets.Listener.NONE))
                .hasMessage("Unknown dataset 'cifar': expected mnist, fashion-mnist, mnist-sample or a directory of "
                        + "MNIST-format files");
    }

    @Test
    void mismatchedDirectoryNamesTheFiles() throws Exception {
        IdxFiles.writeSet(dir, 6, 3);
        Files.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), IdxFiles.gzip(IdxFiles.labels(2, 10)));
        assertThatThrownBy(() -> Datasets.load(dir.toString(), dir, Datasets.Listener.NONE))
                .hasMessage("t10k-labels-idx1-ubyte.gz: 2 labels but t10k-images-idx3-ubyte.gz has 3 images");
    }

    @Test
    void mnistOfflineFailsWithOneLineReason() throws Exception {
        // mirrors that refuse connections: nothing listens on port 1 of the loopback interface
        RemoteDataset offline = new RemoteDataset("mnist", 10,
                List.of(java.net.URI.create("http://127.0.0.1:1/a/"), java.net.URI.create("http://127.0.0.1:1/b/")),
                RemoteDataset.MNIST.sha256(), List.of());
        List<String> events = new ArrayList<>();
        Downloader downloader = new Downloader(3, Duration.ZERO, Duration.ofSeconds(5));
        assertThatThrownBy(() -> offline.load(dir, downloader, events::add))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessageStartingWith("mnist: cannot download train-images-idx3-ubyte.gz (http://127.0.0.1:1/a/"
                        + "train-images-idx3-ubyte.gz: connection refused")
                .hasMessageContaining("; http://127.0.0.1:1/b/train-images-idx3-ubyte.gz: connection refused")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        // connection refused is not retried on the same mirror
        assertThat(events).filteredOn(m -> m.startsWith("downloading")).hasSize(2);
        assertThat(Files.list(dir.resolve("mnist"))).as("no partial files left").isEmpty();
    }

    @Test
    void fashionMnistUsesTheDebianPackageWhenInstalled() throws Exception {
        Path installed = Path.of("/usr/share/datasets/fashion-mnist");
        org.junit.jupiter.api.Assumptions.assumeTrue(Datasets.hasIdxFiles(installed),
                "Debian package dataset-fashion-mnist not installed");
        List<String> events = new ArrayList<>();
        Dataset d = Datasets.load("fashion-mnist", dir, events::add);
        assertThat(d.train().size()).isEqualTo(60000);
        assertThat(d.test().size()).isEqualTo(10000);
        assertThat(d.source()).isEqualTo(installed.toString());
        // reference values computed once with NumPy 1.24.2 from the same files (np.frombuffer after gzip)
        assertThat(java.util.Arrays.copyOf(d.train().labels(), 10)).containsExactly(9, 0, 0, 3, 0, 2, 7, 2, 5, 5);
        double sum = 0;
        for (int j = 0; j < 784; j++) {
            sum += d.test().x(9999, j);
        }
        assertThat(sum * 255).isCloseTo(24390, org.assertj.core.api.Assertions.within(1e-8));
        assertThat(events).containsExactly("fashion-mnist: using installed files in " + installed);
    }

    @Test
    void oneHot() {
        assertThat(Dataset.oneHot(new int[] {2, 0}, 3)).containsExactly(0, 0, 1, 1, 0, 0);
        assertThatThrownBy(() -> Dataset.oneHot(new int[] {1, 3}, 3))
                .hasMessage("oneHot: label 3 at index 1 is not a class index 0..2");
    }
}
