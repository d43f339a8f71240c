package org.alaraaudit.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.aggregate.ProjectionFigures;
import org.alaraaudit.history.SampleMonthsContract.Run;
import org.alaraaudit.history.trend.Grouping;
import org.alaraaudit.history.trend.StepRule;
import org.alaraaudit.history.trend.Trend;
import org.alaraaudit.history.trend.TrendQuery;
import org.alaraaudit.history.trend.XrayStationMonth;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trend's X-ray and fluoroscopy figures over the three sample months, each audited on its own into one H2
 * store: the retake rates and skin follow-up counts of every month are the single-month audits' own, in the trend
 * query, the PDF (read back with PDFBox) and the workbook (read back with POI).
 */
class XrayTrendReportTest {
    private static final List<YearMonth> MONTHS = List.of(YearMonth.of(2026, 8), YearMonth.of(2026, 9), YearMonth.of(2026, 10));

    @TempDir
    static Path dir;
    static String url;
    static final Map<YearMonth, AuditResult> audits = new LinkedHashMap<>();
    static Path out;

    @BeforeAll
    static void auditTheThreeSampleMonthsOneByOneAndMakeTheTrend() {
        url = "jdbc:h2:file:" + dir.resolve("store").resolve("history");
        StoreRuns store = new StoreRuns(url);
        for (YearMonth m : MONTHS) audits.put(m, store.audit(AuditPeriod.month(m), Path.of("sample-data", "scan-log-" + m + ".csv")));
        out = dir.resolve("trend");
        Run r = SampleMonthsContract.cli("trend", "--history", url, "--out", out.toString());
        assertEquals(0, r.code(), r.err());
    }

    private static Trend trend() {
        return new TrendQuery(new StoreRuns(url).store).load(null, null, Grouping.FACILITY, new StepRule(0.2, "test", 10));
    }

    /** A month's audit: per "facility / station", its radiographs with a body part and their retakes. */
    private static Map<String, long[]> retakes(AuditResult r) {
        Map<String, long[]> out = new TreeMap<>();
        for (ProjectionFigures.RetakeRate rate : r.projection().retakes()) {
            long[] n = out.computeIfAbsent(rate.facility() + " / " + rate.station(), k -> new long[2]);
            n[0] += rate.exposures();
            n[1] += rate.retakes();
        }
        return out;
    }

    private static long skinFollowUp(AuditResult r) {
        return AuditFixture.findings(r, "FLUORO_SUBSTANTIAL_DOSE").size();
    }

    private static long fluoroscopyProcedures(AuditResult r) {
        return r.figures().studiesByModality().getOrDefault("RF", 0L) + r.figures().studiesByModality().getOrDefault("XA", 0L);
    }

    @Test
    void everyMonthsRetakeRatesAndSkinFollowUpAreThoseOfItsOwnAudit() {
        Trend t = trend();
        long retakes = 0;
        long skin = 0;
        for (YearMonth m : MONTHS) {
            AuditResult audit = audits.get(m);
            Map<String, long[]> stored = new TreeMap<>();
            for (XrayStationMonth s : t.xray().stations()) {
                if (s.month().equals(m) && s.radiographs() > 0) stored.put(s.series(), new long[]{s.radiographs(), s.retakes()});
            }
            Map<String, long[]> expected = retakes(audit);
            assertEquals(expected.keySet(), stored.keySet(), m.toString());
            for (String station : expected.keySet()) {
                assertEquals(List.of(expected.get(station)[0], expected.get(station)[1]),
                        List.of(stored.get(station)[0], stored.get(station)[1]), m + " " + station);
                retakes += expected.get(station)[1];
            }
            assertEquals(skinFollowUp(audit), t.xray().skinFollowUpByMonth().getOrDefault(m, 0L), m.toString());
            skin += skinFollowUp(audit);
            assertEquals(fluoroscopyProcedures(audit), t.xray().fluoroscopy().stream().filter(f -> f.month().equals(m))
                    .mapToLong(f -> f.procedures()).sum(), m.toString());
            for (ProjectionFigures.DeviationSpread d : audit.projection().deviationIndex()) {
                XrayStationMonth s = t.xray().stations().stream().filter(x -> x.month().equals(m)
                        && x.series().equals(d.facility() + " / " + d.station())).findFirst().orElseThrow();
                assertEquals(d.median(), s.deviationIndexMedian(), m + " " + s.series());
                assertEquals(List.of((long) d.count(), (long) d.above(), (long) d.below()),
                        List.of(s.deviationIndexCount(), s.aboveOverexposure(), s.belowUnderexposure()));
            }
        }
        assertTrue(retakes > 0, "the sample months have retakes");
        assertTrue(skin > 0, "the sample months have procedures for skin follow-up");
        assertEquals(0, t.xray().runsOverSeveralMonths());
        assertFalse(t.xray().typicalValuesOverMonths().isEmpty(), "exams done in more than one month");
    }

