package org.alaraaudit.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.aggregate.DrlGroup;
import org.alaraaudit.history.SampleMonthsContract.Run;
import org.alaraaudit.history.trend.DoseMedian;
import org.alaraaudit.history.trend.Grouping;
import org.alaraaudit.history.trend.MonthFindings;
import org.alaraaudit.history.trend.StepRule;
import org.alaraaudit.history.trend.Trend;
import org.alaraaudit.history.trend.TrendQuery;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Severity;
import org.alaraaudit.report.trend.TrendText;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trend report a department head reads: two sample months audited into an H2 store, then the trend as the
 * command line makes it, read back from the PDF (PDFBox) and the workbook (POI).
 */
class TrendReportTest {
    private static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @TempDir
    static Path dir;
    static String url;
    static AuditResult october;
    static Path byFacility;
    static Path byStation;

    @BeforeAll
    static void auditTwoSampleMonthsAndMakeTheTrend() {
        url = "jdbc:h2:file:" + dir.resolve("store").resolve("history");
        StoreRuns store = new StoreRuns(url);
        store.audit(AuditPeriod.month(SEPTEMBER), Path.of("sample-data", "scan-log-2026-09.csv"));
        october = store.audit(AuditPeriod.month(OCTOBER), Path.of("sample-data", "scan-log-2026-10.csv"));
        byFacility = dir.resolve("facility");
        byStation = dir.resolve("station");
        Run f = SampleMonthsContract.cli("trend", "--history", url, "--out", byFacility.toString());
        assertEquals(0, f.code(), f.err());
        Run s = SampleMonthsContract.cli("trend", "--history", url, "--by", "station", "--out", byStation.toString());
        assertEquals(0, s.code(), s.err());
    }

    private static Trend trend(Grouping by) {
        return new TrendQuery(new StoreRuns(url).store).load(null, null, by, new StepRule(0.2, "test", 10));
    }

    @Test
    void octobersFindingsPer100StudiesAreTheAuditsOwnFigureForEveryFacilityAndAllTogether() {
        Trend t = trend(Grouping.FACILITY);
        for (Severity sev : Severity.values()) {
            double audit = 100.0 * october.figures().findingsBySeverity().get(sev.name()) / october.figures().studies();
            assertEquals(audit, t.findingsOf(Trend.ALL_FACILITIES, OCTOBER).per100(sev), 1e-9, sev.name());
            for (var e : october.figures().studiesByFacility().entrySet()) {
                long n = october.findings().stream().filter(x -> x.severity() == sev && e.getKey().equals(x.facility())).count();
                assertEquals(100.0 * n / e.getValue(), t.findingsOf(e.getKey(), OCTOBER).per100(sev), 1e-9, e.getKey() + " " + sev);
            }
        }
        assertTrue(october.findings().stream().map(Finding::scope).anyMatch(s -> !StudyFindings.STUDY_SCOPES.contains(s)),
                "the sample month has findings over a DRL group or a patient, which the old trend left out");
    }

    @Test
    void byStationEveryFindingThatNamesAStationCountsForItAsFindingsCsvHasIt() {
        Trend t = trend(Grouping.STATION);
        assertTrue(october.findings().stream().anyMatch(f -> f.accessionNumber() == null && f.stationName() != null),
                "the sample month has findings over a station's protocol");
        for (var m : t.months()) {
            if (!m.month().equals(OCTOBER)) continue;
            for (Severity sev : Severity.values()) {
                long n = october.findings().stream().filter(f -> f.severity() == sev && f.stationName() != null
                        && m.group().equals(f.facility() + " / " + f.stationName())).count();
                assertEquals(100.0 * n / m.studies(), t.findingsOf(m.group(), OCTOBER).per100(sev), 1e-9, m.group() + " " + sev);
            }
        }
    }

