package org.alaraaudit.report.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alaraaudit.history.trend.DoseMedian;
import org.alaraaudit.history.trend.Grouping;
import org.alaraaudit.history.trend.MonthFigures;
import org.alaraaudit.history.trend.StepRule;
import org.alaraaudit.history.trend.Trend;
import org.alaraaudit.history.trend.XrayStationMonth;
import org.alaraaudit.history.trend.XrayTrend;
import java.awt.BasicStroke;
import org.alaraaudit.report.Palette;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.junit.jupiter.api.Test;

/**
 * The small multiples a department head reads: a percentage from 0, other values scaled to the data, six lines at most,
 * the DRL always drawn.
 */
class TrendChartsTest {
    private static final YearMonth SEP = YearMonth.of(2026, 9);
    private static final YearMonth OCT = YearMonth.of(2026, 10);

    private static MonthFigures month(YearMonth m, String facility, long adultProtocol) {
        return new MonthFigures(m, facility, 1200, 1000, 1100, 1000, adultProtocol, 30, Map.of());
    }

    private static Trend trend(List<DoseMedian> medians) {
        List<MonthFigures> months = List.of(month(SEP, "General", 45), month(OCT, "General", 42));
        return new Trend(SEP, OCT, Grouping.FACILITY, "store", months, List.of(), medians, List.of(), new StepRule(0.2, "test", 10),
                List.of());
    }

    private static TrendCharts.Multiples named(Trend t, String start) {
        return TrendCharts.all(t).stream().filter(m -> m.title().startsWith(start)).findFirst().orElseThrow();
    }

    /** Compliance of 95.5 % then 95.8 %: on an axis cut to those values the change of 0.3 points drew as a climb. */
    @Test
    void complianceIsDrawnOnTheWholeAxisFromZeroToAHundredPercent() {
        CategoryPlot plot = named(trend(List.of()), "Pediatric protocol compliance").panels().get(0).chart().getCategoryPlot();
        ValueAxis y = plot.getRangeAxis();
        assertEquals(0.0, y.getLowerBound(), "lower bound");
        assertTrue(y.getUpperBound() >= 1.0 && y.getUpperBound() < 1.1, "upper bound " + y.getUpperBound());
        assertTrue(y.getLabel().contains("%"), "the axis names its unit: " + y.getLabel());
    }

    @Test
    void aRepeatRateOfAFewPercentIsDrawnFromZeroUpToALittleAboveItsHighestMonth() {
        ValueAxis y = named(trend(List.of()), "Repeat rate").panels().get(0).chart().getCategoryPlot().getRangeAxis();
        assertEquals(0.0, y.getLowerBound(), "lower bound");
        // 30 of 1100 CT studies: 2.7 %
        assertTrue(y.getUpperBound() > 30.0 / 1100 && y.getUpperBound() < 0.05, "upper bound " + y.getUpperBound());
    }

    @Test
    void aRetakeRateIsDrawnFromZeroAndADeviationIndexStillBelowIt() {
        List<XrayStationMonth> stations = List.of(
                new XrayStationMonth(SEP, "General", "DX1", 1000, 9, 1000, -0.4, 10, 30),
                new XrayStationMonth(OCT, "General", "DX1", 1000, 12, 1000, -0.2, 12, 25));
        Trend base = trend(List.of());
        Trend t = new Trend(base.from(), base.to(), base.by(), base.store(), base.months(), base.findings(), base.medians(), base.steps(),
                base.stepRule(), base.runs(), new XrayTrend(stations, List.of(), List.of(), 0), List.of(), Map.of());
        List<TrendCharts.Multiples> xray = TrendCharts.xray(t);
        ValueAxis retakes = xray.stream().filter(m -> m.title().startsWith("Retake rate")).findFirst().orElseThrow()
                .panels().get(0).chart().getCategoryPlot().getRangeAxis();
        assertEquals(0.0, retakes.getLowerBound(), "retake rate: lower bound");
        ValueAxis deviation = xray.stream().filter(m -> m.title().startsWith("Median deviation index")).findFirst().orElseThrow()
                .panels().get(0).chart().getCategoryPlot().getRangeAxis();
        assertTrue(deviation.getLowerBound() < -0.4, "deviation index: lower bound " + deviation.getLowerBound());
    }

