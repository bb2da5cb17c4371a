package org.grad4j.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DigitImageTest {
    /** Centre of mass within half a pixel of the image centre, as whole-pixel shifts allow. */
    private static final double CENTRE_TOLERANCE = 0.5;

    /** A w x h drawing with a filled rectangle of ink at columns x0..x0+rw-1, rows y0..y0+rh-1. */
    private static double[] rectangle(int w, int h, int x0, int y0, int rw, int rh) {
        double[] p = new double[w * h];
        for (int y = y0; y < y0 + rh; y++) {
            for (int x = x0; x < x0 + rw; x++) {
                p[y * w + x] = 1;
            }
        }
        return p;
    }

    private static int[] box(double[] img) {
        int x0 = 28, y0 = 28, x1 = -1, y1 = -1;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                if (img[y * 28 + x] > 0) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return new int[] {x0, y0, x1 - x0 + 1, y1 - y0 + 1};
    }

    private static double[] centre(double[] img) {
        double m = 0, cx = 0, cy = 0;
        for (int i = 0; i < img.length; i++) {
            m += img[i];
            cx += img[i] * (i % 28);
            cy += img[i] * (i / 28);
        }
        return new double[] {cx / m, cy / m};
    }

    @Test
    void aTallStrokeIsFittedTo20PixelsHighKeepingItsAspectAndCentredByMass() {
        // a "1": 10 x 40 ink in the top-left corner of a 100 x 80 drawing -> 5 x 20 in the 28 x 28 image
        double[] img = DigitImage.preprocess(rectangle(100, 80, 3, 2, 10, 40), 100, 80);
        int[] b = box(img);
        assertThat(b[2]).isEqualTo(5);
        assertThat(b[3]).isEqualTo(20);
        double[] c = centre(img);
        assertThat(c[0]).isCloseTo(13.5, within(CENTRE_TOLERANCE));
        assertThat(c[1]).isCloseTo(13.5, within(CENTRE_TOLERANCE));
        assertThat(java.util.Arrays.stream(img).min().orElseThrow()).isGreaterThanOrEqualTo(0.0);
        assertThat(java.util.Arrays.stream(img).max().orElseThrow()).isLessThanOrEqualTo(1.0);
    }

    @Test
    void aWideStrokeIsFittedTo20PixelsWide() {
        double[] img = DigitImage.preprocess(rectangle(56, 56, 30, 40, 24, 6), 56, 56);
        int[] b = box(img);
        assertThat(b[2]).isEqualTo(20);
        assertThat(b[3]).isEqualTo(5);
    }

    @Test
    void theCentreOfMassNotTheBoxIsCentred() {
        // an L: a heavy vertical bar and a thin foot; the mass sits left of the box's middle
        double[] p = rectangle(40, 40, 0, 0, 8, 40);
        double[] foot = rectangle(40, 40, 8, 36, 32, 4);
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.max(p[i], foot[i]);
        }
        double[] img = DigitImage.preprocess(p, 40, 40);
        double[] c = centre(img);
        assertThat(c[0]).isCloseTo(13.5, within(CENTRE_TOLERANCE));
        assertThat(box(img)[0]).isGreaterThan(4); // the box's left edge moved right of (28 - 20) / 2 = 4
    }

    @Test
    void noInkGivesABlankImageAndBadSizesAreRefused() {
        assertThat(DigitImage.preprocess(new double[56 * 56], 56, 56)).containsOnly(0.0);
        assertThatThrownBy(() -> DigitImage.preprocess(new double[10], 4, 4)).hasMessage("image: 10 pixels for 4 x 4");
    }
}
