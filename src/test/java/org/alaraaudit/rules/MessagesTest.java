package org.alaraaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How a finding's message words its numbers. */
class MessagesTest {
    @Test
    void aDeviationIndexIsSignedWithTwoDecimalsAtMost() {
        assertEquals("+4.21", Messages.signed(4.2114));
        assertEquals("-1.5", Messages.signed(-1.5));
        assertEquals("+3", Messages.signed(3.0));
        assertEquals("0", Messages.signed(0.0));
        assertEquals("0", Messages.signed(0.001), "no sign on a value that rounds to nothing");
        assertEquals("", Messages.signed(null));
    }

    @Test
    void aDeviationIndexJustBeyondItsActionLevelTakesTheDecimalsThatShowIt() {
        assertEquals("+3.004", Messages.signed(3.004, 3.0), "not +3 above +3");
        assertEquals("+3.01", Messages.signed(3.0149, 3.0));
        assertEquals("-1.0001", Messages.signed(-1.0001, -1.0));
        assertEquals("+4.21", Messages.signed(4.2114, 3.0));
    }

    /** A DRL finding's "%.2f" of a median of 3.26 and 3.27 reads 3.27, as the workbook's cell and the PDF's table do. */
    @Test
    void aFindingsMessageRoundsAMedianAsTheValueItStandsForNotByItsLastBinaryBit() {
        double median = (3.26 + 3.27) / 2;
        assertEquals("median 3.27 mGy", Messages.format("median %.2f mGy", median));
        assertEquals("median 3.26 mGy", Messages.format("median %.2f mGy", 3.2649));
        assertEquals("12 studies, 3.27", Messages.format("%d studies, %.2f", 12, median), "other arguments are left as they are");
        assertEquals(3.265, Messages.meant(median));
        assertEquals(0.0, Messages.meant(0.0));
        // every digit a dose, a ratio or a DLP has is kept, whatever its size
        for (double v : new double[]{0.0512, 1.075, 27.0, 1196.0, 5408.2, 123456.789, -2.345, 0.000123456789012, 1533.5, 987654321.123}) {
            assertEquals(v, Messages.meant(v), "unchanged: " + v);
        }
        assertEquals(0.3, Messages.meant(0.1 + 0.2));
        assertEquals(1533.5, Messages.meant(1533.4999999999998));
    }
}