    private static String pdfText() throws IOException {
        try (PDDocument doc = Loader.loadPDF(out.resolve("trend-2026-08_2026-10.pdf").toFile())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void thePdfsXraySectionShowsEachStationsRetakeRateAndTheSkinFollowUpOfEveryMonth() throws IOException {
        String text = pdfText();
        int section = text.indexOf("X-ray and fluoroscopy");
        assertTrue(section > 0, "an X-ray and fluoroscopy section");
        String xray = text.substring(section);
        Map<String, List<String>> rows = new TreeMap<>();
        for (YearMonth m : MONTHS) {
            retakes(audits.get(m)).forEach((station, n) -> rows.computeIfAbsent(station, k -> new ArrayList<>())
                    .add(String.format(Locale.ROOT, "%.1f %% of %d", 100.0 * n[1] / n[0], n[0])));
        }
        for (Map.Entry<String, List<String>> row : rows.entrySet()) {
            if (row.getValue().size() != MONTHS.size()) continue;
            String line = row.getKey() + " " + String.join(" ", row.getValue());
            assertTrue(xray.contains(line), line + " in " + xray);
        }
        StringBuilder skin = new StringBuilder("All facilities");
        for (YearMonth m : MONTHS) skin.append(' ').append(skinFollowUp(audits.get(m))).append(" / ").append(fluoroscopyProcedures(audits.get(m)));
        assertTrue(xray.contains(skin), skin + " in " + xray);
        assertTrue(xray.contains("Retake rate per station"), "the retake chart's title");
        assertTrue(xray.contains("Median deviation index per station"));
        assertTrue(xray.contains("Skin follow-up per month"));
        assertTrue(xray.contains("median DAP, n"), "the typical values over the months");
    }

    @Test
    void theWorkbooksXrayTrendSheetHoldsTheSameRetakeRatesAndSkinFollowUp() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out.resolve("trend-2026-08_2026-10.xlsx")))) {
            Sheet s = wb.getSheet("X-ray trend");
            assertNotNull(s);
            int head = find(s, "Retake rate (% of radiographs with a body part)");
            for (int c = 0; c < MONTHS.size(); c++) assertEquals(MONTHS.get(c).toString(), s.getRow(head).getCell(c + 1).getStringCellValue());
            int checked = 0;
            for (int i = head + 1; s.getRow(i) != null; i++) {
                Row row = s.getRow(i);
                String station = row.getCell(0).getStringCellValue();
                for (int c = 0; c < MONTHS.size(); c++) {
                    long[] n = retakes(audits.get(MONTHS.get(c))).get(station);
                    if (n == null) {
                        assertNull(row.getCell(c + 1), station);
                        continue;
                    }
                    assertEquals((double) n[1] / n[0], row.getCell(c + 1).getNumericCellValue(), 1e-12, station + " " + MONTHS.get(c));
                    checked++;
                }
            }
            assertTrue(checked >= MONTHS.size(), "rates checked: " + checked);
            int skin = find(s, "Skin follow-up (procedures past the substantial radiation dose level)");
            int all = skin + 1;
            while (!"All facilities".equals(s.getRow(all).getCell(0).getStringCellValue())) all++;
            for (int c = 0; c < MONTHS.size(); c++) {
                assertEquals((double) skinFollowUp(audits.get(MONTHS.get(c))), s.getRow(all).getCell(c + 1).getNumericCellValue(),
                        MONTHS.get(c).toString());
            }
            assertNotNull(wb.getSheet("X-ray typical values"));
            assertTrue(wb.getSheet("X-ray typical values").getLastRowNum() > 0);
            List<String> titles = new ArrayList<>();
            for (var chart : wb.getSheet("Charts").getDrawingPatriarch().getCharts()) {
                titles.add(chart.getTitleText() == null ? "" : chart.getTitleText().getString());
            }
            assertTrue(titles.stream().anyMatch(x -> x.startsWith("Retake rate")), titles.toString());
            assertTrue(titles.stream().anyMatch(x -> x.startsWith("Skin follow-up")), titles.toString());
        }
    }

    private static int find(Sheet s, String label) {
        for (Row row : s) {
            if (row.getCell(0) != null && label.equals(row.getCell(0).getStringCellValue())) return row.getRowNum();
        }
        throw new AssertionError("no block " + label);
    }

    @Test
    void aStoreOfCtAuditsOnlyGetsNoXraySectionOrSheet(@TempDir Path ct) throws IOException {
        String ctUrl = "jdbc:h2:file:" + ct.resolve("store").resolve("history");
        Path log = new AuditFixture().row("patient_id", "P1", "accession_number", "A1", "study_datetime", "2026-10-03T09:00:00")
                .write(ct, "oct.csv");
        new StoreRuns(ctUrl).audit(AuditPeriod.month(YearMonth.of(2026, 10)), log);
        Path ctOut = ct.resolve("trend");
        Run r = SampleMonthsContract.cli("trend", "--history", ctUrl, "--out", ctOut.toString());
        assertEquals(0, r.code(), r.err());
        try (PDDocument doc = Loader.loadPDF(ctOut.resolve("trend-2026-10_2026-10.pdf").toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Dose trend 2026-10 to 2026-10"), text);
            assertFalse(text.contains("X-ray and fluoroscopy"), text);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(ctOut.resolve("trend-2026-10_2026-10.xlsx")))) {
            assertNull(wb.getSheet("X-ray trend"));
            assertNull(wb.getSheet("X-ray typical values"));
        }
    }
}
