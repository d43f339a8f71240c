package org.alaraaudit.audit.spill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The spill thresholds follow the heap: in -Xmx256m the rows and findings held before spilling fit in a fraction
 * of it, so a registry-sized audit gets slower there rather than running out of memory; a large heap keeps the
 * limit the request asks for.
 */
class HeapBudgetTest {
    private static final long MB = 1024 * 1024;
    private static final int REQUESTED = 250_000;

    @Test
    void aSmallHeapHoldsFewerRowsAndFindingsThanRequested() {
        long heap = 256 * MB;
        int rows = HeapBudget.rows(REQUESTED, heap);
        int findings = HeapBudget.findings(REQUESTED / 5, heap);
        assertTrue(rows < REQUESTED && findings < REQUESTED / 5, rows + " rows, " + findings + " findings");
        // Both are in memory while the rules run: together well under half the heap.
        assertTrue(rows * HeapBudget.BYTES_PER_ROW + findings * HeapBudget.BYTES_PER_FINDING < heap / 2,
                rows + " rows, " + findings + " findings in " + heap);
    }

    @Test
    void aLargeHeapKeepsTheRequestedLimits() {
        assertEquals(REQUESTED, HeapBudget.rows(REQUESTED, 8192 * MB));
        assertEquals(REQUESTED / 5, HeapBudget.findings(REQUESTED / 5, 8192 * MB));
    }

    @Test
    void aSmallerRequestedLimitIsKept() {
        assertEquals(10, HeapBudget.rows(10, 256 * MB));
        assertEquals(3, HeapBudget.findings(3, 256 * MB));
    }

    @Test
    void theBudgetGrowsWithTheHeap() {
        assertTrue(HeapBudget.rows(REQUESTED, 512 * MB) > HeapBudget.rows(REQUESTED, 256 * MB));
        assertTrue(HeapBudget.rows(REQUESTED, 16 * MB) > 0);
    }
}
