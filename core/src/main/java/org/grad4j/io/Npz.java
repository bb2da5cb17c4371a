package org.grad4j.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * NumPy {@code .npz} files: a zip archive with one {@link Npy .npy} entry {@code NAME.npy} per array,
 * what {@code np.savez(path, W1=..., b1=...)} writes and {@code np.load(path)} reads.
 *
 * <p>{@link #write} stores the entries uncompressed like {@code np.savez}, in the map's iteration
 * order, atomically through {@link AtomicFile} (a failed write leaves the old file intact).
 * {@link #read} also accepts deflated entries ({@code np.savez_compressed}) and every dtype and
 * layout {@link Npy#decode} accepts. Errors name the file:
 * {@code model.npz: not a zip archive}, {@code model.npz: W1.npy: bad npy magic ...},
 * {@code model.npz: W1.npy: unsupported dtype '<c16' ...}, and from {@link #check}
 * {@code model.npz: missing array 'W2'} and {@code model.npz: W1 has shape (784, 40), expected (784, 50)}.
 */
public final class Npz {

    /** A fixed entry time, so that writing the same arrays twice gives the same bytes. */
    private static final long ENTRY_TIME = 315_532_800_000L + 86_400_000L; // 1980-01-02 UTC

    private Npz() {}

    /** Writes {@code arrays} to {@code file} as an uncompressed {@code .npz}, in iteration order. */
    public static void write(Path file, Map<String, NdArray> arrays) throws IOException {
        write(file, arrays, Map.of());
    }

    /**
     * Writes {@code arrays} ({@code '<f8'}) and then {@code bytes} (1-D {@code '|u1'} arrays, see
     * {@link Npy#encodeBytes}), each in iteration order, as an uncompressed {@code .npz}.
     */
    public static void write(Path file, Map<String, NdArray> arrays, Map<String, byte[]> bytes) throws IOException {
        LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>();
        for (Map.Entry<String, NdArray> e : arrays.entrySet()) {
            entries.put(checkName(file, e.getKey()), Npy.encode(e.getValue()));
        }
        for (Map.Entry<String, byte[]> e : bytes.entrySet()) {
            if (entries.containsKey(checkName(file, e.getKey()))) {
                throw new IllegalArgumentException(file.getFileName() + ": array name '" + e.getKey() + "' given twice");
            }
            entries.put(e.getKey(), Npy.encodeBytes(e.getValue()));
        }
        AtomicFile.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                byte[] npy = e.getValue();
                CRC32 crc = new CRC32();
                crc.update(npy);
                ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(npy.length);
                entry.setCompressedSize(npy.length);
                entry.setCrc(crc.getValue());
                entry.setTime(ENTRY_TIME);
                zip.putNextEntry(entry);
                zip.write(npy);
                zip.closeEntry();
            }
            zip.finish(); // not close(): AtomicFile still flushes and forces the underlying stream
        });
    }

    private static String checkName(Path file, String name) {
        if (name.isEmpty() || name.contains("/")) {
            throw new IllegalArgumentException(file.getFileName() + ": invalid array name '" + name + "'");
        }
        return name;
    }

    /**
     * Reads every array of an {@code .npz} file, keyed by entry name without {@code .npy}, in archive order.
     *
     * @throws IllegalArgumentException if the file is not a zip archive or an entry is not a supported {@code .npy}
     */
    public static LinkedHashMap<String, NdArray> read(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        byte[] head = new byte[4];
        int got;
        try (InputStream in = Files.newInputStream(file)) {
            got = in.readNBytes(head, 0, 4);
        }
        boolean zipMagic = got == 4 && head[0] == 'P' && head[1] == 'K'
                && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
        if (!zipMagic) {
            throw new IllegalArgumentException(fileName + ": not a zip archive (an .npz file is a zip of .npy arrays)");
        }
        LinkedHashMap<String, NdArray> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                String entryName = entry.getName();
                if (!entryName.endsWith(".npy")) {
                    throw new IllegalArgumentException(fileName + ": entry '" + entryName + "' is not an .npy array");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    NdArray a = Npy.decode(fileName + ": " + entryName, in, entry.getSize());
                    arrays.put(entryName.substring(0, entryName.length() - ".npy".length()), a);
                }
            }
        } catch (ZipException e) {
            throw new IllegalArgumentException(fileName + ": corrupt zip archive (" + e.getMessage() + ")", e);
        }
        return arrays;
    }

    /**
     * Checks that {@code arrays} holds every expected name with the expected shape; arrays not in
     * {@code expected} are allowed.
     *
     * @param file file name for messages
     * @throws IllegalArgumentException {@code model.npz: missing array 'W2'} or
     *     {@code model.npz: W1 has shape (784, 40), expected (784, 50)}
     */
    public static void check(String file, Map<String, NdArray> arrays, Map<String, int[]> expected) {
        for (Map.Entry<String, int[]> e : expected.entrySet()) {
            NdArray a = arrays.get(e.getKey());
            if (a == null) {
                throw new IllegalArgumentException(file + ": missing array '" + e.getKey() + "'");
            }
            if (!Arrays.equals(a.shape(), e.getValue())) {
                throw new IllegalArgumentException(file + ": " + e.getKey() + " has shape " + a.shapeString()
                        + ", expected " + NdArray.shapeString(e.getValue()));
            }
        }
    }
}
