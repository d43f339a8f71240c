package org.alaraaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Reports print a child's age cut, never rounded up across the pediatric limit. */
class AgeCellTest {
    @Test
    void aChildTheDayBeforeTheEighteenthBirthdayIsPrintedBelowEighteen() {
        assertEquals(17.99, Cells.age(17.9996));
        assertEquals(18.0, Cells.age(18.0));
        assertEquals(2.3, Cells.age(2.3));
        assertEquals(5.99, Cells.age(5.999));
        assertNull(Cells.age(null));
    }
}
