package org.alaraaudit.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.DoseHistory;
import org.alaraaudit.history.trend.Grouping;
import org.alaraaudit.history.trend.MonthFigures;
import org.alaraaudit.history.trend.Trend;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Severity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every history store must do, run against the embedded H2 store and a real PostgreSQL server by the
 * subclasses: replace a re-run period, write all or nothing, serve CUMULATIVE_DOSE and REPEAT_STUDY from earlier
 * runs, give the previous period's figures, and add up to the runs in the trend.
 */
abstract class HistoryStoreContract {
    static final AuditPeriod SEPTEMBER = AuditPeriod.month(YearMonth.of(2026, 9));
    static final AuditPeriod OCTOBER = AuditPeriod.month(YearMonth.of(2026, 10));

    @TempDir
    Path dir;

    StoreRuns store;

    /** A new, empty store of the kind under test. */
    abstract String newStore(Path dir);

    @BeforeEach
    void openStore() { store = new StoreRuns(newStore(dir)); }

    private Path log(String name, AuditFixture f) { return f.write(dir, name); }

    /**
     * An ad-hoc audit of a range across two months (every audit with a store records its run) reports again findings
     * the monthly runs stored: the trend counts each finding once, and a finding on the range's whole period (an
     * unmapped protocol of the range) is not put into a month it is not about.
     */
    @Test
    void anAuditOfARangeAcrossTwoMonthsLeavesTheTrendsFindingsAsTheMonthsHaveThem() {
        Path sep = log("sep.csv", new AuditFixture()
                .row("patient_id", "P7", "accession_number", "S1", "study_datetime", "2026-09-20T09:00:00", "protocol_name", "CHEST ROUTINE")
                .row("patient_id", "P8", "accession_number", "S2", "study_datetime", "2026-09-25T09:00:00", "protocol_name", "LOCAL ODD SCAN"));
        Path oct = log("oct.csv", octoberAtGeneral().row("patient_id", "P9", "accession_number", "A9",
                "study_datetime", "2026-10-05T09:00:00", "protocol_name", "LOCAL ODD SCAN"));
        store.audit(SEPTEMBER, sep);
        store.audit(OCTOBER, oct);
        Trend before = store.trend(Grouping.FACILITY);
        assertTrue(before.findings().stream().anyMatch(f -> f.findings().values().stream().mapToLong(Long::longValue).sum() > 0));

        store.audit(new AuditPeriod(java.time.LocalDate.of(2026, 9, 15), java.time.LocalDate.of(2026, 10, 15)), sep, oct);
        assertEquals(before.findings(), store.trend(Grouping.FACILITY).findings());
    }

    /** Three children's chest CTs at General in October, one each. */
    private static AuditFixture octoberAtGeneral() {
        return new AuditFixture()
                .row("patient_id", "P1", "accession_number", "A1", "study_datetime", "2026-10-03T09:00:00")
                .row("patient_id", "P2", "accession_number", "A2", "study_datetime", "2026-10-10T09:00:00",
                        "protocol_name", "CHEST ROUTINE")
                .row("patient_id", "P3", "accession_number", "A3", "study_datetime", "2026-10-20T09:00:00");
    }

    @Test
    void reRunningAPeriodReplacesItsDataAndLeavesOtherSitesAlone() {
        Path full = log("oct.csv", octoberAtGeneral());
        store.audit(OCTOBER, full);
        store.audit(OCTOBER, full);
        assertEquals(1, store.count("SELECT COUNT(*) FROM audit_run"));
        assertEquals(3, store.count("SELECT COUNT(*) FROM study"));

        Path corrected = log("oct-corrected.csv", new AuditFixture()
                .row("patient_id", "P1", "accession_number", "A1", "study_datetime", "2026-10-03T09:00:00")
                .row("patient_id", "P2", "accession_number", "A2", "study_datetime", "2026-10-10T09:00:00"));
        store.audit(OCTOBER, corrected);
        assertEquals(1, store.count("SELECT COUNT(*) FROM audit_run"));
        assertEquals(2, store.count("SELECT COUNT(*) FROM study"), "A3 is no longer in the period's data");
        assertEquals(0, store.count("SELECT COUNT(*) FROM study WHERE accession_number = 'A3'"));

        Path otherSite = log("other.csv", new AuditFixture().defaults("facility", "County")
                .row("patient_id", "Q1", "accession_number", "B1", "study_datetime", "2026-10-12T09:00:00"));
        store.audit(OCTOBER, otherSite);
        assertEquals(2, store.count("SELECT COUNT(*) FROM audit_run"), "one run per site sharing the store");
        assertEquals(3, store.count("SELECT COUNT(*) FROM study"));
        assertEquals(0, store.count("SELECT COUNT(*) FROM study WHERE patient_ref IN ('P1', 'P2', 'Q1')"),
                "patients are stored by pseudonym only");
    }

