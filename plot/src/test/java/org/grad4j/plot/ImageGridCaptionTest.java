package org.grad4j.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Captions under images are made smaller to fit their cell rather than cut. */
class ImageGridCaptionTest {
    @Test
    void theReportsCaptionFitsItsCellWhole() {
        // the training report: 12 images across 1100 px, captions such as "pred 5 / true 3"
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        int cell = 1100 / 12 - 2;
        String caption = "pred 5 / true 3";
        var font = ImageGrid.captionFont(caption, g, cell);
        assertThat(g.getFontMetrics(font).stringWidth(caption)).isLessThanOrEqualTo(cell);
        assertThat(font.getSize2D()).isGreaterThanOrEqualTo(ImageGrid.MIN_CAPTION_SIZE);
        assertThat(ImageGrid.captionFont("7", g, cell)).isEqualTo(Theme.CAPTION);
        g.dispose();
    }
}
