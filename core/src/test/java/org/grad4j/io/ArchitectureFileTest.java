package org.grad4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.zip.ZipFile;
import org.grad4j.data.Normalization;
import org.grad4j.data.Task;
import org.grad4j.nn.Activation;
import org.grad4j.nn.FeedForwardNet;
import org.grad4j.nn.Init;
import org.grad4j.nn.MultiLayerNet;
import org.grad4j.nn.TwoLayerNet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchitectureFileTest {

    @TempDir
    Path dir;

    /** Files written by tools/reference/architecture_interop.py with NumPy 1.24.2 (Debian python3-numpy). */
    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ArchitectureFileTest.class.getResource("/org/grad4j/io/" + name).toURI());
    }

    private static Architecture book() {
        return Architecture.feedForward(Task.CLASSIFICATION, new int[] {784, 50, 10}, "sigmoid", "cross-entropy",
                Normalization.divide(784, 255));
    }

    @Test
    void readsTheArchitectureNumpyWrote() throws Exception {
        Optional<Architecture> a = ArchitectureFile.read(resource("numpy_architecture.npz"));

        assertThat(a).isPresent();
        assertThat(a.get().task()).isEqualTo(Task.REGRESSION);
        assertThat(a.get().activation()).isEqualTo("tanh");
        assertThat(a.get().loss()).isEqualTo("mse");
        assertThat(a.get().inputs()).isEqualTo(3);
        assertThat(a.get().outputs()).isEqualTo(1);
        assertThat(a.get().normalization().kind()).isEqualTo(Normalization.Kind.STANDARDIZE);
        assertThat(a.get().normalization().shift()).containsExactly(0.5, -1.25, 3.0);
        assertThat(a.get().normalization().scale()).containsExactly(2.0, 0.5, 1.5);
        // its weights load as any file's
        FeedForwardNet net = ModelFile.load(resource("numpy_architecture.npz"), Activation.SIGMOID);
        assertThat(net.parameters()).hasSize(4);
    }

    @Test
    void theByteArrayIsWhatNumpyWrites() throws Exception {
        byte[] numpy = Files.readAllBytes(resource("numpy_architecture.npy"));
        NdArray a = Npy.decode("numpy_architecture.npy", new ByteArrayInputStream(numpy), numpy.length);
        byte[] json = new byte[a.size()];
        for (int i = 0; i < json.length; i++) {
            json[i] = (byte) a.data()[i];
        }
        assertThat(new String(json, StandardCharsets.UTF_8)).startsWith("{\"format\":\"grad4j-architecture\"");
        assertThat(Npy.encodeBytes(json)).isEqualTo(numpy);
    }

    @Test
    void savesAndReadsBackWithTheWeightsUnchanged() throws Exception {
        TwoLayerNet net = new TwoLayerNet(784, 50, 10, new Random(3));
        Path file = dir.resolve("model.npz");
        ArchitectureFile.save(file, net, book());

        assertThat(ArchitectureFile.read(file)).contains(book());
        Map<String, NdArray> arrays = Npz.read(file);
        assertThat(arrays.keySet()).containsExactly("W1", "b1", "W2", "b2", ArchitectureFile.ARRAY);
        assertThat(arrays.get("W1")).isEqualTo(ModelFile.arrays(net).get("W1"));
        try (ZipFile zip = new ZipFile(file.toFile())) {
            byte[] entry = zip.getInputStream(zip.getEntry("grad4j_architecture.npy")).readAllBytes();
            assertThat(new String(entry, 0, 60, StandardCharsets.US_ASCII)).contains("'descr': '|u1'");
        }
        FeedForwardNet loaded = ModelFile.load(file, Activation.SIGMOID);
        assertThat(ModelFile.arrays(loaded)).isEqualTo(ModelFile.arrays(net));
    }

    @Test
    void filesWithoutAnArchitectureStillLoad() throws Exception {
        TwoLayerNet net = new TwoLayerNet(4, 3, 2, new Random(1));
        Path file = dir.resolve("old.npz");
        ModelFile.save(file, net);
        assertThat(ArchitectureFile.read(file)).isEmpty();
        assertThat(ModelFile.arrays(ModelFile.load(file, Activation.SIGMOID))).isEqualTo(ModelFile.arrays(net));
        assertThat(ArchitectureFile.read(resource("numpy_savez.npz"))).isEmpty();
    }

    @Test
    void corruptJsonIsSaidToBeCorrupt() throws Exception {
        Path file = dir.resolve("model.npz");
        LinkedHashMap<String, NdArray> arrays = ModelFile.arrays(new TwoLayerNet(784, 50, 10, new Random(3)));
        String json = book().toJson();
        Npz.write(file, arrays, Map.of(ArchitectureFile.ARRAY, json.substring(0, 100).getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> ArchitectureFile.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model.npz: grad4j_architecture is corrupt: JSON: unexpected end of text at character 101");

        Npz.write(file, arrays, Map.of(ArchitectureFile.ARRAY, new byte[] {'{', (byte) 0xff, '}'}));
        assertThatThrownBy(() -> ArchitectureFile.read(file))
                .hasMessage("model.npz: grad4j_architecture is corrupt: not valid UTF-8");

        LinkedHashMap<String, NdArray> floats = new LinkedHashMap<>(arrays);
        floats.put(ArchitectureFile.ARRAY, NdArray.vector(new double[] {123, 0.5}));
        assertThatThrownBy(() -> ArchitectureFile.of("model.npz", floats))
                .hasMessage("model.npz: grad4j_architecture is corrupt: element 1 is 0.5, not a byte");

        Npz.write(file, arrays, Map.of(ArchitectureFile.ARRAY, json.replace("mse\"", "x\"").replace("cross-entropy", "hinge")
                .getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> ArchitectureFile.read(file))
                .hasMessage("model.npz: grad4j_architecture is invalid: architecture: unknown loss 'hinge' (expected bce,"
                        + " cross-entropy or mse)");
    }

    @Test
    void anArchitectureThatDoesNotMatchTheArraysSaysWhich() throws Exception {
        LinkedHashMap<String, NdArray> arrays = ModelFile.arrays(new TwoLayerNet(784, 40, 10, new Random(3)));
        assertThatThrownBy(() -> ArchitectureFile.check("model.npz", book(), arrays))
                .hasMessage("model.npz: grad4j_architecture does not match the arrays: layer 1 (linear): weight W1 has"
                        + " shape (784, 40), expected (784, 50)");

        LinkedHashMap<String, NdArray> three = ModelFile.arrays(
                new MultiLayerNet(784, new int[] {50, 10}, 10, Activation.SIGMOID, Init.XAVIER, new Random(3)));
        assertThatThrownBy(() -> ArchitectureFile.check("model.npz", book(), three))
                .hasMessage("model.npz: grad4j_architecture does not match the arrays: array W3 belongs to no layer");

        LinkedHashMap<String, NdArray> noBias = ModelFile.arrays(new TwoLayerNet(784, 50, 10, new Random(3)));
        noBias.remove("b2");
        assertThatThrownBy(() -> ArchitectureFile.check("model.npz", book(), noBias))
                .hasMessage("model.npz: grad4j_architecture does not match the arrays: layer 3 (linear): bias b2 is not in"
                        + " the file (it holds W1, b1, W2)");
    }

    @Test
    void aMismatchedSaveWritesNothingAndKeepsTheOldFile() throws Exception {
        Path file = dir.resolve("model.npz");
        TwoLayerNet old = new TwoLayerNet(784, 50, 10, new Random(1));
        ArchitectureFile.save(file, old, book());
        byte[] before = Files.readAllBytes(file);

        TwoLayerNet other = new TwoLayerNet(784, 40, 10, new Random(2));
        assertThatThrownBy(() -> ArchitectureFile.save(file, other, book()))
                .hasMessageContaining("weight W1 has shape (784, 40), expected (784, 50)");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    /** Leaves a file for {@code architecture_interop.py check} in target/ (what numpy.load must read without pickle). */
    @Test
    void writesAFileForTheNumpyCheck() throws Exception {
        Path out = Path.of("target", "interop");
        Files.createDirectories(out);
        Architecture a = new Architecture(Task.REGRESSION, java.util.List.of(LayerSpec.linear(5, 32, "W1", "b1"),
                LayerSpec.activation("tanh"), LayerSpec.linear(32, 1, "W2", "b2")), "tanh", "mse",
                new Normalization(Normalization.Kind.STANDARDIZE, new double[] {0.1, 0.2, 0.3, 0.4, 0.5},
                        new double[] {1, 2, 3, 4, 5}));
        Path file = out.resolve("model-with-architecture.npz");
        ArchitectureFile.save(file, new MultiLayerNet(5, new int[] {32}, 1, Activation.SIGMOID, Init.XAVIER, new Random(4)), a);
        assertThat(ArchitectureFile.read(file)).contains(a);
    }
}
