package org.alaraaudit.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
