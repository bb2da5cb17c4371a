package org.grad4j.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.grad4j.nn.Network;

/**
 * An {@link Architecture} stored in a model's {@code .npz} next to its arrays, as the UTF-8 bytes
 * of its JSON in a 1-D {@code uint8} array named {@value #ARRAY}. NumPy reads it without pickle:
 * <pre>{@code
 * z = numpy.load("model.npz", allow_pickle=False)
 * json.loads(z["grad4j_architecture"].tobytes().decode("utf-8"))
 * }</pre>
 * Files without the array (written before it existed, or by NumPy or PyTorch users) read as
 * {@link Optional#empty()}; {@link ModelFile} loads their weights as before.
 *
 * <p>Reading says in one line which of three things is wrong: the stored bytes
 * ({@code model.npz: grad4j_architecture is corrupt: JSON: unexpected end of text at character 120}),
 * the document ({@code model.npz: grad4j_architecture is invalid: architecture: unknown loss 'hinge' ...})
 * or its agreement with the arrays ({@code model.npz: grad4j_architecture does not match the arrays:
 * layer 3 (linear): weight W2 has shape (50, 10), expected (40, 10)}).
 */
public final class ArchitectureFile {

    /** The name of the array holding the architecture's JSON. */
    public static final String ARRAY = "grad4j_architecture";

    /** Parameter arrays as the book and {@link ModelFile} name them: every one must be in the architecture. */
    private static final Pattern BOOK_PARAMETER = Pattern.compile("[Wb]\\d+");

    private ArchitectureFile() {}

    /**
     * Writes {@code arrays} and the architecture atomically, after checking that they agree (a
     * failed check writes nothing).
     *
     * @throws IllegalArgumentException if they do not agree, or an array is named {@value #ARRAY}
     */
    public static void save(Path file, Map<String, NdArray> arrays, Architecture architecture) throws IOException {
        String name = String.valueOf(file.getFileName());
        check(name, architecture, arrays);
        Npz.write(file, arrays, Map.of(ARRAY, encode(architecture)));
    }

    /** Writes the network's parameters ({@link ModelFile#arrays}) and the architecture atomically. */
    public static void save(Path file, Network net, Architecture architecture) throws IOException {
        save(file, ModelFile.arrays(net), architecture);
    }

    /** The UTF-8 bytes of the architecture's JSON. */
    public static byte[] encode(Architecture architecture) {
        return architecture.toJson().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads {@code file} and its architecture; see {@link #of}. */
    public static Optional<Architecture> read(Path file) throws IOException {
        return of(String.valueOf(file.getFileName()), Npz.read(file));
    }

    /**
     * The architecture stored among {@code arrays} (as {@link Npz#read} returns them), checked
     * against them; empty when there is none.
     *
     * @param file the file name, for messages
     * @throws IllegalArgumentException one line saying whether the array is corrupt, the document
     *     invalid, or the arrays do not match it
     */
    public static Optional<Architecture> of(String file, Map<String, NdArray> arrays) {
        NdArray stored = arrays.get(ARRAY);
        if (stored == null) {
            return Optional.empty();
        }
        String json = decode(file, stored);
        Architecture a;
        try {
            a = Architecture.fromJson(json);
        } catch (IllegalArgumentException e) {
            String kind = e.getMessage().startsWith("JSON: ") ? " is corrupt: " : " is invalid: ";
            throw new IllegalArgumentException(file + ": " + ARRAY + kind + e.getMessage(), e);
        }
        check(file, a, arrays);
        return Optional.of(a);
    }

    /**
     * Checks that every array a layer names is in {@code arrays} with the shape the layer implies, and
     * that every array named like a book parameter ({@code W1}, {@code b2}, ...) belongs to a layer.
     * Other arrays (optimizer state, the architecture itself) are allowed.
     *
     * @throws IllegalArgumentException {@code model.npz: grad4j_architecture does not match the arrays: ...}
     */
    public static void check(String file, Architecture architecture, Map<String, NdArray> arrays) {
        String prefix = file + ": " + ARRAY + " does not match the arrays: ";
        Set<String> named = new HashSet<>();
        for (int i = 0; i < architecture.layers().size(); i++) {
            LayerSpec l = architecture.layers().get(i);
            String where = "layer " + (i + 1) + " (" + l.type() + "): ";
            for (Map.Entry<String, String> p : l.params().entrySet()) {
                String array = p.getValue();
                if (!named.add(array)) {
                    throw new IllegalArgumentException(prefix + where + p.getKey() + " " + array
                            + " is named by another layer too");
                }
                NdArray a = arrays.get(array);
                if (a == null) {
                    throw new IllegalArgumentException(prefix + where + p.getKey() + " " + array
                            + " is not in the file (it holds " + String.join(", ", names(arrays)) + ")");
                }
                int[] expected = expectedShape(l, p.getKey());
                boolean rowBias = p.getKey().equals("bias") && a.shape().length == 2 && a.shape()[0] == 1
                        && a.shape()[1] == expected[0];
                if (!Arrays.equals(a.shape(), expected) && !rowBias) {
                    throw new IllegalArgumentException(prefix + where + p.getKey() + " " + array + " has shape "
                            + a.shapeString() + ", expected " + NdArray.shapeString(expected));
                }
            }
        }
        for (String name : arrays.keySet()) {
            if (BOOK_PARAMETER.matcher(name).matches() && !named.contains(name)) {
                throw new IllegalArgumentException(prefix + "array " + name + " belongs to no layer");
            }
        }
    }

    private static int[] expectedShape(LayerSpec l, String key) {
        return switch (l.type()) {
            case "linear" -> key.equals("weight") ? new int[] {l.size("in"), l.size("out")} : new int[] {l.size("out")};
            case "batchnorm" -> new int[] {l.size("features")};
            default -> throw new IllegalStateException("layer type " + l.type() + " has no arrays");
        };
    }

    private static String[] names(Map<String, NdArray> arrays) {
        return arrays.keySet().stream().filter(k -> !k.equals(ARRAY)).toArray(String[]::new);
    }

    private static String decode(String file, NdArray stored) {
        String prefix = file + ": " + ARRAY + " is corrupt: ";
        if (stored.shape().length != 1) {
            throw new IllegalArgumentException(prefix + "shape " + stored.shapeString() + ", expected a 1-D array of bytes");
        }
        double[] d = stored.data();
        byte[] b = new byte[d.length];
        for (int i = 0; i < d.length; i++) {
            if (!(d[i] >= 0 && d[i] <= 255 && d[i] == Math.rint(d[i]))) {
                throw new IllegalArgumentException(prefix + "element " + i + " is " + d[i] + ", not a byte");
            }
            b[i] = (byte) d[i];
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(prefix + "not valid UTF-8", e);
        }
    }
}