    @Test
    void thePerMonthTableGivesEachRateWithTheCountBehindIt() throws IOException {
        long critical = october.figures().findingsBySeverity().get("CRITICAL");
        String all = String.format(java.util.Locale.ROOT, "%.1f (%d)", 100.0 * critical / october.figures().studies(), critical);
        String text = text(byFacility, 1, 99).replaceAll("\\s+", " ");
        assertTrue(text.contains("CRITICAL per 100 studies (n)"), text);
        assertTrue(text.contains(Trend.ALL_FACILITIES + " 2026-10 " + october.figures().studies() + " "), text);
        int row = text.indexOf(Trend.ALL_FACILITIES + " 2026-10 " + october.figures().studies() + " ");
        assertTrue(text.substring(row, row + 120).contains(all), text.substring(row, row + 120) + " should hold " + all);
    }

    @Test
    void theTrendIsPerFacilityByDefaultAndNeverPoolsADrlMedianAcrossFacilities() throws IOException {
        Set<String> facilities = october.figures().studiesByFacility().keySet();
        for (Grouping by : new Grouping[]{Grouping.ALL, Grouping.FACILITY}) {
            List<DoseMedian> medians = trend(by).medians();
            assertFalse(medians.isEmpty());
            assertTrue(medians.stream().allMatch(d -> facilities.contains(d.group())), by.name());
        }
        assertTrue(trend(Grouping.STATION).medians().stream().allMatch(d -> facilities.stream().anyMatch(f -> d.group().startsWith(f + " / "))));
        String text = text(byFacility, 1, 99);
        for (String f : facilities) assertTrue(text.contains(f), f);
        assertFalse(text.contains("All sites together"));
    }

    @Test
    void everyOctoberDrlGroupOfTheAuditIsATrendMedianOfTheSameLabelAndValueContrastIncluded() {
        Trend t = trend(Grouping.FACILITY);
        // The trend follows children's doses: the adult rows of the DRL set are the audit's alone.
        List<DrlGroup> groups = october.drlGroups().stream().filter(g -> g.phantomCm() == g.drlPhantomCm() && g.median() != null
                && !g.band().startsWith("adult")).toList();
        assertTrue(groups.size() > 20, groups.toString());
        assertTrue(groups.stream().anyMatch(g -> g.examType().endsWith(" with contrast")), "the sample month has contrast groups");
        assertTrue(groups.stream().anyMatch(g -> g.examName().endsWith(" without contrast")), "and groups whose DRL is for exams without");
        for (DrlGroup g : groups) {
            List<DoseMedian> same = t.medians().stream().filter(d -> d.month().equals(OCTOBER) && d.group().equals(g.facility())
                    && d.examType().equals(g.examName()) && d.band().equals(g.band()) && d.quantity().equals(g.quantity())).toList();
            assertEquals(1, same.size(), g + " in " + same);
            assertEquals(g.median(), same.get(0).median(), 1e-9, g.toString());
            assertEquals(g.studies(), same.get(0).studies(), g.toString());
        }
    }

    @Test
    void aProtocolSeriesIsOneFacilitysProtocolSoNoCountAddsTwoFacilitiesTogether() {
        Set<String> facilities = october.figures().studiesByFacility().keySet();
        Trend t = trend(Grouping.PROTOCOL);
        assertFalse(t.months().isEmpty());
        assertTrue(t.months().stream().allMatch(m -> facilities.stream().anyMatch(f -> m.group().startsWith(f + " / "))),
                t.groups().toString());
        // A protocol name both facilities use is two series, whose October studies add up to the facilities' own.
        String protocol = t.groups().stream().map(g -> g.substring(g.indexOf(" / ") + 3))
                .filter(p -> facilities.stream().allMatch(f -> t.groups().contains(f + " / " + p))).findFirst().orElseThrow();
        long both = t.months().stream().filter(m -> m.month().equals(OCTOBER) && m.group().endsWith(" / " + protocol))
                .mapToLong(m -> m.studies()).sum();
        long perFacility = 0;
        for (String f : facilities) {
            perFacility += t.months().stream().filter(m -> m.month().equals(OCTOBER) && m.group().equals(f + " / " + protocol))
                    .mapToLong(m -> m.studies()).sum();
        }
        assertEquals(perFacility, both);
        assertTrue(t.months().stream().filter(m -> m.month().equals(OCTOBER) && m.group().endsWith(" / " + protocol)).count() >= 2);
    }

