package org.alaraaudit.report.trend;

import java.awt.BasicStroke;
import java.awt.Color;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.alaraaudit.history.trend.DoseMedian;
import org.alaraaudit.history.trend.Grouping;
import org.alaraaudit.history.trend.MonthFigures;
import org.alaraaudit.history.trend.MonthFindings;
import org.alaraaudit.history.trend.Trend;
import org.alaraaudit.history.trend.XrayStationMonth;
import org.alaraaudit.history.trend.XrayTrend;
import org.alaraaudit.model.Severity;
import org.alaraaudit.report.Palette;
import org.alaraaudit.report.pdf.ChartStyle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The trend's small multiples: one small line chart per series (facility, station or protocol), at most
 * {@value #MAX_LINES} lines each, the value axis as its {@link AxisScale} says (a percentage from 0, other values
 * scaled to the chart's own data), a gap where a month has no value, and a hollow point where the month's sample is
 * below the DRL table's minimum (shown, not a judgement). The look is the audit report's ({@link ChartStyle}).
 */
final class TrendCharts {
    /** As many lines as the palette has colours, so no two lines of a chart share one. */
    static final int MAX_LINES = Palette.seriesCount();

    /** One small chart with its title (the series it shows) and, when lines were left out, a note saying so. */
    record Panel(String title, String note, JFreeChart chart) {}

    /**
     * A set of small multiples of one quantity, with the axis label that names it and how its axis is drawn;
     * {@code instead}, when not null, is the sentence printed where charts left out on purpose would have been.
     */
    record Multiples(String title, String axis, AxisScale scale, List<Panel> panels, List<String> without, String instead) {
        Multiples(String title, String axis, AxisScale scale, List<Panel> panels, List<String> without) {
            this(title, axis, scale, panels, without, null);
        }

        Multiples(String title, String axis, AxisScale scale, List<Panel> panels) { this(title, axis, scale, panels, List.of()); }
    }

    /** The compliance charts' title. */
    static final String COMPLIANCE_TITLE = "Pediatric protocol compliance: % of pediatric CT studies without an adult protocol";

    /** Said where the compliance charts would be in a trend by protocol. */
    static final String COMPLIANCE_BY_PROTOCOL = "No compliance chart per protocol: a pediatric protocol is compliant in every"
            + " month and an adult protocol in none, so each chart could only be a line at 100 % or at 0 %; the per-month"
            + " table gives each protocol's figures.";

    /** The title of the skin follow-up chart, whose caption differs from the per-station charts'. */
    static final String SKIN_TITLE = "Skin follow-up: procedures past the substantial radiation dose level";

    private TrendCharts() {}

    static List<Multiples> all(Trend t) {
        List<Multiples> out = new ArrayList<>();
        out.add(medians(t));
        String compliance = "Compliance (%)";
        if (t.by() == Grouping.PROTOCOL) {
            // By definition 0 or 100 % per protocol: pages of flat lines that tell nothing the table does not.
            out.add(new Multiples(COMPLIANCE_TITLE, compliance, AxisScale.SHARE, List.of(), List.of(), COMPLIANCE_BY_PROTOCOL));
        } else {
            out.add(perGroup(t, COMPLIANCE_TITLE, compliance, AxisScale.SHARE, MonthFigures::pediatricProtocolCompliance,
                    m -> m.pediatricCtStudies() < t.stepRule().minStudies()));
        }
        String repeat = "Repeat rate (%)";
        out.add(perGroup(t, "Repeat rate: % of CT studies repeated", repeat, AxisScale.RATE, MonthFigures::repeatRate,
                m -> m.ctStudies() < t.stepRule().minStudies()));
        out.add(findings(t));
        return out;
    }

    /**
     * The radiography and fluoroscopy charts, each only where the months have its figure: retake rate and median
     * deviation index with one chart per facility and a line per station (those with most radiographs when more),
     * and the skin follow-up list per month with a line per facility.
     */
    static List<Multiples> xray(Trend t) {
        List<Multiples> out = new ArrayList<>();
        XrayTrend x = t.xray();
        int min = t.stepRule().minStudies();
        if (!x.stations().isEmpty()) {
            out.add(stations(t, "Retake rate per station", "Retake rate (%)", AxisScale.RATE,
                    s -> s.retakeRate(), s -> s.radiographs() < min, s -> s.radiographs()));
            out.add(stations(t, "Median deviation index per station", "Deviation index (0 = target)", AxisScale.SIGNED,
                    s -> s.deviationIndexMedian(), s -> s.deviationIndexCount() < min, s -> s.deviationIndexCount()));
        }
        if (!x.fluoroscopy().isEmpty()) {
            Chart c = new Chart(t);
            Map<String, Long> procedures = new LinkedHashMap<>();
            for (var f : x.fluoroscopy()) procedures.merge(f.facility(), f.procedures(), Long::sum);
            List<String> lines = top(procedures);
            for (var f : x.fluoroscopy()) if (lines.contains(f.facility())) c.add(f.facility(), f.month(), (double) f.skinFollowUp(), false);
            String note = procedures.size() > lines.size() ? "Drawn: " + lines.size() + " of the " + procedures.size()
                    + " facilities, those with most procedures; every facility is in the table." : null;
            JFreeChart chart = c.draw("Procedures", AxisScale.DATA, null, true);
            // A count of patients to follow up: from 0, in whole procedures.
            NumberAxis y = (NumberAxis) chart.getCategoryPlot().getRangeAxis();
            y.setLowerBound(0);
            y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            out.add(new Multiples(SKIN_TITLE, "Procedures", AxisScale.DATA, List.of(new Panel("Skin follow-up per month", note, chart))));
        }
        return out;
    }

    private static Multiples stations(Trend t, String title, String axis, AxisScale scale,
                                      Function<XrayStationMonth, Double> value,
                                      Predicate<XrayStationMonth> small,
                                      ToLongFunction<XrayStationMonth> weight) {
        Map<String, List<XrayStationMonth>> byFacility = new LinkedHashMap<>();
        for (var s : t.xray().stations()) byFacility.computeIfAbsent(s.facility(), k -> new ArrayList<>()).add(s);
        List<Panel> panels = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (Map.Entry<String, List<XrayStationMonth>> e : byFacility.entrySet()) {
            Map<String, Long> sizes = new LinkedHashMap<>();
            for (var s : e.getValue()) if (value.apply(s) != null) sizes.merge(s.station(), weight.applyAsLong(s), Long::sum);
            if (sizes.isEmpty()) {
                without.add(e.getKey());
                continue;
            }
            List<String> lines = top(sizes);
            Chart c = new Chart(t);
            for (var s : e.getValue()) if (lines.contains(s.station())) c.add(s.station(), s.month(), value.apply(s), small.test(s));
            String note = sizes.size() > lines.size()
                    ? "Drawn: " + lines.size() + " of the " + sizes.size() + " stations, those with most radiographs; every station is in the table." : null;
            panels.add(new Panel(e.getKey(), note, c.draw(axis, scale, null, true)));
        }
        return new Multiples(title, axis, scale, panels, without);
    }

    /** Which median lines a chart draws when there are more than it can show, as its note says. */
    static final String MEDIAN_LINES = "those above their DRL on a sufficient sample first (the highest first), then those with most studies";

    /**
     * The median lines (series) one chart draws, at most {@link #MAX_LINES}: a line whose median was above its DRL on
     * a sufficient sample in some month comes first, the highest ratio first, because that is what a reader must
     * not miss; the others by their studies, ties by name.
     */
    static List<String> medianLines(List<DoseMedian> medians) {
        Map<String, Integer> studies = new LinkedHashMap<>();
        Map<String, Double> above = new LinkedHashMap<>();
        for (DoseMedian d : medians) {
            if (d.ratio() == null) continue;
            studies.merge(d.series(), d.studies(), Integer::sum);
            if (d.sufficient() && d.ratio() > 1) above.merge(d.series(), d.ratio(), Math::max);
        }
        return studies.keySet().stream().sorted(java.util.Comparator.<String>comparingDouble(s -> -above.getOrDefault(s, 0.0))
                .thenComparing(s -> -studies.get(s)).thenComparing(s -> s)).limit(MAX_LINES).toList();
    }

    /** The keys with the largest values, at most {@link #MAX_LINES}, ties by name. */
    private static List<String> top(Map<String, Long> sizes) {
        return sizes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(MAX_LINES).map(Map.Entry::getKey).toList();
    }

    /** A share per series; a series without any value (a radiography room has no CT) gets no empty chart, only a mention. */
    private static Multiples perGroup(Trend t, String title, String axis, AxisScale scale, Function<MonthFigures, Double> value,
                                      Predicate<MonthFigures> small) {
        List<Panel> panels = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (String g : t.groups()) {
            Chart c = new Chart(t);
            boolean any = false;
            for (MonthFigures m : t.months()) {
                if (!m.group().equals(g)) continue;
                Double v = value.apply(m);
                any |= v != null;
                c.add(axis, m.month(), v, small.test(m));
            }
            if (any) panels.add(new Panel(g, null, c.draw(axis, scale, null, false)));
            else without.add(g);
        }
        return new Multiples(title, axis, scale, panels, without);
    }

    private static Multiples findings(Trend t) {
        String axis = "Findings per 100 studies";
        List<Panel> panels = new ArrayList<>();
        for (String g : t.groups()) {
            Chart c = new Chart(t);
            for (MonthFindings f : t.findings()) {
                if (!f.group().equals(g)) continue;
                for (Severity s : Severity.values()) c.add(s.name(), f.month(), f.per100(s), f.studies() < t.stepRule().minStudies());
            }
            panels.add(new Panel(g, null, c.draw(axis, AxisScale.DATA, null, true)));
        }
        return new Multiples("Findings per 100 studies", axis, AxisScale.DATA, panels);
    }

    /** Each series' median over its DRL, exam type, band and quantity as lines; the DRL is the line at 1. */
    private static Multiples medians(Trend t) {
        String axis = "Median / DRL (ratio)";
        Map<String, List<DoseMedian>> byGroup = new LinkedHashMap<>();
        for (DoseMedian d : t.medians()) if (d.ratio() != null) byGroup.computeIfAbsent(d.group(), k -> new ArrayList<>()).add(d);
        List<Panel> panels = new ArrayList<>();
        for (Map.Entry<String, List<DoseMedian>> e : byGroup.entrySet()) {
            long all = e.getValue().stream().map(DoseMedian::series).distinct().count();
            List<String> lines = medianLines(e.getValue());
            Chart c = new Chart(t);
            for (String line : lines) {
                for (DoseMedian d : e.getValue()) if (d.series().equals(line)) c.add(line, d.month(), d.ratio(), !d.sufficient());
            }
            String note = all > lines.size() ? "Drawn: " + lines.size() + " of the " + all + " lines, " + MEDIAN_LINES + "; every line is in the table." : null;
            panels.add(new Panel(e.getKey(), note, c.draw(axis, AxisScale.DATA, 1.0, true)));
        }
        return new Multiples("Median dose against the DRL", axis, AxisScale.DATA, panels);
    }

    /** Up to this many months, a chart's month labels are slanted; more, and they stand upright. */
    static final int SLANTED_MONTHS = 12;

    /** The values of one small chart: lines by month, and which points stand on too few studies. */
    private static final class Chart {
        final DefaultCategoryDataset data = new DefaultCategoryDataset();
        final Map<String, Map<String, Boolean>> small = new LinkedHashMap<>();
        final List<String> months = new ArrayList<>();

        // Every month of the range: a month not audited keeps its place with no value, so its line breaks there.
        Chart(Trend t) { for (YearMonth m : t.chartMonths()) months.add(m.toString()); }

        void add(String line, YearMonth month, Double value, boolean smallSample) {
            if (!data.getRowKeys().contains(line)) for (String m : months) data.addValue(null, line, m);
            data.setValue(value, line, month.toString());
            small.computeIfAbsent(line, k -> new LinkedHashMap<>()).put(month.toString(), smallSample);
        }

        boolean hollow(int row, int column) {
            return small.getOrDefault((String) data.getRowKey(row), Map.of()).getOrDefault((String) data.getColumnKey(column), false);
        }

        JFreeChart draw(String axis, AxisScale scale, Double drl, boolean legend) {
            CategoryAxis x = new CategoryAxis(null);
            x.setTickLabelFont(ChartStyle.font(6.5f));
            x.setTickLabelPaint(ChartStyle.TEXT);
            // A small chart has under 20 points of width per month at 12 months: a month written level was cut to "2…".
            // Slanted, "2025-11" keeps its year and month whole; upright beyond a year, where slanted labels would touch.
            x.setCategoryLabelPositions(months.size() > SLANTED_MONTHS ? CategoryLabelPositions.UP_90 : CategoryLabelPositions.UP_45);
            x.setMaximumCategoryLabelLines(1);
            x.setLowerMargin(0.02);
            x.setUpperMargin(0.02);
            NumberAxis y = new NumberAxis(axis);
            y.setLabelFont(ChartStyle.font(6.5f));
            y.setTickLabelFont(ChartStyle.font(6.5f));
            y.setTickLabelPaint(ChartStyle.TEXT);
            y.setLabelPaint(ChartStyle.TEXT);
            y.setAutoRangeIncludesZero(false);
            double[] range = range(scale, drl);
            if (range != null) y.setRange(range[0], range[1]);
            if (scale.percent()) {
                // Fractions on the axis, read as percentages.
                y.setNumberFormatOverride(new DecimalFormat(scale.percentFormat(), DecimalFormatSymbols.getInstance(Locale.ROOT)));
            }
            var r = ChartStyle.lines(data.getRowCount(), this::hollow);
            CategoryPlot plot = new CategoryPlot(data, x, y, r);
            plot.setBackgroundPaint(Color.WHITE);
            plot.setOutlineVisible(false);
            plot.setRangeGridlinePaint(ChartStyle.GRID);
            plot.setRangeGridlineStroke(new BasicStroke(0.5f));
            if (drl != null) plot.addRangeMarker(ChartStyle.drlMarker(drl));
            JFreeChart chart = new JFreeChart(null, ChartStyle.font(8f), plot, legend && data.getRowCount() > 0);
            chart.setBackgroundPaint(Color.WHITE);
            if (chart.getLegend() != null) {
                chart.getLegend().setFrame(BlockBorder.NONE);
                chart.getLegend().setItemFont(ChartStyle.font(6f));
                chart.getLegend().setItemPaint(ChartStyle.TEXT);
                chart.getLegend().setPosition(RectangleEdge.BOTTOM);
            }
            return chart;
        }

        /**
         * From the data's lowest to highest value (and the DRL), with a margin, never so narrow that noise looks like a
         * cliff; a percentage from 0, a share up to 100 % (with room for a point at 100 % to be drawn whole).
         */
        private double[] range(AxisScale scale, Double drl) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < data.getRowCount(); r++) {
                for (int c = 0; c < data.getColumnCount(); c++) {
                    Number v = data.getValue(r, c);
                    if (v == null) continue;
                    lo = Math.min(lo, v.doubleValue());
                    hi = Math.max(hi, v.doubleValue());
                }
            }
            if (drl != null) {
                lo = Math.min(lo, drl);
                hi = Math.max(hi, drl);
            }
            // A point at 100 % is drawn whole under the axis' top, which the plot would cut through.
            if (scale == AxisScale.SHARE) return new double[]{scale.lower(), scale.upper() * 1.03};
            if (lo > hi) return null;
            // A rate is never so close to 0 that half a percent cannot hold it.
            if (scale == AxisScale.RATE) return new double[]{scale.lower(), Math.max(hi, 0.005) * 1.12};
            double minSpan = drl != null ? 0.2 : 0.5;
            double span = Math.max(hi - lo, minSpan);
            double mid = (hi + lo) / 2;
            lo = Math.min(lo, mid - span / 2) - span * 0.12;
            hi = Math.max(hi, mid + span / 2) + span * 0.12;
            // Ratios and counts are never negative.
            return new double[]{scale == AxisScale.SIGNED ? lo : Math.max(lo, 0), hi};
        }
    }
}
