package org.alaraaudit.report.pdf;

import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.alaraaudit.audit.aggregate.DoseSample;
import org.alaraaudit.report.Palette;
import org.alaraaudit.rules.Messages;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;

/**
 * The spread of one dose quantity (CTDIvol, DLP or SSDE) per pediatric standard protocol and station, protocols in
 * age order within each region, n beside each box, with the DRL of the band the protocol is for. Whiskers reach
 * the 5th and 95th percentiles. A log axis, because head (tens of mGy) and infant chest (about 1 mGy) must both
 * be readable.
 */
final class ProtocolDoseChart {
    static final int MIN_SAMPLE = 5;
    static final int MAX_PROTOCOLS = 30;
    static final String WHISKERS = "whiskers: 5th to 95th percentile";

    /** One quantity: its name, unit, where its sample is and which DRL column applies (null: none). */
    record Quantity(String name, String unit, Function<PediatricProtocols.Row, DoseSample> sample,
                    Function<PediatricProtocols.Row, Double> drl) {}

    static final Quantity CTDIVOL = new Quantity("CTDIvol", "mGy", r -> r.stats().ctdivol(), PediatricProtocols.Row::ctdivolDrl);
    static final Quantity DLP = new Quantity("DLP", "mGy·cm", r -> r.stats().dlp(), PediatricProtocols.Row::dlpDrl);
    static final Quantity SSDE = new Quantity("SSDE", "mGy", r -> r.stats().ssde(), r -> null);

    private final Quantity quantity;
    private final List<PediatricProtocols.Row> rows = new ArrayList<>();
    /** The lowest and highest value drawn on any chart of the quantity, whose axis every chart of it shares. */
    private final double lowest;
    private final double highest;

    private ProtocolDoseChart(Quantity quantity, List<PediatricProtocols.Row> rows, double[] span) {
        this.quantity = quantity;
        this.rows.addAll(rows);
        this.lowest = span[0];
        this.highest = span[1];
    }

    /** The whiskers' and DRL marks' lowest and highest over these rows (the lowest kept above zero, for a log axis). */
    private static double[] span(Quantity quantity, List<PediatricProtocols.Row> rows) {
        double lowest = Double.MAX_VALUE;
        double highest = 0;
        for (PediatricProtocols.Row r : rows) {
            DoseSample s = quantity.sample().apply(r);
            Double d = quantity.drl().apply(r);
            lowest = Math.min(lowest, Math.max(s.quantile(0.05), 0.001));
            highest = Math.max(highest, Math.max(s.quantile(0.95), d == null ? 0 : d));
        }
        return new double[]{lowest, highest};
    }

    /**
     * Every protocol/station pair with enough values, in reading order, as charts of at most
     * {@link #MAX_PROTOCOLS} boxes each (a page holds about that many): none is left out.
     */
    static List<ProtocolDoseChart> charts(List<PediatricProtocols.Row> all, Quantity quantity) {
        List<PediatricProtocols.Row> candidates = new ArrayList<>();
        for (PediatricProtocols.Row r : all) if (quantity.sample().apply(r).size() >= MIN_SAMPLE) candidates.add(r);
        List<ProtocolDoseChart> out = new ArrayList<>();
        // One axis for every chart of the quantity: a continued page on another scale (log on one, linear on the
        // next) would read as another spread of doses.
        double[] span = span(quantity, candidates);
        int parts = (candidates.size() + MAX_PROTOCOLS - 1) / MAX_PROTOCOLS;
        for (int i = 0; i < parts; i++) {
            // Even shares, so the last chart is not a stub of two boxes.
            int from = candidates.size() * i / parts;
            int to = candidates.size() * (i + 1) / parts;
            out.add(new ProtocolDoseChart(quantity, candidates.subList(from, to), span));
        }
        return out;
    }

    boolean isEmpty() { return rows.isEmpty(); }

    int boxes() { return rows.size(); }

    float height() { return 70 + 19 * rows.size(); }

    static String label(PediatricProtocols.Row r, int n) {
        return r.protocol() + ", " + r.stats().stationName() + "  (n = " + Text.count(n) + ")";
    }

