package org.alaraaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditProgress;
import org.alaraaudit.audit.AuditRequest;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.AuditRun;
import org.alaraaudit.audit.DoseHistory;
import org.alaraaudit.audit.aggregate.MarrowDoseProfile;
import org.alaraaudit.audit.StudyDose;
import org.alaraaudit.model.DoseMetric;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.TableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CUMULATIVE_DOSE over the 365-day window ending at the period's end (period 2026-10: 2025-11-01 to 2026-10-31).
 * A 1-year-old's head CT at 30 mGy (16 cm) gives 0.357 x 30 = 10.71 mGy red-marrow dose (NCICT 2015, 1 y head).
 */
public class CumulativeDoseRuleTest {
    private static final double MARROW_PER_HEAD_CT = 0.357 * 30;

    @TempDir
    Path dir;

    private static AuditFixture infant() {
        return new AuditFixture().defaults("patient_id", "BABY", "age_years", "1", "weight_kg", "10", "protocol_name", "PED HEAD 1-2Y",
                "target_region", "HEAD", "phantom", "16", "ctdivol_mgy", "30", "dlp_mgycm", "400", "kvp", "80");
    }

    private static AuditFixture headCts(AuditFixture f, String... dates) {
        for (int i = 0; i < dates.length; i++) f.row("accession_number", "H" + i, "study_datetime", dates[i]);
        return f;
    }

    private static final String[] FOUR_IN_WINDOW = {"2026-10-05T10:00:00", "2026-06-01T10:00:00", "2026-03-01T10:00:00", "2026-01-02T10:00:00"};

    private static String[] plus(String... more) {
        return Stream.concat(Stream.of(FOUR_IN_WINDOW), Stream.of(more)).toArray(String[]::new);
    }

    @Test
    void fourHeadCtsStayBelowFiftyMgy() {
        AuditResult r = headCts(infant(), FOUR_IN_WINDOW).audit(dir);
        assertTrue(AuditFixture.findings(r, "CUMULATIVE_DOSE").isEmpty());
        assertEquals(1, r.figures().cumulativeMarrowDoseProfile().from10To50());
    }

    @Test
    void aFifthOnTheFirstDayOfTheWindowReachesFiftyMgy() {
        AuditResult r = headCts(infant(), plus("2025-11-01T00:00:00")).audit(dir);
        List<Finding> f = AuditFixture.findings(r, "CUMULATIVE_DOSE");
        assertEquals(1, f.size());
        Finding c = f.get(0);
        assertEquals(5 * MARROW_PER_HEAD_CT, c.measuredValue(), 1e-9);
        assertEquals(50.0, c.referenceValue());
        assertEquals("mGy", c.unit());
        assertEquals("cumulative red_marrow_dose", c.quantity());
        assertEquals("MAJOR", c.severity().name());
        assertEquals("H0", c.accessionNumber(), "placed on the patient's latest study of the period");
        assertTrue(c.message().contains("5 CT studies"), c.message());
        assertTrue(c.message().contains("2025-11-01 to 2026-10-31, the earliest study counted on 2025-11-01,"), c.message());
        assertTrue(c.message().contains("not an individual risk"), c.message());
        assertTrue(c.message().contains("2.5"), "the phantom factor is printed as policy: " + c.message());
        assertTrue(c.referenceSource().contains("EPI-CT"), c.referenceSource());
        assertEquals(5, c.inputLines().size());
        assertEquals(1, r.figures().cumulativeMarrowDoseProfile().from50To100());
    }

    @Test
    void aFifthTheDayBeforeTheWindowDoesNotCount() {
        AuditResult r = headCts(infant(), plus("2025-10-31T23:59:00")).audit(dir);
        assertTrue(AuditFixture.findings(r, "CUMULATIVE_DOSE").isEmpty());
    }

