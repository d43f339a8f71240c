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
    void aCategoryNamedForItsPhantomGivesThePhantomOnceInTheMessage() {
        AuditResult r = new AuditFixture().row("age_years", "5", "weight_kg", "", "protocol_name", "LOCAL SCAN",
                "target_region", "CHEST", "phantom", "32", "ctdivol_mgy", "10.01").audit(dir);
        String m = findings(r, "CT_NOTIFICATION_VALUE").get(0).message();
        assertTrue(m.endsWith("exceeds the notification value 10 mGy (32 cm phantom) for Pediatric torso <10 y"), m);
    }

    @Test
    void stationaryHeadSeriesIsJudgedAsBrainPerfusion() {
        AuditResult r = new AuditFixture().row("age_years", "50", "protocol_name", "BRAIN PERFUSION", "target_region", "HEAD",
                "phantom", "16", "acquisition_type", "STATIONARY", "ctdivol_mgy", "599").audit(dir);
        assertEquals(List.of(), findings(r, "CT_NOTIFICATION_VALUE"));
    }

    /** The AAPM brain-perfusion value (600 mGy) is an adult one; a child's perfusion meets the head value of the age. */
    @ParameterizedTest(name = "age {0}: {1} mGy -> {2}")
    @CsvSource({"1.99, 50.01, true, 50", "1.99, 50, false, 50", "8, 80.01, true, 80", "8, 80, false, 80", "17.99, 80.01, true, 80"})
    void aChildsPerfusionSeriesMeetsTheHeadValueOfTheAgeNotTheAdultPerfusionValue(double age, String ctdivol, boolean fires,
                                                                                 double value) {
        AuditResult r = new AuditFixture().row("age_years", String.valueOf(age), "weight_kg", "", "protocol_name", "PED HEAD PERFUSION",
                "target_region", "HEAD", "phantom", "16", "acquisition_type", "STATIONARY", "ctdivol_mgy", ctdivol).audit(dir);
        List<Finding> f = findings(r, "CT_NOTIFICATION_VALUE");
        assertEquals(fires ? 1 : 0, f.size());
        if (fires) {
            assertEquals(value, f.get(0).referenceValue());
            assertTrue(f.get(0).message().contains("the AAPM brain-perfusion value is an adult one"), f.get(0).message());
        }
    }

    @Test
    void theAdultPerfusionValueAppliesFromTheEighteenthBirthday() {
        AuditResult r = new AuditFixture().row("age_years", "18", "protocol_name", "BRAIN PERFUSION", "target_region", "HEAD",
                "phantom", "16", "acquisition_type", "STATIONARY", "ctdivol_mgy", "600.01").audit(dir);
        assertEquals(600.0, findings(r, "CT_NOTIFICATION_VALUE").get(0).referenceValue());
    }

    /** A head logged on 32 cm is compared on the head value's 16 cm phantom: x 2.0 (AAPM 204). */
    @ParameterizedTest(name = "1 y head on 32 cm at {0} mGy -> {1}")
    @CsvSource({"25.01, true", "25, false"})
    void aSeriesOnTheOtherPhantomIsConvertedWithTheStatedRatio(String ctdivol, boolean fires) {
        AuditResult r = new AuditFixture().row("age_years", "1", "weight_kg", "", "protocol_name", "LOCAL SCAN",
                "target_region", "HEAD", "phantom", "32", "ctdivol_mgy", ctdivol).audit(dir);
        List<Finding> f = findings(r, "CT_NOTIFICATION_VALUE");
        assertEquals(fires ? 1 : 0, f.size());
        if (fires) {
            assertEquals(50.0, f.get(0).referenceValue());
            assertEquals(50.02, f.get(0).measuredValue(), 1e-9);
            assertTrue(f.get(0).message().contains("(32 cm phantom) = 50.02 mGy on the 16 cm phantom (x 2, AAPM Report 204 ratio)"),
                    f.get(0).message());
            assertTrue(f.get(0).message().contains("notification value 50 mGy (16 cm phantom)"), f.get(0).message());
        }
    }

    /** No region, no value of its own: the strictest for the child's age (torso under 10 y, 10 mGy on 32 cm). */
    @ParameterizedTest(name = "{0} mGy -> {1}")
    @CsvSource({"10.01, true", "10, false"})
    void aChildsSeriesOfUnknownRegionMeetsTheStrictestValueAndIsReported(String ctdivol, boolean fires) {
        AuditResult r = new AuditFixture().row("protocol_name", "LOCAL SCAN", "target_region", "", "phantom", "32",
                "ctdivol_mgy", ctdivol).audit(dir);
        List<Finding> unknown = findings(r, "PEDIATRIC_REGION_UNKNOWN");
        assertEquals(1, unknown.size());
        assertEquals(Severity.INFO, unknown.get(0).severity());
        assertTrue(unknown.get(0).message().contains("10 mGy (32 cm phantom)"), unknown.get(0).message());
        assertEquals(1, unknown.get(0).message().split("32 cm phantom", -1).length - 1, "the phantom once: " + unknown.get(0).message());
        List<Finding> f = findings(r, "CT_NOTIFICATION_VALUE");
        assertEquals(fires ? 1 : 0, f.size());
        if (fires) assertTrue(f.get(0).message().contains("strictest value for the child's age, region unknown"), f.get(0).message());
        if (fires) assertEquals(2, f.get(0).message().split("32 cm phantom", -1).length - 1,
                "the logged value's phantom and the notification value's, never a third time in its category: " + f.get(0).message());
    }

    /**
     * On the 16 cm phantom the strictest value a child's region could give is the torso's own 16 cm row (25 mGy), not
     * the 32 cm torso row converted (10 mGy x 2 = 20): each region gives the value a series of it would meet.
     */
    @ParameterizedTest(name = "{0} mGy on 16 cm -> {1}")
    @CsvSource({"25.01, true", "25, false", "20.01, false"})
    void aChildsSeriesOfUnknownRegionOn16CmMeetsTheStrictestRegionsOwnValueOnThatPhantom(String ctdivol, boolean fires) {
        AuditResult r = new AuditFixture().row("age_years", "5", "protocol_name", "LOCAL SCAN", "target_region", "OTHER",
                "phantom", "16", "ctdivol_mgy", ctdivol).audit(dir);
        List<Finding> f = findings(r, "CT_NOTIFICATION_VALUE");
        assertEquals(fires ? 1 : 0, f.size());
        if (fires) {
            assertEquals(25.0, f.get(0).referenceValue());
            assertTrue(f.get(0).message().contains("notification value 25 mGy (16 cm phantom) for the strictest value for the child's age, region unknown (Pediatric torso <10 y)"), f.get(0).message());
        }
    }

    @Test
    void anAdultsSeriesOfUnknownRegionIsNotADataFinding() {
        AuditResult r = new AuditFixture().row("age_years", "40", "protocol_name", "LOCAL SCAN", "target_region", "",
                "ctdivol_mgy", "30").audit(dir);
        assertEquals(List.of(), findings(r, "PEDIATRIC_REGION_UNKNOWN"));
    }

    @Test
    void aHeadBandThatStartsOnTheSixthBirthdayHoldsOnThatDay() {
        // Pediatric head 2-5 y (60 mGy) is for ages under 6; on the 6th birthday the adult head value 80 applies.
        AuditFixture birthday = new AuditFixture().row("age_years", "", "birth_date", "2020-10-10", "weight_kg", "",
                "protocol_name", "LOCAL SCAN", "target_region", "HEAD", "phantom", "16", "ctdivol_mgy", "70");
        assertEquals(List.of(), findings(birthday.audit(dir), "CT_NOTIFICATION_VALUE"));
        AuditFixture dayBefore = new AuditFixture().row("age_years", "", "birth_date", "2020-10-11", "weight_kg", "",
                "protocol_name", "LOCAL SCAN", "target_region", "HEAD", "phantom", "16", "ctdivol_mgy", "70");
        assertEquals(60.0, findings(dayBefore.audit(dir), "CT_NOTIFICATION_VALUE").get(0).referenceValue());
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
        assertTrue(f.get(0).message().contains("is 1000.01 mGy, above the alert value 1000 mGy"), "never 1000 above 1000: " + f.get(0).message());
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
