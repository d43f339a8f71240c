package org.alaraaudit.report.pdf;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Severity;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/** Horizontal bars, one per rule, stacked by severity, the rule with most findings on top. */
final class FindingsByRuleChart {
    private FindingsByRuleChart() {}

    static float height(List<Finding> findings) {
        long rules = findings.stream().map(Finding::ruleId).distinct().count();
        return 60 + 22 * rules;
    }

    static JFreeChart build(List<Finding> findings) {
        if (findings.isEmpty()) return null;
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (Finding f : findings) counts.computeIfAbsent(f.ruleId(), k -> new long[Severity.values().length])[f.severity().ordinal()]++;
        List<String> order = counts.keySet().stream()
                .sorted(Comparator.comparingLong((String r) -> -sum(counts.get(r))).thenComparing(r -> r)).toList();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Severity s : Severity.values()) {
            for (String rule : order) data.addValue(counts.get(rule)[s.ordinal()], s.name(), RuleTitles.title(rule));
        }
        CategoryPlot plot = new CategoryPlot(data, new org.jfree.chart.axis.CategoryAxis(), new NumberAxis("findings"),
                new StackedBarRenderer());
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        JFreeChart chart = new JFreeChart(null, null, plot, true);
        ChartStyle.finish(chart);
        StackedBarRenderer r = (StackedBarRenderer) plot.getRenderer();
        for (Severity s : Severity.values()) r.setSeriesPaint(s.ordinal(), ChartStyle.severity(s));
        r.setMaximumBarWidth(0.7);
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.4f);
        return chart;
    }

    private static long sum(long[] a) {
        long s = 0;
        for (long v : a) s += v;
        return s;
    }
}
