package org.alaraaudit.report.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.geom.PathIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.alaraaudit.report.pdf.ChartStyle;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.junit.jupiter.api.Test;

/** Two severities with the same findings every month: the one drawn second must not hide the first. */
class TrendChartOverlapTest {

    /** A shape's outline as numbers, so two shapes compare by what is drawn. */
    private static List<Double> outline(Shape s) {
        List<Double> out = new ArrayList<>();
        double[] c = new double[6];
        for (PathIterator i = s.getPathIterator(null); !i.isDone(); i.next()) {
            int type = i.currentSegment(c);
            out.add((double) type);
            for (double v : c) out.add(Math.round(v * 100) / 100.0);
        }
        return out;
    }

    @Test
    void theFindingsChartsSeveritiesEachHaveTheirOwnPointShapeAndLineDash() {
        // MAJOR and MINOR have the same findings in every month of this trend.
        var t = TrendChartMonthsTest.months(12, List.of());
        TrendCharts.Multiples findings = TrendCharts.all(t).stream().filter(m -> m.title().startsWith("Findings")).findFirst().orElseThrow();
        CategoryPlot plot = findings.panels().get(0).chart().getCategoryPlot();
        LineAndShapeRenderer r = (LineAndShapeRenderer) plot.getRenderer();
        int series = plot.getDataset().getRowCount();
        assertEquals(4, series, "one line per severity");
        Set<List<Double>> shapes = new HashSet<>();
        Set<String> dashes = new HashSet<>();
        for (int i = 0; i < series; i++) {
            shapes.add(outline(r.getSeriesShape(i)));
            dashes.add(Arrays.toString(((BasicStroke) r.getSeriesStroke(i)).getDashArray()));
        }
        assertEquals(series, shapes.size(), "a shape per severity");
        assertEquals(series, dashes.size(), "a line pattern per severity");
    }

    @Test
    void everyLineAChartCanDrawHasItsOwnShapeAndDashAndNoneIsTheDrlsDash() {
        Set<List<Double>> shapes = new HashSet<>();
        Set<String> dashes = new HashSet<>();
        var r = ChartStyle.lines(TrendCharts.MAX_LINES, (row, column) -> false);
        for (int i = 0; i < TrendCharts.MAX_LINES; i++) {
            shapes.add(outline(r.getSeriesShape(i)));
            float[] dash = ((BasicStroke) r.getSeriesStroke(i)).getDashArray();
            dashes.add(Arrays.toString(dash));
            assertFalse(Arrays.equals(dash, ChartStyle.drlStroke().getDashArray()), "line " + i + " is not dashed as the DRL");
        }
        assertEquals(TrendCharts.MAX_LINES, shapes.size());
        assertEquals(TrendCharts.MAX_LINES, dashes.size());
    }
}
