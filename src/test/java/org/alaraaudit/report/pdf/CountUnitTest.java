package org.alaraaudit.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A value that counts things is written as a reader says it: one acquisition, two acquisitions; units stay units. */
class CountUnitTest {
    @Test
    void oneOfAThingIsSingularAndEverythingElseKeepsItsUnit() {
        assertEquals("1 acquisition", Text.value(1.0, "acquisitions"));
        assertEquals("2 acquisitions", Text.value(2.0, "acquisitions"));
        assertEquals("1 study", Text.value(1.0, "studies"));
        assertEquals("1 year", Text.value(1.0, "years"));
        assertEquals("1.5 years", Text.value(1.5, "years"));
        assertEquals("1 mGy", Text.value(1.0, "mGy"), "a unit of measure is never made singular");
        assertEquals("0 studies", Text.value(0.0, "studies"));
    }
}
