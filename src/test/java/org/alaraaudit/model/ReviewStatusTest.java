package org.alaraaudit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The review status a safety officer types into the workbook, read as one of the four. */
class ReviewStatusTest {
    @Test
    void aStatusTypedInLowerCaseWithSpacesIsStillThatStatus() {
        assertEquals(Optional.of(ReviewStatus.ACTION_TAKEN), ReviewStatus.parse(" action taken "));
        assertEquals(Optional.of(ReviewStatus.FALSE_POSITIVE), ReviewStatus.parse("False_Positive"));
    }

    @Test
    void aWordThatIsNoStatusIsNone() {
        assertTrue(ReviewStatus.parse("DONE").isEmpty());
        assertTrue(ReviewStatus.parse("").isEmpty());
        assertTrue(ReviewStatus.parse(null).isEmpty());
    }

    @Test
    void theChoicesAreListedInTheOrderTheWorkbookOffersThem() {
        assertEquals("OPEN, JUSTIFIED, ACTION_TAKEN, FALSE_POSITIVE", ReviewStatus.choices());
        assertEquals("OPEN, JUSTIFIED, ACTION_TAKEN or FALSE_POSITIVE", ReviewStatus.either());
    }
}
