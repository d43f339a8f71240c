package org.alaraaudit.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Severity;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executive summary of a pediatric report keeps children and adults apart where it counts both: the repeat rate
 * of all ages has the children's beside it, an item worth acting on that concerns only adults says so, and a ranking
 * cut to four items says how many more there are.
 */
class ExecutiveSummaryChildrenTest {
    @TempDir
    static Path dir;

    static AuditResult october;
    static String text;

    @BeforeAll
    static void report() throws IOException {
        october = AuditFixture.sampleMonth(YearMonth.of(2026, 10));
        Path pdf = dir.resolve("october.pdf");
        PdfReport.write(october, ReportTemplate.load("default"), null, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void theRepeatRateOfAllAgesHasTheChildrensBesideIt() {
        Set<String> children = new HashSet<>();
        for (Finding f : AuditFixture.findings(october, "REPEAT_STUDY")) if (f.pediatric()) children.add(f.accessionNumber());
        long ct = october.figures().pediatricCtStudies();
        assertEquals(589, ct);
        String expected = "children " + children.size() + " of " + ct + " (" + Text.percent((double) children.size() / ct) + ")";
        assertTrue(text.contains("CT studies repeated, all ages; " + expected), expected + " in " + text.substring(0, 3000));
        assertTrue(children.size() * 1.0 / ct > october.figures().repeatRate(), "the children's rate is the higher one here");
    }

    @Test
    void anItemOnAdultsOnlySaysSoAndTheCutIsCounted() {
        int at = text.indexOf("Most worth acting on");
        String section = text.substring(at, text.indexOf("Scope: the period's", at));
        assertTrue(section.contains("Substantial radiation dose level (skin follow-up): 3 MAJOR findings (County General 2,"
                + " St Elsewhere Children's 1), all on adults"), section);
        assertTrue(section.contains("CTDIvol above the notification value: 15 MAJOR findings (County General 9, St Elsewhere"
                + " Children's 6), 9 of them on children;"), "a mixed item counts the children's: " + section);
        Set<String> rules = new HashSet<>();
        for (Finding f : october.findings()) if (f.severity().atLeast(Severity.MAJOR)) rules.add(f.ruleId());
        assertTrue(october.drlGroups().stream().anyMatch(g -> "ABOVE".equals(g.status())), "groups above the DRL take a place");
        rules.add("DRL_MEDIAN_EXCEEDED"); // whether or not they raised a finding
        int listed = 0;
        while (section.contains(" " + (listed + 1) + ". ")) listed++;
        assertTrue(listed >= 2 && listed <= 4, section);
        int more = rules.size() - listed;
        assertTrue(more > 1);
        assertTrue(section.contains(more + " more rules have CRITICAL or MAJOR findings this period"), section);
    }

    private static Finding finding(String patientRef, boolean pediatric) {
        return new Finding("UNMAPPED_PROTOCOL-" + patientRef + pediatric, "UNMAPPED_PROTOCOL", Severity.MAJOR, patientRef == null ? "protocol" : "study",
                new Finding.Where("General", "CT1", null, null, patientRef, null, pediatric, "HEAD ROUTINE", null, null),
                new Finding.Measured(null, null, null), new Finding.Against(null, null), "m", List.of(), null);
    }

    /**
     * The sample month's clearest pediatric signal: four toddlers' head series on one protocol at one scanner above the
     * notification value, from 17 October. It comes right after the follow-ups, named with its protocol and range.
     */
    @Test
    void aProtocolThatPutSeveralChildrenAboveTheNotificationValueComesRightAfterTheFollowUps() {
        int at = text.indexOf("Most worth acting on");
        String section = text.substring(at, text.indexOf("Scope: the period's", at));
        assertTrue(section.contains("2. CTDIvol above the notification value: 15 MAJOR findings"), section);
        assertTrue(section.contains("4 children's studies on one protocol, PED HEAD 1-2Y V2 at CGH-CT2 (County General),"
                + " 57.7\u201365.2 mGy against 50 mGy, from 2026-10-17: review that protocol first"), section);
    }

    private static Finding notification(String accession, String station, boolean pediatric, double ctdivol) {
        return new Finding("N-" + accession, "CT_NOTIFICATION_VALUE", Severity.MAJOR, "event",
                new Finding.Where("General", station, accession, java.time.LocalDateTime.of(2026, 10, 10, 10, 0), "p" + accession, 1.5,
                        pediatric, "PED HEAD 1-2Y", null, null),
                new Finding.Measured("CTDIvol", ctdivol, "mGy"), new Finding.Against(50.0, "AAPM"), "m", List.of(), null);
    }

    private static Finding critical(String accession) {
        return new Finding("C-" + accession, "CT_ALERT_VALUE", Severity.CRITICAL, "study",
                new Finding.Where("General", "CT9", accession, null, "q" + accession, 50.0, false, "NEURO PERFUSION", null, null),
                new Finding.Measured("CTDIvol", 1200.0, "mGy"), new Finding.Against(1000.0, "AAPM"), "m", List.of(), null);
    }

    @Test
    void twoChildrensStudiesOnOneStationsProtocolMakeAClusterButOneOrTwoStationsDoNot() {
        RuleTitles titles = RuleTitles.of(october.rules());
        List<ActionPoints.Point> two = ActionPoints.top(org.alaraaudit.model.Findings.of(List.of(critical("X1"),
                notification("A1", "CT1", true, 55), notification("A2", "CT1", true, 60))), List.of(), 4, titles);
        assertEquals("CT_NOTIFICATION_VALUE", two.get(0).ruleId(), "above a CRITICAL item of adults");
        assertTrue(ActionPoints.describe(two.get(0), titles).contains("2 children's studies on one protocol, PED HEAD 1-2Y at CT1"
                + " (General), 55\u201360 mGy against 50 mGy, from 2026-10-10"), ActionPoints.describe(two.get(0), titles));
        for (List<Finding> none : List.of(
                List.of(critical("X1"), notification("A1", "CT1", true, 55)),
                List.of(critical("X1"), notification("A1", "CT1", true, 55), notification("A2", "CT2", true, 60)),
                List.of(critical("X1"), notification("A1", "CT1", true, 55), notification("A2", "CT1", false, 60)))) {
            List<ActionPoints.Point> top = ActionPoints.top(org.alaraaudit.model.Findings.of(none), List.of(), 4, titles);
            assertEquals("CT_ALERT_VALUE", top.get(0).ruleId(), none.toString());
            assertTrue(top.stream().allMatch(p -> p.cluster() == null), none.toString());
        }
    }

    @Test
    void anItemOnProtocolsSaysNothingOfAdultsOrChildren() {
        RuleTitles titles = RuleTitles.of(october.rules());
        String onProtocols = ActionPoints.describe(ActionPoints.top(org.alaraaudit.model.Findings.of(
                List.of(finding(null, false), finding(null, false))), List.of(), 4).get(0), titles);
        assertTrue(onProtocols.contains("2 MAJOR findings (General 2)") && !onProtocols.contains("adult")
                && !onProtocols.contains("children"), onProtocols);
        String onAdults = ActionPoints.describe(ActionPoints.top(org.alaraaudit.model.Findings.of(
                List.of(finding("p1", false), finding("p2", false))), List.of(), 4).get(0), titles);
        assertTrue(onAdults.contains("2 MAJOR findings (General 2), all on adults"), onAdults);
        String mixed = ActionPoints.describe(ActionPoints.top(org.alaraaudit.model.Findings.of(
                List.of(finding("p1", true), finding("p2", false), finding(null, false))), List.of(), 4).get(0), titles);
        assertTrue(mixed.contains("3 MAJOR findings (General 3), 1 of them on children"), mixed);
    }
}
