package org.alaraaudit.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditPeriod;
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
 * A year's audit has many follow-ups and CRITICAL findings at once. Its summary listed every one of 28 procedure days,
 * the page then had room for two items, and the follow-ups and the DRL groups (which always take a place) left the
 * year's CRITICAL findings out. A long follow-up item now gives its range and latest days and points to the list,
 * and the rule with the most CRITICAL findings always takes a place.
 */
class YearActionPointsTest {
    private static final AuditPeriod YEAR = new AuditPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));

    @TempDir
    static Path dir;

    static AuditResult year;
    static String summary;
    static List<String> days = new ArrayList<>();

    @BeforeAll
    static void auditAYear() throws IOException {
        AuditFixture f = new AuditFixture().period(YEAR);
        // 28 adults' coronary procedures past the substantial radiation dose level, one every 13 days.
        for (int i = 0; i < 28; i++) {
            LocalDate day = LocalDate.of(2025, 1, 5).plusDays(13L * i);
            days.add(day.toString());
            f.row("patient_id", "F" + i, "age_years", "60", "accession_number", "F" + i, "study_datetime", day + "T09:00:00",
                    "modality", "RF", "station_name", "RF1", "protocol_name", "CORONARY", "acquisition_type", "", "target_region", "",
                    "ctdivol_mgy", "", "phantom", "", "dlp_mgycm", "", "dap_gycm2", "150", "ka_r_mgy", "5400");
        }
        // Three adults' head CTs above the alert value: CRITICAL.
        for (int i = 0; i < 3; i++) {
            f.row("patient_id", "H" + i, "age_years", "50", "accession_number", "H" + i, "study_datetime", "2025-0" + (i + 3) + "-11T10:00:00",
                    "station_name", "CT9", "protocol_name", "ADULT HEAD PERFUSION", "target_region", "HEAD", "phantom", "16",
                    "ctdivol_mgy", "1200", "dlp_mgycm", "9000");
        }
        // Two toddlers' heads on one protocol above the notification value: a cluster, ranked right after the follow-ups.
        for (int i = 0; i < 2; i++) {
            f.row("patient_id", "T" + i, "age_years", "1.5", "weight_kg", "11", "accession_number", "T" + i,
                    "study_datetime", "2025-06-1" + i + "T10:00:00", "station_name", "CT2", "protocol_name", "PED HEAD 1-2Y",
                    "target_region", "HEAD", "phantom", "16", "ctdivol_mgy", "60", "dlp_mgycm", "900");
        }
        // Twelve children's chest CTs well above the DRL: a group above the DRL, which always takes a place.
        for (int i = 0; i < 12; i++) {
            f.row("patient_id", "C" + i, "accession_number", "C" + i, "study_datetime", "2025-0" + (i % 9 + 1) + "-20T10:00:00",
                    "ctdivol_mgy", "12", "dlp_mgycm", "400");
        }
        year = f.audit(dir);
        Path pdf = dir.resolve("year.pdf");
        PdfReport.write(year, ReportTemplate.load("default"), null, pdf);
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        int at = text.indexOf("Most worth acting on");
        summary = text.substring(at, text.indexOf("Scope: the period's", at));
    }

    @Test
    void theFixtureHasManyFollowUpsCriticalFindingsAClusterAndAGroupAboveTheDrl() {
        assertEquals(28, AuditFixture.findings(year, "FLUORO_SUBSTANTIAL_DOSE").size());
        assertEquals(3, AuditFixture.findings(year, "CT_ALERT_VALUE").size());
        assertTrue(year.findings().stream().filter(x -> x.severity() == Severity.CRITICAL).allMatch(x -> x.ruleId().equals("CT_ALERT_VALUE")));
        assertTrue(year.drlGroups().stream().anyMatch(org.alaraaudit.audit.aggregate.DrlGroup::above));
    }

    @Test
    void theLongFollowUpListIsSummarisedWithItsRangeAndLatestDaysAndPointsToTheList() {
        assertTrue(summary.contains("1. Substantial radiation dose level (skin follow-up): 28 MAJOR findings"), summary);
        assertTrue(summary.contains("procedures on 28 days from " + days.get(0) + " to " + days.get(27) + " in 12 months, the latest on "
                + days.get(25) + ", " + days.get(26) + " and " + days.get(27) + "; the list Patient follow-up in the section X-ray and"
                + " fluoroscopy has each patient"), summary);
        for (String day : days.subList(1, 25)) assertFalse(summary.contains(day), day + " is not listed: " + summary);
    }

    @Test
    void theCriticalFindingsTakeAPlaceBesideTheFollowUpsAndTheDrlGroups() {
        assertTrue(summary.contains("Accumulated CTDIvol above the alert value: 3 CRITICAL"), summary);
        assertTrue(summary.contains("Facility median above the DRL"), summary);
    }

    private static Finding finding(String rule, Severity s, LocalDate day) {
        return new Finding(rule + day + s, rule, s, "study",
                new Finding.Where("General", "CT1", "A" + day, day.atTime(9, 0), "p" + day, 60.0, false, "P", "P", null),
                new Finding.Measured(null, null, null), new Finding.Against(null, null), "m", List.of(), null);
    }

    /** However few places the page leaves, the follow-ups, the most CRITICAL rule and the groups above the DRL are listed. */
    @Test
    void evenTwoPlacesKeepTheFollowUpsTheMostCriticalRuleAndTheDrlGroups() {
        RuleTitles titles = RuleTitles.of(year.rules());
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 10; i++) findings.add(finding("FLUORO_SUBSTANTIAL_DOSE", Severity.MAJOR, LocalDate.of(2025, 1, 1).plusDays(i)));
        for (int i = 0; i < 5; i++) findings.add(finding("PEDIATRIC_ADULT_PROTOCOL", Severity.CRITICAL, LocalDate.of(2025, 2, 1).plusDays(i)));
        for (int i = 0; i < 8; i++) findings.add(finding("CT_ALERT_VALUE", Severity.CRITICAL, LocalDate.of(2025, 3, 1).plusDays(i)));
        var above = year.drlGroups().stream().filter(org.alaraaudit.audit.aggregate.DrlGroup::above).toList();
        List<ActionPoints.Point> top = ActionPoints.top(org.alaraaudit.model.Findings.of(findings), above, 2, titles);
        assertEquals(List.of("FLUORO_SUBSTANTIAL_DOSE", "CT_ALERT_VALUE", "DRL_MEDIAN_EXCEEDED"),
                top.stream().map(ActionPoints.Point::ruleId).toList());
        List<ActionPoints.Point> four = ActionPoints.top(org.alaraaudit.model.Findings.of(findings), above, 4, titles);
        assertEquals(List.of("FLUORO_SUBSTANTIAL_DOSE", "CT_ALERT_VALUE", "PEDIATRIC_ADULT_PROTOCOL", "DRL_MEDIAN_EXCEEDED"),
                four.stream().map(ActionPoints.Point::ruleId).toList());
        String item = ActionPoints.describe(top.get(0), titles, null, false);
        assertTrue(item.contains("procedures on 10 days from 2025-01-01 to 2025-01-10 in 1 month, the latest on 2025-01-08, 2025-01-09"
                + " and 2025-01-10; a report with patient-level sections lists each patient"), item);
    }
}
