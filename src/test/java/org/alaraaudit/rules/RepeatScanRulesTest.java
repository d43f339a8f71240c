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

class RepeatScanRulesTest {
    @TempDir
    Path dir;

    private AuditResult twoStudies(String age, String second, String region2) {
        return new AuditFixture().defaults("age_years", age, "protocol_name", "LOCAL CHEST")
                .row("accession_number", "A1", "study_datetime", "2026-10-10T10:00:00")
                .row("accession_number", "A2", "study_datetime", second, "target_region", region2)
                .audit(dir);
    }

    @Test
    void childRescannedJustInsideTheWindowIsMajor() {
        List<Finding> f = findings(twoStudies("8", "2026-10-12T10:00:00", "CHEST"), "REPEAT_STUDY");
        assertEquals(1, f.size());
        assertEquals("A2", f.get(0).accessionNumber(), "the finding is on the later study");
        assertTrue(f.get(0).message().contains("A1"), "and names the earlier");
        assertEquals("A1", f.get(0).relatedAccessionNumber());
        assertEquals(Severity.MAJOR, f.get(0).severity());
        assertEquals(48.0, f.get(0).measuredValue());
    }

    @Test
    void justOutsideTheWindowIsNoRepeat() {
        assertEquals(List.of(), findings(twoStudies("8", "2026-10-12T10:00:01", "CHEST"), "REPEAT_STUDY"));
    }

    @Test
    void adultRepeatIsMinor() {
        assertEquals(Severity.MINOR, findings(twoStudies("40", "2026-10-11T10:00:00", "CHEST"), "REPEAT_STUDY").get(0).severity());
    }

    @Test
    void overlappingRegionsCountAndSeparateOnesDoNot() {
        assertEquals(1, findings(twoStudies("8", "2026-10-11T10:00:00", "CHEST_ABDOMEN_PELVIS"), "REPEAT_STUDY").size());
        assertEquals(0, findings(twoStudies("8", "2026-10-11T10:00:00", "HEAD"), "REPEAT_STUDY").size());
    }

    @Test
    void studyBeforeThePeriodServesAsHistoryOnly() {
        AuditResult r = twoStudies("8", "2026-10-01T09:00:00", "CHEST");
        // A1 on 10 Oct is after A2 (1 Oct) by more than the window: no repeat either way.
        assertEquals(0, findings(r, "REPEAT_STUDY").size());
        AuditResult history = new AuditFixture().defaults("protocol_name", "LOCAL CHEST")
                .row("accession_number", "A0", "study_datetime", "2026-09-30T20:00:00")
                .row("accession_number", "A1", "study_datetime", "2026-10-01T08:00:00")
                .audit(dir);
        List<Finding> f = findings(history, "REPEAT_STUDY");
        assertEquals(List.of("A1"), f.stream().map(Finding::accessionNumber).toList());
        assertTrue(history.findings().stream().noneMatch(x -> "A0".equals(x.accessionNumber())), "no findings before the period");
    }

    @Test
    void differentPatientsAreNeverRepeats() {
        AuditResult r = new AuditFixture().defaults("protocol_name", "LOCAL CHEST")
                .row("patient_id", "M1", "accession_number", "A1")
                .row("patient_id", "M2", "accession_number", "A2", "study_datetime", "2026-10-10T11:00:00")
                .audit(dir);
        assertEquals(List.of(), findings(r, "REPEAT_STUDY"));
    }

    @Test
    void childWithTwoDiagnosticAcquisitionsOverOneRegionIsMultiphase() {
        AuditResult two = new AuditFixture()
                .row("event_uid", "s", "acquisition_type", "CONSTANT_ANGLE", "ctdivol_mgy", "0.1")
                .row("event_uid", "b", "acquisition_type", "STATIONARY", "ctdivol_mgy", "0.5")
                .row("event_uid", "p1")
                .row("event_uid", "p2")
                .audit(dir);
        List<Finding> f = findings(two, "PEDIATRIC_MULTIPHASE");
        assertEquals(1, f.size());
        assertEquals(2.0, f.get(0).measuredValue());
        assertEquals(Severity.MAJOR, f.get(0).severity());
        // One acquisition per region is this tool's reading of Image Gently, which gives no number: cited as local policy.
        assertEquals(1.0, f.get(0).referenceValue());
        assertTrue(f.get(0).referenceSource().startsWith("local policy (default): more than one diagnostic acquisition"), f.get(0).referenceSource());
        assertEquals("local-policy", org.alaraaudit.report.CitedStatus.of(two).of(f.get(0)));

        AuditResult one = new AuditFixture()
                .row("event_uid", "s", "acquisition_type", "CONSTANT_ANGLE", "ctdivol_mgy", "0.1")
                .row("event_uid", "p1")
                .row("event_uid", "p2", "target_region", "HEAD", "phantom", "16", "ctdivol_mgy", "20")
                .audit(dir);
        assertEquals(List.of(), findings(one, "PEDIATRIC_MULTIPHASE"));

        AuditResult adult = new AuditFixture().defaults("age_years", "30", "protocol_name", "CHEST ROUTINE")
                .row("event_uid", "p1").row("event_uid", "p2").audit(dir);
        assertEquals(List.of(), findings(adult, "PEDIATRIC_MULTIPHASE"));
    }
}