    @Test
    void theTrendPdfIsPdfA1bWithoutStoreUrlNanosecondsOrFileNames() throws IOException {
        for (Path out : List.of(byFacility, byStation)) {
            try (PDDocument doc = Loader.loadPDF(pdf(out).toFile())) {
                String xmp;
                try (InputStream in = doc.getDocumentCatalog().getMetadata().createInputStream()) {
                    xmp = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                assertTrue(xmp.contains("pdfaid:part>1<") || xmp.contains("pdfaid:part=\"1\""), xmp);
                assertTrue(xmp.contains("pdfaid:conformance>B<") || xmp.contains("pdfaid:conformance=\"B\""), xmp);
                assertFalse(doc.getDocumentCatalog().getOutputIntents().isEmpty(), "an sRGB output intent");
                String text = new PDFTextStripper().getText(doc);
                assertFalse(text.toLowerCase().contains("jdbc"), "no store URL");
                assertFalse(text.contains(dir.toString()), "no store path");
                assertFalse(Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d").matcher(text).find(), "no sub-second timestamps");
                assertFalse(text.contains(".csv"), "no file names");
                assertFalse(text.toLowerCase().contains("verify"));
                // Doses and DRLs as the audit report prints them: "DRL 23 mGy", never "23.00 mGy".
                assertFalse(Pattern.compile("\\d\\.\\d*0 mGy").matcher(text).find(), "no trailing zeros: " + text);
                assertTrue(Pattern.compile("\\d mGy").matcher(text).find(), "doses are printed");
                // The DRLs the medians are judged against are named, each with how far it was verified.
                assertTrue(text.replaceAll("\\s+", " ").contains("DRLs as the months' audits judged their groups against them: ")
                        && text.replaceAll("\\s+", " ").contains("Radiology 2022;302(1):164-174 (from a secondary source)"), text);
                // A page that comes loose says what it is part of, as the audit report's do.
                int pages = doc.getNumberOfPages();
                for (int p = 1; p <= pages; p++) {
                    PDFTextStripper one = new PDFTextStripper();
                    one.setStartPage(p);
                    one.setEndPage(p);
                    String page = one.getText(doc);
                    assertTrue(page.contains("Page " + p + " of " + pages), "page " + p + ": " + page);
                    assertTrue(page.contains("DRLs apply to groups of patients"), "the disclaimer on page " + p);
                    if (p > 1) assertTrue(page.contains("Dose trend 2026-09 to 2026-10"), "the running header on page " + p);
                    // No section heading stands alone at the foot of a page, its table on the next: read top to
                    // bottom, the page's last line above the footer is never a heading.
                    String lastLine = lastLineAboveFooter(doc, p);
                    for (String heading : List.of("Steps to look at", "Above the DRL in 2026-10", "Per month",
                            "Medians against the DRL, every series", "Recorded audit runs these months come from", "X-ray and fluoroscopy")) {
                        assertFalse(lastLine.equals(heading), "page " + p + " ends with its heading: " + heading);
                    }
                }
            }
        }
    }

    /**
     * Every series' monthly median is printed with its 95 % interval, so a reader can tell a move from another month's
     * mix of patients: each median of six values or more in the trend has its interval, as "low–high", in the table.
     */
    @Test
    void everySeriesMedianOfSixValuesOrMoreHasItsIntervalInTheTable() throws IOException {
        var medians = trend(Grouping.FACILITY).medians();
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf(byFacility).toFile())) {
            text = new PDFTextStripper().getText(doc);
        }
        // The section itself: page 1 names it too, above the months' highest medians with their intervals.
        int from = text.lastIndexOf("Medians against the DRL, every series");
        String table = text.substring(from, text.indexOf("Recorded audit runs these months come from", from));
        long withInterval = 0;
        for (var d : medians) {
            if (d.interval() == null) continue;
            withInterval++;
            String low = org.alaraaudit.report.SignificantFigures.three(d.interval().low());
            assertTrue(table.contains(low + "\u2013"), "the interval of " + d + " in the every-series table");
        }
        assertTrue(withInterval > 10, "most series have an interval: " + withInterval);
    }

