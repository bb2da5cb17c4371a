package org.grad4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpzTest {

    @TempDir
    Path dir;

    /** Files written by tools/reference/npz_interop.py with NumPy 1.24.2 (Debian python3-numpy). */
    private static Path resource(String name) throws URISyntaxException {
        return Path.of(NpzTest.class.getResource("/org/grad4j/io/" + name).toURI());
    }

    private static void assertNumpyArrays(Map<String, NdArray> a) {
        assertThat(a.keySet()).containsExactly("W", "b", "W32", "F", "ints", "i32", "u8", "scalar");
        // W = arange(6) * 1.125 reshaped (2, 3)
        assertThat(a.get("W")).isEqualTo(new NdArray(new double[] {0, 1.125, 2.25, 3.375, 4.5, 5.625}, new int[] {2, 3}));
        assertThat(a.get("b")).isEqualTo(NdArray.vector(new double[] {-1.5, 0.0, 2.25}));
        // float32 arange(6) / 3 widened to float64, values printed by the script
        assertThat(a.get("W32")).isEqualTo(new NdArray(new double[] {0.0, 0.3333333432674408, 0.6666666865348816, 1.0,
                1.3333333730697632, 1.6666666269302368}, new int[] {3, 2}));
        // Fortran-order (2, 3, 2) with element (i, j, k) = 100 i + 10 j + k, must come back in C order
        double[] f = new double[12];
        int p = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 2; k++) {
                    f[p++] = 100 * i + 10 * j + k;
                }
            }
        }
        assertThat(a.get("F")).isEqualTo(new NdArray(f, new int[] {2, 3, 2}));
        assertThat(a.get("ints")).isEqualTo(new NdArray(new double[] {1, -2, 3, -4}, new int[] {2, 2}));
        assertThat(a.get("i32")).isEqualTo(NdArray.vector(new double[] {7, -8, 9}));
        assertThat(a.get("u8")).isEqualTo(NdArray.vector(new double[] {0, 128, 255}));
        assertThat(a.get("scalar")).isEqualTo(new NdArray(new double[] {3.5}, new int[0]));
    }

    @Test
    void readsNumpySavez() throws Exception {
        assertNumpyArrays(Npz.read(resource("numpy_savez.npz")));
    }

    @Test
    void readsNumpySavezCompressed() throws Exception {
        assertNumpyArrays(Npz.read(resource("numpy_savez_compressed.npz")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"numpy_W.npy", "numpy_784x0.npy", "numpy_vector.npy", "numpy_scalar.npy"})
    void npyHeaderIsByteIdenticalToNumpy(String file) throws Exception {
        byte[] numpy = Files.readAllBytes(resource(file));
        NdArray a = Npy.decode(file, new ByteArrayInputStream(numpy), numpy.length);
        assertThat(Npy.encode(a)).isEqualTo(numpy);
        assertThat(numpy.length % 64 == 0 || (numpy.length - 8 * a.size()) % 64 == 0).isTrue();
    }

    @Test
    void roundTripKeepsOrderShapesAndBits() throws Exception {
        Random random = new Random(42);
        LinkedHashMap<String, NdArray> arrays = new LinkedHashMap<>();
        arrays.put("W1", NdArray.matrix(random.doubles(784 * 50).map(x -> x * 0.01).toArray(), 784, 50));
        arrays.put("b1", NdArray.vector(new double[50]));
        arrays.put("W2", NdArray.matrix(random.doubles(500).toArray(), 50, 10));
        arrays.put("b2", NdArray.vector(new double[] {Double.NaN, -0.0, Double.MIN_VALUE, Double.MAX_VALUE,
                Double.NEGATIVE_INFINITY, 1, 2, 3, 4, 5}));
        arrays.put("scalar", new NdArray(new double[] {7}, new int[0]));
        arrays.put("empty", new NdArray(new double[0], new int[] {0, 3}));
        Path file = dir.resolve("model.npz");
        Npz.write(file, arrays);
        LinkedHashMap<String, NdArray> back = Npz.read(file);
        assertThat(List.copyOf(back.keySet())).containsExactlyElementsOf(arrays.keySet());
        assertThat(back).isEqualTo(arrays); // Arrays.equals on doubles compares bits: NaN and -0.0 kept
        byte[] first = Files.readAllBytes(file);
        Npz.write(file, arrays);
        assertThat(Files.readAllBytes(file)).as("deterministic output").isEqualTo(first);
    }

    @Test
    void writesUncompressedEntriesLikeNpSavez() throws Exception {
        Path file = dir.resolve("model.npz");
        Npz.write(file, Map.of("W", NdArray.matrix(new double[] {1, 2, 3, 4}, 2, 2)));
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            ZipEntry e = zip.getEntry("W.npy");
            assertThat(e.getMethod()).isEqualTo(ZipEntry.STORED);
            assertThat(e.getSize()).isEqualTo(128 + 32);
        }
    }

    @Test
    void checkReportsMissingArrayAndWrongShape() {
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        arrays.put("W1", NdArray.matrix(new double[784 * 40], 784, 40));
        arrays.put("b1", NdArray.vector(new double[50]));
        Map<String, int[]> expected = new LinkedHashMap<>();
        expected.put("b1", new int[] {50});
        expected.put("W2", new int[] {50, 10});
        assertThatThrownBy(() -> Npz.check("model.npz", arrays, expected))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("model.npz: missing array 'W2'");
        assertThatThrownBy(() -> Npz.check("model.npz", arrays, Map.of("W1", new int[] {784, 50})))
                .hasMessage("model.npz: W1 has shape (784, 40), expected (784, 50)");
        assertThatThrownBy(() -> Npz.check("model.npz", arrays, Map.of("b1", new int[] {50, 1})))
                .hasMessage("model.npz: b1 has shape (50,), expected (50, 1)");
        Npz.check("model.npz", arrays, Map.of("W1", new int[] {784, 40}, "b1", new int[] {50}));
    }

    @Test
    void notAZip() throws Exception {
        Path file = dir.resolve("model.npz");
        Files.writeString(file, "W1,b1\n1,2\n");
        assertThatThrownBy(() -> Npz.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model.npz: not a zip archive (an .npz file is a zip of .npy arrays)");
        Files.write(file, new byte[0]);
        assertThatThrownBy(() -> Npz.read(file))
                .hasMessage("model.npz: not a zip archive (an .npz file is a zip of .npy arrays)");
    }

    @Test
    void badNpyMagic() throws Exception {
        Path file = dir.resolve("model.npz");
        writeZip(file, "W1.npy", "not numpy".getBytes());
        assertThatThrownBy(() -> Npz.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model.npz: W1.npy: bad npy magic (expected \\x93NUMPY, got \\x6e\\x6f\\x74\\x20\\x6e\\x75)");
    }

    @Test
    void unsupportedDtype() throws Exception {
        assertThatThrownBy(() -> Npz.read(resource("numpy_complex.npz"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("numpy_complex.npz: z.npy: unsupported dtype '<c16' (supported: f4, f8, i1, i2, i4, i8, "
                        + "u1, u2, u4, u8, b1)");
    }

    @Test
    void truncatedNpyData() throws Exception {
        byte[] npy = Npy.encode(NdArray.matrix(new double[] {1, 2, 3, 4}, 2, 2));
        Path file = dir.resolve("model.npz");
        writeZip(file, "W.npy", java.util.Arrays.copyOf(npy, npy.length - 8));
        assertThatThrownBy(() -> Npz.read(file))
                .hasMessage("model.npz: W.npy: truncated: shape (2, 2) of <f8 needs 32 bytes of data, the entry has 24");
    }

    @Test
    void entryThatIsNotNpy() throws Exception {
        Path file = dir.resolve("model.npz");
        writeZip(file, "notes.txt", "hello".getBytes());
        assertThatThrownBy(() -> Npz.read(file)).hasMessage("model.npz: entry 'notes.txt' is not an .npy array");
    }

    @Test
    void failedWriteLeavesOldFileIntact() throws Exception {
        Path file = dir.resolve("model.npz");
        Map<String, NdArray> good = Map.of("W", NdArray.vector(new double[] {1, 2}));
        Npz.write(file, good);
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> Npz.write(file, Map.of("a/b", NdArray.vector(new double[] {3}))))
                .hasMessage("model.npz: invalid array name 'a/b'");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Npz.read(file)).isEqualTo(good);
    }

    @Test
    void fortranToCMatchesDefinition() {
        // 2x3 column-major [a00 a10 a01 a11 a02 a12] -> row-major [a00 a01 a02 a10 a11 a12]
        double[] f = {0, 10, 1, 11, 2, 12};
        assertThat(Npy.fortranToC(f, new int[] {2, 3})).containsExactly(0, 1, 2, 10, 11, 12);
    }

    @Test
    void ndArrayValidatesShape() {
        assertThatThrownBy(() -> new NdArray(new double[5], new int[] {2, 3}))
                .hasMessage("shape (2, 3) needs 6 elements, got 5");
        assertThatThrownBy(() -> new NdArray(new double[0], new int[] {-1}))
                .hasMessage("Invalid shape (-1,): negative dimension");
    }

    private static void writeZip(Path file, String entry, byte[] content) throws Exception {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
            zip.closeEntry();
        }
    }
}
