package org.alaraaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class PreviousPeriodTest {
    private static AuditPeriod p(String from, String to) { return new AuditPeriod(LocalDate.parse(from), LocalDate.parse(to)); }

    @Test
    void aYearsPreviousPeriodIsTheTwelveMonthsBeforeItNotTheMonthBefore() {
        assertEquals(p("2024-01-01", "2024-12-31"), PreviousPeriod.before(p("2025-01-01", "2025-12-31")));
    }

    @Test
    void aMonthsPreviousPeriodIsTheCalendarMonthBeforeWhateverItsDays() {
        assertEquals(AuditPeriod.month(YearMonth.of(2026, 2)), PreviousPeriod.before(AuditPeriod.month(YearMonth.of(2026, 3))));
        assertEquals(p("2025-12-01", "2026-02-28"), PreviousPeriod.before(p("2026-03-01", "2026-05-31")));
    }

    @Test
    void aRangeThatIsNotWholeMonthsIsComparedWithAsManyDaysBeforeIt() {
        // One day short of a month's end: days, not months.
        assertEquals(p("2026-02-03", "2026-03-01"), PreviousPeriod.before(p("2026-03-02", "2026-03-28")));
        assertEquals(p("2026-02-02", "2026-03-01"), PreviousPeriod.before(p("2026-03-02", "2026-03-29")));
    }

    @Test
    void aRunOverTheWholeInputHasNoPreviousPeriod() {
        assertNull(PreviousPeriod.before(AuditPeriod.WHOLE_INPUT));
    }

    @Test
    void theReasonForNoChangeSaysWhetherAStoreWasReadAndWhichRunItLacks() {
        AuditPeriod year = p("2025-01-01", "2025-12-31");
        assertEquals("No history store was used for this run (--no-history, or a Spark run), so change from the previous period"
                + " is not shown.", PreviousPeriod.whyNone(year, false));
        assertEquals("No earlier run of the same length is stored: the history store holds no run of these facilities over the 12"
                + " months before this period (2024-01-01 to 2024-12-31), so change from the previous period is not shown.",
                PreviousPeriod.whyNone(year, true));
        assertEquals("No earlier run of the same length is stored: the history store holds no run of these facilities over the"
                + " month before this period (2026-09), so change from the previous period is not shown.",
                PreviousPeriod.whyNone(AuditPeriod.month(YearMonth.of(2026, 10)), true));
        assertEquals("No earlier run of the same length is stored: the history store holds no run of these facilities over the"
                + " 10 days before this period (2026-09-25 to 2026-10-04), so change from the previous period is not shown.",
                PreviousPeriod.whyNone(p("2026-10-05", "2026-10-14"), true));
    }
}
