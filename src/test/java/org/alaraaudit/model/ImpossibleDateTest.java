package org.alaraaudit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The words for a month, day or time in its ISO form that the calendar does not have; the last one that exists has none. */
class ImpossibleDateTest {
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "2026-09-31T10:00|names day 31 of September 2026, which has 30 days",
            "2026-09-31|names day 31 of September 2026, which has 30 days",
            "2026-02-29|names day 29 of February 2026, which has 28 days",
            "2024-02-30 08:15:00|names day 30 of February 2024, which has 29 days",
            "2026-10-00T10:00|names day 0 of October 2026, which has 31 days",
            "2026-13|names month 13: months run from 01 to 12",
            "2026-00-10T10:00|names month 0: months run from 01 to 12",
            "2026-10-01T24:00|is not a time: hour 24 does not exist; midnight is 00:00 of the next day",
            "2026-10-01 24:00:00|is not a time: hour 24 does not exist; midnight is 00:00 of the next day",
            "2026-10-01T25:00|is not a time: hour 25 does not exist; hours run from 00 to 23",
            "2026-10-01T23:60|is not a time: minute 60 does not exist; minutes run from 00 to 59",
            "2026-10-01T23:59:60|is not a time: second 60 does not exist; seconds run from 00 to 59",
            "2026-10-01T23:59:60.5|is not a time: second 60 does not exist; seconds run from 00 to 59",
            // The date first: the day is what a reader looks for.
            "2026-09-31T24:00|names day 31 of September 2026, which has 30 days"})
    void aDayOrTimeTheCalendarDoesNotHaveIsNamed(String text, String why) {
        assertEquals(why, ImpossibleDate.why(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-09-30T10:00", "2024-02-29", "2026-12", "2026-01", "2026-10-01T23:59:59", "2026-10-01T00:00",
            "2026-10-31 23:59:59.999"})
    void aDayAndTimeThatExistHaveNothingWrong(String text) {
        assertNull(ImpossibleDate.why(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"31/09/2026", "2026-9-31", "2026-09-31T10", "2026-09-31T10:00Z", "20260931", " 2026-09-31", ""})
    void textOfAnotherFormIsLeftToSayItsForm(String text) {
        assertNull(ImpossibleDate.why(text));
    }
}
