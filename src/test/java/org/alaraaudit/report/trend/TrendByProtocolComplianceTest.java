package org.alaraaudit.report.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alaraaudit.history.trend.Grouping;
import org.alaraaudit.history.trend.MonthFigures;
import org.alaraaudit.history.trend.StepRule;
import org.alaraaudit.history.trend.Trend;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per protocol, pediatric protocol compliance is 100 % for a pediatric protocol and 0 % for an adult one, by
 * definition: a chart of it per protocol says nothing and filled pages.
 */
class TrendByProtocolComplianceTest {
    private static final YearMonth FIRST = YearMonth.of(2026, 5);

    @TempDir
    Path dir;

    private static Trend byProtocol() {
        List<MonthFigures> months = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            YearMonth m = FIRST.plusMonths(i);
            months.add(new MonthFigures(m, "General / CT HEAD PED", 300, 300, 300, 300, 0, 6, Map.of()));
            months.add(new MonthFigures(m, "General / CT HEAD ADULT", 40, 20, 40, 20, 20, 1, Map.of()));
            months.add(new MonthFigures(m, "General / CT CHEST PED", 200, 200, 200, 200, 0, 3, Map.of()));
        }
        return new Trend(FIRST, FIRST.plusMonths(5), Grouping.PROTOCOL, "store", months, List.of(), List.of(), List.of(),
                new StepRule(0.2, "test", 10), List.of());
    }

    @Test
    void aTrendByProtocolDrawsNoComplianceChartAndSaysWhyWhereTheyWouldHaveBeen() throws Exception {
        Trend t = byProtocol();
        TrendCharts.Multiples compliance = TrendCharts.all(t).stream()
                .filter(m -> m.title().equals(TrendCharts.COMPLIANCE_TITLE)).findFirst().orElseThrow();
        assertEquals(0, compliance.panels().size(), "no chart per protocol");

        Path file = dir.resolve("trend.pdf");
        TrendPdf.write(t, Instant.EPOCH, file);
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            int title = text.indexOf(TrendCharts.COMPLIANCE_TITLE);
            assertTrue(title >= 0, "the charts' place is named");
            assertTrue(text.startsWith(TrendCharts.COMPLIANCE_BY_PROTOCOL, title + TrendCharts.COMPLIANCE_TITLE.length() + 1),
                    "the sentence stands where the charts would have been: " + text.substring(title, Math.min(text.length(), title + 400)));
            assertFalse(text.contains(AxisScale.SHARE.words()), "no caption of compliance charts");
            assertTrue(text.contains("Repeat rate: % of CT studies repeated"), "the other charts stay");
        }
    }

    @Test
    void aTrendByFacilityStillDrawsItsComplianceCharts() {
        Trend t = TrendChartMonthsTest.months(6, List.of());
        TrendCharts.Multiples compliance = TrendCharts.all(t).stream()
                .filter(m -> m.title().equals(TrendCharts.COMPLIANCE_TITLE)).findFirst().orElseThrow();
        assertEquals(1, compliance.panels().size());
    }
}
