package org.alaraaudit.report.pdf;

import java.util.LinkedHashMap;
import java.util.Map;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Findings;
import org.alaraaudit.model.Severity;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Findings per rule, one small chart per severity with its own scale and the count at each bar: on one shared
 * scale three CRITICAL findings would be a sliver under four hundred INFO.
 */
final class FindingsByRuleChart {
    private FindingsByRuleChart() {}

    /** Per severity present, most severe first: rule title to count, largest first. */
    static Map<Severity, Map<String, Long>> counts(Findings findings, RuleTitles rules) {
        Map<Severity, Map<String, Long>> raw = new java.util.EnumMap<>(Severity.class);
        for (Finding f : findings) raw.computeIfAbsent(f.severity(), k -> new LinkedHashMap<>()).merge(rules.title(f.ruleId()), 1L, Long::sum);
        Map<Severity, Map<String, Long>> out = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            Map<String, Long> m = raw.get(s);
            if (m == null) continue;
            Map<String, Long> sorted = new LinkedHashMap<>();
            m.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            out.put(s, sorted);
        }
        return out;
    }

    static float height(Map<String, Long> rules) { return 34 + 17 * rules.size(); }

    static JFreeChart build(Severity severity, Map<String, Long> rules) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        long total = 0;
        for (Map.Entry<String, Long> e : rules.entrySet()) {
            data.addValue(e.getValue(), severity.name(), e.getKey());
            total += e.getValue();
        }
        NumberAxis axis = new NumberAxis(null);
        CategoryPlot plot = new CategoryPlot(data, new org.jfree.chart.axis.CategoryAxis(), axis, new BarRenderer());
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        JFreeChart chart = new JFreeChart(null, null, plot, false);
        ChartStyle.finish(chart);
        TextTitle t = new TextTitle(severity.name() + ": " + Text.count(total) + (total == 1 ? " finding" : " findings"), ChartStyle.bold(8.5f));
        t.setPaint(ChartStyle.severity(severity).darker());
        t.setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
        chart.setTitle(t);
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setSeriesPaint(0, ChartStyle.severity(severity));
        r.setMaximumBarWidth(0.7);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(ChartStyle.font(7.5f));
        r.setDefaultItemLabelPaint(ChartStyle.TEXT);
        r.setDefaultPositiveItemLabelPosition(new org.jfree.chart.labels.ItemLabelPosition(
                org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE3, org.jfree.chart.ui.TextAnchor.CENTER_LEFT));
        r.setItemLabelAnchorOffset(3);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        long max = rules.values().stream().mapToLong(Long::longValue).max().orElse(1);
        axis.setRange(0, max * 1.15 + 1);
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
        // Same label column width in every severity's chart, so the bars line up.
        plot.setFixedDomainAxisSpace(new org.jfree.chart.axis.AxisSpace() {{ setLeft(190); }});
        return chart;
    }

}