    @Test
    void studiesAfterThePeriodEndDoNotCount() {
        AuditResult r = headCts(infant(), plus("2026-11-01T00:00:00")).audit(dir);
        assertTrue(AuditFixture.findings(r, "CUMULATIVE_DOSE").isEmpty());
    }

    @Test
    void onlyTheHighestLevelReachedIsReported() {
        AuditResult r = headCts(infant(), plus("2026-02-01T10:00:00", "2026-04-01T10:00:00", "2026-05-01T10:00:00",
                "2026-07-01T10:00:00", "2026-08-01T10:00:00", "2026-09-01T10:00:00")).audit(dir);
        List<Finding> f = AuditFixture.findings(r, "CUMULATIVE_DOSE");
        assertEquals(1, f.size());
        assertEquals(100.0, f.get(0).referenceValue());
        assertEquals(10 * MARROW_PER_HEAD_CT, f.get(0).measuredValue(), 1e-9);
        assertEquals(1, r.figures().cumulativeMarrowDoseProfile().atLeast100());
    }

    /**
     * The profile counts the period's pediatric CT patients, as the pediatric CT study count does: a child's
     * radiograph beside an adult's CT of one patient (an anonymised report set) is no pediatric CT patient; a child's
     * CT early in the month is one, though the patient's latest study of it is an adult's.
     */
    @Test
    void theMarrowProfileCountsAPatientOnlyForAChildsCtOfThePeriod() {
        AuditResult adultCt = new AuditFixture()
                .row("accession_number", "CT1", "age_years", "40", "study_datetime", "2026-10-05T10:00:00")
                .row("accession_number", "DX1", "age_years", "2", "study_datetime", "2026-10-20T10:00:00", "modality", "DX",
                        "protocol_name", "CHEST AP", "body_part", "CHEST", "ctdivol_mgy", "", "dlp_mgycm", "", "phantom", "",
                        "acquisition_type", "", "target_region", "", "dap_gycm2", "0.1")
                .audit(dir);
        assertEquals(0, adultCt.figures().pediatricCtStudies());
        assertEquals(0, adultCt.figures().cumulativeMarrowDoseProfile().patients());
        AuditResult childCt = new AuditFixture()
                .row("accession_number", "CT1", "age_years", "17.9", "study_datetime", "2026-10-05T10:00:00")
                .row("accession_number", "CT2", "age_years", "18.0", "study_datetime", "2026-10-25T10:00:00")
                .audit(dir);
        assertEquals(1, childCt.figures().pediatricCtStudies());
        assertEquals(1, childCt.figures().cumulativeMarrowDoseProfile().patients());
    }

    @Test
    void noFindingWithoutAStudyInThePeriod() {
        AuditResult r = headCts(infant(), "2026-09-05T10:00:00", "2026-06-01T10:00:00", "2026-03-01T10:00:00",
                "2026-01-02T10:00:00", "2025-12-01T10:00:00", "2025-11-15T10:00:00").audit(dir);
        assertTrue(AuditFixture.findings(r, "CUMULATIVE_DOSE").isEmpty());
        assertEquals(0, r.figures().cumulativeMarrowDoseProfile().patients());
    }

    @Test
    void aChildReachingBothMetricsGetsOneFindingNamingTheFirstMetricOfTheTable() {
        // 5 x 3000 mGy·cm x 0.0067 (1 y head, 16 cm) = 100.5 mSv, and 53.6 mGy marrow dose.
        AuditResult r = headCts(infant().defaults("dlp_mgycm", "3000"), plus("2025-12-01T10:00:00")).audit(dir);
        List<Finding> f = AuditFixture.findings(r, "CUMULATIVE_DOSE");
        assertEquals(1, f.size());
        assertEquals("cumulative red_marrow_dose", f.get(0).quantity());
    }

