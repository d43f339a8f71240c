package org.alaraaudit.rules;

import static org.alaraaudit.AuditFixture.findings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.TargetRegion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Multiphase, the alert value and repeats compare regions by the parts they cover, never by name alone. */
class RegionOverlapRulesTest {
    @TempDir
    Path dir;

    private AuditResult childStudy(String region1, String region2) {
        return new AuditFixture().defaults("protocol_name", "LOCAL BODY")
                .row("event_uid", "p1", "target_region", region1)
                .row("event_uid", "p2", "target_region", region2)
                .audit(dir);
    }

    @Test
    void anAbdomenPelvisPhaseAndAnAbdomenPhaseAreMultiphaseOverTheAbdomen() {
        List<Finding> f = findings(childStudy("ABDOMEN_PELVIS", "ABDOMEN"), "PEDIATRIC_MULTIPHASE");
        assertEquals(1, f.size());
        assertEquals(TargetRegion.ABDOMEN, f.get(0).targetRegion());
        assertEquals(2.0, f.get(0).measuredValue());
        assertEquals(2, f.get(0).inputLines().size());
    }

    @Test
    void aChestRescanInsideAChestAbdomenPelvisStudyIsMultiphaseOverTheChest() {
        List<Finding> f = findings(childStudy("CHEST_ABDOMEN_PELVIS", "CHEST"), "PEDIATRIC_MULTIPHASE");
        assertEquals(1, f.size());
        assertEquals(TargetRegion.CHEST, f.get(0).targetRegion());
    }

    @Test
    void twoPhasesOfOneWideRegionAreOneFindingOverThatRegion() {
        List<Finding> f = findings(childStudy("CHEST_ABDOMEN_PELVIS", "CHEST_ABDOMEN_PELVIS"), "PEDIATRIC_MULTIPHASE");
        assertEquals(1, f.size(), "not again over the chest, the abdomen and the pelvis");
        assertEquals(TargetRegion.CHEST_ABDOMEN_PELVIS, f.get(0).targetRegion());
    }

    @Test
    void phasesOverRegionsThatShareNoPartAreNotMultiphase() {
        assertEquals(List.of(), findings(childStudy("ABDOMEN_PELVIS", "CHEST"), "PEDIATRIC_MULTIPHASE"));
        assertEquals(List.of(), findings(childStudy("PELVIS", "ABDOMEN"), "PEDIATRIC_MULTIPHASE"));
    }

    @Test
    void twoPhasesOfUnknownRegionAreNotMultiphase() {
        assertEquals(List.of(), findings(childStudy("OTHER", "OTHER"), "PEDIATRIC_MULTIPHASE"));
    }

    private AuditResult adultStudy(String region1, String ctdivol1, String region2, String ctdivol2) {
        return new AuditFixture().defaults("age_years", "50", "protocol_name", "LOCAL BODY", "acquisition_type", "STATIONARY")
                .row("event_uid", "a", "target_region", region1, "ctdivol_mgy", ctdivol1)
                .row("event_uid", "b", "target_region", region2, "ctdivol_mgy", ctdivol2)
                .audit(dir);
    }

    @Test
    void chestEventsInsideAChestAbdomenPelvisStudyAccumulateAboveTheAlertValue() {
        List<Finding> f = findings(adultStudy("CHEST_ABDOMEN_PELVIS", "600", "CHEST", "400.01"), "CT_ALERT_VALUE");
        assertEquals(1, f.size());
        assertEquals(TargetRegion.CHEST, f.get(0).targetRegion());
        assertEquals(1000.01, f.get(0).measuredValue(), 1e-9);
        assertEquals(2, f.get(0).inputLines().size());
    }

    @Test
    void overlappingEventsAtExactlyTheAlertValueDoNotExceedIt() {
        assertEquals(List.of(), findings(adultStudy("CHEST_ABDOMEN_PELVIS", "600", "CHEST", "400"), "CT_ALERT_VALUE"));
    }

    @Test
    void eventsOverRegionsThatShareNoPartDoNotAccumulate() {
        assertEquals(List.of(), findings(adultStudy("ABDOMEN_PELVIS", "600", "CHEST", "600"), "CT_ALERT_VALUE"));
        assertEquals(List.of(), findings(adultStudy("OTHER", "600", "OTHER", "600"), "CT_ALERT_VALUE"),
                "two events of unknown region may be of two parts");
    }

    private AuditResult twoStudies(String region1, String type1, String region2) {
        return new AuditFixture().defaults("protocol_name", "LOCAL SCAN")
                .row("accession_number", "A1", "study_datetime", "2026-10-10T10:00:00", "target_region", region1,
                        "acquisition_type", type1)
                .row("accession_number", "A2", "study_datetime", "2026-10-11T10:00:00", "target_region", region2)
                .audit(dir);
    }

    @Test
    void twoStudiesOfUnknownRegionAreNoRepeat() {
        assertEquals(List.of(), findings(twoStudies("", "SPIRAL", ""), "REPEAT_STUDY"));
        assertEquals(List.of(), findings(twoStudies("OTHER", "SPIRAL", "OTHER"), "REPEAT_STUDY"));
    }

    @Test
    void aKnownRegionAfterTheSameKnownRegionIsARepeat() {
        assertEquals(1, findings(twoStudies("CHEST", "SPIRAL", "CHEST"), "REPEAT_STUDY").size());
    }

    @Test
    void aStudyOfLocalizersOnlyIsNotTheFirstHalfOfARepeat() {
        assertEquals(List.of(), findings(twoStudies("CHEST", "CONSTANT_ANGLE", "CHEST"), "REPEAT_STUDY"));
    }

    @Test
    void aStudyWithALocalizerAndADiagnosticAcquisitionIsTheFirstHalfOfARepeat() {
        AuditResult r = new AuditFixture().defaults("protocol_name", "LOCAL SCAN", "target_region", "CHEST")
                .row("accession_number", "A1", "study_datetime", "2026-10-10T10:00:00", "acquisition_type", "CONSTANT_ANGLE", "event_uid", "s")
                .row("accession_number", "A1", "study_datetime", "2026-10-10T10:00:00", "event_uid", "d")
                .row("accession_number", "A2", "study_datetime", "2026-10-11T10:00:00", "event_uid", "r")
                .audit(dir);
        assertEquals(1, findings(r, "REPEAT_STUDY").size());
    }

    @Test
    void anAbortedStudyBetweenTwoFullOnesDoesNotHideTheRepeat() {
        AuditResult r = new AuditFixture().defaults("protocol_name", "LOCAL SCAN", "target_region", "CHEST")
                .row("accession_number", "A1", "study_datetime", "2026-10-10T10:00:00")
                .row("accession_number", "A2", "study_datetime", "2026-10-10T20:00:00", "acquisition_type", "CONSTANT_ANGLE")
                .row("accession_number", "A3", "study_datetime", "2026-10-11T10:00:00")
                .audit(dir);
        List<Finding> f = findings(r, "REPEAT_STUDY");
        assertEquals(List.of("A3"), f.stream().map(Finding::accessionNumber).toList());
        assertEquals("A1", f.get(0).relatedAccessionNumber());
    }
}
