package org.grad4j.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every chart type writes a decodable, non-uniform PNG and a well-formed SVG, atomically. */
class ChartOutputTest {

    /** Fewer distinct colours than this means an essentially blank picture. */
    private static final int MIN_COLOURS = 8;

    @TempDir
    Path dir;

    static Stream<Arguments> charts() {
        double[] y = {3, 2, 1.5, 1.2, 1.1};
        double[][] path = Samples.descent(new double[] {-3, 4}, 0.1, 20);
        LineChart line = LineChart.titled("loss").xLabel("iteration").yLabel("loss").add("loss", y);
        GradientField field = GradientField.of(x -> x[0] * x[0] + x[1] * x[1], x -> new double[] {2 * x[0], 2 * x[1]})
                .resolution(16).addPath("lr 0.1", path);
        ImageGrid images = ImageGrid.of(2).add(Samples.glyph('3'), "pred 3 / true 5").add(Samples.glyph('7'), "7");
        return Stream.of(
                Arguments.of("line", line),
                Arguments.of("line-log-dashed-markers", LineChart.titled("t").logY(true).markers(true)
                        .add("a", y).addDashed("b", new double[] {0, 4}, new double[] {3, 1}).yRange(0.5, 5)),
                Arguments.of("field-heatmap", field),
                Arguments.of("field-contour", GradientField.of(x -> x[0] * x[0] / 20 + x[1] * x[1],
                        x -> new double[] {x[0] / 10, 2 * x[1]}).xRange(-10, 10).yRange(-5, 5).step(1)
                        .resolution(20).background(GradientField.Background.CONTOUR)),
                Arguments.of("field-plain", GradientField.of(x -> x[0], x -> new double[] {1, 0})
                        .background(GradientField.Background.NONE)),
                Arguments.of("figure", Figure.of(2, line, field, images).title("three")),
                Arguments.of("confusion", ConfusionMatrixChart.of(new int[][] {{5, 1}, {0, 7}}).labels("cat", "dog")),
                Arguments.of("images", images));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void writesPngOfTheRequestedSizeThatIsNotBlank(String name, Chart chart) throws IOException {
        Path file = dir.resolve(name + ".png");
        chart.write(file, 400, 300);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as("decodable PNG").isNotNull();
        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(image.getHeight()).isEqualTo(300);
        Set<Integer> colours = new HashSet<>();
        for (int yy = 0; yy < 300; yy += 3) {
            for (int xx = 0; xx < 400; xx += 3) {
                colours.add(image.getRGB(xx, yy));
            }
        }
        assertThat(colours.size()).as("distinct colours").isGreaterThanOrEqualTo(MIN_COLOURS);
        assertThat(image.getRGB(0, 0) & 0xFFFFFF).as("white background").isEqualTo(0xFFFFFF);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void writesSvgDocument(String name, Chart chart) throws IOException {
        Path file = dir.resolve(name + ".SVG");
        chart.write(file, 400, 300);
        String svg = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(svg).startsWith("<?xml").contains("<svg").contains("width='400");
        assertThat(svg.strip()).endsWith("</svg>");
        if (name.equals("images")) {
            assertThat(svg).contains("<image");
        } else {
            assertThat(svg).contains("<path");
        }
        // in memory: the same document up to the random element ids JFreeSVG generates
        assertThat(chart.svg(400, 300)).startsWith("<?xml").hasLineCount(svg.lines().count() == 0 ? 1 : (int) svg.lines().count());
    }

    @Test
    void aSeriesAddedLaterIsDrawnOverTheOnesBefore() {
        // two curves on the same points: only the second one's colour may show along the line
        double[] x = {0, 1};
        double[] y = {0.5, 0.5};
        org.jfree.chart.JFreeChart chart = LineChart.titled(null).add("first", x, y).add("second", x, y)
                .yRange(0, 1).jfreechart();
        chart.removeLegend();
        BufferedImage image = chart.createBufferedImage(300, 200);
        int first = Theme.series(0).getRGB() & 0xFFFFFF;
        int second = Theme.series(1).getRGB() & 0xFFFFFF;
        int seen = 0;
        for (int yy = 0; yy < image.getHeight(); yy++) {
            int rgb = image.getRGB(image.getWidth() / 2, yy) & 0xFFFFFF;
            assertThat(rgb).as("row %d", yy).isNotEqualTo(first);
            if (rgb == second) {
                seen++;
            }
        }
        assertThat(seen).as("pixels of the second curve").isGreaterThan(0);
    }

    @Test
    void pngBytesInMemoryMatchTheFile() throws IOException {
        Chart chart = LineChart.titled("t").add("a", new double[] {1, 2, 3});
        byte[] png = chart.png(320, 200);
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(320);
        Path file = dir.resolve("a.png");
        chart.write(file);
        assertThat(ImageIO.read(file.toFile()).getWidth()).isEqualTo(chart.defaultWidth());
    }

    @Test
    void unsupportedExtensionIsRejectedBeforeAnythingIsWritten() {
        Chart chart = LineChart.titled("t").add("a", new double[] {1, 2});
        assertThatThrownBy(() -> chart.write(dir.resolve("x.gif")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported plot format 'x.gif' (use .png or .svg)");
        assertThatThrownBy(() -> chart.write(dir.resolve("noext")))
                .hasMessage("unsupported plot format 'noext' (use .png or .svg)");
        assertThat(dir.resolve("x.gif")).doesNotExist();
        assertThat(ImageFormat.of(Path.of("a/B.Png"))).isEqualTo(ImageFormat.PNG);
    }

    @Test
    void invalidSizeIsRejected() {
        Chart chart = LineChart.titled("t").add("a", new double[] {1, 2});
        assertThatThrownBy(() -> chart.png(0, 600))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid image size: 0x600 (each side must be in 1..16384)");
    }

    @Test
    void failedWriteToMissingDirectoryThrowsAndLeavesNothing() {
        Chart chart = LineChart.titled("t").add("a", new double[] {1, 2});
        Path target = dir.resolve("missing").resolve("a.png");
        assertThatThrownBy(() -> chart.write(target)).isInstanceOf(IOException.class).hasMessageContaining("missing");
        assertThat(dir.resolve("missing")).doesNotExist();
    }

    @Test
    void failedWriteLeavesTheOldFileIntact() throws IOException {
        Path target = dir.resolve("old.png");
        Files.write(target, new byte[] {1, 2, 3});
        Chart failing = (g, area) -> {
            throw new IllegalStateException("boom");
        };
        assertThatThrownBy(() -> failing.write(target)).isInstanceOf(IllegalStateException.class);
        assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target); // no temporary file left behind
        }
    }

    @Test
    void targetThatIsADirectoryIsNotReplaced() throws IOException {
        Path target = Files.createDirectory(dir.resolve("chart.svg"));
        Files.write(target.resolve("keep.txt"), new byte[] {42});
        Chart chart = LineChart.titled("t").add("a", new double[] {1, 2});
        assertThatThrownBy(() -> chart.write(target))
                .isInstanceOf(IOException.class)
                .hasMessageEndingWith("chart.svg: is a directory");
        assertThat(Files.readAllBytes(target.resolve("keep.txt"))).containsExactly(42);
    }

    @Test
    void overwritesAnExistingFile() throws IOException {
        Path target = dir.resolve("a.png");
        Files.write(target, new byte[] {1, 2, 3});
        LineChart.titled("t").add("a", new double[] {1, 2}).write(target, 100, 80);
        assertThat(ImageIO.read(target.toFile()).getWidth()).isEqualTo(100);
    }
}