    @Test
    void aWriteThatFailsHalfWayLeavesTheStoreAsItWas() {
        store.audit(OCTOBER, log("oct.csv", octoberAtGeneral()));
        String before = store.snapshot();

        // Values the store cannot hold are rejected when read, so the failure is made in the store itself: a
        // constraint refuses one study, after the period's old data is deleted and the new run row inserted.
        store.execute("ALTER TABLE study ADD CONSTRAINT refuse_boom CHECK (accession_number <> 'BOOM')");
        before = store.snapshot();
        AuditFixture bad = octoberAtGeneral().row("patient_id", "P9", "accession_number", "BOOM",
                "study_datetime", "2026-10-25T09:00:00");
        Path badLog = log("bad.csv", bad);
        try (RunHistory history = RunHistory.of(store.store)) {
            AuditResult r = StoreRuns.run(history, OCTOBER, badLog);
            HistoryException e = assertThrows(HistoryException.class, () -> history.record(r));
            assertTrue(e.getMessage().startsWith("cannot write the history store"), e.getMessage());
        }
        assertEquals(before, store.snapshot());
    }

    @Test
    void anAuditThatFailsWritesNothing() {
        String before = store.snapshot();
        try (RunHistory history = RunHistory.of(store.store)) {
            assertThrows(RuntimeException.class, () -> StoreRuns.run(history, OCTOBER, dir.resolve("missing.csv")));
        }
        assertEquals(before, store.snapshot());
    }

    /** A 1-year-old's head CT at 30 mGy (16 cm): 0.357 x 30 = 10.71 mGy red-marrow dose (NCICT 2015). */
    private static AuditFixture infant() {
        return new AuditFixture().defaults("patient_id", "BABY", "age_years", "1", "weight_kg", "10", "protocol_name", "PED HEAD 1-2Y",
                "target_region", "HEAD", "phantom", "16", "ctdivol_mgy", "30", "dlp_mgycm", "400", "kvp", "80");
    }

    @Test
    void cumulativeDoseFindsAPatientWhoseEarlierStudiesAreOnlyInTheStore() {
        AuditFixture earlier = infant();
        String[] dates = {"2025-11-05T10:00:00", "2026-01-02T10:00:00", "2026-03-01T10:00:00", "2026-06-01T10:00:00"};
        for (int i = 0; i < dates.length; i++) earlier.row("accession_number", "H" + (i + 1), "study_datetime", dates[i]);
        AuditResult first = store.audit(new AuditPeriod(LocalDate.of(2025, 11, 1), LocalDate.of(2026, 9, 30)), log("earlier.csv", earlier));
        assertTrue(AuditFixture.findings(first, "CUMULATIVE_DOSE").isEmpty(), "4 x 10.71 mGy stays below 50 mGy");

        Path october = log("october.csv", infant().row("accession_number", "H0", "study_datetime", "2026-10-05T10:00:00"));
        assertTrue(AuditFixture.findings(StoreRuns.run(DoseHistory.NONE, OCTOBER, october), "CUMULATIVE_DOSE").isEmpty(),
                "without the store October alone is one study");
        List<Finding> f = AuditFixture.findings(store.audit(OCTOBER, october), "CUMULATIVE_DOSE");
        assertEquals(1, f.size());
        assertEquals(5 * 0.357 * 30, f.get(0).measuredValue(), 1e-9);
        assertEquals(50.0, f.get(0).referenceValue());
        assertTrue(f.get(0).message().contains("5 CT studies"), f.get(0).message());
    }

