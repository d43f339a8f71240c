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
}
