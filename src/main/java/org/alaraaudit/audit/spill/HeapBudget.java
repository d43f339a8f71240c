package org.alaraaudit.audit.spill;

/**
 * How much the audit holds in memory before a stage spills to disk, from the heap the JVM was given
 * ({@code Runtime.maxMemory()}, set with {@code -Xmx}): a small heap makes an audit slower, never fail. The
 * request's limit stays the ceiling, so a large heap changes nothing.
 */
final class HeapBudget {
    /**
     * About what a validated row costs while rows are grouped by patient: measured at 1.1-1.2 KB (its strings,
     * dates and boxed numbers) on a generated year of scan logs, rounded up.
     */
    static final long BYTES_PER_ROW = 1_500;
    /**
     * Counted as five rows, though a finding was measured at 0.8 KB (its message, id, source lines, figures and the
     * study texts it keeps alive), so findings go to disk early. Holding the 1M year's 72,000 findings in memory
     * instead of spilling them in three sorted runs took the same time (1.01x, six runs each) and more memory.
     */
    static final long BYTES_PER_FINDING = 5 * BYTES_PER_ROW;
    /**
     * The rows being grouped and the findings being collected are both in memory while the rules run, beside the
     * rule sessions, the batches waiting for them and the tallies: each gets a fifth of the heap.
     */
    private static final int SHARE = 5;
    /** Below this a spill file per batch costs more than it saves; no heap the tool starts in is that small. */
    private static final int FLOOR = 1_000;

    private HeapBudget() {}

    /** Rows held before the patient buckets go to disk, at most {@code limit}. */
    static int rows(int limit) { return rows(limit, Runtime.getRuntime().maxMemory()); }

    static int rows(int limit, long maxHeapBytes) { return within(limit, maxHeapBytes / SHARE / BYTES_PER_ROW); }

    /** Findings held before a sorted run of them goes to disk, at most {@code limit}. */
    static int findings(int limit) { return findings(limit, Runtime.getRuntime().maxMemory()); }

    static int findings(int limit, long maxHeapBytes) { return within(limit, maxHeapBytes / SHARE / BYTES_PER_FINDING); }

    private static int within(int limit, long budget) {
        return (int) Math.min(limit, Math.max(FLOOR, budget));
    }
}