    @Test
    void repeatStudyPairsAStudyWithOneFromTheRunBefore() {
        store.audit(SEPTEMBER, log("sep.csv", new AuditFixture()
                .row("patient_id", "P1", "accession_number", "S1", "study_datetime", "2026-09-30T22:00:00")));
        AuditResult oct = store.audit(OCTOBER, log("oct.csv", new AuditFixture()
                .row("patient_id", "P1", "accession_number", "S2", "study_datetime", "2026-10-01T10:00:00")));
        List<Finding> repeats = AuditFixture.findings(oct, "REPEAT_STUDY");
        assertEquals(1, repeats.size());
        assertEquals("S2", repeats.get(0).accessionNumber());
        assertEquals(Severity.MAJOR, repeats.get(0).severity(), "a child");
        assertTrue(repeats.get(0).message().contains("12.0 h after study S1"), repeats.get(0).message());
        assertEquals(1.0, oct.figures().repeatRate());
        assertEquals(1, store.count("SELECT COUNT(*) FROM study WHERE repeated AND accession_number = 'S2'"));
        // Outside the repeat window: no pair.
        AuditResult later = store.audit(OCTOBER, log("oct-late.csv", new AuditFixture()
                .row("patient_id", "P1", "accession_number", "S2", "study_datetime", "2026-10-03T10:00:00")));
        assertTrue(AuditFixture.findings(later, "REPEAT_STUDY").isEmpty());
    }

    @Test
    void theNextRunSeesThePreviousPeriodsFigures() {
        AuditResult sep = store.audit(SEPTEMBER, log("sep.csv", new AuditFixture()
                .row("patient_id", "P1", "accession_number", "S1", "study_datetime", "2026-09-10T10:00:00", "protocol_name", "CHEST ROUTINE")
                .row("patient_id", "P2", "accession_number", "S2", "study_datetime", "2026-09-11T10:00:00")));
        assertNull(sep.previousPeriod());
        AuditResult oct = store.audit(OCTOBER, log("oct.csv", octoberAtGeneral()));
        assertNotNull(oct.previousPeriod());
        assertEquals(SEPTEMBER, oct.previousPeriod().period());
        assertEquals(sep.figures().studies(), oct.previousPeriod().figures().studies());
        assertEquals(sep.figures().pediatricProtocolCompliance(), oct.previousPeriod().figures().pediatricProtocolCompliance());
        assertEquals(sep.figures().findingsBySeverity(), oct.previousPeriod().figures().findingsBySeverity());
        assertEquals(sep.figures().findingsByRule(), oct.previousPeriod().figures().findingsByRule());
        // Each facility's figures too, counted from the stored studies: the dashboard shows their change per facility.
        assertFalse(sep.figures().facilities().isEmpty());
        assertTrue(sep.figures().facilities().get(0).pediatricProtocolCompliance() < 1, "a child on an adult protocol");
        assertEquals(sep.figures().facilities(), oct.previousPeriod().figures().facilities());
        assertEquals(sep.drlGroups(), oct.previousPeriod().drlGroups());
        assertEquals(sep.run().ruleSetDigest(), oct.previousPeriod().ruleSetDigest());
    }

