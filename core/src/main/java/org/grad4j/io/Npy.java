package org.grad4j.io;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The NumPy {@code .npy} format
 * (<a href="https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html">numpy.lib.format</a>):
 * magic {@code \x93NUMPY}, version, a little-endian header length, a Python dict literal
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (784, 50), }} padded with spaces and a
 * newline, then the raw data.
 *
 * <p>Writing produces version 1.0, {@code '<f8'}, C order, the header padded exactly as NumPy's (checked against 1.24)
 * {@code np.save} pads it (21 spare spaces minus the digits of the first dimension, then up to a
 * multiple of 64 bytes), so our files are byte-identical to NumPy's. Reading accepts versions 1, 2
 * and 3, any byte order, the dtypes {@code f4 f8 i1 i2 i4 i8 u1 u2 u4 u8 b1}, and Fortran order
 * (converted to C order); everything becomes double.
 */
public final class Npy {

    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {}

    /** The complete {@code .npy} encoding of {@code a} as {@code '<f8'} in C order. */
    public static byte[] encode(NdArray a) {
        byte[] h = header("<f8", a.shape());
        ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + 4 + h.length + 8 * a.size()).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) h.length).put(h);
        buf.asDoubleBuffer().put(a.data());
        return buf.array();
    }

    /**
     * The complete {@code .npy} encoding of {@code bytes} as a 1-D {@code '|u1'} (uint8) array, what
     * {@code np.save(f, np.frombuffer(bytes, dtype=np.uint8))} writes; {@link #decode} reads it back as
     * doubles {@code 0..255}. The array is not modified.
     */
    public static byte[] encodeBytes(byte[] bytes) {
        byte[] h = header("|u1", new int[] {bytes.length});
        ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + 4 + h.length + bytes.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) h.length).put(h).put(bytes);
        return buf.array();
    }

    /** The header dict padded as NumPy pads it, ending in a newline. */
    private static byte[] header(String descr, int[] shape) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + NdArray.shapeString(shape) + ", }";
        int spare = shape.length > 0 ? GROWTH_AXIS_MAX_DIGITS - Integer.toString(shape[0]).length() : 0;
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + spare + 1;
        int pad = (ALIGN - unpadded % ALIGN) % ALIGN;
        return (dict + " ".repeat(spare + pad) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Decodes one {@code .npy} stream.
     *
     * @param name name for error messages ({@code model.npz: W1.npy})
     * @param size bytes available if known (guards against headers claiming huge arrays), else {@code -1}
     * @throws IllegalArgumentException on bad magic, an unsupported dtype or version, or truncated data
     */
    public static NdArray decode(String name, InputStream in, long size) throws IOException {
        DataInputStream din = new DataInputStream(in);
        byte[] magic = new byte[8];
        int got = din.readNBytes(magic, 0, 8);
        for (int i = 0; i < MAGIC.length; i++) {
            if (got <= i || magic[i] != MAGIC[i]) {
                throw new IllegalArgumentException(name + ": bad npy magic (expected \\x93NUMPY, got "
                        + printable(magic, got) + ")");
            }
        }
        if (got < 8) {
            throw new IllegalArgumentException(name + ": truncated npy header");
        }
        int major = magic[6];
        long headerLength;
        try {
            if (major == 1) {
                headerLength = Short.toUnsignedInt(Short.reverseBytes(din.readShort()));
            } else if (major == 2 || major == 3) {
                headerLength = Integer.toUnsignedLong(Integer.reverseBytes(din.readInt()));
            } else {
                throw new IllegalArgumentException(name + ": unsupported npy version " + major + "." + magic[7]);
            }
        } catch (EOFException e) {
            throw new IllegalArgumentException(name + ": truncated npy header", e);
        }
        long prefix = 8 + (major == 1 ? 2 : 4);
        if (headerLength > 1 << 20 || (size >= 0 && prefix + headerLength > size)) {
            throw new IllegalArgumentException(name + ": npy header length " + headerLength + " exceeds the data");
        }
        byte[] hb = din.readNBytes((int) headerLength);
        if (hb.length < headerLength) {
            throw new IllegalArgumentException(name + ": truncated npy header");
        }
        String header = new String(hb, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shapeM = SHAPE.matcher(header);
        if (!descr.find()) {
            Matcher any = Pattern.compile("'descr'\\s*:\\s*([^,]*)").matcher(header);
            throw new IllegalArgumentException(name + ": unsupported dtype " + (any.find() ? any.group(1).trim() : "(none)"));
        }
        if (!fortran.find() || !shapeM.find()) {
            throw new IllegalArgumentException(name + ": malformed npy header " + header.trim());
        }
        Dtype dtype = Dtype.parse(name, descr.group(1));
        int[] shape = parseShape(name, shapeM.group(1));
        long count = 1;
        for (int d : shape) {
            count *= d;
            if (count > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(name + ": shape " + NdArray.shapeString(shape) + " is too large");
            }
        }
        long bytes = count * dtype.size;
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(name + ": shape " + NdArray.shapeString(shape) + " of " + descr.group(1)
                    + " is " + bytes + " bytes of data, more than one Java array holds");
        }
        // the raw bytes and the doubles (twice the doubles for Fortran order), before allocating them
        long needed = bytes + 8 * count * (fortran.group(1).equals("True") && shape.length > 1 ? 2 : 1);
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (needed > free) {
            throw new IllegalArgumentException(name + ": shape " + NdArray.shapeString(shape) + " of " + descr.group(1)
                    + " needs " + megabytes(needed) + " after decompression, but the Java heap has "
                    + megabytes(free) + " free of " + megabytes(rt.maxMemory()));
        }
        if (size >= 0 && prefix + headerLength + bytes > size) {
            throw new IllegalArgumentException(name + ": truncated: shape " + NdArray.shapeString(shape) + " of "
                    + descr.group(1) + " needs " + bytes + " bytes of data, the entry has "
                    + (size - prefix - headerLength));
        }
        byte[] raw = din.readNBytes((int) bytes);
        if (raw.length < bytes) {
            throw new IllegalArgumentException(name + ": truncated: shape " + NdArray.shapeString(shape) + " of "
                    + descr.group(1) + " needs " + bytes + " bytes of data, got " + raw.length);
        }
        double[] data = dtype.toDoubles(raw, (int) count);
        if (fortran.group(1).equals("True") && shape.length > 1) {
            data = fortranToC(data, shape);
        }
        return new NdArray(data, shape);
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.0f MB", bytes / 1e6);
    }

    private static int[] parseShape(String name, String inner) {
        String s = inner.trim();
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(",");
        int n = parts[parts.length - 1].isBlank() ? parts.length - 1 : parts.length;
        int[] shape = new int[n];
        for (int i = 0; i < n; i++) {
            try {
                shape[i] = Integer.parseInt(parts[i].trim().replace("L", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + ": bad shape (" + inner + ")");
            }
            if (shape[i] < 0) {
                throw new IllegalArgumentException(name + ": bad shape (" + inner + ")");
            }
        }
        return shape;
    }

    /** Reorders column-major data (first index fastest) into row-major order. */
    static double[] fortranToC(double[] f, int[] shape) {
        int k = shape.length;
        int[] fStride = new int[k];
        fStride[0] = 1;
        for (int d = 1; d < k; d++) {
            fStride[d] = fStride[d - 1] * shape[d - 1];
        }
        double[] c = new double[f.length];
        int[] index = new int[k];
        int src = 0;
        for (int i = 0; i < c.length; i++) {
            c[i] = f[src];
            for (int d = k - 1; d >= 0; d--) { // increment the C-order multi-index, last axis fastest
                index[d]++;
                src += fStride[d];
                if (index[d] < shape[d]) {
                    break;
                }
                src -= fStride[d] * shape[d];
                index[d] = 0;
            }
        }
        return c;
    }

    private static String printable(byte[] b, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(n, 6); i++) {
            sb.append(String.format("\\x%02x", b[i] & 0xFF));
        }
        return n == 0 ? "nothing" : sb.toString();
    }

    /** A supported NumPy dtype: byte order, kind and item size. */
    private record Dtype(ByteOrder order, char kind, int size) {

        static Dtype parse(String name, String descr) {
            if (descr.length() >= 3) {
                char e = descr.charAt(0);
                char kind = descr.charAt(1);
                String sz = descr.substring(2);
                ByteOrder order = e == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
                if ("<>|=".indexOf(e) >= 0 && (e != '=' || ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN)) {
                    switch (kind + sz) {
                        case "f4": case "f8": case "i1": case "i2": case "i4": case "i8":
                        case "u1": case "u2": case "u4": case "u8": case "b1":
                            return new Dtype(order, kind, Integer.parseInt(sz));
                        default:
                            break;
                    }
                }
            }
            throw new IllegalArgumentException(name + ": unsupported dtype '" + descr
                    + "' (supported: f4, f8, i1, i2, i4, i8, u1, u2, u4, u8, b1)");
        }

        double[] toDoubles(byte[] raw, int count) {
            ByteBuffer b = ByteBuffer.wrap(raw).order(order);
            double[] x = new double[count];
            switch (kind + "" + size) {
                case "f4" -> { for (int i = 0; i < count; i++) x[i] = b.getFloat(); }
                case "f8" -> b.asDoubleBuffer().get(x);
                case "i1" -> { for (int i = 0; i < count; i++) x[i] = b.get(); }
                case "i2" -> { for (int i = 0; i < count; i++) x[i] = b.getShort(); }
                case "i4" -> { for (int i = 0; i < count; i++) x[i] = b.getInt(); }
                case "i8" -> { for (int i = 0; i < count; i++) x[i] = b.getLong(); }
                case "u1", "b1" -> { for (int i = 0; i < count; i++) x[i] = Byte.toUnsignedInt(b.get()); }
                case "u2" -> { for (int i = 0; i < count; i++) x[i] = Short.toUnsignedInt(b.getShort()); }
                case "u4" -> { for (int i = 0; i < count; i++) x[i] = Integer.toUnsignedLong(b.getInt()); }
                case "u8" -> { for (int i = 0; i < count; i++) x[i] = unsignedLongToDouble(b.getLong()); }
                default -> throw new IllegalStateException("dtype " + kind + size);
            }
            return x;
        }

        private static double unsignedLongToDouble(long v) {
            double d = (double) (v >>> 1) * 2.0;
            return v >= 0 ? v : d + (v & 1);
        }
    }
}
