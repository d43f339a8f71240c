package org.alaraaudit.report.pdf;

import java.awt.Color;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alaraaudit.audit.aggregate.DrlGroup;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Facility median / DRL per exam type, band and quantity, one bar per facility, with the line at 1.0. Only judged
 * groups: a ratio from a handful of studies would invite a conclusion ICRP 135 does not support.
 */
final class DrlRatioChart {
    static final int MAX_CATEGORIES = 24;
    private final List<DrlGroup> shown;
    private final List<String> categories;
    private final int omitted;

    DrlRatioChart(List<DrlGroup> groups) {
        List<DrlGroup> judged = groups.stream()
                .filter(DrlGroup::judged).toList();
        Map<String, Double> worst = new LinkedHashMap<>();
        for (DrlGroup g : judged) worst.merge(category(g), g.ratio(), Math::max);
        List<String> keep = worst.keySet().stream()
                .sorted(Comparator.comparingDouble((String c) -> -worst.get(c))).limit(MAX_CATEGORIES).toList();
        Set<String> kept = Set.copyOf(keep);
        // Keep the table's reading order (exam type, band) among the categories kept.
        this.categories = judged.stream().sorted(READING_ORDER).map(DrlRatioChart::category).filter(kept::contains).distinct().toList();
        this.shown = judged.stream().filter(g -> kept.contains(category(g))).toList();
        this.omitted = worst.size() - keep.size();
    }

    /** Exam type, then band by its lower age or weight, then CTDIvol before DLP: as the DRL table reads. */
    private static final Comparator<DrlGroup> READING_ORDER = Comparator.comparing(DrlGroup::examType)
            .thenComparingDouble(g -> bandStart(g.band())).thenComparing(DrlGroup::band).thenComparing(DrlGroup::quantity);

    static double bandStart(String band) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(months?)?").matcher(band == null ? "" : band);
        if (!m.find()) return 0;
        double v = Double.parseDouble(m.group(1));
        return m.group(2) != null ? v / 12 : v;
    }

    private static String category(DrlGroup g) {
        return Text.plain(g.examName(), RuleTitles.NONE) + ", " + g.band() + " (" + g.quantity() + ")";
    }

    boolean isEmpty() { return shown.isEmpty(); }

    int omitted() { return omitted; }

    float height() {
        long facilities = shown.stream().map(DrlGroup::facility).distinct().count();
        return Math.min(640, 70 + categories.size() * Math.max(22, 10 * facilities));
    }

    JFreeChart build() {
        // Every facility gets every category (null where it has no such group), so the order is the table's.
        Map<String, Double> ratio = new LinkedHashMap<>();
        for (DrlGroup g : shown) ratio.put(g.facility() + "\u0000" + category(g), g.ratio());
        DefaultCategoryDataset ordered = new DefaultCategoryDataset();
        for (String facility : shown.stream().map(DrlGroup::facility).distinct().sorted().toList()) {
            for (String c : categories) ordered.addValue(ratio.get(facility + "\u0000" + c), facility, c);
        }
        NumberAxis axis = new NumberAxis("median / DRL");
        axis.setLowerBound(0);
        double max = shown.stream().mapToDouble(DrlGroup::ratio).max().orElse(1);
        axis.setUpperBound(Math.max(1.5, Math.ceil(max * 4 + 0.5) / 4));
        CategoryPlot plot = new CategoryPlot(ordered, new CategoryAxis(), axis, new BarRenderer());
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        ValueMarker one = ChartStyle.drlMarker(1.0);
        // A translucent label box by default; PDF/A-1 forbids transparency.
        one.setLabelBackgroundColor(Color.WHITE);
        one.setLabel("DRL");
        one.setLabelFont(ChartStyle.font(7.5f));
        one.setLabelPaint(ChartStyle.DRL);
        plot.addRangeMarker(one, Layer.FOREGROUND);
        JFreeChart chart = new JFreeChart(null, null, plot, true);
        ChartStyle.finish(chart);
        BarRenderer r = (BarRenderer) plot.getRenderer();
        for (int i = 0; i < ordered.getRowCount(); i++) r.setSeriesPaint(i, ChartStyle.series(i));
        r.setMaximumBarWidth(0.5);
        // Long exam types ("CT Chest, Abdomen and Pelvis, with contrast") wrap rather than end in an ellipsis.
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.42f);
        r.setItemMargin(0.02);
        return chart;
    }
}