    @Test
    void trendNumbersAreTheSumOfTheRuns() {
        AuditResult sep = store.audit(SEPTEMBER, log("sep.csv", new AuditFixture()
                .row("patient_id", "P1", "accession_number", "S1", "study_datetime", "2026-09-10T10:00:00", "protocol_name", "CHEST ROUTINE")
                .row("patient_id", "P2", "accession_number", "S2", "study_datetime", "2026-09-11T10:00:00")));
        AuditResult general = store.audit(OCTOBER, log("oct.csv", octoberAtGeneral()));
        AuditResult county = store.audit(OCTOBER, log("county.csv", new AuditFixture().defaults("facility", "County")
                .row("patient_id", "Q1", "accession_number", "B1", "study_datetime", "2026-10-12T09:00:00", "age_years", "40",
                        "weight_kg", "80", "protocol_name", "CHEST ROUTINE")
                .row("patient_id", "Q2", "accession_number", "B2", "study_datetime", "2026-10-13T09:00:00", "protocol_name", "CHEST ROUTINE")));

        Trend all = store.trend(Grouping.ALL);
        assertEquals(YearMonth.of(2026, 9), all.from());
        assertEquals(YearMonth.of(2026, 10), all.to());
        MonthFigures s = all.months().get(0);
        MonthFigures o = all.months().get(1);
        assertEquals(sep.figures().studies(), s.studies());
        assertEquals(sep.figures().pediatricProtocolCompliance(), s.pediatricProtocolCompliance());
        assertEquals(general.figures().studies() + county.figures().studies(), o.studies());
        assertEquals(general.figures().pediatricCtStudies() + county.figures().pediatricCtStudies(), o.pediatricCtStudies());
        assertEquals(general.figures().pediatricCtStudiesWithAdultProtocol() + county.figures().pediatricCtStudiesWithAdultProtocol(),
                o.pediatricCtAdultProtocol());
        assertEquals(2, o.pediatricCtAdultProtocol(), "one at each site");
        for (Severity sev : Severity.values()) {
            long studyLevel = studyLevel(general, sev) + studyLevel(county, sev);
            assertEquals(studyLevel, o.studyFindings().get(sev), sev.name());
        }

        Trend byFacility = store.trend(Grouping.FACILITY);
        assertEquals(List.of("County", "General"), byFacility.groups());
        MonthFigures countyOct = byFacility.months().stream()
                .filter(m -> m.group().equals("County") && m.month().equals(YearMonth.of(2026, 10))).findFirst().orElseThrow();
        assertEquals(county.figures().studies(), countyOct.studies());
        assertEquals(county.figures().pediatricProtocolCompliance(), countyOct.pediatricProtocolCompliance());
    }

    private static long studyLevel(AuditResult r, Severity s) {
        return r.findings().stream().filter(f -> f.severity() == s && StudyFindings.STUDY_SCOPES.contains(f.scope())).count();
    }

    /**
     * A month of radiographs at General's DX1 and one fluoroscopy procedure: child A's chest PA at DI +2 and again
     * {@code minutesToSecondView} later at DI 0 (a retake within the 15-minute window), child B's chest PA at DI -2,
     * and, when {@code fluoroscopy}, an adult's coronary angiography past the substantial radiation dose level.
     */
    private static AuditFixture xrayMonth(String month, int minutesToSecondView, boolean fluoroscopy) {
        AuditFixture f = new AuditFixture().defaults("modality", "DX", "station_name", "DX1", "protocol_name", "PED CHEST PA",
                "acquisition_type", "", "target_region", "", "ctdivol_mgy", "", "phantom", "", "dlp_mgycm", "",
                "body_part", "CHEST", "view", "PA", "study_datetime", month + "-10T10:00:00");
        f.row("patient_id", "A", "accession_number", "X1" + month, "event_datetime", month + "-10T10:00:00", "dap_gycm2", "0.04",
                        "deviation_index", "2")
                .row("patient_id", "A", "accession_number", "X1" + month, "event_datetime",
                        java.time.LocalDateTime.parse(month + "-10T10:00:00").plusMinutes(minutesToSecondView).toString(),
                        "dap_gycm2", "0.06", "deviation_index", "0")
                .row("patient_id", "B", "accession_number", "X2" + month, "dap_gycm2", "0.05", "deviation_index", "-2");
        if (fluoroscopy) {
            f.row("patient_id", "C", "age_years", "60", "accession_number", "F1" + month, "modality", "RF", "station_name", "RF1",
                    "protocol_name", "CORONARY", "body_part", "", "view", "", "dap_gycm2", "150", "ka_r_mgy", "5400");
        }
        return f;
    }

