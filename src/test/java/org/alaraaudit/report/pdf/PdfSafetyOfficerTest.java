package org.alaraaudit.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.aggregate.FacilityFigures;
import org.alaraaudit.audit.aggregate.ProtocolStatistics;
import org.alaraaudit.model.Severity;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.statistics.BoxAndWhiskerCategoryDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monthly PDF as the safety officer reads it: figures per facility first, the actions ranked with the DRL
 * groups above the DRL, protocol x station doses, open reviews summarised, box plots with n and stated whiskers,
 * MINOR findings broken down, and data quality of the audit period only. Read back with PDFBox.
 */
class PdfSafetyOfficerTest {
    @TempDir
    static Path dir;
    static AuditResult result;
    static Path pdf;
    static Path accreditation;

    /**
     * Two facilities with twelve 9-year-olds' head CTs each on PED HEAD 6-18Y: General well under the DRL (CTDIvol
     * 30-41 mGy), Mercy above both the protocol's expected upper value and the DRL (56-67 mGy: MINOR findings and
     * a DRL group above the DRL). Mercy's children have no height; General's half have a water-equivalent
     * diameter. Two September studies are history only. Earlier periods left a CRITICAL finding open three days
     * before the period's end, and MAJOR ones open for two and five months.
     */
    @BeforeAll
    static void audit() throws IOException {
        AuditFixture f = new AuditFixture();
        for (int i = 0; i < 12; i++) {
            f.row("patient_id", "MRN-G" + i, "accession_number", "G" + i, "facility", "General", "station_name", "GEN-CT1",
                    "study_datetime", String.format("2026-10-%02dT09:00:00", i + 2), "age_years", "9", "weight_kg", String.valueOf(25 + i),
                    "height_cm", "130", "protocol_name", "PED HEAD 6-18Y", "target_region", "HEAD", "phantom", "16",
                    "ctdivol_mgy", String.valueOf(30 + i), "dlp_mgycm", String.valueOf(500 + 10 * i),
                    "water_equivalent_diameter_cm", i % 2 == 0 ? "15" : "");
            f.row("patient_id", "MRN-M" + i, "accession_number", "M" + i, "facility", "Mercy", "station_name", "MER-CT2",
                    "study_datetime", String.format("2026-10-%02dT11:00:00", i + 2), "age_years", "9", "weight_kg", String.valueOf(28 + i),
                    "height_cm", "", "protocol_name", "PED HEAD 6-18Y", "target_region", "HEAD", "phantom", "16",
                    "ctdivol_mgy", String.valueOf(56 + i), "dlp_mgycm", String.valueOf(900 + 10 * i));
        }
        f.row("patient_id", "MRN-OLD1", "accession_number", "S1", "study_datetime", "2026-09-10T10:00:00");
        f.row("patient_id", "MRN-OLD2", "accession_number", "S2", "study_datetime", "2026-09-11T10:00:00");
        AuditResult base = f.audit(dir);
        List<AuditResult.OpenFinding> open = List.of(
                open("f1", Severity.CRITICAL, "CRIT-OLD-1", LocalDateTime.of(2026, 10, 28, 9, 0)),
                open("f2", Severity.MAJOR, "MAJ-OLD-2", LocalDateTime.of(2026, 8, 30, 9, 0)),
                open("f3", Severity.MAJOR, "MAJ-OLD-3", LocalDateTime.of(2026, 5, 20, 9, 0)));
        result = base.toBuilder().reviews(new AuditResult.Reviews(Map.of(), open))
                .events(org.alaraaudit.audit.aggregate.PeriodEvents.NONE).build();
        pdf = dir.resolve("officer.pdf");
        PdfReport.write(result, ReportTemplate.load("default"), null, pdf);
        accreditation = dir.resolve("accreditation.pdf");
        PdfReport.write(result, ReportTemplate.load("accreditation"), null, accreditation);
    }

