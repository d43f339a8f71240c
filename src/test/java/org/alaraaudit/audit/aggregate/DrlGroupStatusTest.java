package org.alaraaudit.audit.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alaraaudit.model.DoseGroup;
import org.junit.jupiter.api.Test;

/** The reports ask a group or a typical value for its status by the enum; the status text findings.json writes stays the same. */
class DrlGroupStatusTest {
    private static DrlGroup group(DoseGroup.Status status, Double ratio) {
        return new DrlGroup("General", "CT_HEAD", "1-<5 y", "CTDIvol", 12, 30.0, 35.0, 25.0, ratio, status.name(), "src", 16,
                12, "eu", 16, null, null, null);
    }

    @Test
    void aGroupSaysWhetherItIsAboveAndWhetherItWasJudged() {
        DrlGroup above = group(DoseGroup.Status.ABOVE, 1.2);
        assertTrue(above.above() && above.judged() && above.is(DoseGroup.Status.ABOVE));
        assertEquals("ABOVE", above.status(), "the text findings.json and the store keep");
        DrlGroup below = group(DoseGroup.Status.BELOW, 0.8);
        assertFalse(below.above());
        assertTrue(below.judged());
        DrlGroup few = group(DoseGroup.Status.INSUFFICIENT_SAMPLE, 1.3);
        assertFalse(few.above() || few.judged(), "a ratio of too few studies is no verdict");
        assertFalse(group(DoseGroup.Status.NOT_COMPARABLE, null).judged());
    }

    @Test
    void aTypicalValueSaysTheSame() {
        var above = new ProjectionFigures.TypicalValue("General", "radiography", "CHEST PA", "5-<10 y", 10, 0.08, true, 10,
                "ABOVE", 0.05, "row", "src", "secondary");
        assertTrue(above.above() && above.judged());
        assertEquals(1.6, above.ratio(), 1e-9);
        assertEquals("ABOVE DRL", above.statusWords());
        assertEquals("above the DRL", above.comparison(10));
        var none = new ProjectionFigures.TypicalValue("General", "radiography", "HAND PA", "5-10 y", 1, 0.01, false, 1,
                "NO_DRL", null, null, null, null);
        assertFalse(none.above() || none.judged());
        assertNull(none.ratio());
        assertEquals("no DRL row", none.statusWords());
        var few = new ProjectionFigures.TypicalValue("General", "radiography", "SKULL AP", "5-<10 y", 3, 0.5, false, 3,
                "INSUFFICIENT_SAMPLE", 0.3, "row", "src", "unverified");
        assertNull(few.ratio());
        assertEquals("insufficient sample: 3 studies, fewer than 10; not judged", few.comparison(10));
    }
}
