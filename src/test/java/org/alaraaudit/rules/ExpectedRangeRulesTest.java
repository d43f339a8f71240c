package org.alaraaudit.rules;

import static org.alaraaudit.AuditFixture.findings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PED CHEST 5-10Y: expected CTDIvol 0.625-2.5 mGy, study DLP 17.5-70 mGy.cm (catalog defaults). */
class ExpectedRangeRulesTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "CTDIvol {0} -> {1}")
    @CsvSource({"2.5,,", "2.501,MINOR,1.0004", "5.0,MINOR,2.00", "5.01,MAJOR,2.004"})
    void ctdivolAboveTheExpectedUpperValue(String ctdivol, String severity, String times) {
        AuditResult r = new AuditFixture().row("ctdivol_mgy", ctdivol).audit(dir);
        List<Finding> f = findings(r, "DOSE_ABOVE_EXPECTED_RANGE").stream().filter(x -> x.quantity().equals("CTDIvol")).toList();
        if (severity == null) {
            assertEquals(List.of(), f);
        } else {
            assertEquals(1, f.size());
            assertEquals(Severity.valueOf(severity), f.get(0).severity());
            assertEquals(2.5, f.get(0).referenceValue());
            // Just above a bound or the MAJOR factor, the figures read apart from it: never "2.50 mGy ... (1.00 times it)".
            assertTrue(f.get(0).message().contains("CTDIvol " + ctdivol + (ctdivol.length() < 4 ? "0" : "") + " mGy is "), f.get(0).message());
            assertTrue(f.get(0).message().contains("(" + times + " times it)"), f.get(0).message());
        }
    }

    /**
     * A range refers to the phantom of its DRL (a child's body on 32 cm, the head on 16 cm): a value logged on the other
     * phantom is converted with the ratio of 2 before it is compared, as the notification values are. A child's chest
     * at 5.0 mGy on 16 cm is 2.5 mGy on 32 cm, at the 2.5 mGy upper end; 5.02 is above it. A child's head at 15.5 mGy
     * on 32 cm is 31 mGy on 16 cm, at the head's upper end; 15.51 is above it.
     */
    @ParameterizedTest(name = "{0} {1} mGy on {2} cm -> {3}")
    @CsvSource({"PED CHEST 5-10Y, CHEST, 5.0, 16,", "PED CHEST 5-10Y, CHEST, 5.02, 16, 2.51",
            "PED CHEST 5-10Y, CHEST, 4.0, 16,", "PED HEAD 2-6Y, HEAD, 15.5, 32,", "PED HEAD 2-6Y, HEAD, 15.51, 32, 31.02"})
    void aValueOnTheOtherPhantomThanTheRangesIsConvertedBeforeItIsCompared(String protocol, String region, String ctdivol,
                                                                          String phantom, Double onRange) {
        AuditResult r = new AuditFixture().row("age_years", protocol.contains("HEAD") ? "3" : "7", "protocol_name", protocol,
                "target_region", region, "ctdivol_mgy", ctdivol, "phantom", phantom, "dlp_mgycm", "60").audit(dir);
        List<Finding> f = findings(r, "DOSE_ABOVE_EXPECTED_RANGE").stream().filter(x -> x.quantity().equals("CTDIvol")).toList();
        if (onRange == null) {
            assertEquals(List.of(), f);
            return;
        }
        assertEquals(1, f.size());
        assertEquals(onRange, f.get(0).measuredValue(), 1e-9);
        int other = phantom.equals("16") ? 32 : 16;
        assertTrue(f.get(0).message().startsWith("CTDIvol " + ctdivol + " mGy (" + phantom + " cm phantom) = "
                + String.format(java.util.Locale.ROOT, "%.2f", onRange) + " mGy on the " + other + " cm phantom of the expected range (" + (other == 32 ? "/" : "x") + " 2, AAPM Report 204 ratio)"),
                f.get(0).message());
    }

    @Test
    void aStudyDlpOfAcquisitionsOnBothPhantomsConvertsEachBeforeTheSumAndSaysSo() {
        // 40 on 32 cm + 60.2 on 16 cm = 40 + 30.1 = 70.1 mGy·cm on 32 cm, above the chest's 70; 60 on 16 cm sums to 70, at it.
        AuditFixture f = new AuditFixture().defaults("age_years", "7", "protocol_name", "PED CHEST 5-10Y", "target_region", "CHEST",
                "ctdivol_mgy", "2.0");
        f.row("accession_number", "M2", "event_uid", "a", "phantom", "32", "dlp_mgycm", "40");
        f.row("accession_number", "M2", "event_uid", "b", "phantom", "16", "dlp_mgycm", "60.2");
        f.row("accession_number", "M1", "patient_id", "P1", "event_uid", "c", "phantom", "32", "dlp_mgycm", "40");
        f.row("accession_number", "M1", "patient_id", "P1", "event_uid", "d", "phantom", "16", "dlp_mgycm", "60");
        List<Finding> above = findings(f.audit(dir), "DOSE_ABOVE_EXPECTED_RANGE");
        assertEquals(List.of("M2"), above.stream().map(Finding::accessionNumber).toList());
        assertEquals(70.1, above.get(0).measuredValue(), 1e-9);
        assertTrue(above.get(0).message().startsWith("study DLP 70.1 mGy·cm on the 32 cm phantom of the expected range (acquisitions on"
                + " both phantoms, those on 16 cm converted one by one: / 2, AAPM Report 204 ratio) is above the expected upper 70 mGy·cm"),
                above.get(0).message());
    }

    @Test
    void theDoseSizeChartsPointsAreOnTheRangesPhantomAsTheRangeIsJudged() {
        AuditResult r = new AuditFixture().row("age_years", "7", "weight_kg", "22", "protocol_name", "PED CHEST 5-10Y",
                "target_region", "CHEST", "ctdivol_mgy", "4.0", "phantom", "16", "dlp_mgycm", "60").audit(dir);
        var points = r.protocols().stream().filter(p -> "PED CHEST 5-10Y".equals(p.standardProtocol()))
                .flatMap(p -> p.sizePoints().stream()).toList();
        assertEquals(1, points.size());
        assertEquals(2.0, points.get(0).ctdivol(), 1e-9, "4 mGy on 16 cm is 2 mGy on the 32 cm phantom of the chest's range");
    }

    /**
     * The chest DRL with contrast (2.9 mGy at 5-<10 y) is above the one without (2.5 mGy): an exam with contrast is
     * held to the catalog's row for contrast exams, any other (without, not known, done both ways) to the row without.
     */
    @ParameterizedTest(name = "contrast {0}, CTDIvol {1} -> {2}")
    @CsvSource(delimiter = ';', value = {"with;2.9;", "with;2.91;2.9 of protocol PED CHEST 5-10Y C+", "without;2.5;",
            "without;2.51;2.5 of protocol PED CHEST 5-10Y", ";2.51;2.5 of protocol PED CHEST 5-10Y", "both;2.51;2.5 of protocol PED CHEST 5-10Y"})
    void anExamWithContrastIsHeldToTheRangeOfContrastExams(String contrast, String ctdivol, String expected) {
        AuditResult r = new AuditFixture().row("ctdivol_mgy", ctdivol, "contrast", contrast == null ? "" : contrast).audit(dir);
        List<String> f = findings(r, "DOSE_ABOVE_EXPECTED_RANGE").stream().filter(x -> x.quantity().equals("CTDIvol"))
                .map(x -> x.referenceValue() + " of protocol " + x.message().replaceAll(".* of protocol (.*?) \\(.*", "$1")).toList();
        assertEquals(expected == null ? List.of() : List.of(expected), f);
    }

    @ParameterizedTest(name = "study DLP {0}+{1} -> {2}")
    @CsvSource({"40,30,", "40,30.1,MINOR", "100,40,MINOR", "100,40.1,MAJOR"})
    void studyDlpSumsTheProtocolsEvents(String dlp1, String dlp2, String severity) {
        AuditResult r = new AuditFixture().defaults("ctdivol_mgy", "1.0")
                .row("event_uid", "a", "dlp_mgycm", dlp1, "acquisition_type", "CONSTANT_ANGLE", "study_datetime", "2026-10-10T10:00")
                .row("event_uid", "b", "dlp_mgycm", dlp2)
                .audit(dir);
        List<Finding> f = findings(r, "DOSE_ABOVE_EXPECTED_RANGE").stream().filter(x -> x.quantity().equals("DLP")).toList();
        if (severity == null) {
            assertEquals(List.of(), f);
        } else {
            assertEquals(1, f.size());
            assertEquals(Severity.valueOf(severity), f.get(0).severity());
            assertEquals(Double.parseDouble(dlp1) + Double.parseDouble(dlp2), f.get(0).measuredValue(), 1e-9);
        }
    }

    @Test
    void ctdivolBelowTheExpectedLowerValueOnlyForDiagnosticAcquisitions() {
        AuditResult r = new AuditFixture()
                .row("accession_number", "A1", "ctdivol_mgy", "0.624", "dlp_mgycm", "20")
                .row("accession_number", "A2", "ctdivol_mgy", "0.625", "dlp_mgycm", "20", "patient_id", "M2")
                .row("accession_number", "A3", "ctdivol_mgy", "0.1", "dlp_mgycm", "20", "patient_id", "M3",
                        "acquisition_type", "CONSTANT_ANGLE")
                .audit(dir);
        List<Finding> f = findings(r, "DOSE_BELOW_EXPECTED_RANGE");
        assertEquals(List.of("A1"), f.stream().map(Finding::accessionNumber).toList());
        assertEquals(Severity.MINOR, f.get(0).severity());
    }

    @Test
    void studyDlpBelowTheExpectedLowerValue() {
        AuditResult r = new AuditFixture()
                .row("accession_number", "A1", "dlp_mgycm", "17.4")
                .row("accession_number", "A2", "dlp_mgycm", "17.5", "patient_id", "M2")
                .audit(dir);
        List<Finding> f = findings(r, "DOSE_BELOW_EXPECTED_RANGE");
        assertEquals(List.of("A1"), f.stream().map(Finding::accessionNumber).toList());
        assertEquals("DLP", f.get(0).quantity());
    }

    @Test
    void threeAcquisitionsAboveAndADlpAboveAreOneFindingOnTheQuantityFurthestAbove() {
        AuditResult r = new AuditFixture()
                .row("event_uid", "a", "ctdivol_mgy", "3.0", "dlp_mgycm", "60", "study_datetime", "2026-10-10T10:00")
                .row("event_uid", "b", "ctdivol_mgy", "4.0", "dlp_mgycm", "60", "study_datetime", "2026-10-10T10:01")
                .row("event_uid", "c", "ctdivol_mgy", "3.5", "dlp_mgycm", "60", "study_datetime", "2026-10-10T10:02")
                .audit(dir);
        List<Finding> f = findings(r, "DOSE_ABOVE_EXPECTED_RANGE");
        assertEquals(1, f.size(), "three CTDIvol values and the study DLP above the range are one protocol use");
        Finding only = f.get(0);
        assertEquals("DLP", only.quantity(), "DLP 180/70 = 2.57 is further above than CTDIvol 4.0/2.5 = 1.6");
        assertEquals(180.0, only.measuredValue(), 1e-9);
        assertEquals(Severity.MAJOR, only.severity(), "180 is more than twice 70");
        assertEquals(3, only.inputLines().size(), "the study DLP rests on every acquisition of the protocol");
        assertTrue(only.message().contains("study DLP 180.0 mGy·cm") && only.message().contains("70 mGy·cm")
                && only.message().contains("highest CTDIvol 4.00 mGy (expected 0.625-2.5 mGy)"), only.message());
        assertEquals(List.of(), findings(r, "DOSE_BELOW_EXPECTED_RANGE"));
    }

    @Test
    void theCtdivolIsReportedWhenItIsFurtherAboveThanTheDlp() {
        AuditResult r = new AuditFixture().row("ctdivol_mgy", "4.0", "dlp_mgycm", "80").audit(dir);
        Finding f = findings(r, "DOSE_ABOVE_EXPECTED_RANGE").get(0);
        assertEquals("CTDIvol", f.quantity());
        assertEquals(2.5, f.referenceValue());
        assertTrue(f.message().startsWith("CTDIvol 4.00 mGy is above the expected upper 2.5 mGy of protocol PED CHEST 5-10Y (1.60 times it)")
                && f.message().contains("study DLP 80.0 mGy·cm (expected 17.5-70 mGy·cm)"), f.message());
    }

    @Test
    void aboveTheRangeOutranksBelowItInTheSameProtocolUse() {
        AuditResult r = new AuditFixture().row("ctdivol_mgy", "2.6", "dlp_mgycm", "1").audit(dir);
        assertEquals(List.of("CTDIvol"), findings(r, "DOSE_ABOVE_EXPECTED_RANGE").stream().map(Finding::quantity).toList());
        assertEquals(List.of(), findings(r, "DOSE_BELOW_EXPECTED_RANGE"));
    }

    @Test
    void twoProtocolsOfOneStudyAreTwoFindingsWithIdsKeyedOnStudyAndProtocol() {
        AuditFixture fixture = new AuditFixture()
                .row("event_uid", "a", "ctdivol_mgy", "4.0")
                .row("event_uid", "b", "ctdivol_mgy", "9.0", "protocol_name", "PED ABD 5-10Y", "target_region", "ABDOMEN_PELVIS",
                        "study_datetime", "2026-10-10T10:05");
        List<Finding> f = findings(fixture.audit(dir), "DOSE_ABOVE_EXPECTED_RANGE");
        assertEquals(2, f.size());
        assertEquals(2, f.stream().map(Finding::findingId).distinct().count());
        assertEquals(FindingCollector.id("DOSE_ABOVE_EXPECTED_RANGE", "General", "ACC1", "PED CHEST 5-10Y"),
                f.stream().filter(x -> x.protocolName().equals("PED CHEST 5-10Y")).findFirst().orElseThrow().findingId());
    }

    @Test
    void protocolWithoutAnExpectedRangeIsNotJudged() {
        AuditResult r = new AuditFixture().row("protocol_name", "Kids Thorax", "ctdivol_mgy", "40").audit(dir);
        assertEquals(List.of(), findings(r, "DOSE_ABOVE_EXPECTED_RANGE"));
    }
}