    /**
     * A child's head perfusion of 30 stationary series at 20 mGy (16 cm) raised nothing when stationary series
     * were left out of the marrow dose: 5 y head coefficient 0.299 x 600 mGy = 179.4 mGy.
     */
    @Test
    void everyPerfusionSeriesCountsInTheMarrowDose() {
        AuditFixture f = new AuditFixture().defaults("patient_id", "PERF", "age_years", "8", "protocol_name", "PED HEAD PERFUSION",
                "target_region", "HEAD", "phantom", "16", "acquisition_type", "STATIONARY", "ctdivol_mgy", "20", "dlp_mgycm", "160");
        for (int i = 0; i < 30; i++) f.row("event_uid", "perf" + i);
        List<Finding> found = AuditFixture.findings(f.audit(dir), "CUMULATIVE_DOSE");
        assertEquals(1, found.size());
        assertEquals(0.299 * 600, found.get(0).measuredValue(), 1e-9);
        assertEquals(100.0, found.get(0).referenceValue());
    }

    @Test
    void bolusTrackingAndLocalizersCountInTheMarrowDoseToo() {
        // 1 y head: one spiral at 30 mGy, a localizer at 0.1 and a monitoring series at 1 mGy: 0.357 x 31.1 mGy.
        AuditFixture f = infant().row("event_uid", "scout", "acquisition_type", "CONSTANT_ANGLE", "ctdivol_mgy", "0.1")
                .row("event_uid", "bolus", "acquisition_type", "STATIONARY", "ctdivol_mgy", "1")
                .row("event_uid", "spiral");
        for (int i = 0; i < 4; i++) f.row("accession_number", "EARLIER" + i, "study_datetime", "2026-0" + (i + 3) + "-01T10:00:00");
        // 4 x 10.71 + 11.10 = 53.95 mGy: at the 50 mGy level only because the scout and the monitoring count.
        List<Finding> found = AuditFixture.findings(f.audit(dir), "CUMULATIVE_DOSE");
        assertEquals(1, found.size());
        assertEquals(0.357 * 30 * 5 + 0.357 * 1.1, found.get(0).measuredValue(), 1e-9);
    }

    /** Marrow dose accrued as a child is still followed when the latest study falls after the 18th birthday. */
    @Test
    void marrowDoseAccruedAsAChildIsFollowedAfterTheEighteenthBirthday() {
        // 15 y head (F): 0.095 x 6 x 100 mGy = 57 mGy in September at 17.9 y; a small CT in October at 18.0 y.
        AuditFixture f = new AuditFixture().defaults("patient_id", "TEEN", "weight_kg", "60", "protocol_name", "HEAD ROUTINE",
                "target_region", "HEAD", "phantom", "16", "dlp_mgycm", "100", "kvp", "120");
        for (int i = 0; i < 6; i++) {
            f.row("age_years", "17.9", "accession_number", "SEPT", "study_datetime", "2026-09-01T10:00:00", "event_uid", "s" + i,
                    "ctdivol_mgy", "100");
        }
        f.row("age_years", "18.0", "accession_number", "OCT", "study_datetime", "2026-10-10T10:00:00", "event_uid", "o",
                "ctdivol_mgy", "1");
        List<Finding> found = AuditFixture.findings(f.audit(dir), "CUMULATIVE_DOSE");
        assertEquals(1, found.size());
        assertEquals("cumulative red_marrow_dose", found.get(0).quantity());
        assertEquals(50.0, found.get(0).referenceValue());
    }

    private static AuditFixture adult() {
        return new AuditFixture().defaults("patient_id", "ADULT", "age_years", "40", "weight_kg", "80", "protocol_name",
                "ABD PELVIS ROUTINE", "target_region", "ABDOMEN_PELVIS", "phantom", "32", "ctdivol_mgy", "20", "kvp", "120");
    }

