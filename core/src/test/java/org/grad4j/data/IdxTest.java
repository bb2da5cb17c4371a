package org.grad4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] content) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void readsRawAndGzipImagesAndLabels(boolean gz) throws Exception {
        byte[] img = IdxFiles.images(5, 4, 3);
        byte[] lab = IdxFiles.labels(5, 10);
        // the name says nothing about compression: detection is by magic bytes
        IdxImages images = Idx.readImages(write("images", gz ? IdxFiles.gzip(img) : img));
        IdxLabels labels = Idx.readLabels(write("labels.gz", gz ? IdxFiles.gzip(lab) : lab));
        assertThat(images.count()).isEqualTo(5);
        assertThat(images.rows()).isEqualTo(4);
        assertThat(images.cols()).isEqualTo(3);
        for (int i = 0; i < 5; i++) {
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 3; c++) {
                    assertThat(images.pixel(i, r, c)).isEqualTo(IdxFiles.pixel(i, r * 3 + c));
                }
            }
        }
        assertThat(labels.labels()).containsExactly(0, 1, 2, 3, 4);
        assertThat(images.source()).isEqualTo("images");
        Idx.checkPair(images, labels);
    }

    @Test
    void pixelsAbove127AreUnsigned() throws Exception {
        IdxImages images = Idx.readImages(write("x", IdxFiles.images(40, 1, 2)));
        assertThat(images.pixel(36, 0, 1)).isEqualTo(253); // (7 * 36 + 1) mod 256, stored as byte -3
        assertThat(images.pixel(37, 0, 0)).isEqualTo(3);   // (7 * 37) mod 256
    }

    @Test
    void countMismatch() throws Exception {
        IdxImages images = Idx.readImages(write("t10k-images-idx3-ubyte.gz", IdxFiles.gzip(IdxFiles.images(10, 2, 2))));
        IdxLabels labels = Idx.readLabels(write("t10k-labels-idx1-ubyte.gz", IdxFiles.gzip(IdxFiles.labels(9, 10))));
        assertThatThrownBy(() -> Idx.checkPair(images, labels)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("t10k-labels-idx1-ubyte.gz: 9 labels but t10k-images-idx3-ubyte.gz has 10 images");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void badMagic(boolean gz) throws Exception {
        byte[] zeros = new byte[32];
        Path p = write("train-images-idx3-ubyte.gz", gz ? IdxFiles.gzip(zeros) : zeros);
        assertThatThrownBy(() -> Idx.readImages(p)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("train-images-idx3-ubyte.gz: bad magic 0x00000000, expected 0x00000803");
        Path labels = write("train-labels-idx1-ubyte", IdxFiles.images(1, 1, 1));
        assertThatThrownBy(() -> Idx.readLabels(labels))
                .hasMessage("train-labels-idx1-ubyte: bad magic 0x00000803, expected 0x00000801");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void truncatedDataIsReportedWithoutAllocatingTheClaimedSize(boolean gz) throws Exception {
        // header claims 60000 images of 28x28, file holds 1234 bytes in all
        ByteBuffer b = ByteBuffer.allocate(1234);
        b.putInt(Idx.IMAGES_MAGIC).putInt(60000).putInt(28).putInt(28);
        Path p = write("train-images-idx3-ubyte.gz", gz ? IdxFiles.gzip(b.array()) : b.array());
        assertThatThrownBy(() -> Idx.readImages(p)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("train-images-idx3-ubyte.gz: truncated: header says 60000 images of 28x28 (47040000 bytes)"
                        + " but the file ends after 1234 bytes");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void hugeClaimFailsFastWithoutOutOfMemory(boolean gz) throws Exception {
        // 2^31-1 images of 1x1: more than 2 GB claimed; a gzip stream of 20 bytes must not allocate it
        ByteBuffer b = ByteBuffer.allocate(20);
        b.putInt(Idx.IMAGES_MAGIC).putInt(Integer.MAX_VALUE - 16).putInt(1).putInt(1);
        Path p = write("x.idx", gz ? IdxFiles.gzip(b.array()) : b.array());
        assertThatThrownBy(() -> Idx.readImages(p))
                .hasMessage("x.idx: truncated: header says 2147483631 images of 1x1 (2147483631 bytes) but the file"
                        + " ends after 20 bytes");
        b = ByteBuffer.allocate(16);
        b.putInt(Idx.IMAGES_MAGIC).putInt(60000).putInt(60000).putInt(28);
        Path q = write("y.idx", b.array());
        assertThatThrownBy(() -> Idx.readImages(q))
                .hasMessage("y.idx: header says 60000 images of 60000x28 (100800000000 bytes), more than a Java array holds");
    }

    @Test
    void truncatedLabels() throws Exception {
        byte[] lab = Arrays.copyOf(IdxFiles.labels(100, 10), 58);
        Path p = write("train-labels-idx1-ubyte", lab);
        assertThatThrownBy(() -> Idx.readLabels(p))
                .hasMessage("train-labels-idx1-ubyte: truncated: header says 100 labels (100 bytes) but the file ends after 58 bytes");
    }

    @Test
    void truncatedHeader() throws Exception {
        Path p = write("train-images-idx3-ubyte", Arrays.copyOf(IdxFiles.images(1, 2, 2), 10));
        assertThatThrownBy(() -> Idx.readImages(p))
                .hasMessage("train-images-idx3-ubyte: truncated: the file ends after 10 bytes, inside the 16-byte IDX header");
    }

    @Test
    void truncatedGzipStreamIsReportedAsTruncatedData() throws Exception {
        byte[] gz = IdxFiles.gzip(IdxFiles.images(200, 28, 28)); // pixels vary, so it does not compress to nothing
        Path p = write("t10k-images-idx3-ubyte.gz", Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> Idx.readImages(p)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("t10k-images-idx3-ubyte.gz: truncated: header says 200 images of 28x28 (156800 bytes)"
                        + " but the file ends after ");
    }

    @Test
    void corruptGzip() throws Exception {
        byte[] gz = IdxFiles.gzip(IdxFiles.images(3, 2, 2));
        gz[12] ^= (byte) 0xFF; // inside the deflate stream
        gz[13] ^= (byte) 0xFF;
        Path p = write("train-images-idx3-ubyte.gz", gz);
        assertThatThrownBy(() -> Idx.readImages(p)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("train-images-idx3-ubyte.gz: corrupt gzip data (");
        byte[] crc = IdxFiles.gzip(IdxFiles.images(3, 2, 2));
        crc[crc.length - 6] ^= 1; // CRC-32 in the trailer
        Path q = write("crc.gz", crc);
        assertThatThrownBy(() -> Idx.readImages(q)).hasMessage("crc.gz: corrupt gzip data (Corrupt GZIP trailer)");
    }

    @Test
    void trailingBytes() throws Exception {
        byte[] img = Arrays.copyOf(IdxFiles.images(2, 2, 2), 16 + 8 + 5);
        Path p = write("a", IdxFiles.gzip(img));
        assertThatThrownBy(() -> Idx.readImages(p)).hasMessage("a: 5 bytes after the 2 images the header announces");
    }

    @Test
    void badDimensions() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(16);
        b.putInt(Idx.IMAGES_MAGIC).putInt(-1).putInt(28).putInt(28);
        Path p = write("n", b.array());
        assertThatThrownBy(() -> Idx.readImages(p)).hasMessage("n: bad dimensions in header: -1 images of 28x28");
    }

    @Test
    void labelsOutsideClasses() throws Exception {
        IdxLabels labels = Idx.readLabels(write("train-labels-idx1-ubyte.gz", IdxFiles.labels(20, 12)));
        assertThatThrownBy(() -> labels.checkClasses(10))
                .hasMessage("train-labels-idx1-ubyte.gz: label 10 at index 10 is not a class index 0..9");
        labels.checkClasses(12);
    }

    @Test
    void readsFromStreamOfUnknownSize() throws Exception {
        InputStream in = new ByteArrayInputStream(IdxFiles.gzip(IdxFiles.labels(7, 3)));
        assertThat(Idx.readLabels("r", in, -1).labels()).containsExactly(0, 1, 2, 0, 1, 2, 0);
    }
}