    @Test
    void reAuditingAMonthReplacesItsXrayFigures() {
        AuditResult first = store.audit(OCTOBER, log("oct.csv", xrayMonth("2026-10", 3, true)));
        assertEquals(1, AuditFixture.findings(first, "RADIOGRAPH_RETAKE").size());
        assertEquals(1, AuditFixture.findings(first, "FLUORO_SUBSTANTIAL_DOSE").size());
        assertEquals(1, store.count("SELECT COUNT(*) FROM run_xray_station"));
        assertEquals(1, store.count("SELECT COUNT(*) FROM run_xray_station WHERE facility = 'General' AND station_name = 'DX1'"
                + " AND radiographs = 3 AND retakes = 1 AND di_count = 3 AND di_median = 0 AND di_above = 1 AND di_below = 1"));
        assertEquals(1, store.count("SELECT COUNT(*) FROM run_fluoroscopy WHERE facility = 'General' AND procedures = 1"
                + " AND skin_follow_up = 1"));
        assertEquals(first.projection().typicalValues().size(), store.count("SELECT COUNT(*) FROM run_typical_value"));
        assertEquals(1, store.count("SELECT COUNT(*) FROM run_typical_value WHERE kind = 'fluoroscopy' AND band = 'adult'"
                + " AND n = 1 AND median_dap_gycm2 = 150"));

        // Corrected: the second view came 30 minutes later (no retake) and the procedure was not this month's.
        store.audit(OCTOBER, log("oct-corrected.csv", xrayMonth("2026-10", 30, false)));
        assertEquals(1, store.count("SELECT COUNT(*) FROM audit_run"));
        assertEquals(1, store.count("SELECT COUNT(*) FROM run_xray_station"), "the first run's station row went with it");
        assertEquals(1, store.count("SELECT COUNT(*) FROM run_xray_station WHERE radiographs = 3 AND retakes = 0"));
        assertEquals(0, store.count("SELECT COUNT(*) FROM run_fluoroscopy"));
        assertEquals(0, store.count("SELECT COUNT(*) FROM run_typical_value WHERE kind = 'fluoroscopy'"));

        var xray = store.trend(Grouping.FACILITY).xray();
        assertEquals(1, xray.stations().size());
        assertEquals(0.0, xray.stations().get(0).retakeRate());
        assertTrue(xray.fluoroscopy().isEmpty());
        assertEquals(java.util.Map.of(), xray.skinFollowUpByMonth());
    }

