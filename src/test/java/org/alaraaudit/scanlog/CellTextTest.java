package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Cells of any export as canonical text: exact decimals and ISO dates. */
class CellTextTest {
    @ParameterizedTest(name = "\"{0}\" + \"{1}\" = {2}")
    @CsvSource(nullValues = "null", value = {
            "2017-11-15, 07:53:19, 2017-11-15T07:53:19",
            "2017-11-15, 07:53:19.123456, 2017-11-15T07:53:19",
            "2017-11-15, 0753, 2017-11-15T07:53:00",
            "2017-11-15T07:53, null, 2017-11-15T07:53:00",
            "2017-11-15 07:53:19, null, 2017-11-15T07:53:19",
            "20171115, 075319, 2017-11-15T07:53:19",
            "20171115075319, null, 2017-11-15T07:53:19",
            "2017-11-15, null, 2017-11-15T00:00:00"})
    void textDatesAndTimes(String date, String time, String expected) {
        assertEquals(expected, CellText.iso(CellText.dateTime(date, time, null)));
    }

    @Test
    void excelCellsAndSerialNumbers() {
        LocalDateTime day = LocalDateTime.of(2026, 10, 5, 0, 0);
        LocalDateTime timeCell = LocalDateTime.of(1899, 12, 31, 9, 12, 29, 999_000_000);
        assertEquals("2026-10-05T09:12:30", CellText.iso(CellText.dateTime(day, timeCell, null)), "a time cell a hair short of the second");
        assertEquals("2026-10-05T12:00:00", CellText.iso(CellText.dateTime(46300.5, null, null)), "serial date without a date format");
        assertEquals("2026-10-05T06:00:00", CellText.iso(CellText.dateTime(day, 0.25, null)));
        assertNull(CellText.dateTime("5th October", null, null));
        assertNull(CellText.dateTime("2017-11-15", "late", null));
    }

    @Test
    void numbersArePlainAndExact() {
        assertEquals("118", CellText.text(118.0));
        assertEquals("0.00012", CellText.text(1.2e-4));
        assertEquals("12345678901", CellText.text(12345678901.0), "an accession number typed as a number");
        assertEquals("1.18", CellText.plain(CellText.number("1,18", true)));
        assertEquals("1000", CellText.plain(CellText.number("1e3", false)));
        assertNull(CellText.number("12,5O", true));
        assertNull(CellText.number("0x1p3", false));
        assertNull(CellText.number(Double.NaN, false));
        assertEquals("2026-10-05", CellText.text(LocalDateTime.of(2026, 10, 5, 0, 0)));
    }
}
