package org.alaraaudit.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.cli.Main;
import org.alaraaudit.history.trend.Grouping;
import org.alaraaudit.history.trend.MonthFigures;
import org.alaraaudit.history.trend.Trend;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The acceptance test on the three sample months: auditing them one month at a time (each run seeing
 * the earlier months only through the store) and then running {@code trend} gives the same per-month figures as
 * auditing them together. The audits run in-process with the rules compiled once; {@code trend} runs as a user
 * runs it.
 */
abstract class SampleMonthsContract {
    private static final Path SAMPLE = Path.of("sample-data");

    @TempDir
    Path dir;

    abstract String newStore(Path dir, String name);

    record Run(int code, String out, String err) {}

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * A registry-sized run spills its studies, findings and rows to disk; the store must end up the same as when
     * everything fits in memory, look-backs across the months included.
     */
    @Test
    void aRunThatSpillsToDiskStoresWhatAnInMemoryRunStores() {
        StoreRuns inMemory = new StoreRuns(newStore(dir, "in-memory"));
        StoreRuns spilled = new StoreRuns(newStore(dir, "spilled"), 400);
        for (String m : new String[]{"2026-08", "2026-09", "2026-10"}) {
            AuditPeriod month = AuditPeriod.month(YearMonth.parse(m));
            org.alaraaudit.audit.AuditResult a = inMemory.audit(month, SAMPLE.resolve("scan-log-" + m + ".csv"));
            org.alaraaudit.audit.AuditResult b = spilled.audit(month, SAMPLE.resolve("scan-log-" + m + ".csv"));
            assertEquals(a.findings().stream().toList(), b.findings().stream().toList(), m);
        }
        assertTrue(inMemory.count("SELECT COUNT(*) FROM study") > 5_000, "well past the limit of 400");
        assertEquals(inMemory.snapshot(), spilled.snapshot());
        assertEquals(inMemory.count("SELECT COUNT(*) FROM run_finding"), spilled.count("SELECT COUNT(*) FROM run_finding"));
    }

    /** Each month's retakes per station, deviation index and skin follow-up list as the store gives them back (V3). */
    private static void assertXrayFiguresAreEachMonthsOwn(Trend t, java.util.Map<YearMonth, org.alaraaudit.audit.AuditResult> audits) {
        long retakes = 0;
        for (var e : audits.entrySet()) {
            var p = e.getValue().projection();
            java.util.Map<String, java.util.List<Long>> expected = new java.util.TreeMap<>();
            for (var r : p.retakes()) {
                expected.merge(r.facility() + " / " + r.station(), java.util.List.of((long) r.exposures(), (long) r.retakes()),
                        (a, b) -> java.util.List.of(a.get(0) + b.get(0), a.get(1) + b.get(1)));
                retakes += r.retakes();
            }
            java.util.Map<String, java.util.List<Long>> stored = new java.util.TreeMap<>();
            for (var s : t.xray().stations()) {
                if (s.month().equals(e.getKey()) && s.radiographs() > 0) stored.put(s.series(), java.util.List.of(s.radiographs(), s.retakes()));
            }
            assertEquals(expected, stored, e.getKey().toString());
            for (var d : p.deviationIndex()) {
                assertTrue(t.xray().stations().stream().anyMatch(s -> s.month().equals(e.getKey()) && s.facility().equals(d.facility())
                        && s.station().equals(d.station()) && s.deviationIndexMedian() == d.median() && s.deviationIndexCount() == d.count()),
                        e.getKey() + " " + d);
            }
            long skin = e.getValue().findings().stream().filter(f -> "FLUORO_SUBSTANTIAL_DOSE".equals(f.ruleId())).count();
            assertEquals(skin, t.xray().skinFollowUpByMonth().getOrDefault(e.getKey(), 0L), e.getKey().toString());
            assertEquals(p.typicalValues().size(), t.xray().typicalValues().stream().filter(v -> v.month().equals(e.getKey())).count());
        }
        assertTrue(retakes > 0, "the sample months have retakes");
    }