    JFreeChart build() {
        DefaultBoxAndWhiskerCategoryDataset boxes = new DefaultBoxAndWhiskerCategoryDataset();
        DefaultCategoryDataset drl = new DefaultCategoryDataset();
        boolean anyDrl = false;
        for (PediatricProtocols.Row r : rows) {
            DoseSample s = quantity.sample().apply(r);
            String label = label(r, s.size());
            double lo = s.quantile(0.05);
            double hi = s.quantile(0.95);
            boxes.add(new BoxAndWhiskerItem(null, s.median(), s.quantile(0.25), s.p75(), lo, hi, null, null, List.of()),
                    quantity.name(), label);
            Double d = quantity.drl().apply(r);
            anyDrl |= d != null;
            drl.addValue(d, "DRL of the protocol's age band", label);
        }
        org.jfree.chart.axis.ValueAxis axis;
        if (highest / lowest >= 50) {
            LogAxis log = new OneTwoFiveAxis(quantity.name() + " (" + quantity.unit() + "), log scale");
            log.setSmallestValue(0.01);
            log.setNumberFormatOverride(Messages.decimalFormat("0.##"));
            log.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1)); // decades: 1, 10, 100
            log.setMinorTickCount(9);
            log.setMinorTickMarksVisible(true);
            log.setRange(Math.max(0.01, Math.min(lowest, highest) * 0.7), Math.max(highest, 0.02) * 1.4);
            axis = log;
        } else {
            // Less than a decade and a bit: a log axis would show one tick, so a linear one from zero.
            org.jfree.chart.axis.NumberAxis linear = new org.jfree.chart.axis.NumberAxis(quantity.name() + " (" + quantity.unit() + ")");
            linear.setRange(0, highest * 1.1);
            axis = linear;
        }
        BoxAndWhiskerRenderer box = new BoxAndWhiskerRenderer();
        CategoryPlot plot = new CategoryPlot(boxes, new CategoryAxis(), axis, box);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        if (anyDrl) {
            LineAndShapeRenderer marks = new LineAndShapeRenderer(false, true);
            marks.setSeriesShape(0, diamond(4.5));
            marks.setSeriesPaint(0, ChartStyle.DRL);
            plot.setDataset(1, drl);
            plot.setRenderer(1, marks);
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        }
        JFreeChart chart = new JFreeChart(null, null, plot, true);
        ChartStyle.finish(chart);
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.5f);
        box.setMeanVisible(false);
        box.setFillBox(true);
        box.setMaxOutlierVisible(false);
        box.setMinOutlierVisible(false);
        box.setSeriesPaint(0, Palette.awt(Palette.PRIMARY_TINT));
        box.setSeriesOutlinePaint(0, Palette.awt(Palette.PRIMARY));
        box.setArtifactPaint(Palette.awt(Palette.PRIMARY));
        box.setUseOutlinePaintForWhiskers(true);
        box.setMaximumBarWidth(0.6);
        box.setWhiskerWidth(0.6);
        return chart;
    }

    /** A log axis labelled at 1, 2 and 5 of every decade: decades alone leave a reader guessing 13.9 from 23. */
    static final class OneTwoFiveAxis extends LogAxis {
        OneTwoFiveAxis(String label) { super(label); }

        @Override
        public java.util.List refreshTicks(java.awt.Graphics2D g2, org.jfree.chart.axis.AxisState state,
                                           java.awt.geom.Rectangle2D dataArea, org.jfree.chart.ui.RectangleEdge edge) {
            java.util.List<org.jfree.chart.axis.NumberTick> ticks = new ArrayList<>();
            double lo = getLowerBound();
            double hi = getUpperBound();
            boolean horizontal = org.jfree.chart.ui.RectangleEdge.isTopOrBottom(edge);
            for (int e = (int) Math.floor(Math.log10(lo)); e <= (int) Math.ceil(Math.log10(hi)); e++) {
                for (int m : new int[]{1, 2, 5}) {
                    double v = m * Math.pow(10, e);
                    if (v < lo || v > hi) continue;
                    ticks.add(new org.jfree.chart.axis.NumberTick(v, Text.number(v),
                            horizontal ? org.jfree.chart.ui.TextAnchor.TOP_CENTER : org.jfree.chart.ui.TextAnchor.CENTER_RIGHT,
                            org.jfree.chart.ui.TextAnchor.CENTER, 0));
                }
            }
            return ticks;
        }
    }

    private static Path2D diamond(double r) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, -r);
        p.lineTo(r, 0);
        p.lineTo(0, r);
        p.lineTo(-r, 0);
        p.closePath();
        return p;
    }
}