    private static AuditResult.OpenFinding open(String id, Severity s, String accession, LocalDateTime when) {
        LocalDate from = when.toLocalDate().withDayOfMonth(1);
        return new AuditResult.OpenFinding(id, "CT_ALERT_VALUE", s, "General", accession, when,
                "accumulated CTDIvol above the alert value", from, from.plusMonths(1).minusDays(1), null);
    }

    private static String flat(String s) { return s.replaceAll("\\s+", " "); }

    /** The text of the page that has this heading on it. */
    private static String pageWith(Path file, String heading) throws IOException {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                PDFTextStripper s = new PDFTextStripper();
                s.setStartPage(p);
                s.setEndPage(p);
                String t = s.getText(doc);
                if (t.contains(heading)) return flat(t);
            }
        }
        throw new AssertionError("no page with " + heading);
    }

    private static String all(Path file) throws IOException {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            return flat(new PDFTextStripper().getText(doc));
        }
    }

    @Test
    void theExecutivePageShowsEachFacilitysFiguresAndTheDrlGroupsAboveTheDrlAmongTheActions() throws IOException {
        String page = pageWith(pdf, "Executive summary");
        assertTrue(page.contains("By facility"), page);
        List<FacilityFigures> sites = result.figures().facilities();
        assertEquals(List.of("General", "Mercy"), sites.stream().map(FacilityFigures::facility).toList());
        for (FacilityFigures s : sites) {
            assertEquals(12, s.studies(), s.facility());
            assertTrue(page.contains(s.facility() + " " + s.studies() + " " + s.pediatricStudies() + " "
                    + Text.percent(s.pediatricProtocolCompliance())), "row of " + s.facility() + ": " + page);
        }
        assertTrue(result.drlGroups().stream().anyMatch(g -> g.facility().equals("Mercy") && "ABOVE".equals(g.status())),
                "the fixture puts Mercy above the DRL");
        assertTrue(page.contains("Facility median above the DRL:") && page.contains("with the median above the DRL (Mercy"), page);
        assertTrue(page.contains("Scope: the period's " + result.figures().studies() + " studies"), page);
    }

    @Test
    void theProtocolStationTableGivesMediansP75RatioToTheDrlAndExceedances() throws IOException {
        String text = all(pdf);
        int at = text.indexOf("Doses per pediatric protocol and station");
        assertTrue(at >= 0, "protocol x station table");
        String table = text.substring(at);
        ProtocolStatistics mercy = result.protocols().stream().filter(p -> p.facility().equals("Mercy")).findFirst().orElseThrow();
        PediatricProtocols.Row row = PediatricProtocols.of(result).stream().filter(r -> r.stats() == mercy).findFirst().orElseThrow();
        long exceedances = row.exceedances();
        assertTrue(exceedances > 0, "Mercy's doses exceed the expected range");
        String expected = "PED HEAD 6-18Y Mercy MER-CT2 12 " + Text.number(mercy.ctdivol().median()) + " "
                + Text.number(mercy.ctdivol().p75()) + " " + Text.number(mercy.dlp().median()) + " "
                + Text.number(mercy.dlp().p75()) + " ";
        assertTrue(table.contains(expected), expected + " in " + table.substring(0, Math.min(1500, table.length())));
        assertTrue(table.contains(Text.number(row.ratio()) + " " + exceedances), "ratio to DRL and exceedances");
        assertTrue(row.ratio() > 1, "Mercy's median is above the DRL");
    }

    @Test
    void openReviewsOfEarlierPeriodsAreCountedBySeverityAndAgeWithOnlyTheCriticalOnesListed() throws IOException {
        String text = all(pdf);
        assertTrue(text.contains("Still awaiting review from earlier periods (3)"), text);
        assertTrue(text.contains("Severity Under 1 month 1 to 3 months Over 3 months Total"), "age columns");
        assertTrue(text.contains("CRITICAL 1 0 0 1"), "the CRITICAL one is under a month old");
        assertTrue(text.contains("MAJOR 0 1 1 2"), "MAJOR: one of two months, one of five");
        assertTrue(text.contains("CRIT-OLD-1"), "CRITICAL listed by accession");
        assertFalse(text.contains("MAJ-OLD-2") || text.contains("MAJ-OLD-3"), "MAJOR ones stay in the workbook");
    }

    @Test
    void boxPlotsStateTheirWhiskersAndShowNUnderEveryProtocolInAgeOrder() throws IOException {
        List<PediatricProtocols.Row> rows = PediatricProtocols.of(result);
        for (ProtocolDoseChart.Quantity q : List.of(ProtocolDoseChart.CTDIVOL, ProtocolDoseChart.DLP, ProtocolDoseChart.SSDE)) {
            List<ProtocolDoseChart> charts = ProtocolDoseChart.charts(rows, q);
            assertEquals(1, charts.size(), "two boxes fit one chart");
            ProtocolDoseChart chart = charts.get(0);
            if (q == ProtocolDoseChart.SSDE) {
                // Only General's six diameters give an SSDE: a box of six values.
                assertEquals(1, chart.boxes(), "SSDE boxes");
            } else {
                assertEquals(2, chart.boxes(), q.name());
            }
            JFreeChart c = chart.build();
            BoxAndWhiskerCategoryDataset data = (BoxAndWhiskerCategoryDataset) ((CategoryPlot) c.getPlot()).getDataset(0);
            for (int i = 0; i < data.getColumnCount(); i++) {
                String label = data.getColumnKey(i).toString();
                Matcher m = Pattern.compile("\\(n = (\\d+)\\)").matcher(label);
                assertTrue(m.find(), "n under the box: " + label);
                PediatricProtocols.Row r = rows.stream().filter(x -> label.startsWith(x.protocol() + ", " + x.stats().stationName()))
                        .findFirst().orElseThrow();
                var sample = q.sample().apply(r);
                assertEquals(sample.size(), Integer.parseInt(m.group(1)));
                assertEquals(sample.quantile(0.05), data.getMinRegularValue(0, i).doubleValue(), 1e-9, "lower whisker at P5");
                assertEquals(sample.quantile(0.95), data.getMaxRegularValue(0, i).doubleValue(), 1e-9, "upper whisker at P95");
            }
        }
        String text = all(pdf);
        for (String q : List.of("CTDIvol", "DLP", "SSDE")) assertTrue(text.contains(q + " per pediatric protocol and station"), q);
        assertTrue(text.contains("whiskers: 5th to 95th percentile; n = number of values"), "whiskers stated");
        assertTrue(text.contains("CTDIvol against patient size per pediatric protocol"), "dose against size");
        assertEquals(1, DoseSizeChart.panels(rows).size(), "one panel for the one protocol, both stations");
    }

    @Test
    void manyProtocolStationPairsAreSplitOverChartsWithNoneLeftOut() {
        PediatricProtocols.Row one = PediatricProtocols.of(result).get(0);
        List<PediatricProtocols.Row> many = java.util.Collections.nCopies(65, one);
        List<ProtocolDoseChart> charts = ProtocolDoseChart.charts(many, ProtocolDoseChart.CTDIVOL);
        assertEquals(3, charts.size());
        assertEquals(65, charts.stream().mapToInt(ProtocolDoseChart::boxes).sum(), "every pair is drawn");
        for (ProtocolDoseChart c : charts) assertTrue(c.boxes() <= ProtocolDoseChart.MAX_PROTOCOLS && c.boxes() >= 21, "even shares");
    }

    @Test
    void theChartsOfOneQuantitySpreadOverPagesShareOneAxisSoAContinuedPageReadsOnTheSameScale() {
        List<PediatricProtocols.Row> rows = PediatricProtocols.of(result);
        List<PediatricProtocols.Row> many = new ArrayList<>(java.util.Collections.nCopies(31, rows.get(0)));
        many.addAll(java.util.Collections.nCopies(31, rows.get(1)));
        for (ProtocolDoseChart.Quantity q : List.of(ProtocolDoseChart.CTDIVOL, ProtocolDoseChart.DLP)) {
            List<ProtocolDoseChart> charts = ProtocolDoseChart.charts(many, q);
            assertEquals(3, charts.size(), q.name());
            var first = ((CategoryPlot) charts.get(0).build().getPlot()).getRangeAxis();
            var last = ((CategoryPlot) charts.get(2).build().getPlot()).getRangeAxis();
            assertTrue(first.getRange().getUpperBound() != 0 && !first.getRange().equals(new org.jfree.data.Range(0, 1)), first.getRange().toString());
            assertEquals(first.getClass(), last.getClass(), q.name() + ": one scale");
            assertEquals(first.getRange(), last.getRange(), q.name() + ": one range");
            assertEquals(first.getLabel(), last.getLabel());
        }
    }

    @Test
    void oneRuleAtTwoSitesIsOneActionNamingBothSites() {
        List<org.alaraaudit.model.Finding> findings = new ArrayList<>();
        for (String site : List.of("General", "General", "Mercy")) findings.add(finding("PEDIATRIC_ADULT_PROTOCOL", Severity.MAJOR, site));
        findings.add(finding("CT_ALERT_VALUE", Severity.CRITICAL, "Mercy"));
        List<ActionPoints.Point> points = ActionPoints.top(org.alaraaudit.model.Findings.of(findings), List.of(), 3);
        assertEquals(List.of("CT_ALERT_VALUE", "PEDIATRIC_ADULT_PROTOCOL"), points.stream().map(ActionPoints.Point::ruleId).toList());
        String adult = ActionPoints.describe(points.get(1), RuleTitles.of(result.rules()));
        assertTrue(adult.contains("3 MAJOR findings (General 2, Mercy 1)"), adult);
    }

    private static final java.util.concurrent.atomic.AtomicInteger IDS = new java.util.concurrent.atomic.AtomicInteger();

    private static org.alaraaudit.model.Finding finding(String rule, Severity s, String facility) {
        return new org.alaraaudit.model.Finding(rule + facility + IDS.incrementAndGet(), rule, s, "study",
                new org.alaraaudit.model.Finding.Where(facility, "CT1", "A1", LocalDateTime.of(2026, 10, 5, 9, 0), null, 9.0,
                        true, "P", "P", null),
                new org.alaraaudit.model.Finding.Measured(null, null, null), new org.alaraaudit.model.Finding.Against(null, null),
                "m", List.of(), null);
    }

    @Test
    void protocolsReadInAgeOrderWithinTheirRegion() {
        List<String> order = new ArrayList<>();
        for (String name : List.of("PED HEAD 6-18Y", "PED HEAD 0-1Y", "PED HEAD 2-6Y", "PED HEAD 1-2Y")) {
            var e = PediatricProtocols.entry(result.tables().catalog().entries(), name).orElseThrow();
            order.add(e.ageYears().min() + " " + name);
        }
        order.sort(java.util.Comparator.comparingDouble(s -> Double.parseDouble(s.split(" ")[0])));
        assertEquals(List.of("PED HEAD 0-1Y", "PED HEAD 1-2Y", "PED HEAD 2-6Y", "PED HEAD 6-18Y"),
                order.stream().map(s -> s.substring(s.indexOf(' ') + 1)).toList());
    }

    @Test
    void minorFindingsAreBrokenDownByRuleProtocolAndStationWithRates() throws IOException {
        String text = all(pdf);
        assertTrue(text.contains("MINOR findings by rule, protocol and station"), text);
        long minor = result.findings().stream().filter(x -> x.severity() == Severity.MINOR
                && x.ruleId().equals("DOSE_ABOVE_EXPECTED_RANGE") && "Mercy".equals(x.facility())).count();
        assertTrue(minor > 0, "Mercy's doses above the expected range are MINOR");
        String row = "Dose above the protocol's expected range PED HEAD 6-18Y Mercy MER-CT2 " + minor + " 12 "
                + Text.number(100.0 * minor / 12);
        assertTrue(text.contains(row), row + " in " + text);
        assertFalse(text.contains("Examples (accession"), "no repeated examples");
    }

    @Test
    void dataQualityCountsThePeriodsRowsAndHowCompleteTheDoseColumnsAre() throws IOException {
        String text = all(pdf);
        long history = result.rowsOutsidePeriod();
        assertEquals(2, history, "the two September studies");
        long period = result.rows().audited() - history;
        assertTrue(text.contains("Audited rows of the period's studies " + period), text);
        assertTrue(text.contains("Audited, outside the period (earlier: history; later: not used) " + history), "history apart");
        // 24 acquisitions: Mercy's 12 have no height (50%), 18 have no diameter (75%), all have a weight and a region.
        assertTrue(text.contains("Patient height body size estimates 12 50%"), text);
        assertTrue(text.contains("Patient size (water-equivalent or effective diameter) SSDE 18 75%"), text);
        assertTrue(text.contains("Patient weight weight bands, size charts 0 0%"), text);
        assertTrue(text.contains("Of 24 diagnostic CT acquisitions in the period"), text);
    }

    @Test
    void noIdentifierIsPrintedRawAndRangesAndNumbersFollowOneRule() throws IOException {
        for (Path file : List.of(pdf, accreditation)) {
            String text = all(file);
            Matcher raw = Pattern.compile("\\b[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+\\b").matcher(text);
            assertFalse(raw.find(), () -> "raw identifier " + raw.group() + " in " + file.getFileName());
            assertFalse(text.contains("Shrimpton2005_AAPM96_ICRP60"));
        }
        RuleTitles rules = RuleTitles.of(result.rules());
        for (String rule : List.of("DOSE_CHECK_OVERRIDDEN", "PEDIATRIC_REGION_UNKNOWN", "PEDIATRIC_PROTOCOL_SIZE_MISMATCH")) {
            assertFalse(rules.title(rule).contains("_"), rule);
        }
        for (var r : result.rules()) assertTrue(rules.titleOrNull(r.ruleId()) != null, "every rule has a title: " + r.ruleId());
        assertEquals("\u2264 80", Text.range(null, 80.0));
        assertEquals("\u2265 5", Text.range(5.0, null));
        assertEquals("5\u201380", Text.range(5.0, 80.0));
        assertEquals("0.123", Text.number(0.12345));
        assertEquals("12.3", Text.number(12.345));
        assertEquals("1234", Text.number(1234.0), "whole units are never rounded away");
        assertEquals("2.5", Text.number(2.5));
        assertEquals("Abdomen and Pelvis", Text.plain("ABDOMEN_PELVIS", rules));
        assertEquals("scan_log.csv:12", Text.plain("scan_log.csv:12", rules), "a file name is left alone");
        assertEquals("accession ACC_123", Text.plain("accession ACC_123", rules), "an unknown upper-case name is data, left alone");
        assertEquals("red marrow dose", Text.plain("red_marrow_dose", rules), "a lower-case key in words");
    }

    @Test
    void theAccreditationReportKeepsItsRestrictions() throws IOException {
        String text = all(accreditation);
        assertTrue(text.contains("By facility") && text.contains("Doses per pediatric protocol and station"));
        assertFalse(text.contains("Repeat scans") || text.contains("Cumulative dose"), "patient-level sections left out");
        for (var x : result.findings()) if (x.patientRef() != null) assertFalse(text.contains(x.patientRef()), "pseudonym");
        assertFalse(text.contains("MRN"));
        assertFalse(text.toLowerCase(java.util.Locale.ROOT).contains("verify"));
        assertFalse(text.contains(".md") || text.contains("protocol-catalog.csv"), "no table file names");
    }
}