    @Test
    void anAdultReachesOneHundredMsvOfEffectiveDose() {
        // adult abdomen-pelvis k 0.015 on 32 cm: 2 x 3400 mGy·cm = 102 mSv
        AuditResult r = adult().row("accession_number", "X1", "dlp_mgycm", "3400", "study_datetime", "2026-10-10T10:00:00")
                .row("accession_number", "X2", "dlp_mgycm", "3400", "study_datetime", "2026-04-10T10:00:00").audit(dir);
        List<Finding> f = AuditFixture.findings(r, "CUMULATIVE_DOSE");
        assertEquals(1, f.size());
        assertEquals("cumulative effective_dose", f.get(0).quantity());
        assertEquals(102.0, f.get(0).measuredValue(), 1e-9);
        assertEquals(100.0, f.get(0).referenceValue());
        assertEquals("mSv", f.get(0).unit());
        assertTrue(f.get(0).referenceSource().contains("Rehani"), f.get(0).referenceSource());
        assertEquals(0, r.figures().cumulativeMarrowDoseProfile().patients(), "adults are not in the pediatric profile");
    }

    /**
     * The adult neck coefficient (0.0059, AAPM Report 96) is the one k factor whose source was not found: an estimate
     * resting on it says so in its method, where the abdomen's does not.
     */
    @Test
    void anEstimateOnTheUnverifiedNeckCoefficientSaysSo() {
        // adult neck k 0.0059 on 32 cm: 3 x 6000 mGy·cm = 106.2 mSv
        AuditResult r = adult().defaults("protocol_name", "NECK ROUTINE", "target_region", "NECK")
                .row("accession_number", "N1", "dlp_mgycm", "6000", "study_datetime", "2026-10-10T10:00:00")
                .row("accession_number", "N2", "dlp_mgycm", "6000", "study_datetime", "2026-07-10T10:00:00")
                .row("accession_number", "N3", "dlp_mgycm", "6000", "study_datetime", "2026-04-10T10:00:00").audit(dir);
        List<Finding> f = AuditFixture.findings(r, "CUMULATIVE_DOSE");
        assertEquals(1, f.size());
        assertEquals(106.2, f.get(0).measuredValue(), 1e-9);
        assertTrue(f.get(0).message().contains("the neck coefficient 0.0059 (adult) is unverified: its source was not found"),
                f.get(0).message());
        AuditResult abdomen = adult().row("accession_number", "X1", "dlp_mgycm", "3400", "study_datetime", "2026-10-10T10:00:00")
                .row("accession_number", "X2", "dlp_mgycm", "3400", "study_datetime", "2026-04-10T10:00:00").audit(dir);
        assertTrue(!AuditFixture.findings(abdomen, "CUMULATIVE_DOSE").get(0).message().contains("unverified"));
    }

    @Test
    void anAdultJustBelowOneHundredMsvHasNoFinding() {
        AuditResult r = adult().row("accession_number", "X1", "dlp_mgycm", "3300", "study_datetime", "2026-10-10T10:00:00")
                .row("accession_number", "X2", "dlp_mgycm", "3300", "study_datetime", "2026-04-10T10:00:00").audit(dir);
        assertTrue(AuditFixture.findings(r, "CUMULATIVE_DOSE").isEmpty());
    }

    @Test
    void regionsWithoutACoefficientAreNotEstimatedNeverGuessed() {
        AuditFixture f = infant().defaults("protocol_name", "PED SPINE", "target_region", "SPINE", "phantom", "32",
                "ctdivol_mgy", "300", "dlp_mgycm", "9000");
        AuditResult r = headCts(f, plus("2025-12-01T10:00:00")).audit(dir);
        assertTrue(AuditFixture.findings(r, "CUMULATIVE_DOSE").isEmpty());
        MarrowDoseProfile p = r.figures().cumulativeMarrowDoseProfile();
        assertEquals(1, p.notEstimated());
        assertEquals(1, p.patients());
    }

