package org.alaraaudit.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.audit.AuditResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's previous period is a stored run as long as it, ending the day before it starts: a quarter is compared with
 * the quarter before, never with the month before it nor with two months that end on the same day.
 */
class PreviousPeriodOfTheSameLengthTest {
    private static final AuditPeriod Q3 = new AuditPeriod(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30));
    private static final AuditPeriod Q4 = new AuditPeriod(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31));

    @TempDir
    Path dir;

    StoreRuns store;

    @BeforeEach
    void openStore() { store = new StoreRuns("jdbc:h2:file:" + dir.resolve("store").resolve("history")); }

    /** One study on each of the given days, of one patient each. */
    private Path log(String name, String... days) {
        AuditFixture f = new AuditFixture();
        int n = 0;
        for (String d : days) {
            n++;
            f.row("patient_id", name + n, "accession_number", name.toUpperCase() + n, "study_datetime", d + "T10:00:00");
        }
        return f.write(dir, name + ".csv");
    }

    private AuditResult audit(AuditPeriod p, String name, String... days) { return store.audit(p, log(name, days)); }

    @Test
    void aStoredRunOneMonthShorterEndingTheDayBeforeIsNoPreviousPeriodAndOneOfTheSameLengthIs() {
        audit(new AuditPeriod(LocalDate.of(2026, 8, 1), LocalDate.of(2026, 9, 30)), "augsep", "2026-08-10", "2026-09-10");
        audit(AuditPeriod.month(YearMonth.of(2026, 9)), "sep", "2026-09-10");
        assertNull(audit(Q4, "q4", "2026-10-10", "2026-11-10").previousPeriod(), "two months and one month are no quarter");

        AuditResult q3 = audit(Q3, "q3", "2026-07-10", "2026-08-10", "2026-09-10");
        AuditResult q4 = audit(Q4, "q4", "2026-10-10", "2026-11-10");
        assertNotNull(q4.previousPeriod());
        assertTrue(q4.historyStoreRead(), "the run read the store");
        assertEquals(Q3, q4.previousPeriod().period());
        assertEquals(q3.figures().studies(), q4.previousPeriod().figures().studies());
    }

    @Test
    void aMonthAfterAStoredQuarterHasNoPreviousPeriodAndAfterTheStoredMonthBeforeItHasIt() {
        audit(Q3, "q3", "2026-07-10", "2026-08-10", "2026-09-10");
        AuditPeriod october = AuditPeriod.month(YearMonth.of(2026, 10));
        assertNull(audit(october, "oct", "2026-10-10").previousPeriod(), "a quarter is no month");

        audit(AuditPeriod.month(YearMonth.of(2026, 9)), "sep", "2026-09-10");
        // September has 30 days and October 31: months are counted in months.
        assertEquals(AuditPeriod.month(YearMonth.of(2026, 9)), audit(october, "oct", "2026-10-10").previousPeriod().period());
    }

    @Test
    void aRangeOfDaysIsComparedWithTheSameNumberOfDaysBeforeItAndNotWithADayFewer() {
        AuditPeriod tenDays = new AuditPeriod(LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 14));
        audit(new AuditPeriod(LocalDate.of(2026, 9, 26), LocalDate.of(2026, 10, 4)), "nine", "2026-09-28");
        assertNull(audit(tenDays, "ten", "2026-10-06").previousPeriod(), "nine days are not ten");

        AuditPeriod tenBefore = new AuditPeriod(LocalDate.of(2026, 9, 25), LocalDate.of(2026, 10, 4));
        audit(tenBefore, "before", "2026-09-28");
        assertEquals(tenBefore, audit(tenDays, "ten", "2026-10-06").previousPeriod().period());
    }

    @Test
    void aRunWithoutAHistoryStoreIsSaidToHaveReadNone() {
        AuditResult r = StoreRuns.run(org.alaraaudit.audit.DoseHistory.NONE, Q4, log("q4", "2026-10-10"));
        assertFalse(r.historyStoreRead());
        assertNull(r.previousPeriod());
    }
}
