package org.alaraaudit.report.pdf;

import java.awt.Color;
import java.awt.geom.Path2D;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.DoseSample;
import org.alaraaudit.audit.ProtocolStatistics;
import org.alaraaudit.model.CatalogEntry;
import org.alaraaudit.model.Population;
import org.alaraaudit.model.ReferenceLevel;
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
 * The spread of CTDIvol per pediatric standard protocol and station, with the DRL of the band the protocol is
 * for. A log axis, because head (tens of mGy) and infant chest (about 1 mGy) must both be readable.
 */
final class ProtocolDoseChart {
    static final int MIN_SAMPLE = 5;
    static final int MAX_PROTOCOLS = 18;
    private final List<Row> rows = new ArrayList<>();
    private int omitted;

    private record Row(String label, DoseSample ctdivol, Double drl) {}

    ProtocolDoseChart(AuditResult result) {
        List<ReferenceLevel> levels = levels(result);
        List<CatalogEntry> catalog = result.tables().catalog().entries();
        List<ProtocolStatistics> candidates = new ArrayList<>();
        for (ProtocolStatistics p : result.protocols()) {
            if (p.ctdivol().size() < MIN_SAMPLE || p.pediatricStudies() == 0) continue;
            if (entry(catalog, p.standardProtocol()).isEmpty()) continue;
            candidates.add(p);
        }
        candidates.sort(Comparator.comparingInt(ProtocolStatistics::studies).reversed());
        omitted = Math.max(0, candidates.size() - MAX_PROTOCOLS);
        List<ProtocolStatistics> kept = new ArrayList<>(candidates.subList(0, Math.min(MAX_PROTOCOLS, candidates.size())));
        kept.sort(Comparator.comparing(ProtocolStatistics::standardProtocol).thenComparing(ProtocolStatistics::facility)
                .thenComparing(ProtocolStatistics::stationName));
        for (ProtocolStatistics p : kept) {
            Double drl = entry(catalog, p.standardProtocol()).flatMap(e -> drlFor(levels, e)).orElse(null);
            rows.add(new Row(p.standardProtocol() + "  " + p.stationName(), p.ctdivol(), drl));
        }
    }

    private static List<ReferenceLevel> levels(AuditResult result) {
        try {
            return result.tables().referenceLevels().set(result.run().drlSet());
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static Optional<CatalogEntry> entry(List<CatalogEntry> catalog, String standardName) {
        return catalog.stream()
                .filter(e -> e.population() == Population.PEDIATRIC && e.targetRegion() != null
                        && standardName.equals(e.standardName()))
                .findFirst();
    }

    /** The age band of the DRL set that covers the protocol's whole age range; none when it straddles bands. */
    static Optional<Double> drlFor(List<ReferenceLevel> levels, CatalogEntry e) {
        if (e.ageYears().min() == null || e.ageYears().max() == null) return Optional.empty();
        for (ReferenceLevel l : levels) {
            if (l.ctdivolMgy() == null || !"age".equals(l.bandType()) || !l.targetRegions().contains(e.targetRegion())) continue;
            double lo = l.ageYears().min() == null ? 0 : l.ageYears().min();
            double hi = l.ageYears().max() == null ? Double.MAX_VALUE : l.ageYears().max();
            if (e.ageYears().min() >= lo && e.ageYears().max() <= hi) return Optional.of(l.ctdivolMgy());
        }
        return Optional.empty();
    }

    boolean isEmpty() { return rows.isEmpty(); }

    int omitted() { return omitted; }

    float height() { return 70 + 19 * rows.size(); }

    JFreeChart build() {
        DefaultBoxAndWhiskerCategoryDataset boxes = new DefaultBoxAndWhiskerCategoryDataset();
        DefaultCategoryDataset drl = new DefaultCategoryDataset();
        double lowest = Double.MAX_VALUE;
        double highest = 0;
        for (Row r : rows) {
            DoseSample s = r.ctdivol();
            double min = s.quantile(0);
            double max = s.quantile(1);
            boxes.add(new BoxAndWhiskerItem(null, s.median(), s.quantile(0.25), s.p75(), min, max, null, null, List.of()),
                    "CTDIvol per acquisition", r.label());
            drl.addValue(r.drl(), "DRL", r.label());
            lowest = Math.min(lowest, min);
            highest = Math.max(highest, Math.max(max, r.drl() == null ? 0 : r.drl()));
        }
        LogAxis axis = new LogAxis("CTDIvol (mGy), log scale");
        axis.setSmallestValue(0.01);
        axis.setNumberFormatOverride(new DecimalFormat("0.##", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
        axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1)); // decades: 1, 10, 100 mGy
        axis.setMinorTickCount(9);
        axis.setMinorTickMarksVisible(true);
        axis.setRange(Math.max(0.01, Math.min(lowest, highest) * 0.7), highest * 1.4);
        BoxAndWhiskerRenderer box = new BoxAndWhiskerRenderer();
        CategoryPlot plot = new CategoryPlot(boxes, new CategoryAxis(), axis, box);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        LineAndShapeRenderer marks = new LineAndShapeRenderer(false, true);
        marks.setSeriesShape(0, diamond(4.5));
        marks.setSeriesPaint(0, new Color(0x9E, 0x1B, 0x1B));
        plot.setDataset(1, drl);
        plot.setRenderer(1, marks);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        JFreeChart chart = new JFreeChart(null, null, plot, true);
        ChartStyle.finish(chart);
        box.setMeanVisible(false);
        box.setFillBox(true);
        box.setMaxOutlierVisible(false);
        box.setMinOutlierVisible(false);
        box.setSeriesPaint(0, new Color(0xA3, 0xC4, 0xDC));
        box.setSeriesOutlinePaint(0, new Color(0x1F, 0x3A, 0x5F));
        box.setArtifactPaint(new Color(0x1F, 0x3A, 0x5F));
        box.setUseOutlinePaintForWhiskers(true);
        box.setMaximumBarWidth(0.6);
        box.setWhiskerWidth(0.6);
        return chart;
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
