package org.alaraaudit.dosimetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgeBandTest {

    private final AgeBand oneToFive = new AgeBand(1.0, 5.0);

    @ParameterizedTest(name = "age {0} in 1-<5 y: {1}")
    @CsvSource({"0.999,false", "1,true", "4.999,true", "5,false", "-1,false", "NaN,false"})
    void minimumIsInsideAndMaximumOutside(double age, boolean inside) {
        assertEquals(inside, oneToFive.contains(age));
    }

    @Test
    void blankEndsAreUnbounded() {
        AgeBand adult = new AgeBand(18.0, null);
        assertTrue(adult.contains(18));
        assertTrue(adult.contains(120));
        assertFalse(adult.contains(17.999));
        AgeBand under1 = new AgeBand(null, 1.0);
        assertTrue(under1.contains(0));
        assertFalse(under1.contains(1));
        assertTrue(AgeBand.ALL_AGES.contains(42));
    }

    @Test
    void labelsReadLikeTheReferenceTables() {
        assertEquals("1-<5 y", oneToFive.label());
        assertEquals(">=18 y", new AgeBand(18.0, null).label());
        assertEquals("<1 y", new AgeBand(null, 1.0).label());
        assertEquals("0.5-<3 y", new AgeBand(0.5, 3.0).label());
        assertEquals("all ages", AgeBand.ALL_AGES.label());
    }

    @Test
    void neighboursSharingAnEdgeDoNotOverlap() {
        assertFalse(oneToFive.overlaps(new AgeBand(5.0, 10.0)));
        assertFalse(oneToFive.overlaps(new AgeBand(0.0, 1.0)));
        assertTrue(oneToFive.overlaps(new AgeBand(4.0, 10.0)));
        assertTrue(oneToFive.overlaps(new AgeBand(null, null)));
        assertTrue(new AgeBand(18.0, null).overlaps(new AgeBand(30.0, null)));
    }

    @Test
    void minimumMustBeBelowMaximum() {
        assertThrows(IllegalArgumentException.class, () -> new AgeBand(5.0, 5.0));
        assertThrows(IllegalArgumentException.class, () -> new AgeBand(5.0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new AgeBand(Double.NaN, 1.0));
    }
}
