package org.alaraaudit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CalendarAgeTest {
    private static final LocalDate BIRTH = LocalDate.of(2008, 10, 10);

    @Test
    void aPatientOnTheEighteenthBirthdayIsExactlyEighteen() {
        assertEquals(18.0, CalendarAge.years(BIRTH, LocalDate.of(2026, 10, 10)), 0);
    }

    @Test
    void theDayBeforeTheEighteenthBirthdayIsStillBelowEighteen() {
        double age = CalendarAge.years(BIRTH, LocalDate.of(2026, 10, 9));
        assertTrue(age < 18 && age > 17.99, String.valueOf(age));
    }

    @Test
    void theFirstAndSixthBirthdaysAreWholeYears() {
        LocalDate b = LocalDate.of(2020, 3, 15);
        assertEquals(1.0, CalendarAge.years(b, LocalDate.of(2021, 3, 15)), 0);
        assertEquals(6.0, CalendarAge.years(b, LocalDate.of(2026, 3, 15)), 0);
        assertTrue(CalendarAge.years(b, LocalDate.of(2026, 3, 14)) < 6);
    }

    @Test
    void halfwayThroughTheYearIsHalfAYear() {
        // 2025-01-01 to 2026-01-01 has 365 days; 2025-07-02 is day 182 of them.
        assertEquals(10 + 182 / 365.0, CalendarAge.years(LocalDate.of(2015, 1, 1), LocalDate.of(2025, 7, 2)), 1e-12);
    }

    @Test
    void aLeapDayBirthdayFallsOnTheFirstOfMarchInOtherYears() {
        LocalDate leap = LocalDate.of(2008, 2, 29);
        assertTrue(CalendarAge.years(leap, LocalDate.of(2026, 2, 28)) < 18);
        assertEquals(18.0, CalendarAge.years(leap, LocalDate.of(2026, 3, 1)), 0);
        assertEquals(16.0, CalendarAge.years(leap, LocalDate.of(2024, 2, 29)), 0);
    }

    @Test
    void aStudyBeforeTheBirthIsANegativeAge() {
        assertTrue(CalendarAge.years(BIRTH, LocalDate.of(2008, 10, 1)) < 0);
    }

    @Test
    void anAgeJustBelowALimitIsCutNotRoundedUpForDisplay() {
        assertEquals("17.9", CalendarAge.display(17.9996));
        assertEquals("18.0", CalendarAge.display(18.0));
        assertEquals("2.3", CalendarAge.display(2.3));
        assertEquals("0.9", CalendarAge.display(0.99));
    }
}
