package org.alaraaudit.report.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alaraaudit.audit.aggregate.ProtocolStatistics;
import org.alaraaudit.model.CatalogEntry;
import org.alaraaudit.report.Palette;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * CTDIvol against patient size per pediatric protocol (all stations): a dose that does not rise with size means
 * the protocol is not adapting to the child. Size is the water-equivalent (else effective) diameter when most
 * acquisitions have one, otherwise the weight. The protocol's expected CTDIvol range and its band's DRL are drawn in.
 */
final class DoseSizeChart {
    static final int MIN_POINTS = 5;
    static final Color DRL = ChartStyle.DRL;
    static final Color EXPECTED = Palette.awt(Palette.EXPECTED);

    record Panel(String protocol, CatalogEntry entry, Double drl, List<ProtocolStatistics.SizePoint> points, boolean byDiameter) {}

    private DoseSizeChart() {}

    static List<Panel> panels(List<PediatricProtocols.Row> rows) {
        Map<String, List<PediatricProtocols.Row>> byProtocol = new LinkedHashMap<>();
        for (PediatricProtocols.Row r : rows) byProtocol.computeIfAbsent(r.protocol(), k -> new ArrayList<>()).add(r);
        List<Panel> out = new ArrayList<>();
        byProtocol.forEach((protocol, list) -> {
            List<ProtocolStatistics.SizePoint> points = new ArrayList<>();
            for (PediatricProtocols.Row r : list) points.addAll(r.stats().sizePoints());
            long withDiameter = points.stream().filter(p -> p.diameterCm() != null).count();
            boolean byDiameter = withDiameter * 2 >= points.size() && withDiameter >= MIN_POINTS;
            List<ProtocolStatistics.SizePoint> usable = points.stream()
                    .filter(p -> byDiameter ? p.diameterCm() != null : p.weightKg() != null).toList();
            if (usable.size() >= MIN_POINTS) {
                out.add(new Panel(protocol, list.get(0).entry(), list.get(0).ctdivolDrl(), usable, byDiameter));
            }
        });
        return out;
    }

    static JFreeChart build(Panel p) {
        XYSeries s = new XYSeries("acquisitions", false, true);
        double maxY = 0;
        for (ProtocolStatistics.SizePoint pt : p.points()) {
            s.add((double) (p.byDiameter() ? pt.diameterCm() : pt.weightKg()), (Double) pt.ctdivol());
            maxY = Math.max(maxY, pt.ctdivol());
        }
        NumberAxis x = new NumberAxis(p.byDiameter() ? "water-equivalent diameter (cm)" : "weight (kg)");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("CTDIvol (mGy), on the range's phantom");
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), x, y, r);
        Double lo = p.entry().expectedCtdivolMinMgy();
        Double hi = p.entry().expectedCtdivolMaxMgy();
        if (lo != null) plot.addRangeMarker(marker(lo, "expected \u2265 " + org.alaraaudit.rules.Messages.number(lo), EXPECTED, true, true), Layer.FOREGROUND);
        if (hi != null) plot.addRangeMarker(marker(hi, "expected \u2264 " + org.alaraaudit.rules.Messages.number(hi), EXPECTED, false, true), Layer.FOREGROUND);
        if (p.drl() != null) plot.addRangeMarker(marker(p.drl(), "DRL " + Text.number(p.drl()), DRL, false, false), Layer.FOREGROUND);
        double top = Math.max(maxY, Math.max(hi == null ? 0 : hi, p.drl() == null ? 0 : p.drl()));
        y.setRange(0, top * 1.15);
        JFreeChart chart = new JFreeChart(null, null, plot, false);
        ChartStyle.finish(chart);
        // After the theme, which would otherwise repaint the dots in its own palette and shapes.
        r.setSeriesShape(0, new Ellipse2D.Double(-1.6, -1.6, 3.2, 3.2));
        r.setSeriesPaint(0, Palette.awt(Palette.PRIMARY));
        r.setAutoPopulateSeriesShape(false);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        x.setTickLabelFont(ChartStyle.font(7));
        y.setTickLabelFont(ChartStyle.font(7));
        x.setLabelFont(ChartStyle.font(7.5f));
        y.setLabelFont(ChartStyle.font(7.5f));
        TextTitle t = new TextTitle(p.protocol() + "  (n = " + Text.count(p.points().size()) + ")", ChartStyle.bold(8));
        t.setPaint(ChartStyle.TEXT);
        chart.setTitle(t);
        return chart;
    }

    /**
     * Expected-range labels at the left, the DRL's at the right, so equal values do not print over each other; every
     * label just above its line (a dashed line for a lower bound): on the line, the dashes struck the text, and below
     * it, a bound near the axis's foot had its label cut off.
     */
    private static ValueMarker marker(double v, String label, Color c, boolean dashed, boolean left) {
        ValueMarker m = new ValueMarker(v, c, new BasicStroke(0.9f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                dashed ? new float[]{3, 2} : null, 0));
        // Markers default to 80% alpha; PDF/A-1 forbids transparency.
        m.setAlpha(1f);
        m.setLabel(label);
        m.setLabelFont(ChartStyle.font(6.5f));
        m.setLabelPaint(c);
        m.setLabelBackgroundColor(Color.WHITE);
        m.setLabelOffsetType(org.jfree.chart.ui.LengthAdjustmentType.EXPAND);
        m.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(1.5, 2, 1.5, 2));
        m.setLabelAnchor(left ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(left ? TextAnchor.BOTTOM_LEFT : TextAnchor.BOTTOM_RIGHT);
        return m;
    }
}
