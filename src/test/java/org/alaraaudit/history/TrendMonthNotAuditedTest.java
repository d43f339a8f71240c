package org.alaraaudit.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.history.SampleMonthsContract.Run;
import org.alaraaudit.history.trend.Grouping;
import org.alaraaudit.history.trend.StepRule;
import org.alaraaudit.history.trend.Trend;
import org.alaraaudit.history.trend.TrendQuery;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * August and October audited, September never: the trend leaves September out and says so, instead of showing a
 * month without patients and a jump of a thousand studies into October.
 */
class TrendMonthNotAuditedTest {
    private static final YearMonth AUGUST = YearMonth.of(2026, 8);
    private static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @TempDir
    Path dir;

    @Test
    void aFacilityMissingFromOneMonthsRunHasNoFigureThatMonthAndIsNamedInsteadOfShownAsZero() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("partly").resolve("history");
        StoreRuns store = new StoreRuns(url);
        // September's export came from County General only: St Elsewhere's rows are not in it.
        Path september = dir.resolve("scan-log-2026-09-county.csv");
        List<String> lines = Files.readAllLines(Path.of("sample-data", "scan-log-2026-09.csv"));
        List<String> county = new java.util.ArrayList<>(List.of(lines.get(0)));
        for (String l : lines.subList(1, lines.size())) if (!l.contains(",St Elsewhere Children's,")) county.add(l);
        assertTrue(county.size() < lines.size() - 1000);
        Files.write(september, county);
        store.audit(AuditPeriod.month(AUGUST), Path.of("sample-data", "scan-log-2026-08.csv"));
        store.audit(AuditPeriod.month(SEPTEMBER), september);
        store.audit(AuditPeriod.month(OCTOBER), Path.of("sample-data", "scan-log-2026-10.csv"));

        for (Grouping by : List.of(Grouping.FACILITY, Grouping.STATION)) {
            Trend t = new TrendQuery(store.store).load(null, null, by, new StepRule(0.2, "test", 10));
            assertEquals(List.of(AUGUST, SEPTEMBER, OCTOBER), t.monthList(), by.name());
            assertTrue(t.months().stream().noneMatch(m -> m.month().equals(SEPTEMBER) && m.group().startsWith("St Elsewhere")),
                    by + ": no zeros for St Elsewhere in September");
            assertTrue(t.months().stream().anyMatch(m -> m.month().equals(SEPTEMBER) && m.group().startsWith("County General")
                    && m.studies() > 0), by.name());
            assertTrue(t.months().stream().anyMatch(m -> m.month().equals(OCTOBER) && m.group().startsWith("St Elsewhere")), by.name());
            assertTrue(t.findings().stream().noneMatch(f -> f.month().equals(SEPTEMBER) && f.group().startsWith("St Elsewhere")), by.name());
            assertEquals("2026-09 was not audited for St Elsewhere Children's: its series have no figure that month, and its All"
                    + " facilities figures are the other facilities' alone.", t.notAuditedText(), by.name());
        }
    }

    @Test
    void aMonthNoRunCoversIsLeftOutOfEveryTableAndChartAndNamedInEachReport() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("store").resolve("history");
        StoreRuns store = new StoreRuns(url);
        store.audit(AuditPeriod.month(AUGUST), Path.of("sample-data", "scan-log-2026-08.csv"));
        store.audit(AuditPeriod.month(OCTOBER), Path.of("sample-data", "scan-log-2026-10.csv"));

        Trend t = new TrendQuery(store.store).load(null, null, Grouping.FACILITY, new StepRule(0.2, "test", 10));
        assertEquals(List.of(SEPTEMBER), t.notAudited());
        assertEquals(List.of(AUGUST, OCTOBER), t.monthList());
        assertTrue(t.months().stream().noneMatch(m -> m.month().equals(SEPTEMBER)), "no row of zeros for September");
        assertTrue(t.findings().stream().noneMatch(m -> m.month().equals(SEPTEMBER)));
        assertTrue(t.months().stream().filter(m -> m.month().equals(AUGUST)).allMatch(m -> m.studies() > 0));

        Path out = dir.resolve("trend");
        Run r = SampleMonthsContract.cli("trend", "--history", url, "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String said = "2026-09 was not audited (no stored run covers it): left out of the tables, a gap in the charts, and no change"
                + " is shown against it.";
        try (PDDocument doc = Loader.loadPDF(out.resolve("trend-2026-08_2026-10.pdf").toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains(said), text.substring(0, 600));
            assertFalse(text.contains("2026-09 0"), "no September row");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(out.resolve("trend-2026-08_2026-10.xlsx").toFile())) {
            var about = wb.getSheet("About");
            boolean found = false;
            for (var row : about) if (row.getCell(1) != null && said.equals(row.getCell(1).getStringCellValue())) found = true;
            assertTrue(found, "the About sheet names the month");
            var months = wb.getSheet("Trend");
            boolean september = false;
            for (var row : months) for (var cell : row) if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                    && cell.getStringCellValue().equals("2026-09")) september = true;
            assertFalse(september, "no September column on the Trend sheet");
        }
        String html = Files.readString(out.resolve("trend-2026-08_2026-10.html"));
        assertTrue(html.contains("\"notAudited\":\"2026-09 was not audited"), "the dashboard's data name the month");
        assertTrue(html.contains("\"months\":[\"2026-08\",\"2026-10\"]"), "the headline compares October with August");
    }
}