    /** The first half of October audited, then the whole month: both runs stay, and the month counts the whole month's once. */
    @Test
    void aMonthAuditedOverTwoPeriodsShowsTheXrayFiguresOfTheLongerOnce() {
        Path october = log("oct.csv", xrayMonth("2026-10", 3, true));
        store.audit(new AuditPeriod(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 15)), october);
        store.audit(OCTOBER, october);
        assertEquals(2, store.count("SELECT COUNT(*) FROM audit_run"));
        assertEquals(2, store.count("SELECT COUNT(*) FROM run_fluoroscopy"), "each run keeps its own figures");
        Trend t = store.trend(Grouping.FACILITY);
        assertEquals(1, t.xray().stations().size());
        assertEquals(3, t.xray().stations().get(0).radiographs());
        assertEquals(java.util.Map.of(YearMonth.of(2026, 10), 1L), t.xray().skinFollowUpByMonth());
        assertEquals(0, t.xray().runsOverSeveralMonths());
    }

    /**
     * A store whose Flyway history already holds every migration is opened from that table alone, without Flyway
     * scanning the jar (about a second of a short audit's start); one that lacks a migration still goes to Flyway.
     * Seen through Flyway's checksum check, which only Flyway makes: a changed checksum passes unread in the first
     * case and stops the second.
     */
    @Test
    void aStoreAtTheNewestMigrationOpensWithoutFlywayAndOneBehindItStillMigrates() {
        store.audit(OCTOBER, log("oct.csv", octoberAtGeneral()));
        assertEquals(HistoryStore.NEWEST_MIGRATION, store.count("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL"));
        store.execute("UPDATE \"flyway_schema_history\" SET \"checksum\" = 12345 WHERE \"version\" = '1'");
        StoreRuns reopened = new StoreRuns(store.url);
        assertEquals(1, reopened.count("SELECT COUNT(*) FROM audit_run"));

        store.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '" + HistoryStore.NEWEST_MIGRATION + "'");
        HistoryException behind = assertThrows(HistoryException.class, () -> new StoreRuns(store.url));
        assertTrue(behind.getMessage().contains("Validate failed"), behind.getMessage());
    }

    /** What V7 added, taken away again: the store as the tool before it left it. */
    private void backBeforeVersionSeven() {
        store.execute("ALTER TABLE dose_value DROP COLUMN exam_contrast");
        store.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '7'");
    }

    /**
     * Each dose value keeps its exam's contrast (V7), which rules derive-ranges needs; a store written before V7
     * migrates in place and keeps its values, with the contrast their DRL group's label says, else none (NULL).
     */
    @Test
    void aStoreFromBeforeVersionSevenKeepsItsDoseValuesAndTheNextRunKeepsEachExamsContrast() {
        store.audit(SEPTEMBER, log("sep.csv", new AuditFixture()
                .row("patient_id", "P7", "accession_number", "S1", "study_datetime", "2026-09-20T09:00:00")));
        long values = store.count("SELECT COUNT(*) FROM dose_value");
        assertTrue(values > 0);
        backBeforeVersionSeven();

        StoreRuns migrated = new StoreRuns(store.url);
        assertEquals(1, migrated.count("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '7' AND \"success\""));
        // September's, stored before V7: their DRL group's label says what it can, the others stay not known.
        long labelled = migrated.count("SELECT COUNT(*) FROM dose_value WHERE contrast_label = '(contrast not known)'");
        assertTrue(labelled > 0, "a chest CT of a child of contrast not known, in its own DRL group");
        assertEquals(labelled, migrated.count("SELECT COUNT(*) FROM dose_value WHERE exam_contrast = 'unknown'"));
        assertEquals(migrated.count("SELECT COUNT(*) FROM dose_value WHERE contrast_label IS NULL"),
                migrated.count("SELECT COUNT(*) FROM dose_value WHERE exam_contrast IS NULL"));
        migrated.audit(OCTOBER, log("oct.csv", new AuditFixture()
                .row("patient_id", "P8", "accession_number", "O1", "study_datetime", "2026-10-20T09:00:00", "contrast", "yes")
                .row("patient_id", "P9", "accession_number", "O2", "study_datetime", "2026-10-21T09:00:00")));
        assertTrue(migrated.count("SELECT COUNT(*) FROM dose_value WHERE accession_number = 'O1' AND exam_contrast = 'with'") > 0);
        assertTrue(migrated.count("SELECT COUNT(*) FROM dose_value WHERE accession_number = 'O2' AND exam_contrast = 'unknown'") > 0);
        assertEquals(0, migrated.count("SELECT COUNT(*) FROM dose_value WHERE accession_number IN ('O1', 'O2') AND exam_contrast IS NULL"));
    }

    /** What V6 added, taken away again: the store as the tool before it left it. */
    private void backBeforeVersionSix() {
        backBeforeVersionSeven();
        store.execute("ALTER TABLE run_input DROP COLUMN read_as");
        store.execute("ALTER TABLE run_input DROP COLUMN profile_sha256");
        store.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '6'");
    }

    /**
     * A run keeps how each input was read (V6), and the trend's list of runs says it; a store written before V6
     * migrates in place and keeps its runs, whose inputs give their names only, as they were stored.
     */
    @Test
    void aStoreFromBeforeVersionSixKeepsItsRunsAndTheNextRunKeepsHowItsInputsWereRead() {
        store.audit(SEPTEMBER, log("sep.csv", new AuditFixture()
                .row("patient_id", "P7", "accession_number", "S1", "study_datetime", "2026-09-20T09:00:00")));
        backBeforeVersionSix();

        StoreRuns migrated = new StoreRuns(store.url);
        assertEquals(1, migrated.count("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '6' AND \"success\""));
        migrated.audit(OCTOBER, log("oct.csv", octoberAtGeneral()));
        assertEquals(1, migrated.count("SELECT COUNT(*) FROM run_input WHERE read_as IS NULL"), "September's input, stored before V6");
        assertEquals(List.of("sep.csv", "oct.csv (read as canonical)"),
                migrated.trend(Grouping.FACILITY).runs().stream().map(org.alaraaudit.history.trend.StoredRun::inputs).toList());
    }

    /**
     * A store written before V3 (its schema and Flyway history at version 2, its runs and studies) opens, migrates
     * in place, keeps every run and study, and takes the X-ray figures of the next run; the old months have none.
     */
    @Test
    void aStoreMigratedFromVersionTwoKeepsItsRunsAndTakesTheXrayFigures() {
        store.audit(SEPTEMBER, log("sep.csv", xrayMonth("2026-09", 3, true)));
        // Back to what the tool before V3 left: V3 and V4 only add tables and V5 and V6 columns, so dropping them and
        // their history rows is version 2.
        for (String t : new String[]{"run_xray_station", "run_typical_value", "run_fluoroscopy", "pseudonym_check"}) store.execute("DROP TABLE " + t);
        store.execute("ALTER TABLE dose_value DROP COLUMN contrast_label");
        store.execute("ALTER TABLE run_finding DROP COLUMN station_name");
        backBeforeVersionSix();
        store.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" IN ('3', '4', '5')");
        assertEquals(2, store.count("SELECT MAX(\"installed_rank\") FROM \"flyway_schema_history\" WHERE \"success\""));
        long studies = store.count("SELECT COUNT(*) FROM study");
        long findings = store.count("SELECT COUNT(*) FROM run_finding");
        assertTrue(studies >= 3);

        StoreRuns migrated = new StoreRuns(store.url);
        assertEquals(1, migrated.count("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '3' AND \"success\""));
        assertEquals(1, migrated.count("SELECT COUNT(*) FROM audit_run"));
        assertEquals(studies, migrated.count("SELECT COUNT(*) FROM study"));
        assertEquals(findings, migrated.count("SELECT COUNT(*) FROM run_finding"));
        assertEquals(0, migrated.count("SELECT COUNT(*) FROM run_xray_station"), "the old run had no figures stored");

        AuditResult october = migrated.audit(OCTOBER, log("oct.csv", xrayMonth("2026-10", 3, true)));
        assertEquals(2, migrated.count("SELECT COUNT(*) FROM audit_run"));
        Trend t = migrated.trend(Grouping.FACILITY);
        assertEquals(List.of(YearMonth.of(2026, 9), YearMonth.of(2026, 10)), t.monthList());
        assertTrue(t.months().stream().allMatch(m -> m.studies() == 3), "both months' studies are in the trend: " + t.months());
        assertEquals(1, t.xray().stations().size(), "October only");
        assertEquals(YearMonth.of(2026, 10), t.xray().stations().get(0).month());
        assertEquals(1.0 / 3, t.xray().stations().get(0).retakeRate(), 1e-12);
        assertEquals(java.util.Map.of(YearMonth.of(2026, 10), 1L), t.xray().skinFollowUpByMonth());
        assertEquals(october.projection().typicalValues().size(), t.xray().typicalValues().size());
    }

    @Test
    void twoRunsWritingAtOnceQueueInsteadOfCorruptingTheStore() throws Exception {
        Path sep = log("sep.csv", new AuditFixture().row("patient_id", "P1", "accession_number", "S1", "study_datetime", "2026-09-10T10:00:00"));
        Path oct = log("oct.csv", octoberAtGeneral());
        List<AuditResult> sepRuns = new ArrayList<>();
        List<AuditResult> octRuns = new ArrayList<>();
        List<RunHistory> histories = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RunHistory h1 = RunHistory.of(store.store);
            sepRuns.add(StoreRuns.run(h1, SEPTEMBER, sep));
            histories.add(h1);
            RunHistory h2 = RunHistory.of(store.store);
            octRuns.add(StoreRuns.run(h2, OCTOBER, oct));
            histories.add(h2);
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(histories.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < histories.size(); i++) {
                RunHistory h = histories.get(i);
                AuditResult r = i % 2 == 0 ? sepRuns.get(i / 2) : octRuns.get(i / 2);
                done.add(pool.submit(() -> {
                    start.await();
                    h.record(r);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdown();
            histories.forEach(RunHistory::close);
        }
        assertEquals(2, store.count("SELECT COUNT(*) FROM audit_run"), "one run per period, however many wrote it");
        assertEquals(4, store.count("SELECT COUNT(*) FROM study"));
        assertEquals(2, store.count("SELECT COUNT(DISTINCT run_id) FROM study"), "the studies of the surviving runs");
    }
}
