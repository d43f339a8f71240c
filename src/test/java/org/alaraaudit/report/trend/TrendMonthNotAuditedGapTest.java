package org.alaraaudit.report.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alaraaudit.history.trend.Trend;
import org.alaraaudit.report.html.TrendDashboard;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTLineSer;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTNumVal;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * April 2026 not audited between eleven audited months: every chart keeps April at its place with no value, so its
 * lines break there instead of joining March to May as if they were neighbours.
 */
class TrendMonthNotAuditedGapTest {
    private static final YearMonth APRIL = YearMonth.of(2026, 4);
    private static final Trend TREND = TrendChartMonthsTest.months(12, List.of(APRIL));

    @TempDir
    Path dir;

    @Test
    void everyPdfChartHasTheMonthNotAuditedAtItsPlaceWithNoValue() {
        for (TrendCharts.Multiples m : TrendCharts.all(TREND)) {
            for (TrendCharts.Panel p : m.panels()) {
                CategoryDataset data = p.chart().getCategoryPlot().getDataset();
                assertEquals(12, data.getColumnCount(), m.title());
                assertEquals("2026-04", data.getColumnKey(5), m.title());
                for (int row = 0; row < data.getRowCount(); row++) {
                    assertNull(data.getValue(row, 5), m.title() + ", " + data.getRowKey(row));
                    assertTrue(data.getValue(row, 4) != null && data.getValue(row, 6) != null, "March and May have values");
                }
            }
        }
    }

    @Test
    void everyWorkbookChartHasTheMonthNotAuditedAsACategoryWithoutAPoint() throws Exception {
        Path file = dir.resolve("trend.xlsx");
        TrendWorkbook.write(TREND, Instant.EPOCH, file);
        try (XSSFWorkbook wb = new XSSFWorkbook(file.toFile())) {
            List<XSSFChart> charts = wb.getSheet("Charts").getDrawingPatriarch().getCharts();
            assertFalse(charts.isEmpty());
            for (XSSFChart chart : charts) {
                assertEquals("gap", chart.getCTChart().getDispBlanksAs().getVal().toString(), "a blank is drawn as a gap, not as 0");
                for (CTLineSer s : chart.getCTChart().getPlotArea().getLineChartArray(0).getSerList()) {
                    var cats = s.getCat().isSetStrLit() ? s.getCat().getStrLit().getPtList()
                            : s.getCat().getStrRef().getStrCache().getPtList();
                    assertEquals(12, cats.size(), "every month of the range is a category");
                    assertEquals("2026-04", cats.get(5).getV());
                    // Points are kept by index: a month without one is a blank.
                    var points = s.getVal().isSetNumLit() ? s.getVal().getNumLit() : s.getVal().getNumRef().getNumCache();
                    assertEquals(12, points.getPtCount().getVal());
                    List<Long> at = points.getPtList().stream().map(CTNumVal::getIdx).toList();
                    assertFalse(at.contains(5L), "no point in April: " + at);
                    assertTrue(at.contains(4L) && at.contains(6L), "March and May have points: " + at);
                }
            }
        }
    }

    @Test
    void theDashboardDrawsItsLinesOverEveryMonthWithNoFigureForTheMonthNotAudited() throws Exception {
        Path file = dir.resolve("trend.html");
        TrendDashboard.write(TREND, Instant.EPOCH, file);
        String html = Files.readString(file);
        Matcher months = Pattern.compile("\"chartMonths\":\\[([^]]*)]").matcher(html);
        assertTrue(months.find(), "the dashboard's data give the charts' months");
        assertTrue(months.group(1).contains("\"2026-03\",\"2026-04\",\"2026-05\""), months.group(1));
        assertFalse(html.contains("\"month\":\"2026-04\""), "no figure for April: its point is null, a gap");
        assertTrue(html.contains("data: DATA.chartMonths.map"), "the lines are drawn over every month of the range");
    }
}