    @Test
    void monthByMonthGivesTheSameTrendAsTheThreeMonthsTogether() throws Exception {
        String monthly = newStore(dir, "monthly");
        StoreRuns byMonth = new StoreRuns(monthly);
        java.util.Map<YearMonth, org.alaraaudit.audit.AuditResult> audits = new java.util.LinkedHashMap<>();
        for (String m : new String[]{"2026-08", "2026-09", "2026-10"}) {
            audits.put(YearMonth.parse(m), byMonth.audit(AuditPeriod.month(YearMonth.parse(m)), SAMPLE.resolve("scan-log-" + m + ".csv")));
        }
        String together = newStore(dir, "together");
        new StoreRuns(together).audit(new AuditPeriod(LocalDate.of(2026, 8, 1), LocalDate.of(2026, 10, 31)),
                SAMPLE.resolve("scan-log-2026-08.csv"), SAMPLE.resolve("scan-log-2026-09.csv"), SAMPLE.resolve("scan-log-2026-10.csv"));

        for (Grouping by : Grouping.values()) {
            Trend a = new StoreRuns(monthly).trend(by);
            Trend b = new StoreRuns(together).trend(by);
            assertEquals(b.months(), a.months(), by.name());
            assertEquals(b.medians(), a.medians(), by.name());
            assertEquals(b.steps(), a.steps(), by.name());
        }
        Trend t = new StoreRuns(monthly).trend(Grouping.ALL);
        assertEquals(3, t.months().size());
        assertXrayFiguresAreEachMonthsOwn(t, audits);
        Trend quarter = new StoreRuns(together).trend(Grouping.ALL);
        assertTrue(quarter.xray().isEmpty(), "a run over three months has no month's X-ray figures");
        assertEquals(1, quarter.xray().runsOverSeveralMonths());
        long trendStudies = t.months().stream().mapToLong(MonthFigures::studies).sum();
        assertEquals(new StoreRuns(together).count("SELECT SUM(studies) FROM audit_run"), trendStudies,
                "the trend's months add up to the run of the three months together");
        assertEquals(new StoreRuns(monthly).count("SELECT SUM(studies) FROM audit_run"), trendStudies);
        assertTrue(t.months().stream().allMatch(m -> m.repeatRate() != null && m.pediatricProtocolCompliance() != null));

        Path out = dir.resolve("trend");
        Run r = cli("trend", "--from", "2026-08", "--to", "2026-10", "--history", monthly, "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Trend 2026-08 to 2026-10"), r.out());
        Path pdf = out.resolve("trend-2026-08_2026-10.pdf");
        Path xlsx = out.resolve("trend-2026-08_2026-10.xlsx");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Dose trend 2026-08 to 2026-10"), text);
            assertTrue(text.contains(String.valueOf(t.months().get(2).studies())), "October's study count is in the report");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            // The Trend sheet's "Studies" block: a row per facility, the months as columns.
            org.apache.poi.ss.usermodel.Sheet s = wb.getSheet("Trend");
            int head = 0;
            while (s.getRow(head) == null || s.getRow(head).getCell(0) == null
                    || !"Studies".equals(s.getRow(head).getCell(0).getStringCellValue())) head++;
            assertEquals("2026-08", s.getRow(head).getCell(1).getStringCellValue());
            double august = 0;
            Double all = null;
            for (int i = head + 1; s.getRow(i) != null; i++) {
                double n = s.getRow(i).getCell(1).getNumericCellValue();
                if (Trend.ALL_FACILITIES.equals(s.getRow(i).getCell(0).getStringCellValue())) all = n;
                else august += n;
            }
            assertEquals((double) t.months().get(0).studies(), august);
            assertEquals(august, all, "the All facilities row is the facilities' sum");
        }
        Run byStation = cli("trend", "--by", "station", "--history", monthly, "--out", out.toString());
        assertEquals(0, byStation.code(), byStation.err());
    }
}