    /** A trend's reader can check that each month's audit lost no row, as the audit's own report shows it. */
    @Test
    void eachRecordedRunGivesItsRowsAsTheAuditAccountedForThemInThePdfAndTheWorkbook() throws IOException {
        var stored = trend(Grouping.FACILITY).runs().stream().filter(r -> r.from().equals(OCTOBER.atDay(1))).findFirst().orElseThrow();
        var rows = stored.rows();
        assertEquals(october.rows().read(), rows.read());
        assertEquals(october.rows().rejected(), rows.rejected());
        assertEquals(october.rowsOutsidePeriod(), rows.outsidePeriod());
        assertTrue(rows.reconciles() && rows.rejected() > 0 && rows.duplicate() > 0 && rows.excluded() > 0, rows.toString());
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf(byFacility).toFile())) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "%,d read = %,d audited (%,d in the period) + %,d rejected + %,d duplicate + %,d excluded",
                rows.read(), rows.audited(), october.rows().audited() - october.rowsOutsidePeriod(), rows.rejected(), rows.duplicate(),
                rows.excluded())), text);
        // the digest as the console gives it, never broken across lines mid-hash
        assertTrue(text.contains(stored.ruleSetDigest().substring(0, 19) + " "), text);
        assertFalse(text.contains(stored.ruleSetDigest()), "the full digest is the workbook's");
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx(byFacility).toFile())) {
            var sheet = wb.getSheet("Runs");
            var header = sheet.getRow(0);
            int read = -1;
            for (int c = 0; c < header.getLastCellNum(); c++) if ("Rows read".equals(header.getCell(c).getStringCellValue())) read = c;
            assertTrue(read > 0, "a Rows read column");
            boolean found = false;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                if (!row.getCell(0).getStringCellValue().equals(OCTOBER.atDay(1).toString())) continue;
                found = true;
                assertEquals(rows.read(), row.getCell(read).getNumericCellValue(), 0);
                assertEquals(rows.audited(), row.getCell(read + 1).getNumericCellValue(), 0);
                assertEquals(rows.outsidePeriod(), row.getCell(read + 5).getNumericCellValue(), 0);
                assertEquals(stored.ruleSetDigest(), row.getCell(6).getStringCellValue());
            }
            assertTrue(found, "October's run on the Runs sheet");
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
    }

    @Test
    void theFirstPageFlagsTheStepsInTheWordsOfItsThreshold() throws IOException {
        Trend t = trend(Grouping.FACILITY);
        String first = text(byFacility, 1, 1);
        assertTrue(first.contains("Steps to look at"), first);
        assertTrue(first.contains("more than 20 %"), first);
        assertFalse(t.steps().isEmpty(), "the sample months have protocol steps");
        for (var s : t.steps()) assertTrue(first.contains(TrendText.changeText(t.stepRule(), s.change())), s.toString());
        // Each step with the two months' 95 % intervals and whether it is beyond them, as a department head weighs it.
        assertTrue(first.contains("95 % CI") && first.contains("Beyond the spread"), first);
        for (var s : t.steps()) {
            assertTrue(s.intervalBefore() != null && s.intervalAfter() != null, "10 studies or more give an interval: " + s);
            assertTrue(s.intervalBefore().low() <= s.medianBefore() && s.medianBefore() <= s.intervalBefore().high(), s.toString());
        }
        assertTrue(first.contains("Above the DRL in 2026-10"), first);
        assertTrue(first.contains("CI above the DRL"), first);
        for (var d : t.medians()) {
            if (d.n() < 6) continue;
            assertTrue(d.interval() != null && d.interval().low() <= d.median() && d.median() <= d.interval().high(), d.toString());
            assertEquals(d.drl() != null && d.interval().low() > d.drl(), d.aboveDrlBeyondSampling(), d.toString());
        }
    }

    @Test
    void aFlaggedStepNeverReadsAsTheThresholdItWasFlaggedAt() {
        StepRule rule = new StepRule(0.2, "test", 10);
        assertEquals("+21 %", TrendText.changeText(rule, 0.206));
        assertEquals("+20.3 %", TrendText.changeText(rule, 0.203));
        assertEquals("\u221235 %", TrendText.changeText(rule, -0.35));
        assertEquals("20 %", TrendText.percentText(0.2));
        assertEquals("12.5 %", TrendText.percentText(0.125));
    }

    @Test
    void aMedianOnFewerStudiesThanTheMinimumSampleIsInGreyItalicsOnTheTrendSheetAndNoOtherIs() throws IOException {
        Trend t = trend(Grouping.FACILITY);
        List<YearMonth> months = t.monthList();
        int small = 0;
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx(byFacility)))) {
            XSSFSheet s = wb.getSheet("Trend");
            for (DoseMedian d : t.medians()) {
                if (d.ratio() == null) continue;
                Row line = null;
                boolean inBlock = false;
                for (Row row : s) {
                    if (row.getCell(0) == null) continue;
                    String label = row.getCell(0).getStringCellValue();
                    if (label.startsWith("Median / DRL, ")) inBlock = label.equals("Median / DRL, " + d.group());
                    else if (inBlock && label.equals(d.series())) line = row;
                }
                assertNotNull(line, d.toString());
                var cell = line.getCell(months.indexOf(d.month()) + 1);
                assertEquals(d.ratio(), cell.getNumericCellValue(), 1e-12);
                assertEquals(!d.sufficient(), wb.getFontAt(cell.getCellStyle().getFontIndex()).getItalic(), d.toString());
                if (!d.sufficient()) small++;
            }
            boolean noted = false;
            for (Row row : s) if (row.getCell(0) != null && row.getCell(0).getStringCellValue().startsWith("Grey italics: a figure on fewer than 10 studies")) noted = true;
            assertTrue(noted, "the sheet says what grey italics mean");
        }
        assertTrue(small > 0, "the sample months have small groups");
    }

    /** A percentage's axis from 0, compliance's to 100 %: cut to the months' values, a point or two drew as a collapse. */
    @Test
    void theWorkbooksPercentageChartsStartAtZeroAndComplianceRunsToAHundredPercent() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx(byFacility)))) {
            Map<String, double[]> axes = new java.util.TreeMap<>();
            for (XSSFChart c : wb.getSheet("Charts").getDrawingPatriarch().getCharts()) {
                for (var axis : c.getAxes()) {
                    if (axis instanceof org.apache.poi.xddf.usermodel.chart.XDDFValueAxis y) {
                        axes.put(c.getTitleText().getString(), new double[]{y.getMinimum(), y.getMaximum()});
                    }
                }
            }
            double[] compliance = axes.entrySet().stream().filter(e -> e.getKey().startsWith("Pediatric protocol compliance"))
                    .findFirst().orElseThrow(() -> new AssertionError(axes.keySet().toString())).getValue();
            assertEquals(List.of(0.0, 1.0), List.of(compliance[0], compliance[1]), "compliance");
            double[] repeat = axes.entrySet().stream().filter(e -> e.getKey().startsWith("Repeat rate"))
                    .findFirst().orElseThrow(() -> new AssertionError(axes.keySet().toString())).getValue();
            assertEquals(0.0, repeat[0], "repeat rate");
            assertTrue(repeat[1] > 0 && repeat[1] < 0.2, "repeat rate up to a little above its months: " + repeat[1]);
        }
    }

    @Test
    void theWorkbookHasMonthsAsColumnsReadableHeadersNativeChartsAndAPrintSetup() throws IOException {
        Trend t = trend(Grouping.FACILITY);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx(byFacility)))) {
            XSSFSheet s = wb.getSheet("Trend");
            assertNotNull(s);
            // The About sheet cites the DRLs the medians are judged against, with their status, as the PDF does.
            List<String> drl = new ArrayList<>();
            for (Row r : wb.getSheet("About")) {
                if (r.getCell(0) != null && r.getCell(0).getStringCellValue().equals("DRL source")) drl.add(r.getCell(1).getStringCellValue());
            }
            assertTrue(drl.stream().anyMatch(d -> d.startsWith("Kanal KM") && d.endsWith("(from a secondary source)")), drl.toString());
            List<String> labels = new ArrayList<>();
            Row header = null;
            for (Row row : s) {
                if (row.getCell(0) == null) continue;
                String label = row.getCell(0).getStringCellValue();
                labels.add(label);
                if (label.equals("Pediatric CT studies")) header = row;
            }
            assertNotNull(header, labels.toString());
            assertEquals("2026-09", header.getCell(1).getStringCellValue());
            assertEquals("2026-10", header.getCell(2).getStringCellValue());
            Row general = s.getRow(header.getRowNum() + 1);
            String facility = general.getCell(0).getStringCellValue();
            long octoberPediatricCt = t.months().stream().filter(m -> m.group().equals(facility) && m.month().equals(OCTOBER))
                    .findFirst().orElseThrow().pediatricCtStudies();
            assertEquals(octoberPediatricCt, (long) general.getCell(2).getNumericCellValue());
            assertTrue(labels.contains("MAJOR findings per 100 studies"), labels.toString());
            assertTrue(labels.containsAll(List.of("Pediatric studies", "CT studies")), "the PDF's per-month figures: " + labels);
            // The All facilities row of a count is the sum of the series; of a share, the share of the sums.
            Row all = null;
            for (Row row = s.getRow(header.getRowNum() + 1); row != null && row.getCell(0) != null; row = s.getRow(row.getRowNum() + 1)) {
                if (row.getCell(0).getStringCellValue().equals(Trend.ALL_FACILITIES)) all = row;
            }
            assertNotNull(all, "an All facilities row under Pediatric CT studies");
            assertEquals(t.total(OCTOBER).pediatricCtStudies(), (long) all.getCell(2).getNumericCellValue());
            for (String sheet : List.of("Dose medians", "Median steps", "Runs")) {
                for (var cell : wb.getSheet(sheet).getRow(0)) {
                    assertFalse(cell.getStringCellValue().contains("_"), sheet + ": " + cell.getStringCellValue());
                }
            }
            XSSFDrawing drawing = wb.getSheet("Charts").getDrawingPatriarch();
            assertNotNull(drawing);
            List<XSSFChart> charts = drawing.getCharts();
            assertTrue(charts.size() >= 8, "a chart per figure: " + charts.size());
            for (XSSFChart c : charts) {
                assertFalse(c.getChartSeries().isEmpty());
                assertTrue(c.getChartSeries().get(0).getSeriesCount() <= 7, "six lines and the DRL at most");
                for (int i = 0; i < c.getChartSeries().get(0).getSeriesCount(); i++) {
                    var shape = c.getChartSeries().get(0).getSeries(i).getShapeProperties();
                    assertTrue(shape != null && shape.getLineProperties() != null,
                            "every series has a drawn line (LibreOffice shows loose markers otherwise)");
                }
            }
            assertTrue(s.getPrintSetup().getLandscape());
            assertEquals(1, s.getPrintSetup().getFitWidth());
            assertTrue(s.getFitToPage());
            // Printed, no chart is cut by a page break: the breaks fall between rows of charts.
            var chartSheet = wb.getSheet("Charts");
            assertEquals(1, chartSheet.getPrintSetup().getFitWidth());
            int[] breaks = chartSheet.getRowBreaks();
            assertTrue(breaks.length >= 1, "more than one page of charts: " + charts.size());
            for (var shape : drawing.getShapes()) {
                var a = (org.apache.poi.xssf.usermodel.XSSFClientAnchor) shape.getAnchor();
                for (int b : breaks) {
                    assertFalse(a.getRow1() <= b && b < a.getRow2(), "a break after row " + b + " cuts the chart at rows "
                            + a.getRow1() + "-" + a.getRow2());
                }
            }
            for (int i = 1; i < breaks.length; i++) {
                assertTrue(breaks[i] - breaks[i - 1] <= 60, "three rows of charts a page at most, which fit an A4 page one page wide");
            }
        }
    }

    /**
     * Two years of months, by station: the "every series" table and the X-ray tables come in blocks of at most six months,
     * each with the series columns again, and no word or number of a cell is broken across lines (at 24 months in one table
     * "Elsewhere" read "Elsewher" / "e" and an interval "0.3-1." / "73").
     */
    @Test
    void twoYearsOfMonthsPrintTheMonthTablesInBlocksWithNoWordOrNumberBrokenAcrossLines() throws IOException {
        YearMonth first = YearMonth.of(2024, 11);
        YearMonth last = YearMonth.of(2026, 10);
        Path logs = dir.resolve("two-years-logs");
        new org.alaraaudit.sample.ScanLogGenerator(new org.alaraaudit.sample.GeneratorSettings(2400, 7, first.atDay(1),
                last.atEndOfMonth())).writeByMonth(logs, "scan-log-");
        String twoYears = "jdbc:h2:file:" + dir.resolve("two-years-store").resolve("history");
        StoreRuns store = new StoreRuns(twoYears);
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            store.audit(AuditPeriod.month(m), logs.resolve(org.alaraaudit.sample.ScanLogGenerator.monthFileName("scan-log-", m)));
        }
        Path out = dir.resolve("two-years-station");
        Run run = SampleMonthsContract.cli("trend", "--history", twoYears, "--by", "station", "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        Trend t = store.trend(Grouping.STATION);
        assertEquals(24, t.monthList().size());
        assertTrue(t.groups().size() >= 8, "the stations of both facilities: " + t.groups());

        String section;
        String xraySection;
        List<String> pageEnds = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(out.resolve("trend-2024-11_2026-10.pdf").toFile())) {
            String text = new PDFTextStripper().getText(doc);
            int from = text.lastIndexOf("Medians against the DRL, every series");
            int to = text.indexOf("Recorded audit runs these months come from", from);
            int xray = text.indexOf("X-ray and fluoroscopy", from);
            section = text.substring(from, xray < 0 ? to : Math.min(xray, to));
            xraySection = xray < 0 ? "" : text.substring(xray, to);
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                pageEnds.add(lastLineAboveFooter(doc, p));
            }
        }
        // Four blocks of six months, each naming its months, every month a column of one of them.
        for (int b = 0; b < 4; b++) {
            String months = "Months " + first.plusMonths(6L * b) + " to " + first.plusMonths(6L * b + 5) + " (block " + (b + 1) + " of 4";
            assertTrue(section.contains(months), months);
        }
        for (YearMonth m : t.monthList()) assertTrue(section.contains(m + "\nmedian (/ DRL),"), "the column of " + m);
        for (String end : pageEnds) assertFalse(end.startsWith("Months "), "a block's caption alone at a page's foot: " + end);

        // Each median, its ratio and studies on one line, and its interval whole: a number split across lines is not found.
        Map<String, Integer> expected = new java.util.HashMap<>();
        for (DoseMedian d : t.medians()) {
            String line = org.alaraaudit.report.SignificantFigures.three(d.median()) + (d.ratio() == null ? ""
                    : String.format(java.util.Locale.ROOT, " (%.2f)", d.ratio())) + ", " + d.studies();
            expected.merge(line, 1, Integer::sum);
            if (d.interval() != null) {
                expected.merge(org.alaraaudit.report.SignificantFigures.three(d.interval().low()) + "\u2013"
                        + org.alaraaudit.report.SignificantFigures.three(d.interval().high()), 1, Integer::sum);
            }
        }
        assertTrue(expected.keySet().stream().anyMatch(k -> k.contains("\u2013")), "some medians have an interval");
        Set<String> words = new java.util.HashSet<>();
        for (DoseMedian d : t.medians()) {
            for (String label : List.of(d.group(), d.examType(), d.band(), d.quantity(), d.unit())) words.addAll(List.of(label.split("\\s+")));
        }
        printedWhole(section, expected, words, 1);
        assertTrue(List.of(section.split("\\s+")).containsAll(List.of("Elsewhere", "contrast", "CTDIvol")), "the words the wide table broke");

        // The X-ray tables alike: every exam, kind and band whole, and no number's end on the next line.
        assertFalse(t.xray().typicalValuesOverMonths().isEmpty(), "the generated months have radiographs");
        assertTrue(xraySection.contains("Months 2026-05 to 2026-10 (block 4 of 4"), xraySection);
        Set<String> xrayWords = new java.util.HashSet<>();
        for (var v : t.xray().typicalValuesOverMonths()) {
            for (String label : java.util.Arrays.asList(v.facility(), v.kind(), v.exam(), v.band())) {
                if (label != null) xrayWords.addAll(List.of(label.split("\\s+")));
            }
        }
        // Pieces of two letters or more: the section's chart captions begin sentences with "A".
        printedWhole(xraySection, Map.of(), xrayWords, 2);
        for (String printed : List.of(section, xraySection)) {
            var split = Pattern.compile("\\d[.,\u2013-]\\R\\d").matcher(printed);
            assertFalse(split.find(), () -> "a number split across lines: " + printed.substring(Math.max(0, split.start() - 40), split.end() + 10));
        }
    }

    /**
     * Each expected cell text printed whole as often as expected (a number split across lines is not found), and no word
     * of the labels broken: no token of the text (of at least {@code shortest} characters) is the start of a label's word
     * that is not itself a word.
     */
    private static void printedWhole(String text, Map<String, Integer> cells, Set<String> words, int shortest) {
        for (var e : cells.entrySet()) {
            // Whole: from a space or a line's start, to a space or a line's end (a median's studies may be followed by " *").
            long found = Pattern.compile("(?<=^|\\s)" + Pattern.quote(e.getKey()) + "(?=\\s|$)", Pattern.MULTILINE)
                    .matcher(text).results().count();
            assertTrue(found >= e.getValue(), e.getKey() + " whole on a line " + e.getValue() + " times, found " + found);
        }
        Set<String> tokens = new java.util.HashSet<>(List.of(text.split("\\s+")));
        for (String w : words) {
            for (int cut = shortest; cut < w.length(); cut++) {
                String piece = w.substring(0, cut);
                if (!words.contains(piece) && piece.chars().anyMatch(Character::isLetter)) {
                    assertFalse(tokens.contains(piece), "\"" + w + "\" broken after \"" + piece + "\"");
                }
            }
        }
    }

    private static Path pdf(Path out) { return out.resolve("trend-2026-09_2026-10.pdf"); }

    private static Path xlsx(Path out) { return out.resolve("trend-2026-09_2026-10.xlsx"); }

    private static String text(Path out, int from, int to) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf(out).toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setStartPage(from);
            s.setEndPage(Math.min(to, doc.getNumberOfPages()));
            return s.getText(doc);
        }
    }

    /** Page {@code p}'s last line of text, read top to bottom, above the footer: where a heading must never stand alone. */
    private static String lastLineAboveFooter(PDDocument doc, int p) throws IOException {
        PDFTextStripper laidOut = new PDFTextStripper();
        laidOut.setSortByPosition(true);
        laidOut.setStartPage(p);
        laidOut.setEndPage(p);
        List<String> lines = laidOut.getText(doc).lines().map(String::strip).filter(l -> !l.isEmpty()
                && !l.startsWith("Quality-improvement trend") && !l.startsWith("Page ")).toList();
        return lines.get(lines.size() - 1);
    }
}
