package org.alaraaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Doses, DRLs and ratios as the reports print them: three significant figures, no false precision, whole units kept. */
class SignificantFiguresTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"27.0,27", "23,23", "10.46,10.5", "10.45,10.5", "0.0512,0.0512", "0.05,0.05", "4.6,4.6", "1196,1196",
            "5408.2,5408", "99.96,100", "0,0", "-2.345,-2.35"})
    void threeSignificantFiguresWithoutTrailingZerosOrRoundedAwayUnits(double value, String printed) {
        assertEquals(printed, SignificantFigures.three(value));
    }

    /** The workbook shows a median of 3.26 and 3.27 as 3.27 (a spreadsheet rounds to 15 digits first): so does the PDF. */
    @org.junit.jupiter.api.Test
    void aMedianHalfwayBetweenTwoValuesRoundsUpAsTheWorkbookShowsItNotDownByTheArithmeticsLastBit() {
        double median = (3.26 + 3.27) / 2;
        assertEquals("3.2649999999999997", Double.toString(median), "the arithmetic leaves a last bit below 3.265");
        assertEquals("3.27", SignificantFigures.three(median));
        assertEquals("3.26", SignificantFigures.three(3.2649));
        assertEquals("0.1", SignificantFigures.three(0.1 + 0.2 - 0.2), "0.10000000000000003 is 0.1");
    }
}
