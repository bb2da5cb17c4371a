package org.grad4j.plot;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.data.xy.VectorXYDataset;
import org.jfree.data.xy.XYDataset;

/**
 * Draws the items of a {@link VectorXYDataset} as arrows from (x, y) to (x + dx, y + dy) in data
 * coordinates (matplotlib's {@code quiver(..., angles="xy")}), with a filled head whose size is a
 * fraction of the arrow's length on screen, capped so long arrows do not get huge heads.
 */
final class ArrowRenderer extends AbstractXYItemRenderer {
    private static final long serialVersionUID = 1L;
    private static final double HEAD_FRACTION = 0.35;
    private static final double HEAD_MAX_PX = 9;
    private static final double HEAD_HALF_WIDTH = 0.45;

    ArrowRenderer() {
        setDefaultStroke(new BasicStroke(1.3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
            XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
            CrosshairState crosshairState, int pass) {
        VectorXYDataset v = (VectorXYDataset) dataset;
        double x = v.getXValue(series, item);
        double y = v.getYValue(series, item);
        double dx = v.getVectorXValue(series, item);
        double dy = v.getVectorYValue(series, item);
        double x0 = domainAxis.valueToJava2D(x, dataArea, plot.getDomainAxisEdge());
        double y0 = rangeAxis.valueToJava2D(y, dataArea, plot.getRangeAxisEdge());
        double x1 = domainAxis.valueToJava2D(x + dx, dataArea, plot.getDomainAxisEdge());
        double y1 = rangeAxis.valueToJava2D(y + dy, dataArea, plot.getRangeAxisEdge());
        double len = Math.hypot(x1 - x0, y1 - y0);
        if (!(len > 0.5) || !Double.isFinite(len)) {
            return; // nothing visible (or a zero gradient at a stationary point)
        }
        g2.setPaint(getItemPaint(series, item));
        g2.setStroke(getItemStroke(series, item));
        double head = Math.min(HEAD_FRACTION * len, HEAD_MAX_PX);
        double ux = (x1 - x0) / len;
        double uy = (y1 - y0) / len;
        double bx = x1 - head * ux;
        double by = y1 - head * uy;
        g2.draw(new Line2D.Double(x0, y0, bx, by));
        Path2D.Double tip = new Path2D.Double();
        tip.moveTo(x1, y1);
        tip.lineTo(bx - HEAD_HALF_WIDTH * head * uy, by + HEAD_HALF_WIDTH * head * ux);
        tip.lineTo(bx + HEAD_HALF_WIDTH * head * uy, by - HEAD_HALF_WIDTH * head * ux);
        tip.closePath();
        g2.fill(tip);
    }
}