    @Test
    void aFacilityWithEightDoseLinesGetsSixTheDrlLineAndHollowPointsForSmallSamples() {
        List<DoseMedian> medians = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            for (YearMonth m : List.of(SEP, OCT)) {
                boolean sufficient = !(i == 0 && m.equals(SEP));
                medians.add(new DoseMedian(m, "General", "US", "CT HEAD", "band " + i, i, "CTDIvol", 20, 100 - i, 10 + i * 0.1, 20.0,
                        sufficient));
            }
        }
        TrendCharts.Panel p = named(trend(medians), "Median dose").panels().get(0);
        CategoryPlot plot = p.chart().getCategoryPlot();
        assertEquals(TrendCharts.MAX_LINES, plot.getDataset().getRowCount());
        assertTrue(p.note().startsWith("Drawn: 6 of the 8 lines"), p.note());
        assertEquals(1, plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size(), "the DRL line");
        assertTrue(plot.getRangeAxis().getUpperBound() >= 1.0, "the DRL at 1 is inside the axis even with every median at half of it");
        LineAndShapeRenderer r = (LineAndShapeRenderer) plot.getRenderer();
        int band0 = plot.getDataset().getRowIndex("CT HEAD band 0 CTDIvol");
        assertEquals(Color.WHITE, r.getItemFillPaint(band0, plot.getDataset().getColumnIndex("2026-09")));
        assertNotEquals(Color.WHITE, r.getItemFillPaint(band0, plot.getDataset().getColumnIndex("2026-10")));
    }

    @Test
    void aLineAboveItsDrlIsDrawnBeforeBusierLinesAndASmallSampleAboveItIsNot() {
        List<DoseMedian> medians = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            for (YearMonth m : List.of(SEP, OCT)) {
                // Bands 6 and 7 have the fewest studies; 7 is above its DRL (1.7x) in October, 6 only on too few studies.
                double ratio = i == 7 && m.equals(OCT) ? 1.7 : i == 6 ? 1.9 : 0.6;
                medians.add(new DoseMedian(m, "General", "US", "CT HEAD", "band " + i, i, "CTDIvol", 20, 100 - 10 * i, ratio * 20, 20.0,
                        i != 6));
            }
        }
        List<String> lines = TrendCharts.medianLines(medians);
        assertEquals(TrendCharts.MAX_LINES, lines.size());
        assertEquals("CT HEAD band 7 CTDIvol", lines.get(0), "the one above the DRL first: " + lines);
        assertTrue(!lines.contains("CT HEAD band 6 CTDIvol"), "a small sample's ratio is no judgement: " + lines);
        assertEquals(List.of("CT HEAD band 0 CTDIvol", "CT HEAD band 1 CTDIvol"), lines.subList(1, 3), "then by studies");
        TrendCharts.Panel p = named(trend(medians), "Median dose").panels().get(0);
        assertTrue(p.note().startsWith("Drawn: 6 of the 8 lines, those above their DRL on a sufficient sample first"), p.note());
        assertTrue(p.chart().getCategoryPlot().getDataset().getRowKeys().contains("CT HEAD band 7 CTDIvol"));
    }

    @Test
    void theDrlIsTheReportsDashedDarkRedLineAndTheLinesTakeThePalettesColours() {
        List<DoseMedian> medians = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            for (YearMonth m : List.of(SEP, OCT)) {
                medians.add(new DoseMedian(m, "General", "US", "CT HEAD", "band " + i, i, "CTDIvol", 20, 100 - i, 10 + i, 20.0, true));
            }
        }
        CategoryPlot plot = named(trend(medians), "Median dose").panels().get(0).chart().getCategoryPlot();
        ValueMarker drl = (ValueMarker) plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).iterator().next();
        assertEquals(new Color(Palette.DRL), drl.getPaint());
        assertTrue(((BasicStroke) drl.getStroke()).getDashArray() != null, "dashed");
        LineAndShapeRenderer r = (LineAndShapeRenderer) plot.getRenderer();
        for (int i = 0; i < plot.getDataset().getRowCount(); i++) assertEquals(new Color(Palette.series(i)), r.getSeriesPaint(i));
    }
}
