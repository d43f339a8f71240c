package org.alaraaudit.history.trend;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.text.NumberFormat;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.alaraaudit.model.Severity;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The trend's line charts: one line per series over the months, a gap where a month has no value (never a
 * zero that is not one). The look follows the audit report's charts: Liberation Sans, white ground, hairlines.
 */
final class TrendCharts {
    private static final Font BASE = awtFont("liberation/LiberationSans-Regular.ttf");
    private static final Color TEXT = new Color(0x33, 0x33, 0x33);
    private static final Color[] PALETTE = {new Color(0x1F, 0x3A, 0x5F), new Color(0x4F, 0x8F, 0xBF), new Color(0xE0, 0x7B, 0x25),
            new Color(0x6B, 0x8E, 0x23), new Color(0x9E, 0x1B, 0x1B), new Color(0x7B, 0x41, 0x73), new Color(0x8C, 0x6D, 0x31),
            new Color(0x9A, 0xA5, 0xB1)};

    private TrendCharts() {}

    /** The charts of the per-month series, in report order, with their titles. */
    static Map<String, JFreeChart> monthly(Trend t) {
        Map<String, JFreeChart> charts = new LinkedHashMap<>();
        charts.put("Studies per month", perGroup(t, "studies", m -> (double) m.studies()));
        charts.put("Pediatric protocol compliance", percent(perGroup(t, "pediatric CT studies", MonthFigures::pediatricProtocolCompliance)));
        charts.put("Repeat rate", percent(perGroup(t, "CT studies", MonthFigures::repeatRate)));
        charts.put("Study-level findings per 100 studies", perSeverity(t));
        return charts;
    }

    private static JFreeChart percent(JFreeChart chart) {
        NumberFormat f = NumberFormat.getPercentInstance(Locale.ROOT);
        f.setMaximumFractionDigits(1);
        ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setNumberFormatOverride(f);
        return chart;
    }

    private static JFreeChart perGroup(Trend t, String axis, Function<MonthFigures, Double> value) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (MonthFigures m : t.months()) data.addValue(value.apply(m), m.group(), m.month().toString());
        return line(data, axis, null);
    }

    /** All series together: the severity mix is the point here, not the split. */
    private static JFreeChart perSeverity(Trend t) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (YearMonth month : t.monthList()) {
            long studies = 0;
            Map<Severity, Long> findings = new LinkedHashMap<>();
            for (MonthFigures m : t.months()) {
                if (!m.month().equals(month)) continue;
                studies += m.studies();
                m.studyFindings().forEach((s, n) -> findings.merge(s, n, Long::sum));
            }
            for (Severity s : Severity.values()) {
                data.addValue(studies == 0 ? null : 100.0 * findings.getOrDefault(s, 0L) / studies, s.name(), month.toString());
            }
        }
        return line(data, "findings per 100 studies", null);
    }

    /** One chart per exam type and quantity: each band's (and series') median as a ratio to its DRL; 1 is the DRL. */
    static Map<String, JFreeChart> medians(Trend t) {
        Map<String, DefaultCategoryDataset> sets = new LinkedHashMap<>();
        List<String> months = new ArrayList<>();
        for (YearMonth m : t.monthList()) months.add(m.toString());
        for (DoseMedian d : t.medians()) {
            if (d.ratio() == null) continue;
            DefaultCategoryDataset data = sets.computeIfAbsent(d.examType() + " " + d.quantity() + " (" + d.drlSet() + ")", k -> {
                DefaultCategoryDataset ds = new DefaultCategoryDataset();
                for (String m : months) ds.addValue(null, "", m);
                return ds;
            });
            String line = t.by() == Grouping.ALL ? d.band() : d.group() + " " + d.band();
            data.addValue(d.ratio(), line, d.month().toString());
        }
        Map<String, JFreeChart> charts = new LinkedHashMap<>();
        for (Map.Entry<String, DefaultCategoryDataset> e : sets.entrySet()) {
            DefaultCategoryDataset ds = e.getValue();
            if (ds.getRowKeys().contains("")) ds.removeRow("");
            charts.put("Median / DRL: " + e.getKey(), line(ds, "median / DRL", 1.0));
        }
        return charts;
    }

    private static JFreeChart line(DefaultCategoryDataset data, String axis, Double marker) {
        CategoryAxis months = new CategoryAxis(null);
        months.setTickLabelFont(BASE.deriveFont(7.5f));
        months.setTickLabelPaint(TEXT);
        months.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        months.setAxisLineVisible(false);
        NumberAxis values = new NumberAxis(axis);
        values.setLabelFont(BASE.deriveFont(8f));
        values.setTickLabelFont(BASE.deriveFont(7.5f));
        values.setTickLabelPaint(TEXT);
        values.setLabelPaint(TEXT);
        values.setAutoRangeIncludesZero(true);
        LineAndShapeRenderer r = new LineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getRowCount(); i++) {
            r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            r.setSeriesStroke(i, new BasicStroke(1.4f));
        }
        CategoryPlot plot = new CategoryPlot(data, months, values, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        if (marker != null) {
            ValueMarker m = new ValueMarker(marker, new Color(0x9E, 0x1B, 0x1B), new BasicStroke(0.8f));
            plot.addRangeMarker(m);
        }
        JFreeChart chart = new JFreeChart(null, BASE.deriveFont(9f), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setFrame(BlockBorder.NONE);
        chart.getLegend().setItemFont(BASE.deriveFont(7.5f));
        chart.getLegend().setItemPaint(TEXT);
        return chart;
    }

    private static Font awtFont(String resource) {
        try (InputStream in = TrendCharts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) return new Font(Font.SANS_SERIF, Font.PLAIN, 9);
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            return new Font(Font.SANS_SERIF, Font.PLAIN, 9);
        }
    }
}
