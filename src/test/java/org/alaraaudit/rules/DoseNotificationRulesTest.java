package org.alaraaudit.rules;

import static org.alaraaudit.AuditFixture.findings;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

class DoseNotificationRulesTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}: age {1}, {2}, {3} cm, CTDIvol {4} -> {5}")
    @CsvSource({
            // category, age, region, phantom, ctdivol, fires, notification value
            "pediatric torso 32 cm,  9.99, CHEST, 32, 10.01, true, 10",
            "pediatric torso 32 cm,  9.99, CHEST, 32, 10,    false, 10",
            "pediatric torso 16 cm,  4,    ABDOMEN_PELVIS, 16, 25.01, true, 25",
            "pediatric torso 16 cm,  4,    ABDOMEN_PELVIS, 16, 25,    false, 25",
            "adult torso from 10 y,  10,   CHEST, 32, 50.01, true, 50",
            "adult torso from 10 y,  10,   CHEST, 32, 49.99, false, 50",
            "pediatric head <2 y,    1.99, HEAD, 16, 50.01, true, 50",
            "pediatric head <2 y,    1.99, HEAD, 16, 50,    false, 50",
            "pediatric head 2-5 y,   2,    HEAD, 16, 60.01, true, 60",
            "pediatric head 2-5 y,   5.99, HEAD, 16, 60,    false, 60",
            "adult head from 6 y,    6,    HEAD, 16, 80.01, true, 80",
            "adult head,             40,   HEAD, 16, 80,    false, 80"})
    void seriesAboveTheNotificationValueForItsRegionAgeAndPhantom(String category, String age, String region, String phantom,
                                                                  String ctdivol, boolean fires, double value) {
        AuditResult r = new AuditFixture().row("age_years", age, "weight_kg", "", "protocol_name", "LOCAL SCAN",
                "target_region", region, "phantom", phantom, "ctdivol_mgy", ctdivol).audit(dir);
        List<Finding> f = findings(r, "CT_NOTIFICATION_VALUE");
        assertEquals(fires ? 1 : 0, f.size(), category);
        if (fires) {
            assertEquals(value, f.get(0).referenceValue());
            assertEquals(Severity.MAJOR, f.get(0).severity());
            assertEquals("mGy", f.get(0).unit());
        }
    }

    @Test
    void stationaryHeadSeriesIsJudgedAsBrainPerfusion() {
        AuditResult r = new AuditFixture().row("age_years", "50", "protocol_name", "BRAIN PERFUSION", "target_region", "HEAD",
                "phantom", "16", "acquisition_type", "STATIONARY", "ctdivol_mgy", "599").audit(dir);
        assertEquals(List.of(), findings(r, "CT_NOTIFICATION_VALUE"));
    }

    @Test
    void accumulatedCtdivolOverOneRegionAboveTheAlertValueIsCritical() {
        AuditFixture fx = new AuditFixture().defaults("age_years", "50", "protocol_name", "BRAIN PERFUSION",
                "target_region", "HEAD", "phantom", "16", "acquisition_type", "STATIONARY");
        for (int i = 0; i < 4; i++) fx.row("event_uid", "p" + i, "ctdivol_mgy", "250");
        fx.row("event_uid", "p4", "ctdivol_mgy", "0.01");
        AuditResult above = fx.audit(dir);
        List<Finding> f = findings(above, "CT_ALERT_VALUE");
        assertEquals(1, f.size());
        assertEquals(Severity.CRITICAL, f.get(0).severity());
        assertEquals(1000.01, f.get(0).measuredValue(), 1e-9);
        assertEquals(5, f.get(0).inputLines().size());

        AuditFixture at = new AuditFixture().defaults("age_years", "50", "protocol_name", "BRAIN PERFUSION",
                "target_region", "HEAD", "phantom", "16", "acquisition_type", "STATIONARY");
        for (int i = 0; i < 4; i++) at.row("event_uid", "p" + i, "ctdivol_mgy", "250");
        assertEquals(List.of(), findings(at.audit(dir), "CT_ALERT_VALUE"), "exactly 1000 mGy does not exceed it");
    }

    @Test
    void differentRegionsDoNotAccumulate() {
        AuditResult r = new AuditFixture().defaults("age_years", "50", "protocol_name", "TRAUMA")
                .row("event_uid", "a", "target_region", "HEAD", "phantom", "16", "ctdivol_mgy", "600")
                .row("event_uid", "b", "target_region", "CHEST", "ctdivol_mgy", "600")
                .audit(dir);
        assertEquals(List.of(), findings(r, "CT_ALERT_VALUE"));
    }
}