    @Test
    void theHistoryStoreAddsEarlierStudiesButNeverCountsAnInputStudyTwice() {
        Path csv = headCts(infant(), FOUR_IN_WINDOW).write(dir, "scan-log.csv");
        DoseHistory history = (patientRef, from, to) -> List.of(
                new StudyDose("General", "H1", LocalDateTime.parse("2026-06-01T10:00:00"), DoseMetric.RED_MARROW_DOSE, 500, 1, 0),
                new StudyDose("Elsewhere", "OLD", LocalDateTime.parse("2025-12-01T10:00:00"), DoseMetric.RED_MARROW_DOSE, 20, 1, 0));
        AuditRequest req = new AuditRequest(List.of(csv), org.alaraaudit.audit.AuditPeriod.month(java.time.YearMonth.of(2026, 10)),
                null, null, "Test", AuditFixture.RUN_TIME, ZoneOffset.UTC, AuditFixture.SECRET, 250_000);
        AuditResult r = new AuditRun(AuditFixture.DEFAULT_RULES, "test", history).run(req, AuditProgress.NONE);
        List<Finding> f = AuditFixture.findings(r, "CUMULATIVE_DOSE");
        assertEquals(1, f.size());
        assertEquals(4 * MARROW_PER_HEAD_CT + 20, f.get(0).measuredValue(), 1e-9);
        assertTrue(f.get(0).message().contains("5 CT studies"), f.get(0).message());
        assertTrue(f.get(0).message().contains("the earliest study counted on 2025-12-01"), "the stored study is the earliest: " + f.get(0).message());
    }

