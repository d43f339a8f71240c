package org.alaraaudit.report.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A range in the trend PDF, such as a median's 95 % interval, rounds both its ends by the same rule. */
class TrendRangeTest {
    @Test
    void bothEndsOfARangeHaveThreeSignificantFigures() {
        // Not "96.6-142.89": an end with two decimals beside one with one reads as a more precise measurement.
        assertEquals("96.6\u2013143", TrendText.range(96.6, 142.89));
        assertEquals("0.3\u20131.73", TrendText.range(0.3, 1.734));
        assertEquals("1234\u20132000", TrendText.range(1234.4, 2000.0));
    }
}
