package org.alaraaudit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which region covers which: what multiphase and accumulated-dose findings count over. */
public class TargetRegionTest {

    @Test
    void aChestAbdomenPelvisScanCoversEachOfItsPartsAndTheAbdomenPelvisButNotTheHead() {
        TargetRegion cap = TargetRegion.CHEST_ABDOMEN_PELVIS;
        for (TargetRegion r : EnumSet.of(TargetRegion.CHEST, TargetRegion.ABDOMEN, TargetRegion.PELVIS,
                TargetRegion.ABDOMEN_PELVIS, TargetRegion.CHEST_ABDOMEN_PELVIS)) {
            assertTrue(cap.covers(r), "CAP covers " + r);
        }
        assertFalse(cap.covers(TargetRegion.HEAD));
        assertFalse(cap.covers(TargetRegion.WHOLE_BODY));
        assertFalse(TargetRegion.CHEST.covers(cap), "a chest scan does not cover the whole of a CAP");
        assertTrue(TargetRegion.ABDOMEN_PELVIS.covers(TargetRegion.PELVIS));
        assertFalse(TargetRegion.ABDOMEN_PELVIS.covers(TargetRegion.CHEST));
        assertFalse(TargetRegion.HEAD.covers(TargetRegion.NECK));
    }

    @Test
    void theWholeBodyCoversEveryKnownRegionAndNothingCoversOtherNotEvenOther() {
        int covered = 0;
        for (TargetRegion r : TargetRegion.values()) {
            assertEquals(r != TargetRegion.OTHER, TargetRegion.WHOLE_BODY.covers(r), "whole body over " + r);
            assertFalse(r.covers(TargetRegion.OTHER), r + " over OTHER");
            assertFalse(TargetRegion.OTHER.covers(r) && r != TargetRegion.OTHER, "OTHER over " + r);
            assertEquals(r != TargetRegion.OTHER, r.covers(r), r + " over itself");
            assertFalse(r.covers(null));
            if (TargetRegion.SPINE.covers(r)) covered++;
        }
        assertEquals(1, covered, "the spine covers only the spine");
    }

    @Test
    void coveringIsNotOverlapping() {
        Set<TargetRegion> overlapsChest = EnumSet.noneOf(TargetRegion.class);
        for (TargetRegion r : TargetRegion.values()) if (r.overlaps(TargetRegion.CHEST)) overlapsChest.add(r);
        assertEquals(EnumSet.of(TargetRegion.CHEST, TargetRegion.CHEST_ABDOMEN_PELVIS, TargetRegion.WHOLE_BODY), overlapsChest);
        assertTrue(TargetRegion.CHEST.overlaps(TargetRegion.CHEST_ABDOMEN_PELVIS));
        assertFalse(TargetRegion.CHEST.covers(TargetRegion.CHEST_ABDOMEN_PELVIS));
    }
}