    /**
     * The window is a year; the data it sums may start much later (a few months of input, no earlier audits stored):
     * the finding says from when, so "in the 365-day window" does not claim a year of doses.
     */
    @Test
    void theFindingSaysTheDayOfTheEarliestStudyItCounted() {
        AuditResult r = headCts(infant(), "2026-10-05T10:00:00", "2026-09-20T10:00:00", "2026-08-03T10:00:00", "2026-10-20T10:00:00",
                "2026-10-25T10:00:00").audit(dir);
        List<Finding> f = AuditFixture.findings(r, "CUMULATIVE_DOSE");
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("in the 365-day window 2025-11-01 to 2026-10-31, the earliest study counted on 2026-08-03,"),
                f.get(0).message());
    }

    /** The child's study is only in the history store; the latest study, in the period, is after the 18th birthday. */
    @Test
    void marrowDoseOfAStoredChildStudyIsFollowedAfterTheEighteenthBirthday() {
        Path csv = new AuditFixture().row("patient_id", "TEEN", "age_years", "18.1", "weight_kg", "60", "protocol_name", "HEAD ROUTINE",
                "target_region", "HEAD", "phantom", "16", "ctdivol_mgy", "1", "dlp_mgycm", "10").write(dir, "scan-log.csv");
        LocalDateTime march = LocalDateTime.parse("2026-03-01T10:00:00");
        DoseHistory asChild = new DoseHistory() {
            @Override
            public List<StudyDose> studies(String patientRef, java.time.LocalDate from, java.time.LocalDate to) {
                return List.of(new StudyDose("General", "CHILD", march, DoseMetric.RED_MARROW_DOSE, 60, 3, 0));
            }

            @Override
            public List<org.alaraaudit.audit.EarlierStudy> ctStudies(String patientRef, LocalDateTime from, LocalDateTime to) {
                return List.of(new org.alaraaudit.audit.EarlierStudy("General", "CT1", "CHILD", march, true, 17.5,
                        java.util.Set.of(org.alaraaudit.model.TargetRegion.HEAD)));
            }
        };
        DoseHistory asAdult = (patientRef, from, to) -> List.of(
                new StudyDose("General", "CHILD", march, DoseMetric.RED_MARROW_DOSE, 60, 3, 0));
        AuditRequest req = new AuditRequest(List.of(csv), org.alaraaudit.audit.AuditPeriod.month(java.time.YearMonth.of(2026, 10)),
                null, null, "Test", AuditFixture.RUN_TIME, ZoneOffset.UTC, AuditFixture.SECRET, 250_000);
        List<Finding> f = AuditFixture.findings(new AuditRun(AuditFixture.DEFAULT_RULES, "test", asChild).run(req, AuditProgress.NONE),
                "CUMULATIVE_DOSE");
        assertEquals(1, f.size());
        assertEquals("cumulative red_marrow_dose", f.get(0).quantity());
        assertEquals(List.of(), AuditFixture.findings(new AuditRun(AuditFixture.DEFAULT_RULES, "test", asAdult).run(req, AuditProgress.NONE),
                "CUMULATIVE_DOSE"), "an adult's stored marrow dose is not followed");
    }

    @Test
    void thePhantomFactorAndTheLevelsAreSettingsNotCode() throws IOException {
        Path rules = AuditFixture.copyDefaultRules(dir.resolve("rules"));
        Path settings = rules.resolve("tables/settings.csv");
        Files.writeString(settings, Files.readString(settings).replace("phantom_factor_32_to_16,2.5,", "phantom_factor_32_to_16,2.0,"));
        Files.writeString(rules.resolve("tables/cumulative-dose.csv"),
                "metric,population,threshold,unit,source\nred_marrow_dose,PEDIATRIC,1,mGy,test level\n");
        RuleSet custom = RuleSet.load(rules);
        // 5-year-old boy's chest: 0.197 x (4 mGy on 32 cm x 2.0) = 1.576 mGy
        AuditResult r = new AuditFixture().rules(custom).row("age_years", "5", "sex", "M", "ctdivol_mgy", "4", "phantom", "32").audit(dir);
        List<Finding> f = AuditFixture.findings(r, "CUMULATIVE_DOSE");
        assertEquals(1, f.size());
        assertEquals(0.197 * 4 * 2.0, f.get(0).measuredValue(), 1e-9);
        assertTrue(f.get(0).message().contains("policy factor 2"), f.get(0).message());
        assertEquals(2.0, r.figures().cumulativeMarrowDoseProfile().phantomFactor32To16());
    }

    @Test
    void levelsAreReachedAtTheThresholdItself() {
        CumulativeDoseLevels levels = AuditFixture.DEFAULT_RULES.tables().cumulativeDose();
        assertEquals(50.0, levels.highestReached(DoseMetric.RED_MARROW_DOSE, true, 50.0).orElseThrow().threshold());
        assertFalse(levels.highestReached(DoseMetric.RED_MARROW_DOSE, true, 49.999).isPresent());
        assertEquals(100.0, levels.highestReached(DoseMetric.RED_MARROW_DOSE, true, 100.0).orElseThrow().threshold());
        assertFalse(levels.highestReached(DoseMetric.RED_MARROW_DOSE, false, 500).isPresent(), "marrow levels are for children");
        assertEquals(100.0, levels.highestReached(DoseMetric.EFFECTIVE_DOSE, false, 100.0).orElseThrow().threshold());
        assertEquals(100.0, levels.highestReached(DoseMetric.EFFECTIVE_DOSE, true, 100.0).orElseThrow().threshold());
        assertEquals(List.of(DoseMetric.RED_MARROW_DOSE, DoseMetric.EFFECTIVE_DOSE), levels.metrics());
    }

    @Test
    void aThresholdInTheWrongUnitIsATableErrorWithItsLine() {
        TableFile t = TableFile.read(new StringReader("metric,population,threshold,unit,source\n"
                + "effective_dose,ANY,100,mSv,ok\nred_marrow_dose,PEDIATRIC,50,mSv,wrong\n"), "cumulative-dose.csv",
                CumulativeDoseLevels.COLUMNS);
        TableException e = assertThrows(TableException.class, () -> CumulativeDoseLevels.from(t));
        assertEquals("cumulative-dose.csv", e.file());
        assertEquals(3, e.line());
    }
}
