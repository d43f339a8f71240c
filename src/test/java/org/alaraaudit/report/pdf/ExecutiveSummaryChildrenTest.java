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
        assertTrue(AuditFixture.findings(october, "CT_ALERT_VALUE").stream().noneMatch(Finding::pediatric), "the sample's alert values are adults'");
        assertTrue(section.contains("Accumulated CTDIvol above the alert value: 3 CRITICAL findings (St Elsewhere Children's 3), all on adults"), section);
        assertTrue(section.contains("Repeat CT within the repeat window: 30 MAJOR findings (County General 15, St Elsewhere Children's 15),"
                + " most often"), "repeats on children only: no note " + section);
        Set<String> rules = new HashSet<>();
        for (Finding f : october.findings()) if (f.severity().atLeast(Severity.MAJOR)) rules.add(f.ruleId());
        assertTrue(october.drlGroups().stream().anyMatch(g -> "ABOVE".equals(g.status())), "groups above the DRL take a place");
        rules.add("DRL_MEDIAN_EXCEEDED"); // whether or not they raised a finding
        int more = rules.size() - 4;
        assertTrue(more > 1);
        assertTrue(section.contains(more + " more rules have CRITICAL or MAJOR findings this period"), section);
    }

    private static Finding finding(String patientRef, boolean pediatric) {
        return new Finding("UNMAPPED_PROTOCOL-" + patientRef + pediatric, "UNMAPPED_PROTOCOL", Severity.MAJOR, patientRef == null ? "protocol" : "study",
                new Finding.Where("General", "CT1", null, null, patientRef, null, pediatric, "HEAD ROUTINE", null, null),
                new Finding.Measured(null, null, null), new Finding.Against(null, null), "m", List.of(), null);
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
